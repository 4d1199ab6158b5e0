/**
 * The catalogue of bad inputs and faults (docs/reliability.md): one test per row, named by the
 * row's id. Each says what the planner sees (the pane's sentence, the CLI's stderr and exit code,
 * or the function's error code and message) and proves that nothing was written: the fake
 * Excel's whole state is the same before and after, or the CLI's output file does not exist and
 * the input file's hash is unchanged.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { EXIT, planWorkbook } from "../../src/cli/plan";
import { definedNameXml } from "../../src/hosts/xlsx/definedNames";
import { makeSampleWorkbook, SampleWorkbookOptions } from "../../src/cli/sampleWorkbook";
import { LEAD_TIME, PROJECT_BACKLOG, WEEKS_TO_CLEAR } from "../../src/functions/functions";
import { MAX_WEEKS } from "../../src/engine";
import { packageText, applySheetSpec as applyExcelJs } from "../../src/hosts/xlsx/writeSheet";
import { readSheetName, sheetNameProblem } from "../../src/sheets/inputs";
import { applySheetSpec as applyOffice, resolveTarget, WorkbookLayout } from "../../src/hosts/office/writeSheet";
import { Cell, cellAddress, formula, isFormula, SheetSpec, text } from "../../src/sheets/spec";
import { RawPlanInputs, readPlanInputs } from "../../src/sheets/inputs";
import { planSheets, REPLACED_SHEET_NAMES } from "../../src/plan/planSheets";
import { sourcesOf } from "../../src/plan/sources";
import { readXlsxInputs } from "../../src/hosts/xlsx";
import { storedFormula } from "../../src/hosts/xlsx/formulas";
import { specCells } from "../helpers/specCells";
import { describeOfficeError } from "../../src/taskpane/officeErrorText";
import { describeNote, describeRunProblem, summaryLines } from "../../src/taskpane/outcomes";
import type { RunOutcome, RunSuccess } from "../../src/hosts/office/runPlan";
import { emptySectionFields } from "../../src/plan/options";
import { call, column } from "../helpers/functions";
import { readPackage } from "../helpers/xlsxPackage";
import { CliRun, JAN_15, runCli, sha } from "../cli/planHelpers";
import { FakeWorkbook, plannerWorkbook } from "../hosts/office/fakeExcel";
import { computed, expectProblem, expectTenThousandWeeksSplit, INPUTS, run, state } from "../hosts/office/runHelpers";

const WITH_CAPACITY = { ...INPUTS, capacity: "Invoer!D5:D56" };

function success(outcome: RunOutcome): RunSuccess {
  if (!outcome.ok) throw new Error(`run failed: ${JSON.stringify(outcome.problem)}`);
  return outcome;
}

/** 52 weeks of intake with one week's value replaced, as Excel passes a column to a function. */
const intakeWith = (week: number, value: unknown, base: unknown = 25): unknown[][] =>
  column(Array.from({ length: 52 }, (_, i) => (i === week - 1 ? value : base)));

/** A spec's formula cells: 0-based row, column and the formula ("=…"). */
function formulaCells(spec: SheetSpec): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (const [key, cell] of specCells(spec)) {
    if (cell !== null && typeof cell === "object" && isFormula(cell)) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      out.push([r, c, cell.formula]);
    }
  }
  return out;
}

/** Every number on every sheet of the fake is finite (the fake would not even take NaN). */
function expectAllFinite(wb: FakeWorkbook): void {
  for (const sheet of wb.sheets) {
    for (const cell of sheet.cells.values()) {
      if (typeof cell.value === "number") expect(Number.isFinite(cell.value)).toBe(true);
    }
  }
}

