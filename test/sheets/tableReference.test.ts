/** Structured references as Excel writes them, and the data rows they take. Pure. */
import { parseTableReference, TableLayout, tableRange, takesDataRows } from "../../src/sheets/tableReference";

describe("parseTableReference", () => {
  test.each([
    ["Planning[Instroom]", { table: "Planning", columns: ["Instroom"], specials: [] }],
    ["=Planning[Instroom per week]", { table: "Planning", columns: ["Instroom per week"], specials: [] }],
    ["Planning[[#Data],[Instroom per week]]", { table: "Planning", columns: ["Instroom per week"], specials: ["#data"] }],
    ["Planning[[#Data], [Instroom]]", { table: "Planning", columns: ["Instroom"], specials: ["#data"] }],
    ["Planning[[Instroom]]", { table: "Planning", columns: ["Instroom"], specials: [] }],
    ["Planning[#Data]", { table: "Planning", columns: undefined, specials: ["#data"] }],
    ["Planning[]", { table: "Planning", columns: undefined, specials: [] }],
    ["Planning[#All]", { table: "Planning", columns: undefined, specials: ["#all"] }],
    ["Planning[[#Headers],[Week]]", { table: "Planning", columns: ["Week"], specials: ["#headers"] }],
    ["Planning[[#Data],[#Totals],[Week]]", { table: "Planning", columns: ["Week"], specials: ["#data", "#totals"] }],
    ["Planning[@Week]", { table: "Planning", columns: ["Week"], specials: ["#this row"] }],
    ["Planning[[Week]:[Instroom]]", { table: "Planning", columns: ["Week", "Instroom"], specials: [] }],
    // Excel's escapes: an apostrophe before [, ], # and ' in a column name.
    ["Planning[[Capaciteit '[fte']]]", { table: "Planning", columns: ["Capaciteit [fte]"], specials: [] }],
    ["Planning[Capaciteit '[fte']]", { table: "Planning", columns: ["Capaciteit [fte]"], specials: [] }],
    ["Planning['#zaken]", { table: "Planning", columns: ["#zaken"], specials: [] }],
    ["Planning[Jan''s cijfers]", { table: "Planning", columns: ["Jan's cijfers"], specials: [] }],
    ["_Tabel.2[Instroom]", { table: "_Tabel.2", columns: ["Instroom"], specials: [] }],
  ])("%s", (text, expected) => {
    expect(parseTableReference(text)).toEqual(expected);
  });

  test.each([
    "Invoer!$B$5:$B$56",
    "Instroom",
    "SUM(Planning[Instroom])",
    "Planning[Instroom",
    "Planning[[Instroom]",
    "Planning[A]extra",
    "Planning[Cap [fte]]",
    "Planning[[A],[B]]",
    "[1]Invoer!$B$2",
    "Plan ning[Instroom]",
  ])("%s is no structured reference this reader takes", (text) => {
    expect(parseTableReference(text)).toBeUndefined();
  });
});

describe("takesDataRows", () => {
  test.each([
    ["Planning[Instroom]", true],
    ["Planning[[#Data],[Instroom]]", true],
    ["Planning[#Data]", true],
    ["Planning[]", true],
    ["Planning[[#All],[Instroom]]", false],
    ["Planning[[#Headers],[Instroom]]", false],
    ["Planning[[#Totals],[Instroom]]", false],
    ["Planning[[#Data],[#Totals],[Instroom]]", false],
    ["Planning[@Instroom]", false],
  ])("%s: %p", (text, expected) => {
    expect(takesDataRows(parseTableReference(text) as NonNullable<ReturnType<typeof parseTableReference>>)).toBe(expected);
  });
});

describe("tableRange", () => {
  // A4:D57: the header in row 4, 52 data rows, a totals row in 57.
  const planning: TableLayout = {
    name: "Planning",
    sheet: "Invoer",
    top: 4,
    left: 1,
    bottom: 57,
    right: 4,
    headerRows: 1,
    totalsRows: 1,
    columns: ["Week", "Instroom per week", "Capaciteit [fte]", "Opmerking"],
  };
  const range = (text: string): ReturnType<typeof tableRange> =>
    tableRange(planning, parseTableReference(text) as NonNullable<ReturnType<typeof parseTableReference>>);

  test("one column's data rows: below the header, above the totals", () => {
    expect(range("Planning[INSTROOM PER WEEK]")).toEqual({ ok: true, sheet: "Invoer", top: 5, left: 2, bottom: 56, right: 2 });
  });

  test("every column, and a column range in either order", () => {
    expect(range("Planning[#Data]")).toEqual({ ok: true, sheet: "Invoer", top: 5, left: 1, bottom: 56, right: 4 });
    expect(range("Planning[[Opmerking]:[Capaciteit '[fte']]]")).toEqual({ ok: true, sheet: "Invoer", top: 5, left: 3, bottom: 56, right: 4 });
  });

  test("a table without a header row or totals row", () => {
    expect(tableRange({ ...planning, headerRows: 0, totalsRows: 0 }, { table: "Planning", columns: ["Week"], specials: [] })).toEqual({
      ok: true,
      sheet: "Invoer",
      top: 4,
      left: 1,
      bottom: 57,
      right: 1,
    });
  });

  test("a column the table lacks, a header or totals reference, and a table with no data rows", () => {
    expect(range("Planning[Instroom]")).toEqual({ ok: false, reason: "no-column", column: "Instroom" });
    expect(range("Planning[[#Totals],[Week]]")).toEqual({ ok: false, reason: "not-data" });
    expect(tableRange({ ...planning, bottom: 5 }, { table: "Planning", columns: ["Week"], specials: [] })).toEqual({ ok: false, reason: "empty" });
  });
});
