/**
 * The reading notes (headers skipped, a sheet-level name used, a first week that is not a Monday)
 * written on the sheets a run makes, under everything the builder placed: the sheet says how its
 * figures were read. Host-neutral and pure: both hosts add them to the specs they write.
 */
import { describeReadingNote, Language, READING_NOTES_TEXT } from "./messages";
import type { ReadingNote } from "./inputs";
import { cellAddress, parseCell, SheetSpec, text } from "./spec";

/** The first row (0-based) below every block, table and chart of the spec. */
function firstFreeRow(spec: SheetSpec): number {
  let end = 0;
  for (const block of spec.blocks) end = Math.max(end, parseCell(block.at).row + block.cells.length);
  // A table's header row comes on top of its rows.
  for (const table of spec.tables) end = Math.max(end, parseCell(table.at).row + table.rows.length + 1);
  for (const chart of spec.charts) end = Math.max(end, parseCell(chart.at).row + chart.heightRows);
  return end;
}

/**
 * The spec with the notes under its content, one line each after a heading; the spec itself when
 * there are none.
 *
 * @example
 * withReadingNotes(projectionSpec, [{ kind: "sheet-scoped", name: "Instroom", sheet: "Invoer" }], "nl")
 */
export function withReadingNotes(spec: SheetSpec, notes: readonly ReadingNote[], language: Language): SheetSpec {
  if (notes.length === 0) return spec;
  const row = firstFreeRow(spec) + 1;
  return {
    ...spec,
    blocks: [
      ...spec.blocks,
      { at: cellAddress(row, 0), cells: [[text(READING_NOTES_TEXT[language])]], style: "subtitle" },
      { at: cellAddress(row + 1, 0), cells: notes.map((note) => [text(describeReadingNote(note, language))]), style: "note" },
    ],
  };
}
