/** How the pane understands what a planner types, and how raw cells are trimmed. Pure. */
import {
  absoluteReference,
  fieldsFromNames,
  mergedOverlap,
  nameForField,
  needsTrim,
  normaliseValues,
  parseField,
  parseReference,
  parseTypedDate,
  parseTypedNumber,
  resolveFields,
  splitAreas,
  trimBlankEnds,
  WorkbookMeta,
  emptyFields,
} from "../../../src/hosts/office/readInputs";

describe("parseReference", () => {
  it.each([
    ["Invoer!C5:C56", { kind: "range", sheet: "Invoer", range: "C5:C56" }],
    ["=invoer!$c$5:$c$56", { kind: "range", sheet: "invoer", range: "C5:C56" }],
    ["'Mijn blad'!B2", { kind: "range", sheet: "Mijn blad", range: "B2" }],
    ["'Jan''s'!A1", { kind: "range", sheet: "Jan's", range: "A1" }],
    ["C:C", { kind: "range", sheet: undefined, range: "C:C" }],
    ["Invoer!5:5", { kind: "range", sheet: "Invoer", range: "5:5" }],
    ["Instroom", { kind: "name", name: "Instroom" }],
    ["_Opslag.2024", { kind: "name", name: "_Opslag.2024" }],
  ])("%s", (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
  });

  it.each(["C5:C56:C9", "XFE1", "A0", "A1048577", "AB12x y", "r", "C", "Invoer!", "1,2"])("rejects %s", (text) => {
    expect(parseReference(text).kind).toBe("invalid");
  });

  it("treats an empty field as empty", () => {
    expect(parseReference("  ")).toEqual({ kind: "empty" });
  });
});

describe("typed numbers and dates", () => {
  it("reads a plain number with either decimal mark, never a thousands separator", () => {
    expect(parseTypedNumber("52")).toBe(52);
    expect(parseTypedNumber("12,5")).toBe(12.5);
    expect(parseTypedNumber("12.5")).toBe(12.5);
    expect(parseTypedNumber(" 10 % ")).toBe(10);
    expect(parseTypedNumber("1.234,5")).toBeUndefined();
    expect(parseTypedNumber("n.v.t.")).toBeUndefined();
  });

  it("reads ISO and day-first dates as Excel serials and refuses impossible ones", () => {
    expect(parseTypedDate("2024-01-01")).toBe(45292);
    expect(parseTypedDate("1-1-2024")).toBe(45292);
    expect(parseTypedDate("29-2-2024")).toBe(45351);
    expect(parseTypedDate("2023-02-29")).toBeUndefined();
    expect(parseTypedDate("2024-13-01")).toBeUndefined();
    expect(parseTypedDate("01/02/2024")).toBeUndefined();
  });

  it("understands each field by its kind", () => {
    expect(parseField("uplift", "10")).toEqual({ kind: "number", value: 0.1 });
    expect(parseField("uplift", "Opslag")).toEqual({ kind: "name", name: "Opslag" });
    expect(parseField("horizon", "abc")).toEqual({ kind: "invalid", text: "abc" });
    expect(parseField("firstWeek", "2024-01-01")).toEqual({ kind: "date", serial: 45292 });
    expect(parseField("firstWeek", "31/02/2024")).toEqual({ kind: "invalid", text: "31/02/2024" });
    expect(parseField("firstWeek", "Invoer!F2")).toEqual({ kind: "range", sheet: "Invoer", range: "F2" });
  });
});