// ---- the CLI: an input file in a folder of its own --------------------------------------------

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "catalogue-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The bundled sample's inputs (Invoer: B3 opening, C10:C61 intake, D10:D61 capacity), changed. */
async function cliInput(
  change: (wb: ExcelJS.Workbook) => void,
  weeks = 52,
  options: SampleWorkbookOptions = {},
): Promise<string> {
  const wb = makeSampleWorkbook({ weeks, ...options });
  change(wb);
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

/** `npm run plan` refuses: this sentence on stderr, exit 2, no output file, the input untouched. */
async function expectCliRefuses(input: string, sentence: string): Promise<CliRun> {
  const before = sha(input);
  const result = await runCli(dir, ["--in", "in.xlsx", "--out", "out.xlsx", "--lang", "en"]);
  expect(result).toEqual({ code: EXIT.input, stdout: [], stderr: [sentence] });
  expect(fs.existsSync(path.join(dir, "out.xlsx"))).toBe(false);
  expect(sha(input)).toBe(before);
  return result;
}

const invoer = (wb: ExcelJS.Workbook): ExcelJS.Worksheet => wb.getWorksheet("Invoer") as ExcelJS.Worksheet;

// ---- 1. Malformed numbers ---------------------------------------------------------------------

describe("1. malformed numbers", () => {
  test("1a text in an intake cell (n.v.t.): the cell is named, in English and Dutch; nothing written", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("C14", "n.v.t.");
    await expectProblem(wb, INPUTS, "Invoer!C14 contains the text 'n.v.t.'; a number was expected.");
    await expectProblem(wb, INPUTS, "Invoer!C14 bevat de tekst 'n.v.t.'; er werd een getal verwacht.", { language: "nl" });
    expect(call(() => PROJECT_BACKLOG(1440, intakeWith(10, "n.v.t.") as never))).toEqual({
      code: "#VALUE!",
      message: "intake, week 10: expected a number ≥ 0, got 'n.v.t.'",
    });
    const input = await cliInput((w) => (invoer(w).getCell("C23").value = "n.v.t."));
    await expectCliRefuses(input, "Invoer!C23 contains the text 'n.v.t.'; a number was expected.");
  });

  test("1b a Dutch number stored as text (1.234,5): refused, naming the cell; the locale is never guessed", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("C9", "1.234,5");
    await expectProblem(wb, INPUTS, "Invoer!C9 contains the text '1.234,5'; a number was expected.");
    // Typed in a pane field it is refused too: no thousands separator is ever guessed.
    await expectProblem(
      plannerWorkbook(52),
      { ...INPUTS, target: "1.234,5" },
      "The target backlog contains the text '1.234,5'; a number was expected.",
    );
    expect(call(() => PROJECT_BACKLOG(1440, intakeWith(5, "1.234,5") as never))).toEqual({
      code: "#VALUE!",
      message: "intake, week 5: expected a number ≥ 0, got '1.234,5'",
    });
    const input = await cliInput((w) => (invoer(w).getCell("C14").value = "1.234,5"));
    await expectCliRefuses(input, "Invoer!C14 contains the text '1.234,5'; a number was expected.");
  });

  test("1c TRUE/FALSE in a numeric column: refused, naming the cell", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("C10", true);
    await expectProblem(wb, INPUTS, "Invoer!C10 contains TRUE; a number was expected.");
    const capacity = plannerWorkbook(52, { capacity: true });
    capacity.sheet("Invoer").set("D8", false);
    await expectProblem(capacity, WITH_CAPACITY, "Invoer!D8 contains FALSE; a number was expected.");
    expect(call(() => PROJECT_BACKLOG(1440, intakeWith(6, true) as never))).toEqual({
      code: "#VALUE!",
      message: "intake, week 6: expected a number ≥ 0, got TRUE",
    });
    const input = await cliInput((w) => (invoer(w).getCell("C11").value = true));
    await expectCliRefuses(input, "Invoer!C11 contains TRUE; a number was expected.");
  });

  test("1d a date typed as text: refused as a first week (cell or field) and as a figure", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("F2", "1-1-2024");
    await expectProblem(
      wb,
      { ...INPUTS, firstWeek: "Invoer!F2" },
      "Invoer!F2 contains '1-1-2024', not a date; type a real date (for example 2024-01-01) as the first week.",
    );
    await expectProblem(
      wb,
      { ...INPUTS, firstWeek: "2024-02-30" },
      "First week: '2024-02-30' is not a date. Type for example 2024-01-01 or choose a cell holding a date.",
    );
    wb.sheet("Invoer").set("C7", "2024-01-15");
    await expectProblem(wb, INPUTS, "Invoer!C7 contains the text '2024-01-15'; a number was expected.");
    const input = await cliInput((w) => (invoer(w).getCell("B5").value = "2024-01-01"));
    await expectCliRefuses(
      input,
      "Invoer!B5 contains '2024-01-01', not a date; type a real date (for example 2024-01-01) as the first week.",
    );
  });
});

// ---- 2. Values out of range -------------------------------------------------------------------

