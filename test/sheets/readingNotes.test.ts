/**
 * What reading the inputs does on both hosts, host-neutral: headers above a whole column skipped,
 * dates moved out of the 1904 system, a first week that is not a Monday, which sheets are still
 * the add-in's, and the notes written under a sheet. Pure.
 */
import {
  firstWeekNote,
  isGivenSheetName,
  isMarkerTableName,
  skipHeaders,
  toDate1900,
  weekdayOf,
} from "../../src/sheets/inputs";
import { describeReadingNote } from "../../src/sheets/messages";
import { withReadingNotes } from "../../src/sheets/readingNotes";
import { excelDateSerial, SheetSpec, text } from "../../src/sheets/spec";

describe("skipHeaders", () => {
  test("leading text cells of a column are headers; the blanks after them go too", () => {
    const raw = { address: "Invoer!C1:C6", values: [["Instroom"], ["per week"], [null], [25], [26], [27]] };
    expect(skipHeaders(raw, "Invoer!C:C")).toEqual({
      raw: { address: "Invoer!C4:C6", values: [[25], [26], [27]] },
      note: { kind: "headers-skipped", from: "Invoer!C:C", cells: "Invoer!C1:C3", texts: ["Instroom", "per week"], to: "Invoer!C4:C6" },
    });
  });

  test("a row works the same way", () => {
    const raw = { address: "'Week data'!A5:D5", values: [["Intake", 25, 26, 27]] };
    expect(skipHeaders(raw, "'Week data'!5:5")?.raw).toEqual({ address: "'Week data'!B5:D5", values: [[25, 26, 27]] });
  });

  test("a column that starts with a figure, or with an error value, is left alone: the check names the cell", () => {
    expect(skipHeaders({ address: "Invoer!C5:C7", values: [[25], ["n.v.t."], [27]] }, "Invoer!C:C")).toBeUndefined();
    expect(skipHeaders({ address: "Invoer!C5:C7", values: [["#N/A"], [26], [27]] }, "Invoer!C:C")).toBeUndefined();
    expect(skipHeaders({ address: "Invoer!C5:C7", values: [[{ error: "#REF!" }], [26], [27]] }, "Invoer!C:C")).toBeUndefined();
  });

  test("only headers: nothing left, the check then says the column is empty", () => {
    expect(skipHeaders({ address: "Invoer!C1", values: [["Instroom"]] }, "Invoer!C:C")?.raw.values).toEqual([]);
  });
});

describe("toDate1900", () => {
  test("a 1904 serial becomes the same day's 1900 serial; a Date stays; a 1900 workbook is left as it is", () => {
    const raw = { address: "Invoer!B2", values: [[43_830]] };
    expect(toDate1900(raw, true).values).toEqual([[excelDateSerial(2024, 1, 1)]]);
    const day = new Date(Date.UTC(2024, 0, 1));
    expect(toDate1900({ address: "FirstWeek", values: [[day]] }, true).values).toEqual([[day]]);
    expect(toDate1900(raw, false)).toBe(raw);
  });
});

describe("a first week that is not a Monday", () => {
  test("the weekday of a serial, Monday = 1", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => weekdayOf(excelDateSerial(2024, 1, 1) + d))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  test("a Monday is not worth a note; any other day is, in both languages", () => {
    expect(firstWeekNote(excelDateSerial(2024, 1, 1))).toBeUndefined();
    expect(firstWeekNote(undefined)).toBeUndefined();
    const sunday = firstWeekNote(excelDateSerial(2023, 12, 31), "Invoer!B5");
    expect(sunday).toEqual({ kind: "not-monday", serial: excelDateSerial(2023, 12, 31), weekday: 7, address: "Invoer!B5" });
    expect(describeReadingNote(sunday as NonNullable<typeof sunday>, "nl")).toBe(
      "De eerste week (Invoer!B5) begint op zondag 2023-12-31, niet op een maandag; de Voorraadplanner houdt die dag aan: elke week loopt van zondag tot en met zaterdag en heet naar de ISO-week waarin hij begint (2023-W52).",
    );
    expect(describeReadingNote(sunday as NonNullable<typeof sunday>, "en")).toBe(
      "The first week (Invoer!B5) starts on Sunday 2023-12-31, not on a Monday; the Backlog Planner keeps that day: each week runs from Sunday to Saturday and is named after the ISO week it starts in (2023-W52).",
    );
  });
});

describe("which sheet and table names are still the add-in's own", () => {
  test.each([
    ["Prognose", "Prognose", true],
    ["prognose", "Prognose", true],
    ["Prognose (2)", "Prognose", true],
    ["Prognose (12)", "Prognose", true],
    ["Prognose (1)", "Prognose", false],
    ["Prognose maart", "Prognose", false],
    ["Prognose(2)", "Prognose", false],
    ["Kopie van Prognose", "Prognose", false],
    // Cut to Excel's 31 characters, with room for the suffix.
    ["What-if voorraad en capacit (2)", "What-if voorraad en capaciteit 2024", true],
  ])("%s for %s: %p", (sheet, wanted, expected) => {
    expect(isGivenSheetName(sheet, wanted)).toBe(expected);
  });

  test.each([
    ["VoorraadplannerPrognose", true],
    ["voorraadplannerprognose_2", true],
    ["VoorraadplannerPrognose_x", false],
    ["VoorraadplannerPrognose2", false],
    ["MijnVoorraadplannerPrognose", false],
  ])("table %s is a marker of VoorraadplannerPrognose: %p", (table, expected) => {
    expect(isMarkerTableName(table, "VoorraadplannerPrognose")).toBe(expected);
  });
});

describe("withReadingNotes", () => {
  const spec: SheetSpec = {
    name: "Prognose",
    markerTable: "T",
    blocks: [{ at: "A1", cells: [[text("Titel")], [text("Noot")]] }],
    tables: [{ name: "T", at: "A5", columns: [{ header: "Week" }], rows: [[1], [2], [3]] }],
    charts: [{ kind: "line", title: "c", categories: "A6:A8", series: [], at: "C2", widthColumns: 5, heightRows: 12 }],
  };

  test("under everything on the sheet (here the chart, down to row 13), a heading and one line per note", () => {
    const noted = withReadingNotes(spec, [{ kind: "sheet-scoped", name: "Instroom", sheet: "Invoer" }], "en");
    expect(noted.blocks.slice(1)).toEqual([
      { at: "A15", cells: [[text("Reading the inputs")]], style: "subtitle" },
      {
        at: "A16",
        cells: [
          [
            text(
              "The name Instroom applies only to the sheet 'Invoer'; as there is no other, it was used. Make it workbook-wide (Formulas > Name Manager, scope 'Workbook') if it is meant for the whole workbook.",
            ),
          ],
        ],
        style: "note",
      },
    ]);
    expect(noted.tables).toBe(spec.tables);
  });

  test("no notes: the spec itself", () => {
    expect(withReadingNotes(spec, [], "nl")).toBe(spec);
  });
});