describe("resolveFields", () => {
  const meta: WorkbookMeta = {
    names: [
      { name: "Instroom", type: "Range", value: "Invoer!$C$5:$C$56" },
      { name: "Opslag", type: "Double", value: 0.15 },
      { name: "Gaten", type: "Range", value: "Invoer!$C$5:$C$9,Invoer!$E$5:$E$9" },
      { name: "Kapot", type: "Error", value: "#REF!" },
    ],
    sheets: ["Invoer", "Mijn blad"],
    activeSheet: "Invoer",
    calculationMode: "Automatic",
  };
  const base = { ...emptyFields(), opening: "C2", intake: "Instroom" };

  it("turns names into ranges on their sheet and constants into values; trims whole columns", () => {
    const result = resolveFields({ ...base, uplift: "Opslag", capacity: "'mijn blad'!D:D" }, meta);
    expect(result.ok && result.resolved).toMatchObject({
      opening: { kind: "range", ref: { sheet: "Invoer", range: "C2", trim: false } },
      intake: { kind: "range", ref: { sheet: "Invoer", range: "C5:C56", trim: false } },
      capacity: { kind: "range", ref: { sheet: "Mijn blad", range: "D:D", trim: true } },
      uplift: { kind: "constant", name: "Opslag", value: 0.15 },
      horizon: { kind: "none" },
    });
  });

  it("refuses names over several areas or holding errors", () => {
    expect(resolveFields({ ...base, intake: "Gaten" }, meta)).toEqual({
      ok: false,
      problem: { kind: "name-not-usable", field: "intake", name: "Gaten" },
    });
    expect(resolveFields({ ...base, capacity: "Kapot" }, meta)).toMatchObject({ ok: false, problem: { kind: "name-not-usable" } });
  });
});

describe("trimming and merged cells", () => {
  it("trims whole columns, whole rows and ranges longer than any horizon", () => {
    expect(needsTrim("C:C")).toBe(true);
    expect(needsTrim("5:5")).toBe(true);
    expect(needsTrim("C1:C1048576")).toBe(true);
    expect(needsTrim("C5:C10004")).toBe(false);
    expect(needsTrim("C5:C10005")).toBe(true);
    expect(needsTrim("C5")).toBe(false);
  });

  it("drops blank cells at both ends and moves the address along", () => {
    const column = trimBlankEnds({ address: "Invoer!C1:C6", values: [[null], [""], [25], [null], [26], [null]] });
    expect(column).toEqual({ address: "Invoer!C3:C5", values: [[25], [null], [26]] });
    const row = trimBlankEnds({ address: "'Mijn blad'!A2:E2", values: [["", 1, 2, "", ""]] });
    expect(row).toEqual({ address: "'Mijn blad'!B2:C2", values: [[1, 2]] });
    expect(trimBlankEnds({ address: "Invoer!C1:C2", values: [[null], [null]] }).values).toEqual([]);
  });

  it("finds merged areas that overlap the range read, minding quoted sheet names", () => {
    expect(splitAreas("'a,b'!A1:B2,Invoer!C3")).toEqual(["'a,b'!A1:B2", "Invoer!C3"]);
    expect(mergedOverlap("Invoer!C10:D10", "Invoer!C5:C56")).toBe(true);
    expect(mergedOverlap("Invoer!A1:B2,Invoer!C100:D100", "Invoer!C5:C56")).toBe(false);
  });

  it("marks error cells and empties by their value type", () => {
    expect(normaliseValues([["#N/A", "", 3, "#N/A"]], [["Error", "Empty", "Double", "String"]])).toEqual([
      [{ error: "#N/A" }, null, 3, "#N/A"],
    ]);
  });
});

describe("names for saving", () => {
  it("finds convention names in either language and prefers the pane's", () => {
    expect(fieldsFromNames(["Intake", "Instroom", "CAPACITY"], true)).toEqual({ intake: "Instroom", capacity: "CAPACITY" });
    expect(fieldsFromNames(["Intake", "Instroom"], false)).toEqual({ intake: "Intake" });
    expect(nameForField("intake", ["instroom"], false)).toBe("instroom");
    expect(nameForField("uplift", [], true)).toBe("Opslag");
    expect(nameForField("uplift", [], false)).toBe("Uplift");
    expect(absoluteReference("Mijn blad", "C5:C56")).toBe("='Mijn blad'!$C$5:$C$56");
    expect(absoluteReference("Invoer", "C:C")).toBe("=Invoer!$C:$C");
  });
});