describe("2. values out of range", () => {
  test("2a negative intake: refused, naming the cell; the function says #VALUE! with the message", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("C6", -3);
    await expectProblem(wb, INPUTS, "Invoer!C6 contains -3; a number of 0 or more was expected.");
    expect(call(() => PROJECT_BACKLOG(1440, intakeWith(2, -3) as never))).toEqual({
      code: "#VALUE!",
      message: "intake, week 2: expected a number ≥ 0, got -3",
    });
    const input = await cliInput((w) => (invoer(w).getCell("C12").value = -3));
    await expectCliRefuses(input, "Invoer!C12 contains -3; a number of 0 or more was expected.");
  });

  test("2b negative capacity: refused, naming the cell", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    wb.sheet("Invoer").set("D7", -1);
    await expectProblem(wb, WITH_CAPACITY, "Invoer!D7 contains -1; a number of 0 or more was expected.");
    expect(call(() => PROJECT_BACKLOG(1440, intakeWith(1, 25) as never, intakeWith(3, -1, 30) as never))).toEqual({
      code: "#VALUE!",
      message: "capacity, week 3: expected a number ≥ 0, got -1",
    });
  });

  test("2c zero capacity: a valid plan that never clears; said in words, never Infinity; #VALUE!/#N/A where it matters", async () => {
    const wb = plannerWorkbook(52, { capacity: true });
    for (let row = 5; row <= 56; row++) wb.sheet("Invoer").set(`D${row}`, 0);
    const ok = success((await run(wb, WITH_CAPACITY)).outcome);
    const lines = summaryLines(ok, "en", "en-GB");
    expect(lines.find((l) => l.label === "Weeks to clear the backlog")?.value).toBe(
      "never: capacity does not exceed intake",
    );
    expect(lines.find((l) => l.label === "Wait for a new application at the horizon (weeks)")?.value).toBe("–");
    // On the sheet, as its live formulas compute: "never" in words with the reason beside it, a
    // blank wait where nothing is decided, and only finite numbers.
    const value = computed(wb, ["Invoer", "Projection"]);
    expect([value("Projection", "L12"), value("Projection", "M12")]).toEqual(["never", "capacity ≤ intake"]);
    expect([value("Projection", "L13"), value("Projection", "L14")]).toEqual(["", ""]);
    expect(value("Projection", "H56")).toBe("");
    expectAllFinite(wb);
    // Where zero capacity has no answer, the functions say so instead of dividing by zero.
    expect(call(() => LEAD_TIME(1440, 0))).toEqual({
      code: "#VALUE!",
      message: "decisions_per_week: expected a number > 0, got 0",
    });
    expect(call(() => WEEKS_TO_CLEAR(1440, [[25]], [[0]]))).toEqual({
      code: "#N/A",
      message: "capacity: 0 decisions a week do not exceed the intake of 25, so the backlog never clears",
    });
  });

  test("2d a computation that would give NaN or Infinity: refused before anything is written, or reported as blank", async () => {
    // Each figure is finite, their sum is not.
    const huge = plannerWorkbook(52);
    for (let row = 5; row <= 56; row++) huge.sheet("Invoer").set(`C${row}`, 1e308);
    await expectProblem(huge, INPUTS, "Invoer!C5:C56: the figures are too large to add up to a finite backlog.");
    await expectProblem(
      huge,
      INPUTS,
      "Invoer!C5:C56: de getallen zijn te groot om op te tellen tot een eindige voorraad.",
      { language: "nl" },
    );
    // Finite inputs whose lead time would not be (1e300 open cases, 5e-324 decisions a week): the
    // engine reports no lead time (a blank cell) instead of Infinity, so the run goes through.
    const tiny = plannerWorkbook(52, { capacity: true });
    tiny.sheet("Invoer").set("C2", 1e300);
    for (let row = 5; row <= 56; row++) tiny.sheet("Invoer").set(`D${row}`, 5e-324);
    const { outcome } = await run(tiny, WITH_CAPACITY);
    expect(outcome.ok && outcome.summary.leadTimeWeeks).toBeNull();
    const written = tiny.sheet("Projection").snapshot();
    expect(JSON.stringify(written)).not.toMatch(/Infinity|NaN/);
    // The sheet's formulas leave the wait and the lead time blank below 1e-12 decisions a week.
    const value = computed(tiny, ["Invoer", "Projection"]);
    expect([value("Projection", "H5"), value("Projection", "I5"), value("Projection", "L13"), value("Projection", "L14")]).toEqual(["", "", "", ""]);
    expect(call(() => LEAD_TIME(1e300, 5e-324))).toEqual({
      code: "#NUM!",
      message: "decisions_per_week: 5e-324 is too small to give a finite lead time",
    });
    expect(call(() => PROJECT_BACKLOG(1e308, column([1e308, 1e308]) as never, [[0]])).code).toBe("#NUM!");
    const input = await cliInput((w) => {
      invoer(w).getCell("B3").value = 1e300;
      for (let row = 10; row <= 61; row++) invoer(w).getCell(`D${row}`).value = 5e-324;
    });
    const before = sha(input);
    const result = await runCli(dir, ["--in", "in.xlsx", "--out", "out.xlsx", "--lang", "en"]);
    expect(result.code).toBe(EXIT.ok);
    expect(sha(input)).toBe(before);
  });
});

// ---- 3. Odd cells and ranges ------------------------------------------------------------------

