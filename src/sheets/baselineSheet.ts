/**
 * The baseline sheet ("Basislijn 2024-01-15" / "Baseline 2024-01-15", issue 23): the plan that
 * was in force, as fixed values, so Voortgang compares the actuals with what was promised rather
 * than with what the inputs say today. Pure: a Baseline in, a SheetSpec out.
 *
 * Recognised by its table, not its sheet name: the table is named `VoorraadplannerBasislijn`
 * and the day it was made (`VoorraadplannerBasislijn20240115`). The baseline in force is the
 * newest such table; every baseline carries its date in its sheet's name from the start, so a
 * new one leaves the old one as it is. Week 0 of the table holds the opening backlog.
 */
import type { Baseline } from "../engine";
import { isoDate, serialToParts } from "./dates";
import type { Language } from "./messages";
import { areaOf, headerWidth, printSpec } from "./page";
import { Block, Cell, cellAddress, date, SheetSpec, text } from "./spec";

/** The start of every baseline table's name; the rest is the day it was made, YYYYMMDD. */
export const BASELINE_TABLE_PREFIX = "VoorraadplannerBasislijn";

/** The marker table of the baseline made on `madeOn` (an Excel serial). */
export function baselineTableName(madeOn: number): string {
  const { year, month, day } = serialToParts(madeOn);
  return `${BASELINE_TABLE_PREFIX}${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
}

/** The table's columns, in order: the plan step reads them back in this order. */
export const BASELINE_COLUMNS = ["week", "date", "intake", "capacity", "decisions", "backlog"] as const;

const BASELINE_TEXT = {
  nl: {
    sheet: (day: string) => `Basislijn ${day}`,
    title: (day: string) => `Basislijn van ${day}: het plan waartegen Voortgang meet`,
    note: [
      "Vaste waarden, gemaakt door de Voorraadplanner bij de eerste Voortgang.",
      "Voortgang vergelijkt de gerealiseerde cijfers met dit plan,",
      "niet met wat de invoer nu zegt. Een nieuwe basislijn alleen op verzoek:",
      "de knop Nieuwe basislijn, of npm run plan -- --new-baseline;",
      "deze blijft dan bewaard. Week 0 is de beginvoorraad.",
    ],
    inputs: "Invoer van het plan",
    names: {
      Opening: "Beginvoorraad",
      MeanIntake: "Instroom per week (gemiddeld)",
      MeanCapacity: "Capaciteit per week (gemiddeld)",
      Uplift: "Opslag van de planregel",
      Weeks: "Horizon (weken)",
      TargetBacklog: "Doelvoorraad",
    } as Record<string, string>,
    columns: ["Week", "Beginweek", "Instroom", "Capaciteit", "Afdoeningen", "Voorraad einde week"],
  },
  en: {
    sheet: (day: string) => `Baseline ${day}`,
    title: (day: string) => `Baseline of ${day}: the plan Progress measures against`,
    note: [
      "Fixed values, made by the Backlog Planner at the first Progress run.",
      "Progress compares the actuals with this plan, not with what",
      "the inputs say today. A new baseline only on request: the",
      "New baseline button, or npm run plan -- --new-baseline;",
      "this one is then kept. Week 0 is the opening backlog.",
    ],
    inputs: "The plan's inputs",
    names: {
      Opening: "Opening backlog",
      MeanIntake: "Intake per week (mean)",
      MeanCapacity: "Capacity per week (mean)",
      Uplift: "Planning rule uplift",
      Weeks: "Horizon (weeks)",
      TargetBacklog: "Target backlog",
    } as Record<string, string>,
    columns: ["Week", "Week start", "Intake", "Capacity", "Decisions", "Backlog at week end"],
  },
} as const;

/** The sheet name a baseline gets: with its date, so a newer one never takes it. */
export function baselineSheetName(madeOn: number, language: Language): string {
  return BASELINE_TEXT[language].sheet(isoDate(madeOn));
}

/** 0-based row of the inputs' heading: under the title and the five lines of the note. */
const INPUTS_ROW = 7;
/** Number formats of the recorded inputs; a figure not listed gets one decimal. */
const INPUT_FORMATS: Record<string, string> = { Uplift: "0%", Weeks: "0" };

/**
 * The baseline as a sheet of fixed values: title, a note, its inputs, and the weekly planned path.
 *
 * @example
 * const made = makeBaseline({ opening: 1440, intake: 25, capacity: 1600 / 52, madeOn: 45306, firstWeek: 45292 });
 * if (made.ok) buildBaselineSheet({ baseline: made.value, language: "nl" }); // sheet "Basislijn 2024-01-15"
 */
export function buildBaselineSheet(options: { baseline: Baseline; language: Language }): SheetSpec {
  const { baseline, language } = options;
  const labels = BASELINE_TEXT[language];
  const day = isoDate(baseline.madeOn);
  const inputs = Object.entries(baseline.inputs);
  const tableRow = INPUTS_ROW + 2 + inputs.length;
  const rows: Cell[][] = [
    [0, null, null, null, null, baseline.opening],
    ...baseline.weeks.map((w, t): Cell[] => [
      w.week,
      baseline.firstWeek === null ? null : date(baseline.firstWeek + 7 * t),
      w.intake,
      w.capacity,
      w.decisions,
      w.backlog,
    ]),
  ];
  const blocks: Block[] = [
    { at: "A1", cells: [[text(labels.title(day))]], style: "title" },
    { at: "A2", cells: labels.note.map((line) => [text(line)]), style: "note" },
    { at: cellAddress(INPUTS_ROW, 0), cells: [[text(labels.inputs)]], style: "subtitle" },
  ];
  if (inputs.length > 0) {
    blocks.push({ at: cellAddress(INPUTS_ROW + 1, 0), cells: inputs.map(([name]) => [text(labels.names[name] ?? name)]), style: "label" });
    // One block per figure: each its own format (a share as %, weeks whole).
    inputs.forEach(([name, value], i) =>
      blocks.push({ at: cellAddress(INPUTS_ROW + 1 + i, 3), cells: [[value]], numberFormat: INPUT_FORMATS[name] ?? "#,##0.0", style: "output" }),
    );
  }
  const lastRow = tableRow + rows.length;
  const title = labels.title(day);
  return {
    name: labels.sheet(day),
    markerTable: baselineTableName(baseline.madeOn),
    blocks,
    tables: [
      {
        name: baselineTableName(baseline.madeOn),
        at: cellAddress(tableRow, 0),
        columns: labels.columns.map((header, i) => ({ header, numberFormat: ["0", "yyyy-mm-dd", "#,##0.0", "#,##0.0", "#,##0.0", "#,##0.0"][i] as string })),
        rows,
        style: "TableStyleMedium2",
      },
    ],
    charts: [],
    // Each column as wide as its header in either language (a header wraps only between words).
    columnWidths: Object.fromEntries(
      (["A", "B", "C", "D", "E", "F", "G", "H"] as const).map((letter, i) => [
        letter,
        Math.max(i === 0 ? 8 : 11, ...(["nl", "en"] as const).map((l) => headerWidth(BASELINE_TEXT[l].columns[i] ?? ""))),
      ]),
    ),
    freeze: { rows: tableRow + 1, columns: 0 },
    print: printSpec({
      title,
      language,
      createdOn: baseline.madeOn,
      // Two columns past the table (G, H, empty): room on paper for the title and the note.
      area: areaOf(0, 0, lastRow, 7),
      titleRows: { first: tableRow + 1, last: tableRow + 1 },
    }),
  };
}
