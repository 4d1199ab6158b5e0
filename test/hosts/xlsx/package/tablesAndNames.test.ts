/**
 * `npm run plan` reading what planners really define: Excel Tables (a totals row, column names with
 * spaces and escaped brackets, actuals loaded by Power Query), a whole column with its header,
 * names scoped to one sheet, names into other workbooks and onto chart sheets, and a sheet of the
 * add-in's that the planner renamed to keep it. The Excel-style workbook is built as Excel writes
 * one; the others are the real workbooks of ../shared/real-workbooks with names added.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { planWorkbook } from "../../../../src/cli/plan";
import { openPackage } from "../../../../src/hosts/xlsx/package/opcPackage";
import type { Language } from "../../../../src/sheets/messages";
import { JAN_15, runCli } from "../../../cli/planHelpers";
import {
  COLUMN_INTAKE,
  makeExcelTableWorkbook,
  TABLE_ACTUALS,
  TABLE_CAPACITY,
  TABLE_INTAKE,
  TABLE_NAMES,
} from "../../../fixtures/excelTableWorkbook";
import { partBytes } from "../../../helpers/packageParts";
import { REAL_WORKBOOKS, TWO_NAMES, withNames } from "../../../helpers/realWorkbooks";
import { readPackage } from "../../../helpers/xlsxPackage";

type Result = Awaited<ReturnType<typeof planWorkbook>>;

const plan = (input: Buffer, language: Language = "nl"): Promise<Result> => planWorkbook(input, { language, createdOn: JAN_15 });

async function planned(input: Buffer, language: Language = "nl"): Promise<Extract<Result, { ok: true }>> {
  const result = await plan(input, language);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const real = (file: string): Buffer => fs.readFileSync(path.join(REAL_WORKBOOKS, file));

/** Every text cell of a sheet of the output, read with JSZip and fast-xml-parser. */
async function sheetTexts(xlsx: Buffer, sheet: string): Promise<string[]> {
  const pkg = await readPackage(xlsx);
  return [...pkg.sheet(sheet).cells.values()].filter((c) => c.type === "s").map((c) => c.value ?? "");
}

describe("an Excel Table with a totals row and column names with spaces", () => {
  test("the intake and capacity are the table's 52 data rows: never the header, never the totals", async () => {
    const result = await planned(await makeExcelTableWorkbook());
    expect(result.projection.rows.map((r) => r.intake)).toEqual(TABLE_INTAKE);
    expect(result.projection.rows.map((r) => r.capacity)).toEqual(TABLE_CAPACITY);
    expect(result.inputs.opening).toBe(1440);
    expect(result.notes).toEqual([]);
  });

  test("the actuals from a table Power Query loaded make the Voortgang sheet", async () => {
    const result = await planned(await makeExcelTableWorkbook());
    expect(result.monitoringSheet).toBe("Voortgang");
    expect(result.inputs.actuals).toEqual({ intake: TABLE_ACTUALS.intake, decisions: TABLE_ACTUALS.decisions });
  });

  test.each([
    ["Planning[[#Data],[Instroom per week]]", TABLE_INTAKE],
    ["planning[instroom per week]", TABLE_INTAKE],
    ["Planning[[Capaciteit '[fte']]]", TABLE_CAPACITY],
  ])("Instroom = %s", async (formula, expected) => {
    const result = await planned(await makeExcelTableWorkbook({ names: { Beginvoorraad: "Invoer!$B$1", Instroom: formula } }));
    expect(result.projection.rows.map((r) => r.intake)).toEqual(expected);
  });

  test.each([
    [
      "Planning[[#Totals],[Instroom per week]]",
      "De naam Instroom verwijst naar 'Planning[[#Totals],[Instroom per week]]' en neemt daarmee de kop- of totaalrij van een tabel mee, waar geen weekcijfers staan; laat hem naar alleen de gegevens van een kolom verwijzen, zoals Planning[Instroom per week].",
    ],
    [
      "Planning[[#All],[Capaciteit '[fte']]]",
      "De naam Instroom verwijst naar 'Planning[[#All],[Capaciteit '[fte']]]' en neemt daarmee de kop- of totaalrij van een tabel mee, waar geen weekcijfers staan; laat hem naar alleen de gegevens van een kolom verwijzen, zoals Planning[Capaciteit '[fte']].",
    ],
    [
      "Planning[Instroom]",
      "De naam Instroom verwijst naar de kolom 'Instroom' van de tabel Planning, maar die tabel heeft alleen de kolommen 'Week', 'Instroom per week', 'Capaciteit [fte]' en 'Opmerking'.",
    ],
    ["Plan[Instroom]", "De naam Instroom verwijst naar de tabel Plan, maar die bestaat niet in deze werkmap."],
    [
      "Planning[[Week]:[Instroom per week]]",
      "Invoer!A5:B56 is 52 rijen × 2 kolommen; kies één kolom of één rij voor de instroom.",
    ],
  ])("Instroom = %s is refused: %s", async (formula, message) => {
    expect(await plan(await makeExcelTableWorkbook({ names: { Beginvoorraad: "Invoer!$B$1", Instroom: formula } }))).toEqual({
      ok: false,
      message,
    });
  });

  test("a text cell among the table's data is named by its cell", async () => {
    const zip = await JSZip.loadAsync(await makeExcelTableWorkbook());
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
    zip.file("xl/worksheets/sheet1.xml", sheet.replace(/<c r="B14"><v>\d+<\/v><\/c>/, `<c r="B14" t="inlineStr"><is><t>n.v.t.</t></is></c>`));
    expect(await plan(await zip.generateAsync({ type: "nodebuffer" }), "en")).toEqual({
      ok: false,
      message: "Invoer!B14 contains the text 'n.v.t.'; a number was expected.",
    });
  });
});