describe("3. odd cells and ranges", () => {
  test("3a error values (#N/A, #REF!) inside an input range: named as error values, not as text", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").set("C21", "#REF!", { error: "#REF!" });
    await expectProblem(wb, INPUTS, "Invoer!C21 contains the error value #REF!; a number was expected.");
    wb.sheet("Invoer").set("C20", "#N/A", { error: "#N/A" });
    await expectProblem(wb, INPUTS, "Invoer!C20 contains the error value #N/A; a number was expected.");
    const input = await cliInput((w) => (invoer(w).getCell("C20").value = { error: "#REF!" } as ExcelJS.CellValue));
    await expectCliRefuses(input, "Invoer!C20 contains the error value #REF!; a number was expected.");
  });

  test("3b blank cells: desktop (0) and web (null or \"\") give the same projection, in the pane and in the function", async () => {
    const zero = plannerWorkbook(52);
    zero.sheet("Invoer").set("C10", 0);
    const blank = plannerWorkbook(52);
    blank.sheet("Invoer").cells.delete("9,2"); // C10 left empty
    const a = success((await run(zero, INPUTS)).outcome);
    const b = success((await run(blank, INPUTS)).outcome);
    expect(b.inputs.intake).toEqual(a.inputs.intake);
    expect((a.inputs.intake as number[])[5]).toBe(0);
    // The sheets are the same, formula for formula: a reference to an empty cell is 0 in Excel and
    // LibreOffice (test/sheets/projectionSheet.libreoffice.test.ts blanks an intake cell).
    const formulas = (wb: FakeWorkbook): string => JSON.stringify([...wb.sheet("Projection").cells.entries()].map(([k, c]) => [k, c.formula ?? c.value]));
    expect(formulas(blank)).toBe(formulas(zero));
    // The backlog column as its formulas compute it.
    const backlog = (wb: FakeWorkbook): unknown[] => {
      const value = computed(wb, ["Invoer", "Projection"]);
      return Array.from({ length: 52 }, (_, t) => value("Projection", `G${5 + t}`));
    };
    // The function: Excel on the desktop passes 0, on the web null (or ""): the same column.
    const desktop = call(() => PROJECT_BACKLOG(1440, intakeWith(6, 0) as never));
    expect(call(() => PROJECT_BACKLOG(1440, intakeWith(6, null) as never))).toEqual(desktop);
    expect(call(() => PROJECT_BACKLOG(1440, intakeWith(6, "") as never))).toEqual(desktop);
    // …and the same numbers as the pane's sheet computes.
    const sheet = backlog(zero);
    (desktop.value as number[][]).forEach((r, t) => expect(sheet[t]).toBeCloseTo(r[0] as number, 9));
  });

  test("3c an empty range: 'is empty; fill in the intake', in the pane, the CLI and the function", async () => {
    const wb = plannerWorkbook(52);
    await expectProblem(wb, { ...INPUTS, intake: "Invoer!E5:E56" }, "Invoer!E5:E56 is empty; fill in the intake.");
    await expectProblem(wb, { ...INPUTS, intake: "Invoer!E:E" }, "Invoer!E:E is empty; fill in the intake.");
    expect(call(() => PROJECT_BACKLOG(1440, [] as never))).toEqual({ code: "#VALUE!", message: "intake: the range is empty" });
    // Without the sample's intake history: with it, an emptied intake means "use the forecast" (issue 24).
    const input = await cliInput(
      (w) => {
        for (let row = 10; row <= 61; row++) invoer(w).getCell(`C${row}`).value = null;
      },
      52,
      { history: false },
    );
    await expectCliRefuses(input, "Invoer!C10:C61 is empty; fill in the intake.");
  });

  test("3d a whole column, or a 1,048,576-row range: trimmed to the used part, said in a note, no million cells read", async () => {
    for (const [intake, from] of [
      ["Weken!B:B", "Weken!B:B"],
      [`Weken!B1:B${1_048_576}`, "Weken!B1:B1048576"],
    ]) {
      const wb = plannerWorkbook(52);
      const weeks = wb.addSheet("Weken");
      weeks.set("A1", "Week");
      weeks.column("B3", Array.from({ length: 30 }, (_, i) => 20 + i));
      const { outcome, syncs } = await run(wb, { opening: "Invoer!C2", intake: intake as string });
      const ok = success(outcome);
      expect(syncs).toBe(3);
      expect(ok.inputs.intake).toHaveLength(30);
      expect(ok.notes.map((n) => describeNote(n, "en"))).toEqual([
        `${from} covers a whole column or row; only its used part Weken!B3:B32 was read.`,
      ]);
      // The fake hands back only what a load asked for: never the column's million cells.
      expect(wb.largestRead).toBeLessThanOrEqual(52);
    }
    // The CLI reads a name over a whole column the same way.
    const wb = makeSampleWorkbook();
    const weeks = wb.addWorksheet("Weken");
    for (let i = 0; i < 30; i++) weeks.getCell(3 + i, 2).value = 20 + i;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    let xml = await (zip.file("xl/workbook.xml") as JSZip.JSZipObject).async("string");
    xml = xml.replace(/<definedName name="(Instroom|Capaciteit)">[^<]*<\/definedName>/g, "");
    zip.file("xl/workbook.xml", xml.replace("</definedNames>", `${definedNameXml("Instroom", "Weken!$B:$B")}</definedNames>`));
    const result = await planWorkbook(await zip.generateAsync({ type: "nodebuffer" }), { language: "en", createdOn: JAN_15 });
    expect(result.ok && result.inputs.intake).toEqual(Array.from({ length: 30 }, (_, i) => 20 + i));
  });

  test("3e merged cells in an input: refused, naming the range", async () => {
    const wb = plannerWorkbook(52);
    wb.sheet("Invoer").merged.push("C10:D10");
    await expectProblem(
      wb,
      INPUTS,
      "Invoer!C5:C56 contains merged cells; unmerge them or choose another range for the intake.",
    );
    const input = await cliInput((w) => invoer(w).mergeCells("C12:D12"));
    await expectCliRefuses(
      input,
      "Invoer!C10:C61 contains merged cells; unmerge them or choose another range for the intake.",
    );
  });
});

// ---- 4. Oversized requests --------------------------------------------------------------------

describe("4. oversized requests", () => {
  test("4a more than 10,000 weeks: refused in the pane, the CLI and the functions", async () => {
    await expectProblem(
      plannerWorkbook(52),
      { opening: "Invoer!C2", intake: "Invoer!C5", horizon: "10001" },
      "The horizon must be a whole number of weeks from 1 to 10000, not 10001.",
    );
    const long = plannerWorkbook(MAX_WEEKS + 1);
    await expectProblem(
      long,
      { opening: "Invoer!C2", intake: `Invoer!C5:C${5 + MAX_WEEKS}` },
      "Invoer!C5:C10005 has 10001 weeks; at most 10000 are allowed.",
    );
    expect(call(() => PROJECT_BACKLOG(0, column(new Array(MAX_WEEKS + 1).fill(1)) as never))).toEqual({
      code: "#VALUE!",
      message: "intake: has 10001 weeks; at most 10,000 are allowed",
    });
    expect(call(() => PROJECT_BACKLOG(0, [[1]], null as never, [[MAX_WEEKS + 1]])).code).toBe("#VALUE!");
    const input = await cliInput(() => undefined, MAX_WEEKS + 1);
    await expectCliRefuses(input, "Invoer!C10:C10010 has 10001 weeks; at most 10000 are allowed.");
  });

  test("4b a write above Excel on the web's 5 MB limit: split into chunks; if Excel refuses anyway, a message and nothing written", async () => {
    // 10,000 weeks: several MB of cells, written in ≤ 512 KB pieces, every request under 5 MB.
    await expectTenThousandWeeksSplit();
    // A host that still refuses the request: the pane says so, and the workbook is as it was.
    const wb = plannerWorkbook(52);
    const before = state(wb);
    wb.failAt = { sync: 3, code: "RequestPayloadSizeLimitExceeded" };
    const failure = await run(wb, INPUTS).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(describeOfficeError(failure, "en")).toBe(
      "The range is too large to send to Excel in one go. Choose a smaller range.",
    );
    expect(state(wb)).toBe(before);
  });
});

