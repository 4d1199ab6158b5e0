/**
 * `npm run plan` with the pane's sections: --uncertainty, --tracks and their settings, as flags
 * and as the workbook's own defined names.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planWorkbook } from "../../src/cli/plan";
import { makeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { TRACKS_TABLE } from "../../src/plan/placeSections";
import { readPackage } from "../helpers/xlsxPackage";
import { JAN_15, runCli, SAMPLE } from "./planHelpers";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-sections-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The sample with settings in cells G5 and G6 under the given names. */
async function sampleWithSettings(settings: [string, unknown][]): Promise<Buffer> {
  const workbook = makeSampleWorkbook();
  const sheet = workbook.getWorksheet("Invoer");
  if (!sheet) throw new Error("no Invoer sheet");
  settings.forEach(([name, value], i) => {
    sheet.getCell(`G${5 + i}`).value = value as never;
    workbook.definedNames.add(`Invoer!$G$${5 + i}`, name);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("--uncertainty --tracks on the sample: the projection sheet gets the fan and the tracks table", async () => {
  const out = path.join(dir, "both.xlsx");
  const run = await runCli(dir, ["--uncertainty", "--tracks", "--out", out]);
  expect(run).toMatchObject({ code: 0, stderr: [] });
  const pkg = await readPackage(fs.readFileSync(out));
  const projection = pkg.sheets.find((s) => s.name === "Prognose");
  if (!projection) throw new Error("no projection sheet");
  const texts = [...projection.cells.values()].map((c) => JSON.stringify(c)).join("\n");
  expect(texts).toContain("Onzekerheid");
  // The sample's track setting is an example, and the sheet says so.
  expect(texts).toContain("Sporen per behandelspoor (voorbeeldinstelling)");
  const tables = Object.keys(pkg.zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
  const tableXml = await Promise.all(tables.map((f) => pkg.zip.file(f)?.async("string")));
  expect(tableXml.join("\n")).toContain(`name="${TRACKS_TABLE}"`);
  // The summary line says what the sections found.
  expect(run.stdout.join("\n")).toMatch(/P10–P90/);
});

test("without the flags the sample's run is as before: no fan, no tracks", async () => {
  const result = await planWorkbook(fs.readFileSync(SAMPLE), { language: "nl", createdOn: JAN_15 });
  if (!result.ok) throw new Error(result.message);
  expect(result.uncertainty).toBeUndefined();
  expect(result.tracks).toBeUndefined();
});

test("the workbook's own names switch the sections on and set them; a flag overrides a name", async () => {
  const input = await sampleWithSettings([
    ["Onzekerheid", true],
    ["Simulaties", 500],
  ]);
  const fromNames = await planWorkbook(input, { language: "nl", createdOn: JAN_15 });
  if (!fromNames.ok) throw new Error(fromNames.message);
  expect(fromNames.uncertainty).toMatchObject({ runs: 500, seed: 2024 });
  const overridden = await planWorkbook(input, {
    language: "nl",
    createdOn: JAN_15,
    settings: { runs: { value: "600", source: { flag: "--runs" } } },
  });
  if (!overridden.ok) throw new Error(overridden.message);
  expect(overridden.uncertainty?.runs).toBe(600);
});

test("triage's names: the new Dutch names, the triaged opening, and the old 'snel spoor' name still read", async () => {
  const input = await sampleWithSettings([
    ["Sporen", true],
    ["AandeelSnelSpoor", 0.1],
    ["GetrieerdDeelBeginvoorraad", 0.25],
  ]);
  const result = await planWorkbook(input, { language: "nl", createdOn: JAN_15 });
  if (!result.ok) throw new Error(result.message);
  expect(result.tracks?.shares.fast).toBe(0.1);
  const renamed = await planWorkbook(await sampleWithSettings([["Sporen", true], ["AandeelTriage", 0.1]]), {
    language: "nl",
    createdOn: JAN_15,
  });
  if (!renamed.ok) throw new Error(renamed.message);
  expect(renamed.tracks?.shares.fast).toBe(0.1);
  // The triaged quarter of the opening backlog starts in triage: more there at the end, less in track 4.
  expect(result.tracks!.closing.fast).toBeGreaterThan(renamed.tracks!.closing.fast);
  expect(result.tracks!.closing.regular).toBeLessThan(renamed.tracks!.closing.regular);
});

test("a wrong setting in a name: exit 2, one sentence naming it, nothing written", async () => {
  const input = path.join(dir, "bad-runs.xlsx");
  fs.writeFileSync(input, await sampleWithSettings([["Runs", "veel"]]));
  const out = path.join(dir, "never.xlsx");
  const run = await runCli(dir, ["--in", input, "--uncertainty", "--lang", "en", "--out", out]);
  expect(run.code).toBe(2);
  expect(run.stderr).toEqual(["The name Runs: 'veel' is not a number."]);
  expect(fs.existsSync(out)).toBe(false);
});

test("a wrong flag value: exit 2, one sentence naming the flag, nothing written", async () => {
  const out = path.join(dir, "never-flag.xlsx");
  const run = await runCli(dir, ["--tracks", "--safe-share", "1,5", "--out", out]);
  expect(run.code).toBe(2);
  expect(run.stderr).toEqual(["--safe-share moet een aandeel van 0 tot 1 zijn (of 0% tot 100%), niet '1,5'."]);
  expect(fs.existsSync(out)).toBe(false);
});

test("--help names every section flag and the names, in both languages", async () => {
  for (const lang of ["nl", "en"]) {
    const run = await runCli(dir, ["--help", "--lang", lang]);
    const help = run.stdout.join("\n");
    for (const text of ["--uncertainty", "--runs", "--seed", "--intake-level-spread", "--target", "--tracks", "--fast-share", "--safe-share", "--triaged-opening", "Simulaties", "SafeShare", "GetrieerdDeelBeginvoorraad"])
      expect(help).toContain(text);
  }
});

test("a setting's name must point at one cell: a range is refused, naming the name", async () => {
  const workbook = makeSampleWorkbook();
  workbook.definedNames.add("Invoer!$G$5:$G$6", "Simulaties");
  const result = await planWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()), { language: "nl", createdOn: JAN_15 });
  expect(result).toEqual({
    ok: false,
    message: "De naam Simulaties verwijst naar Invoer!G5:G6; laat hem naar één cel met het aantal simulaties verwijzen.",
  });
});