describe("a header above a whole-column name", () => {
  const names = { Beginvoorraad: "Invoer!$B$1", Intake: "'Week''s data'!$B:$B" };

  test("is skipped, and said so on stdout and under the sheets", async () => {
    const result = await planned(await makeExcelTableWorkbook({ names }));
    expect(result.projection.rows.map((r) => r.intake)).toEqual(COLUMN_INTAKE);
    const note = "In 'Week''s data'!B:B is B1 ('Intake') als kop gelezen en overgeslagen; de cijfers komen uit B2:B53.";
    expect(result.notes).toEqual([note]);
    for (const sheet of [result.projectionSheet, result.whatIfSheet]) {
      const texts = await sheetTexts(result.xlsx, sheet);
      expect(texts).toContain("Bij het lezen van de invoer");
      expect(texts).toContain(note);
    }
  });

  test("in English, on the command line", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "header-"));
    try {
      fs.writeFileSync(path.join(dir, "in.xlsx"), await makeExcelTableWorkbook({ names }));
      const run = await runCli(dir, ["--in", "in.xlsx", "--out", "plan.xlsx", "--lang", "en", "--date", "2024-01-15"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("In 'Week''s data'!B:B, B1 ('Intake') was read as a header and skipped; the figures come from B2:B53.");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("text after the first number is still refused, as before", async () => {
    // Invoer!B:B holds 1440, the first week, then the table's header "Instroom per week" in B4.
    const result = await plan(await makeExcelTableWorkbook({ names: { Beginvoorraad: "Invoer!$B$1", Instroom: "Invoer!$B:$B" } }));
    expect(result).toEqual({ ok: false, message: "Invoer!B4 bevat de tekst 'Instroom per week'; er werd een getal verwacht." });
  });
});

describe("the 1904 date system in an Excel Table workbook", () => {
  test("the first week's cell holds the 1904 serial of Monday 2024-01-01: read as that day", async () => {
    const result = await planned(await makeExcelTableWorkbook({ date1904: true }));
    expect(result.inputs.firstWeek).toBe(45_292);
    expect(result.notes).toEqual([]);
    // Prognose's dates and ISO weeks are formulas on the workbook's own first-week cell, so they
    // count in its system; the what-if's first-week input is written as the 1904 serial.
    const written = openPackage(result.xlsx);
    const prognose = written.text(written.sheets.find((s) => s.name === "Prognose")?.part as string);
    expect(prognose).toMatch(/<c r="B5"[^>]*><f>IF\(Invoer!\$B\$2=&quot;&quot;,&quot;&quot;,Invoer!\$B\$2\+7\*\(A5-1\)\)<\/f>/);
    const whatIf = written.text(written.sheets.find((s) => s.name.startsWith("What-if"))?.part as string);
    expect(whatIf).toContain(`<v>${45_292 - 1462}</v>`);
    expect(whatIf).not.toContain("<v>45292</v>");
  });
});

describe("names a planner cannot use as they are, in Dutch and English", () => {
  test("a name pointing at a chart sheet: the sheet exists, but has no cells", async () => {
    const input = await withNames(real("01_any_sheets.xlsx"), { OpeningBacklog: "1440", Intake: "Chart!$A$1:$A$52" });
    expect(await plan(input)).toEqual({
      ok: false,
      message: "De naam Intake verwijst naar het blad 'Chart', maar dat is een grafiekblad zonder cellen; laat hem naar de cellen met de instroom op een werkblad verwijzen.",
    });
    expect(await plan(input, "en")).toEqual({
      ok: false,
      message: "The name Intake refers to the sheet 'Chart', which is a chart sheet without cells; make it refer to the cells holding the intake on a worksheet.",
    });
  });

  test.each([
    ["13_external_link.xlsx", "[1]Inputs!$E$13"],
    ["x01_exclamation_sheet.xlsx", "'[1]Dateneingabe + Diagramme'!$F$1:$F$72"],
  ])("%s: a name into another workbook (%s)", async (file, formula) => {
    const input = await withNames(real(file), { OpeningBacklog: "1440", Intake: formula });
    expect(await plan(input)).toEqual({
      ok: false,
      message: `De naam Intake verwijst naar een andere werkmap ('${formula}'); de Voorraadplanner leest alleen deze werkmap. Zet de instroom in deze werkmap en laat de naam daarnaar verwijzen.`,
    });
    expect(await plan(input, "en")).toMatchObject({ message: expect.stringMatching(/^The name Intake refers to another workbook/) });
  });

  test("a name scoped to one sheet only, when it is the only one: used, and noted", async () => {
    const input = await withNames(await withNames(real("10_apostrophe_sheet.xlsx"), { OpeningBacklog: "1440" }), { Intake: "25" }, 0);
    const result = await planned(input);
    expect(result.projection.rows).toHaveLength(52);
    expect(result.notes).toEqual([
      "De naam Intake geldt alleen op het blad 'L'E'; omdat er geen andere is, is hij gebruikt. Maak hem werkmapbreed (Formules > Namen beheren, bereik 'Werkmap') als hij voor de hele werkmap bedoeld is.",
    ]);
    expect(await sheetTexts(result.xlsx, "Prognose")).toContain(result.notes[0]);
  });

  test("a name scoped to several sheets, and none for the workbook: refused, saying how to make it workbook-wide", async () => {
    let input = await withNames(real("11_odd_sheet_names.xlsx"), { OpeningBacklog: "1440" });
    input = await withNames(input, { Intake: "25" }, 0);
    input = await withNames(input, { Intake: "30" }, 2);
    const sheets = openPackage(input).sheets.map((s) => s.name);
    expect(await plan(input)).toEqual({
      ok: false,
      message: `De naam Intake bestaat alleen per blad (op de bladen '${sheets[0]}' en '${sheets[2]}'), niet voor de hele werkmap, dus het is niet duidelijk welke bedoeld is. Maak hem werkmapbreed: verwijder de bladnamen in Formules > Namen beheren en maak de naam opnieuw met als bereik 'Werkmap'.`,
    });
  });

  test("a workbook-level name wins over a sheet-level one of the same name, without a note", async () => {
    let input = await withNames(real("11_odd_sheet_names.xlsx"), TWO_NAMES);
    input = await withNames(input, { Intake: "30" }, 1);
    const result = await planned(input);
    expect(result.projection.rows[0]?.intake).toBe(25);
    expect(result.notes).toEqual([]);
  });

  test("a first week that is not a Monday: which day, and what the tool does with it", async () => {
    const result = await planned(await makeExcelTableWorkbook({ firstWeek: 45_294 }), "en");
    expect(result.notes).toEqual([
      "The first week (Invoer!B2) starts on Wednesday 2024-01-03, not on a Monday; the Backlog Planner keeps that day: each week runs from Wednesday to Tuesday and is named after the ISO week it starts in (2024-W01).",
    ]);
  });
});

describe("a sheet of the add-in's that the planner renamed is theirs", () => {
  /** The output with its Prognose sheet renamed in the workbook part, as the planner would in Excel. */
  async function renamed(bytes: Buffer, from: string, to: string): Promise<Buffer> {
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file("xl/workbook.xml")?.async("string")) as string;
    zip.file("xl/workbook.xml", xml.replace(`name="${from}"`, `name="${to}"`));
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }

  test("kept byte for byte; the new projection goes under the default name, and is replaced by the run after", async () => {
    const first = (await planned(await makeExcelTableWorkbook())).xlsx;
    const kept = await renamed(first, "Prognose", "Prognose maart");
    const keptPart = openPackage(kept).sheets.find((s) => s.name === "Prognose maart")?.part as string;
    const second = (await planned(kept)).xlsx;
    const names = (bytes: Buffer): string[] => openPackage(bytes).sheets.map((s) => s.name);
    expect(names(second)).toEqual(["Invoer", "Realisatie", "Week's data", "Prognose maart", "What-if 2024-01-15", "Voortgang", "Basislijn 2024-01-15", "Prognose"]);
    expect((await partBytes(second)).get(keptPart)).toEqual((await partBytes(kept)).get(keptPart));
    const third = (await planned(second)).xlsx;
    expect(names(third)).toEqual(names(second));
    expect((await partBytes(third)).get(keptPart)).toEqual((await partBytes(kept)).get(keptPart));
  });
});