// ---- 5. A target the add-in must not write to -------------------------------------------------

describe("5. a target the add-in must not write to", () => {
  test("5a a protected target sheet (its own earlier projection): refused, nothing written", async () => {
    const wb = plannerWorkbook(52);
    await run(wb, INPUTS);
    wb.sheet("Projection").protected = true;
    await expectProblem(
      wb,
      INPUTS,
      "The sheet Projection is protected, so the Backlog Planner cannot update it. Unprotect it (Review > Unprotect Sheet) and try again.",
    );
  });

  test("5b a protected workbook: no sheet added and none renamed", async () => {
    // The same sentence as npm run plan gives for a workbook whose structure is locked.
    const sentence =
      "This workbook's structure is protected, so no sheet can be added. Lift the protection in Excel (Review > Protect Workbook, with its owner's password) and try again.";
    const wb = plannerWorkbook(52);
    wb.workbookProtected = true;
    await expectProblem(wb, INPUTS, sentence);
    await expectProblem(wb, INPUTS, sentence, { extra: { kind: "whatIf" } });
    // Its own sheet may be updated in a protected workbook, but not renamed.
    const own = plannerWorkbook(52);
    await run(own, INPUTS);
    own.workbookProtected = true;
    await expectProblem(own, { ...INPUTS, sheetName: "Plan Q1" }, sentence);
    expect(success((await run(own, INPUTS)).outcome).replaced).toBe(true);
  });

  test("5c an output sheet name already taken by a user's sheet: ours gets ' (2)', theirs is untouched", async () => {
    const wb = plannerWorkbook(52);
    const users = wb.addSheet("Projection");
    users.set("A1", "my own projection");
    users.set("B12", 7);
    const mine = wb.addSheet("Plan Q1");
    mine.set("A1", "keep");
    const before = [users.snapshot(), mine.snapshot()];
    expect(success((await run(wb, INPUTS)).outcome).sheetName).toBe("Projection (2)");
    // A typed name that is taken: the same rule; our own sheet is renamed, theirs stays.
    expect(success((await run(wb, { ...INPUTS, sheetName: "plan q1" })).outcome).sheetName).toBe("plan q1 (2)");
    expect([users.snapshot(), mine.snapshot()]).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Invoer", "Projection", "Plan Q1", "plan q1 (2)"]);
    expect(wb.tables.map((t) => t.sheet.name)).toEqual(["plan q1 (2)"]);
  });

  test("5d a typed sheet name over 31 characters: refused before Excel is asked anything", async () => {
    const name = "Prognose voor het hele jaar 2024-2025";
    const outcome = await expectProblem(
      plannerWorkbook(52),
      { ...INPUTS, sheetName: name },
      `The sheet name “${name}” has ${name.length} characters; Excel allows at most 31.`,
    );
    expect(outcome.syncs).toBe(0);
    await expectProblem(
      plannerWorkbook(52),
      { ...INPUTS, sheetName: name },
      `De bladnaam “${name}” heeft ${name.length} tekens; Excel staat er hoogstens 31 toe.`,
      { language: "nl" },
    );
  });

  test.each([":", "\\", "/", "?", "*", "[", "]"])(
    "5e a typed sheet name holding %s: refused, naming the character",
    async (character) => {
      const name = `Q1${character}Q2`;
      const outcome = await expectProblem(
        plannerWorkbook(52),
        { ...INPUTS, sheetName: name },
        `The sheet name “${name}” contains ${character}; Excel does not allow : \\ / ? * [ or ] in a sheet name.`,
      );
      expect(outcome.syncs).toBe(0);
      if (!outcome.ok) expect(describeRunProblem(outcome.problem, "nl")).toContain(`bevat ${character};`);
    },
  );

  test("5f a typed sheet name starting or ending with an apostrophe: refused", async () => {
    for (const name of ["'Plan", "Plan'"]) {
      await expectProblem(
        plannerWorkbook(52),
        { ...INPUTS, sheetName: name },
        `The sheet name “${name}” starts or ends with an apostrophe ('), which Excel does not allow.`,
      );
    }
  });

  test("5 the sheet-name rules themselves (pure): the edges of each rule", () => {
    expect(sheetNameProblem("X".repeat(31))).toBeUndefined();
    expect(sheetNameProblem("X".repeat(32))).toEqual({ code: "too-long", name: "X".repeat(32), length: 32 });
    expect(sheetNameProblem("Jan's plan")).toBeUndefined();
    expect(sheetNameProblem("History 2024")).toBeUndefined();
    expect(sheetNameProblem("=1+1")).toBeUndefined();
    expect(readSheetName("   ")).toEqual({ ok: true, name: undefined });
    expect(readSheetName("  Plan Q1  ")).toEqual({ ok: true, name: "Plan Q1" });
    expect(readSheetName("a[1]")).toEqual({ ok: false, problem: { code: "bad-character", name: "a[1]", character: "[" } });
  });

  test("5g a typed sheet name History (any case): refused, Excel keeps it for itself", async () => {
    await expectProblem(
      plannerWorkbook(52),
      { ...INPUTS, sheetName: "history" },
      "“history” is a name Excel keeps for itself; choose another sheet name.",
    );
    await expectProblem(
      plannerWorkbook(52),
      { ...INPUTS, sheetName: "HISTORY" },
      "“HISTORY” is een naam die Excel voor zichzelf houdt; kies een andere bladnaam.",
      { language: "nl", extra: { kind: "whatIf" } },
    );
  });
});

