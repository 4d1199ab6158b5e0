import { execFile } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { parsePlanArgs } from "../../src/cli/args";
import { PLAN_OPTIONS } from "../../src/cli/optionTable";
import { usageText } from "../../src/cli/usage";
import { planWorkbook, PlanEnvironment } from "../../src/cli/plan";
import { makeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { ChartSpec, excelDateSerial } from "../../src/sheets/spec";
import { addCharts } from "../../src/hosts/xlsx/charts";
import { readPackage, XlsxPackage } from "../helpers/xlsxPackage";
import { makeUserWorkbook, USER_UPLIFT } from "../helpers/userWorkbook";
import { CliRun, expectOriginalsKept, JAN_15, ROOT, runCli, SAMPLE, sha } from "./planHelpers";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-cli-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[], overrides: Partial<PlanEnvironment> = {}): Promise<CliRun> => runCli(dir, argv, overrides);

describe("parsePlanArgs", () => {
  test("options with a space or '=', flags, and defaults", () => {
    expect(parsePlanArgs([])).toEqual({ ok: true, args: { force: false, language: "nl", help: false, settings: {} } });
    expect(
      parsePlanArgs(["--in", "a.xlsx", "--out=b.xlsx", "--force", "--lang", "en", "--date", "2024-02-29"]),
    ).toEqual({
      ok: true,
      args: {
        in: "a.xlsx",
        out: "b.xlsx",
        force: true,
        language: "en",
        help: false,
        date: excelDateSerial(2024, 2, 29),
        settings: {},
      },
    });
  });

  test.each([
    [["--in"], "--in heeft een waarde nodig.", false],
    [["--in", "--force"], "--in heeft een waarde nodig.", false],
    [["--lang", "de"], "--lang moet nl of en zijn, niet 'de'.", false],
    [["--date", "2023-02-29"], "--date moet een datum als 2024-01-15 zijn, niet '2023-02-29'.", false],
    [["--date", "2024-13-01"], "--date moet een datum als 2024-01-15 zijn, niet '2024-13-01'.", false],
    [["--date=2024-00-10"], "--date moet een datum als 2024-01-15 zijn, niet '2024-00-10'.", false],
    [["--date", "2024-02-30"], "--date moet een datum als 2024-01-15 zijn, niet '2024-02-30'.", false],
    [["in.xlsx"], "Onbekende optie in.xlsx.", true],
    [["--force=yes"], "Onbekende optie --force=yes.", true],
  ])("%j is refused: %s", (argv, message, showUsage) => {
    expect(parsePlanArgs(argv)).toEqual({ ok: false, message, language: "nl", showUsage });
  });

  test("the language flag wins wherever it stands, also after the problem", () => {
    expect(parsePlanArgs(["--foo", "--lang", "en"])).toEqual({ ok: false, message: "Unknown option --foo.", language: "en", showUsage: true });
    expect(parsePlanArgs(["--date", "2024-13-01", "--lang=en"])).toMatchObject({
      message: "--date must be a date like 2024-01-15, not '2024-13-01'.",
    });
    expect(parsePlanArgs(["--in", "--lang", "en"])).toMatchObject({ message: "--in needs a value." });
  });

  test("the first problem is the one reported; a value may start with one dash", () => {
    expect(parsePlanArgs(["--bar", "--date", "x"])).toMatchObject({ message: "Onbekende optie --bar." });
    expect(parsePlanArgs(["--seed", "-1"])).toEqual({
      ok: true,
      args: { force: false, language: "nl", help: false, settings: { seed: { value: "-1", source: { flag: "--seed" } } } },
    });
  });

  test("every option of the table is in the usage, in both languages", () => {
    for (const language of ["nl", "en"] as const) {
      const usage = usageText(language, "voorraadplanner");
      for (const option of PLAN_OPTIONS) expect(usage).toContain(`  ${option.flag}`);
      expect(usage.split("\n")[0]).toMatch(/^(Gebruik|Usage): voorraadplanner \[--in /);
    }
  });
});

describe("messages: one sentence, the usage only for --help and an unknown option", () => {
  test("--seed -1 gets the range sentence, not 'not a whole number'", async () => {
    expect(await run(["--seed", "-1", "--lang", "en"])).toMatchObject({
      code: 2,
      stderr: ["--seed must be between 0 and 4,294,967,295, not '-1'."],
    });
    expect((await run(["--runs", "-5"])).stderr).toEqual(["--runs moet tussen 100 en 1.000.000 liggen, niet '-5'."]);
  });

  test("a bad --date is one sentence, no usage, nothing written", async () => {
    const result = await run(["--date", "2024-13-01"]);
    expect(result).toEqual({ code: 2, stdout: [], stderr: ["--date moet een datum als 2024-01-15 zijn, niet '2024-13-01'."] });
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  test("an unknown option: its sentence, then the usage, in the language of --lang", async () => {
    const result = await run(["--foo", "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toBe("Unknown option --foo.");
    expect(result.stderr[1]).toMatch(/^Usage: npm run plan -- \[--in inputs\.xlsx\]/);
    expect(result.stderr).toHaveLength(2);
  });
});

describe("npm run plan on the bundled sample", () => {
  test("no arguments: reads the sample, writes out/plan.xlsx, prints the summary (memo: 1140, 249.6 weeks) and the progress line", async () => {
    const before = sha(SAMPLE);
    const result = await run([]);
    expect(result).toEqual({
      code: 0,
      stdout: [
        // The sample's Doelvoorraad 1100: reached in week 59 at the plan's constant averages (issue 23).
        "Voorraad na 52 weken: 1.140; weken tot voorraad nul: 249,6; streefvoorraad 1.100 in week 59 (2025-W07, week van 2025-02-10), bij constante gemiddelden na week 52. Geschreven: out/plan.xlsx",
        // The sample keeps the memo's 25 a week: its history's forecast is a comparison, and the history is constructed.
        "Ter vergelijking, niet in het plan (dat rekent met de opgegeven instroom): prognose uit de instroomhistorie (156 weken, 2021-01-04 t/m 2023-12-31, Instroomhistorie!C5:C160): niveau en trend (ETS(A,A,N)), seizoen van 52 weken (32% van het gemeten patroon behouden); interval 80% (P10–P90); gemiddeld 22,2 per week. Let op: de historie van het voorbeeld is geconstrueerd uit de jaartotalen van de nota, geen IND-cijfers.",
        // The sample's actuals are invented: the line says so (the workbook carries the name Voorbeeldwerkmap).
        "Voortgang (blad Voortgang): week 12, gerealiseerde voorraad 1.408, +37,2 t.o.v. plan; herprognose voorraad aan het einde 1.247,2 bij geplande capaciteit, 1.333 in het huidige tempo. Let op: verzonnen voorbeeldcijfers, geen IND-cijfers.",
        // The first Voortgang stores the plan as the baseline (issue 23).
        "Basislijn: het plan van vandaag (2024-01-15) is vastgelegd op het blad Basislijn 2024-01-15; volgende runs op dit bestand vergelijken daarmee.",
      ],
      stderr: [],
    });
    expect(sha(SAMPLE)).toBe(before);
    const output = await readPackage(fs.readFileSync(path.join(dir, "out", "plan.xlsx")));
    // The sample's actuals (GerealiseerdeInstroom, …) add the monitoring sheet.
    expect(output.sheets.map((s) => s.name)).toEqual(["Invoer", "Instroomhistorie", "Prognose", "What-if 2024-01-15", "Voortgang", "Basislijn 2024-01-15"]);
    expectOriginalsKept(await readPackage(fs.readFileSync(SAMPLE)), output);
    // The tool's own default output is simply replaced on the next run.
    expect((await run([])).code).toBe(0);
  });

  test("--lang en: English sheets and summary", async () => {
    const result = await run(["--lang", "en", "--out", "plan.xlsx"]);
    expect(result.stdout).toEqual([
      "Backlog after 52 weeks: 1,140; weeks to clear: 249.6; target backlog 1,100 in week 59 (2025-W07, week of 2025-02-10), at constant averages after week 52. Written: plan.xlsx",
      "For comparison, not in the plan (which uses the intake given): forecast from the intake history (156 weeks, 2021-01-04 to 2023-12-31, Instroomhistorie!C5:C160): level and trend (ETS(A,A,N)), a season of 52 weeks (32% of the measured pattern kept); 80% interval (P10–P90); 22.2 a week on average. Note: the sample's history is constructed from the memo's yearly totals, not IND data.",
      "Progress (sheet Progress): week 12, actual backlog 1,408, +37.2 against plan; re-forecast backlog at the horizon 1,247.2 at the planned capacity, 1,333 at the current pace. Note: invented sample figures, not IND data.",
      "Baseline: today's plan (2024-01-15) is stored on the sheet Baseline 2024-01-15; later runs on this file compare with it.",
    ]);
    const output = await readPackage(fs.readFileSync(path.join(dir, "plan.xlsx")));
    expect(output.sheets.map((s) => s.name)).toEqual(["Invoer", "Instroomhistorie", "Projection", "What-if 2024-01-15", "Progress", "Baseline 2024-01-15"]);
  });

  test("the baseline (issue 23): run on its own output, Voortgang keeps comparing with the stored plan; --new-baseline stores today's and keeps the old", async () => {
    const first = await run(["--out", "een.xlsx"]);
    expect(first.code).toBe(0);
    // The next run, a planner's week later, on the previous output, with a shorter horizon today.
    const later = { today: () => JAN_15 + 77 };
    const second = await run(["--in", "een.xlsx", "--out", "twee.xlsx", "--weeks", "40"], later);
    expect(second.code).toBe(0);
    expect(second.stdout.at(-1)).toBe(
      "Basislijn: vergeleken met het plan van 2024-01-15 (blad Basislijn 2024-01-15); --new-baseline legt het plan van vandaag vast.",
    );
    // Still the baseline's 52 weeks, ending at the memo's 1140, not today's 40.
    expect(second.stdout.find((l) => l.startsWith("Voortgang"))).toContain("herprognose voorraad aan het einde 1.247,2 bij geplande capaciteit");
    const two = await readPackage(fs.readFileSync(path.join(dir, "twee.xlsx")));
    expect(two.sheets.map((s) => s.name)).toEqual(["Invoer", "Instroomhistorie", "Prognose", "What-if 2024-01-15", "Voortgang", "Basislijn 2024-01-15", "What-if 2024-04-01"]);
    expect(Number(two.sheet("Voortgang").cells.get("H56")?.value)).toBeCloseTo(1140, 6);
    expect(two.sheet("Voortgang").cells.get("A57")?.value ?? null).toBeNull();
    // The stored baseline comes back as it was: every cell of its sheet.
    const one = await readPackage(fs.readFileSync(path.join(dir, "een.xlsx")));
    expect(Object.fromEntries(two.sheet("Basislijn 2024-01-15").cells)).toEqual(Object.fromEntries(one.sheet("Basislijn 2024-01-15").cells));

    // On request: today's plan (40 weeks) is the new baseline; the old one stays under its date.
    const third = await run(["--in", "twee.xlsx", "--out", "drie.xlsx", "--weeks", "40", "--new-baseline"], later);
    expect(third.code).toBe(0);
    expect(third.stdout.at(-1)).toBe(
      "Basislijn: het plan van vandaag (2024-04-01) is vastgelegd op het blad Basislijn 2024-04-01; volgende runs op dit bestand vergelijken daarmee.",
    );
    const three = await readPackage(fs.readFileSync(path.join(dir, "drie.xlsx")));
    expect(three.sheets.map((s) => s.name)).toContain("Basislijn 2024-01-15");
    expect(three.sheets.map((s) => s.name)).toContain("Basislijn 2024-04-01");
    expect(Object.fromEntries(three.sheet("Basislijn 2024-01-15").cells)).toEqual(Object.fromEntries(one.sheet("Basislijn 2024-01-15").cells));
    expect(Number(three.sheet("Voortgang").cells.get("A44")?.value)).toBe(40);
    expect(three.sheet("Voortgang").cells.get("A45")?.value ?? null).toBeNull();
    // And the run after that compares with the newest.
    const fourth = await run(["--in", "drie.xlsx", "--out", "vier.xlsx"], { today: () => JAN_15 + 84 });
    expect(fourth.stdout.at(-1)).toBe(
      "Basislijn: vergeleken met het plan van 2024-04-01 (blad Basislijn 2024-04-01); --new-baseline legt het plan van vandaag vast.",
    );
  });

  test("--help prints the usage and writes nothing", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout.join("\n")).toContain("npm run plan -- [--in invoer.xlsx]");
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});

describe("it never writes to the input, and overwrites only with --force", () => {
  beforeEach(() => fs.copyFileSync(SAMPLE, path.join(dir, "in.xlsx")));

  test.each([["in.xlsx"], ["./sub/../in.xlsx"], ["link.xlsx"]])(
    "--out %s, the input itself, is refused",
    async (out) => {
      fs.mkdirSync(path.join(dir, "sub"));
      fs.symlinkSync(path.join(dir, "in.xlsx"), path.join(dir, "link.xlsx"));
      const before = sha(path.join(dir, "in.xlsx"));
      const result = await run(["--in", "in.xlsx", "--out", out, "--force"]);
      expect(result.code).toBe(2);
      expect(result.stderr[0]).toBe(
        "--out is hetzelfde bestand als --in (in.xlsx); de invoer wordt nooit overschreven. Kies een ander uitvoerbestand.",
      );
      expect(sha(path.join(dir, "in.xlsx"))).toBe(before);
    },
  );

  test("an existing --out is kept unless --force is given", async () => {
    fs.writeFileSync(path.join(dir, "plan.xlsx"), "mine");
    const refused = await run(["--in", "in.xlsx", "--out", "plan.xlsx"]);
    expect(refused).toMatchObject({
      code: 2,
      stderr: ["plan.xlsx bestaat al; geef --force om het te overschrijven, of kies een ander --out."],
    });
    expect(fs.readFileSync(path.join(dir, "plan.xlsx"), "utf8")).toBe("mine");
    const forced = await run(["--in", "in.xlsx", "--out", "plan.xlsx", "--force"]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "plan.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  test("a missing input file, or one that is not a workbook, is a clear message and exit 2", async () => {
    expect(await run(["--in", "nope.xlsx"])).toMatchObject({
      code: 2,
      stderr: ["Het invoerbestand nope.xlsx bestaat niet."],
    });
    fs.writeFileSync(path.join(dir, "fake.xlsx"), "week;instroom\n1;25\n");
    const fake = await run(["--in", "fake.xlsx", "--out", "o.xlsx", "--lang", "en"]);
    expect(fake.code).toBe(2);
    expect(fake.stderr).toEqual([
      "This file is not an Excel workbook (.xlsx or .xlsm) but, for example, text or CSV; open it in Excel and save it as an Excel Workbook.",
    ]);
    expect(fs.existsSync(path.join(dir, "o.xlsx"))).toBe(false);
  });
});

describe("problems with the defined names", () => {
  async function workbookWith(change: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = makeSampleWorkbook();
    change(wb);
    const file = path.join(dir, "in.xlsx");
    await wb.xlsx.writeFile(file);
    return file;
  }

  test("a missing name: says which name to define, exit 2, nothing written", async () => {
    await workbookWith((wb) => wb.definedNames.remove("Invoer!$B$3", "Beginvoorraad"));
    const result = await run(["--in", "in.xlsx", "--out", "o.xlsx"]);
    expect(result).toMatchObject({
      code: 2,
      stderr: [
        "De werkmap heeft geen naam voor de beginvoorraad: geef de cel(len) met de beginvoorraad de werkmapnaam Beginvoorraad (of OpeningBacklog).",
      ],
    });
    expect(fs.existsSync(path.join(dir, "o.xlsx"))).toBe(false);
  });

  test("a name pointing to text names the cell", async () => {
    await workbookWith((wb) => (wb.getWorksheet("Invoer")!.getCell("B3").value = "veel"));
    expect(await run(["--in", "in.xlsx", "--out", "o.xlsx"])).toMatchObject({
      code: 2,
      stderr: ["Invoer!B3 bevat de tekst 'veel'; er werd een getal verwacht."],
    });
    expect(await run(["--in", "in.xlsx", "--out", "o.xlsx", "--lang", "en"])).toMatchObject({
      code: 2,
      stderr: ["Invoer!B3 contains the text 'veel'; a number was expected."],
    });
  });

  test("text inside the weekly intake names the week's cell", async () => {
    await workbookWith((wb) => (wb.getWorksheet("Invoer")!.getCell("C23").value = "n.v.t."));
    expect((await run(["--in", "in.xlsx", "--out", "o.xlsx"])).stderr).toEqual([
      "Invoer!C23 bevat de tekst 'n.v.t.'; er werd een getal verwacht.",
    ]);
  });

  test("a formula saved without its result cannot be read, and says so", async () => {
    await workbookWith(
      (wb) => (wb.getWorksheet("Invoer")!.getCell("B3").value = { formula: "1000+440" } as ExcelJS.CellValue),
    );
    expect((await run(["--in", "in.xlsx", "--out", "o.xlsx", "--lang", "en"])).stderr).toEqual([
      "Invoer!B3 holds a formula without a saved result; open the workbook in Excel and save it so the result is stored.",
    ]);
  });
});

describe("a planner's own workbook", () => {
  test("English names, a formula and a shared formula among the inputs, a constant uplift name", async () => {
    const input = await makeUserWorkbook();
    const result = await planWorkbook(input, { language: "nl", createdOn: JAN_15 });
    if (!result.ok) throw new Error(result.message);
    expect(result.inputs.opening).toBe(1500);
    expect(result.inputs.uplift).toBe(USER_UPLIFT);
    expect(result.inputs.firstWeek).toBe(excelDateSerial(2024, 1, 1));
    expect(result.inputs.capacity).toEqual(new Array(52).fill(32));
    const intake = result.inputs.intake as number[];
    expect(intake[3]).toBe(20 + 3 + 2); // week 4 is the formula B12+2
    expect(result.projectionSheet).toBe("Prognose (2)"); // "Prognose" is the user's own sheet
  });

  test("is never flagged as the sample: no sample note on its sheets, in its names or in the result", async () => {
    const tracks = { tracks: { value: true, source: { flag: "--tracks" } }, safeShare: { value: "0.2", source: { flag: "--safe-share" } } };
    const result = await planWorkbook(await makeUserWorkbook(), { language: "nl", createdOn: JAN_15, settings: tracks });
    if (!result.ok) throw new Error(result.message);
    expect(result.sample).toBe(false);
    const output = await readPackage(result.xlsx);
    expect(output.names.map((n) => n.name)).not.toEqual(expect.arrayContaining(["Voorbeeldwerkmap"]));
    // (The what-if sheet's own example figures, such as 1.5 decisions per fte, are flagged on every workbook.)
    const sampleWords = /verzonnen|IND-cijfers|voorbeeldinstelling|voorbeeldwerkmap|spoor 2: voorbeeld/i;
    for (const sheet of output.sheets.filter((s) => s.name !== "Gegevens" && s.name !== "Notities")) {
      for (const cell of sheet.cells.values()) expect(String(cell.value ?? "")).not.toMatch(sampleWords);
    }
    // The sample itself is: the result and its name say so.
    const sample = await planWorkbook(fs.readFileSync(SAMPLE), { language: "nl", createdOn: JAN_15 });
    if (!sample.ok) throw new Error(sample.message);
    expect(sample.sample).toBe(true);
    const flagged = await readPackage(sample.xlsx);
    expect(flagged.names.map((n) => n.name)).toContain("Voorbeeldwerkmap");
    const voortgang = flagged.sheets.find((s) => s.name === "Voortgang");
    expect(String(voortgang?.cells.get("A1")?.value)).toMatch(/verzonnen voorbeeldcijfers, geen IND-cijfers/);
  });

    test("its sheets come back cell for cell: values, formulas, number formats, merges, and every defined name", async () => {
    const input = await makeUserWorkbook();
    const result = await planWorkbook(input, { language: "nl", createdOn: JAN_15 });
    if (!result.ok) throw new Error(result.message);
    const original = await readPackage(input);
    const output = await readPackage(result.xlsx);
    expect(output.sheets.map((s) => s.name)).toEqual([
      "Gegevens",
      "Prognose",
      "Notities",
      "Prognose (2)",
      "What-if 2024-01-15",
    ]);
    expectOriginalsKept(original, output);
    // The names ExcelJS alone would drop or widen are there, with their scope.
    expect(output.names).toEqual(
      expect.arrayContaining([
        { name: "Uplift", scope: undefined, formula: "0.12", hidden: false },
        { name: "Lokaal", scope: "Notities", formula: "Notities!$A$2", hidden: false },
        { name: "Relatief", scope: undefined, formula: "Gegevens!B3", hidden: false },
        { name: "Som", scope: undefined, formula: "SUM(Gegevens!$B$10:$B$61)", hidden: false },
      ]),
    );
    const workbookXml = await (output.zip.file("xl/workbook.xml") as JSZip.JSZipObject).async("string");
    expect(workbookXml).toMatch(/<sheet [^>]*name="Notities"[^>]*state="hidden"/);
  });

  test("run again on its own output: the add-in's sheets are replaced, not duplicated", async () => {
    const first = await planWorkbook(await makeUserWorkbook(), { language: "nl", createdOn: JAN_15 });
    if (!first.ok) throw new Error(first.message);
    const second = await planWorkbook(first.xlsx, { language: "nl", createdOn: JAN_15 });
    if (!second.ok) throw new Error(second.message);
    const a = await readPackage(first.xlsx);
    const b = await readPackage(second.xlsx);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    expectOriginalsKept(await readPackage(await makeUserWorkbook()), b);
    // A later day adds a new what-if sheet and keeps the meeting's earlier one.
    const later = await planWorkbook(second.xlsx, { language: "nl", createdOn: JAN_15 + 7 });
    if (!later.ok) throw new Error(later.message);
    expect((await readPackage(later.xlsx)).sheets.map((s) => s.name)).toEqual([
      ...a.sheets.map((s) => s.name),
      "What-if 2024-01-22",
    ]);
  });
});

describe("the user's own charts", () => {
  test("a chart on an original sheet survives (ExcelJS alone drops it), byte for byte", async () => {
    const chart: ChartSpec = {
      kind: "line",
      title: "Instroom",
      categories: "A10:A61",
      series: [{ name: "Instroom", values: "C10:C61" }],
      at: "F3",
      widthColumns: 6,
      heightRows: 15,
    };
    const input = await addCharts(fs.readFileSync(SAMPLE), [{ sheetName: "Invoer", charts: [chart] }]);
    const result = await planWorkbook(input, { language: "nl", createdOn: JAN_15 });
    if (!result.ok) throw new Error(result.message);
    const output = await readPackage(result.xlsx);
    const original = await readPackage(input);
    const text = async (p: XlsxPackage, part: string): Promise<string> =>
      (p.zip.file(part) as JSZip.JSZipObject).async("string");
    // Find the chart the Invoer sheet's drawing points to, through the relationships.
    const chartOf = async (p: XlsxPackage): Promise<string> => {
      const sheet = p.sheet("Invoer");
      const rid = /<drawing r:id="([^"]+)"/.exec(sheet.xml)?.[1];
      const rels = await text(p, sheet.path.replace("worksheets/", "worksheets/_rels/") + ".rels");
      const drawing = new RegExp(`Id="${rid}"[^>]*Target="\\.\\./drawings/([^"]+)"`).exec(rels)?.[1];
      const drawingRels = await text(p, `xl/drawings/_rels/${drawing}.rels`);
      const chartPart = /Target="\.\.\/charts\/([^"]+)"/.exec(drawingRels)?.[1];
      return text(p, `xl/charts/${chartPart}`);
    };
    expect(await chartOf(output)).toBe(await chartOf(original));
    expect(await chartOf(output)).toContain("<c:f>&apos;Invoer&apos;!$C$10:$C$61</c:f>");
    const types = await text(output, "[Content_Types].xml");
    // The user's, the projection's two (backlog and flows; the sample's history with its forecast),
    // the what-if sheet's four (scenarios, shared capacity, tornado, uncertainty) and the monitoring
    // sheet's two (band, weekly flows).
    expect(types.match(/drawingml\.chart\+xml/g)).toHaveLength(9);
  });
});

describe("the real command", () => {
  test("npm run plan -- --in … --out … resolves paths from where npm was started and exits 0; problems exit 2", async () => {
    fs.copyFileSync(SAMPLE, path.join(dir, "mijn.xlsx"));
    const npm = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        execFile(
          "npm",
          ["run", "--silent", "--prefix", ROOT, "plan", "--", ...args],
          { cwd: dir, timeout: 60_000 },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
      });
    const ok = await npm(["--in", "mijn.xlsx", "--out", "plan.xlsx", "--date", "2024-01-15"]);
    expect(ok).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Voorraad na 52 weken: 1\.140; weken tot voorraad nul: 249,6; streefvoorraad 1\.100 in week 59 \(2025-W07, week van 2025-02-10\), bij constante gemiddelden na week 52\. Geschreven: plan\.xlsx\nTer vergelijking, niet in het plan .*\nVoortgang \(blad Voortgang\)/),
    });
    expect(fs.existsSync(path.join(dir, "plan.xlsx"))).toBe(true);
    const refused = await npm(["--in", "mijn.xlsx", "--out", "plan.xlsx"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("plan.xlsx bestaat al");
  });

  /** The bin as a data team runs it, with an npm-started shell's INIT_CWD pointing elsewhere. */
  const bin = (args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const env = { ...process.env, INIT_CWD: ROOT, npm_lifecycle_event: "test" };
      execFile(process.execPath, [path.join(ROOT, "bin", "voorraadplanner.js"), ...args], { cwd, env, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });

  test("the voorraadplanner bin runs the compiled command: paths from the current folder, its own name in the usage", async () => {
    fs.copyFileSync(SAMPLE, path.join(dir, "mijn.xlsx"));
    const ok = await bin(["--in", "mijn.xlsx", "--out", "plan.xlsx", "--date", "2024-01-15", "--lang", "en"], dir);
    expect(ok).toMatchObject({ code: 0, stderr: "", stdout: expect.stringMatching(/^Backlog after 52 weeks: 1,140; weeks to clear: 249\.6; target backlog 1,100 in week 59 \(2025-W07, week of 2025-02-10\), at constant averages after week 52\. Written: plan\.xlsx\n/) });
    expect(fs.existsSync(path.join(dir, "plan.xlsx"))).toBe(true);
    const help = await bin(["--help"], dir);
    expect(help.stdout).toMatch(/^Gebruik: voorraadplanner \[--in invoer\.xlsx\]/);
    expect(await bin(["--date", "2024-13-01"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: "--date moet een datum als 2024-01-15 zijn, niet '2024-13-01'.\n",
    });
  });

  test("the compiled command finds the sample and out/ from the package root, not from lib/", async () => {
    const script = `const env = require(${JSON.stringify(path.join(ROOT, "lib", "cli", "plan.js"))}).processEnvironment(); console.log(JSON.stringify([env.sampleFile, env.defaultOut]));`;
    await bin(["--help"], dir); // compiles lib/ when it is missing or stale
    const shown = await new Promise<string>((resolve) => execFile(process.execPath, ["-e", script], { cwd: dir }, (_e, stdout) => resolve(stdout)));
    expect(JSON.parse(shown)).toEqual([SAMPLE, path.join(ROOT, "out", "plan.xlsx")]);
  });
});