// ---- 6. Text that could turn into a formula ---------------------------------------------------

/** Texts Excel (or a CSV reader) would take for a formula if they were typed in. */
const RISKY = ["=SUM(A1:A9)", "=HYPERLINK(\"http://x\",\"klik\")", "+31 6 1234 5678", "-5", "-", "@SUM(A1)", "\t=1+1", "\r=1+1", "'quoted"];

function riskySpec(): SheetSpec {
  const rows: Cell[][] = RISKY.map((t, i) => [i + 1, text(t)]);
  return {
    name: "Scenario",
    markerTable: "VoorraadplannerTest",
    blocks: [
      { at: "A1", cells: [[text("=Scenario label")]], style: "title" },
      { at: "D1", cells: RISKY.map((t) => [text(t)]), style: "label" },
      { at: "F1", cells: [[formula("=1+1")]] },
    ],
    tables: [{ name: "VoorraadplannerTest", at: "A14", columns: [{ header: "Week" }, { header: "=Label" }], rows }],
    charts: [],
  };
}

/** Excel's _xHHHH_ escapes in a stored string, decoded as Excel decodes them. */
const decodeOoxml = (s: string): string =>
  s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe("6. text that could turn into a formula", () => {
  test("6a Office path: every text starting with = + - @ tab or CR, and a typed sheet name, lands as literal text", async () => {
    const wb = plannerWorkbook(52);
    const context = wb.context();
    const layout: WorkbookLayout = { sheets: ["Invoer"], tables: [], names: [], workbookProtected: false };
    const placed = resolveTarget(layout, riskySpec(), "new", undefined, "=Scenario");
    if (!placed.ok) throw new Error("placement failed");
    await applyOffice(context, riskySpec(), placed.target);
    const sheet = wb.sheet("=Scenario");
    RISKY.forEach((t, i) => {
      expect(sheet.at(`D${1 + i}`)).toMatchObject({ value: t, format: "@" });
      expect(sheet.at(`D${1 + i}`)?.formula).toBeUndefined();
      expect(sheet.at(`B${15 + i}`)).toMatchObject({ value: t });
      expect(sheet.at(`B${15 + i}`)?.formula).toBeUndefined();
    });
    expect(sheet.at("A1")).toMatchObject({ value: "=Scenario label" });
    expect(sheet.at("B14")).toMatchObject({ value: "=Label" });
    // Only the Formula cell is a formula.
    const formulas = [...sheet.cells.entries()].filter(([, c]) => c.formula !== undefined).map(([k]) => k);
    expect(formulas).toEqual(["0,5"]);
    // A whole pane run with a typed sheet name that looks like a formula: exactly the builder's
    // formulas are formulas, cell for cell; every text the builders wrote is text.
    const pane = plannerWorkbook(52);
    const ok = success((await run(pane, { ...INPUTS, sheetName: "=1+1" }, { sections: emptySectionFields() })).outcome);
    expect(ok.sheetName).toBe("=1+1");
    const written = [...pane.sheet("=1+1").cells.entries()].filter(([, c]) => c.formula !== undefined);
    const raw: RawPlanInputs = { opening: { address: "Invoer!C2", values: [] }, intake: { address: "Invoer!C5:C56", values: [] }, uplift: ok.inputs.uplift };
    const planned = await planSheets(ok.inputs, { language: "en", createdOn: JAN_15, sheets: ["projection"], sources: sourcesOf(raw) });
    if (!planned.ok) throw new Error("plan failed");
    const expected = formulaCells(planned.sheets[0]!.spec).map(([r, c, f]) => [`${r},${c}`, f]);
    expect(expected.length).toBeGreaterThan(52 * 6);
    expect(written.map(([k, c]) => [k, c.formula]).sort()).toEqual(expected.sort());
    expect(written.some(([, c]) => c.formula === "=1+1")).toBe(false);
  });

  test("6b CLI path (ExcelJS): the same texts are strings in the saved package, read back without ExcelJS", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Invoer").getCell("A1").value = "user";
    applyExcelJs(workbook, riskySpec());
    const pkg = await readPackage(Buffer.from(await workbook.xlsx.writeBuffer()));
    const cells = pkg.sheet("Scenario").cells;
    RISKY.forEach((t, i) => {
      for (const address of [`D${1 + i}`, `B${15 + i}`]) {
        const cell = cells.get(address);
        expect(cell).toMatchObject({ type: "s", formula: undefined });
        // A carriage return is stored as _x000D_ (a raw one would come back as a line feed).
        expect(decodeOoxml(cell?.value ?? "")).toBe(t);
      }
    });
    expect(pkg.sheet("Scenario").xml.match(/<f>/g)).toHaveLength(1);
    expect(packageText("\r=1+1")).toBe("_x000D_=1+1");
    expect(packageText("_x000D_")).toBe("_x005F_x000D_");
    // The whole command: in its output only the projection's own formula is a formula.
    const input = await cliInput(() => undefined);
    const before = sha(input);
    const result = await runCli(dir, ["--in", "in.xlsx", "--out", "out.xlsx", "--lang", "en"]);
    expect(result.code).toBe(0);
    const out = await readPackage(fs.readFileSync(path.join(dir, "out.xlsx")));
    const projection = [...out.sheet("Projection").cells.entries()].filter(([, c]) => c.formula !== undefined);
    // Exactly the builder's formulas, cell for cell, as the package stores them (_xlfn. prefixes).
    const read = readXlsxInputs(fs.readFileSync(input));
    if (!read.ok) throw new Error("read failed");
    const checked = readPlanInputs(read.raw);
    if (!checked.ok) throw new Error("inputs refused");
    const planned = await planSheets(checked.inputs, { language: "en", createdOn: JAN_15, sheets: ["projection"], sources: sourcesOf(read.raw, REPLACED_SHEET_NAMES) });
    if (!planned.ok) throw new Error("plan failed");
    const expected = formulaCells(planned.sheets[0]!.spec).map(([r, c, f]) => [cellAddress(r, c), storedFormula(f)]);
    expect(projection.map(([a, c]) => [a, c.formula]).sort()).toEqual(expected.sort());
    expect(sha(input)).toBe(before);
  });
});

// ---- 7. Excel states that interrupt a run -----------------------------------------------------

async function expectRefused(wb: FakeWorkbook, code: string, sync: number, sentence: string): Promise<void> {
  const before = state(wb);
  wb.failAt = { sync, code };
  const failure = await run(wb, INPUTS).then(
    () => undefined,
    (error: unknown) => error,
  );
  wb.failAt = undefined;
  expect(failure).toMatchObject({ code });
  expect(describeOfficeError(failure, "en")).toBe(sentence);
  expect(state(wb)).toBe(before);
}

describe("7. Excel states that interrupt a run", () => {
  test("7a cell-edit mode: the pane asks to press Enter or Esc; nothing written", async () => {
    const sentence = "Excel is still editing a cell. Press Enter or Esc, then try again.";
    await expectRefused(plannerWorkbook(52), "InvalidOperationInCellEditMode", 1, sentence);
    expect(describeOfficeError({ code: "InvalidOperationInCellEditMode" }, "nl")).toBe(
      "Excel is nog bezig met het bewerken van een cel. Druk op Enter of Esc en probeer het opnieuw.",
    );
  });

  test("7b the planner switches workbook mid-run (InactiveWorkbook at sync 2 or 3): a message, nothing written", async () => {
    const sentence = "This workbook is no longer the active one. Click in the workbook and try again.";
    await expectRefused(plannerWorkbook(52), "InactiveWorkbook", 2, sentence);
    await expectRefused(plannerWorkbook(52), "InactiveWorkbook", 3, sentence);
  });

  test("7c a co-author changes the inputs between read and write: read again, compared, nothing written", async () => {
    const sentence =
      "The inputs changed while the Backlog Planner was working (perhaps someone else is editing this workbook). Nothing was written; run it again.";
    const changes: [string, (wb: FakeWorkbook) => void, Partial<typeof INPUTS>][] = [
      ["a figure", (wb) => wb.sheet("Invoer").set("C10", 40), INPUTS],
      ["the opening backlog", (wb) => wb.sheet("Invoer").set("C2", 1500), INPUTS],
      ["a name's range", (wb) => ((wb.names[0] as { formula: string }).formula = "=Invoer!$C$5:$C$30"), { ...INPUTS, intake: "Instroom" }],
      ["a new figure in a whole column", (wb) => wb.sheet("Invoer").set("C57", 30), { ...INPUTS, intake: "Invoer!C5:C1048576" }],
    ];
    for (const [, change, partial] of changes) {
      const wb = plannerWorkbook(52);
      wb.defineName("Instroom", "=Invoer!$C$5:$C$56");
      let before = "";
      wb.onSynced = (sync) => {
        if (sync !== 1) return;
        change(wb);
        before = state(wb);
      };
      const { outcome, syncs } = await run(wb, partial);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(describeRunProblem(outcome.problem, "en")).toBe(sentence);
      expect(syncs).toBe(2);
      expect(wb.syncs.every((s) => s.ops === 0)).toBe(true);
      expect(state(wb)).toBe(before);
      // Run again: now it reads what the co-author left, and writes.
      wb.onSynced = undefined;
      expect((await run(wb, partial)).outcome.ok).toBe(true);
    }
    expect(describeRunProblem({ kind: "inputs-changed" }, "nl")).toBe(
      "De invoer is veranderd terwijl de Voorraadplanner rekende (misschien door iemand die tegelijk in deze werkmap werkt). Er is niets geschreven; probeer het opnieuw.",
    );
    // A change elsewhere in the workbook is no reason to stop.
    const wb = plannerWorkbook(52);
    wb.onSynced = (sync) => sync === 1 && wb.sheet("Invoer").set("Z99", "note");
    expect((await run(wb, INPUTS)).outcome.ok).toBe(true);
  });

  test("7d manual calculation: a warning, the run goes on, the setting is left alone", async () => {
    const wb = plannerWorkbook(52);
    wb.calculationMode = "Manual";
    const ok = success((await run(wb, INPUTS)).outcome);
    expect(ok.notes.map((n) => describeNote(n, "en"))).toEqual([
      "Note: Excel calculates manually (Formulas > Calculation Options). The formulas on the sheet update only when you press F9. The Backlog Planner does not change this setting.",
    ]);
    expect(wb.calculationMode).toBe("Manual");
    // The fake throws should anything try to set the calculation mode; nothing did.
    const failed = await run(wb, { ...INPUTS, intake: "Invoer!E5:E56" });
    expect(failed.outcome.notes).toEqual([{ kind: "manual-calculation" }]);
    expect(wb.calculationMode).toBe("Manual");
  });
});

// ---- 8. Monitoring: the actuals ----------------------------------------------------------------

describe("8. the actuals (monitoring)", () => {
  /** The planner workbook with three weeks of actuals in F–H, under the Dutch names. */
  function paneWithActuals(intake: unknown[], decisions: unknown[], backlog?: unknown[]): FakeWorkbook {
    const wb = plannerWorkbook(52);
    const sheet = wb.sheet("Invoer");
    const columns: [string, string, unknown[] | undefined][] = [
      ["F", "GerealiseerdeInstroom", intake],
      ["G", "GerealiseerdeAfdoeningen", decisions],
      ["H", "GerealiseerdeVoorraad", backlog],
    ];
    for (const [letter, name, values] of columns) {
      if (!values) continue;
      sheet.column(`${letter}5`, values as never[]);
      wb.defineName(name, `=Invoer!$${letter}$5:$${letter}$${4 + values.length}`);
    }
    return wb;
  }
  const MONITORING = { extra: { kind: "monitoring" as const } };

  test("8a actual intake and decisions of different lengths: refused, naming the decisions' range", async () => {
    const wb = paneWithActuals([27, 22, 26], [30, 31]);
    await expectProblem(
      wb,
      INPUTS,
      `Invoer!G5:G6 has 2 weeks of actual decisions, but the actual intake has 3 weeks; give every figure for each known week.`,
      MONITORING,
    );
    const input = await cliInput((w) => (invoer(w).getCell("J21").value = null));
    await expectCliRefuses(
      input,
      "Invoer!J10:J21 has 11 weeks of actual decisions, but the actual intake has 12 weeks; give every figure for each known week.",
    );
  });

  test("8b a counted backlog of another length: refused, naming its range", async () => {
    const wb = paneWithActuals([27, 22, 26], [30, 31, 28], [1437, 1428, 1425, 1420]);
    await expectProblem(
      wb,
      INPUTS,
      `Invoer!H5:H8 has 4 weeks of counted backlog, but the actual intake has 3 weeks; give every figure for each known week.`,
      MONITORING,
    );
    const input = await cliInput((w) => (invoer(w).getCell("K21").value = null));
    await expectCliRefuses(
      input,
      "Invoer!K10:K21 has 11 weeks of counted backlog, but the actual intake has 12 weeks; give every figure for each known week.",
    );
  });

  test("8c actuals longer than the plan: refused, naming the range and both lengths", async () => {
    const input = await cliInput(() => undefined, 10, { actuals: true });
    await expectCliRefuses(input, "Invoer!I10:I21 has 12 weeks, more than the plan's 10 weeks.");
    const wb = paneWithActuals([27, 22, 26], [30, 31, 28]);
    await expectProblem(
      wb,
      { ...INPUTS, horizon: "2" },
      `Invoer!F5:F7 has 3 weeks, more than the plan's 2 weeks.`,
      MONITORING,
    );
  });

  test("8d text or a negative figure in a week of the actuals: refused, naming the cell", async () => {
    await expectProblem(
      paneWithActuals([27, "n.v.t.", 26], [30, 31, 28]),
      INPUTS,
      `Invoer!F6 contains the text 'n.v.t.'; a number was expected.`,
      MONITORING,
    );
    await expectProblem(
      paneWithActuals([27, 22, 26], [30, -2, 28]),
      INPUTS,
      `Invoer!G6 contains -2; a number of 0 or more was expected.`,
      MONITORING,
    );
    const text = await cliInput((w) => (invoer(w).getCell("J12").value = "n.v.t."));
    await expectCliRefuses(text, "Invoer!J12 contains the text 'n.v.t.'; a number was expected.");
    const negative = await cliInput((w) => (invoer(w).getCell("I13").value = -2));
    await expectCliRefuses(negative, "Invoer!I13 contains -2; a number of 0 or more was expected.");
  });

  test("8e actual intake without actual decisions: refused, naming the range given", async () => {
    const input = await cliInput((w) => {
      w.definedNames.model = w.definedNames.model.filter((n) => n.name !== "GerealiseerdeAfdoeningen");
    });
    await expectCliRefuses(
      input,
      "Invoer!I10:I21 gives the actual intake, but monitoring needs both the actual intake (ActualIntake) and the actual decisions (ActualDecisions).",
    );
  });
});
