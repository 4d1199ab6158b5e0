/**
 * `npm run plan` on workbooks from writers that are not ExcelJS (a hand-built rich workbook, its
 * .xlsm twin, an openpyxl-style package) and on the sample: every user part comes back byte for
 * byte, the few parts that must list the new sheets only gain, every part validates against the
 * ISO/IEC 29500 transitional schemas, relationships resolve, content types are registered, and a
 * rerun replaces only the add-in's own parts.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planWorkbook } from "../../../../src/cli/plan";
import { readPlanInputs } from "../../../../src/sheets/inputs";
import { readXlsxInputs } from "../../../../src/hosts/xlsx/package/readInputs";
import { JAN_15, runCli, SAMPLE } from "../../../cli/planHelpers";
import { makeOpenpyxlWorkbook, OPENPYXL_INTAKE } from "../../../fixtures/openpyxlWorkbook";
import { makeRichWorkbook, RICH_INTAKE, RICH_OPENING } from "../../../fixtures/richWorkbook";
import { checkPackageLinks, validatePackage } from "../../../helpers/ooxmlSchema";
import { additionProblems, partBytes } from "../../../helpers/packageParts";
import { makeUserWorkbook } from "../../../helpers/userWorkbook";

/** The user parts that may change, and only by additions. */
const EDITABLE = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);

async function plan(input: Buffer): Promise<Buffer> {
  const result = await planWorkbook(input, { language: "nl", createdOn: JAN_15 });
  if (!result.ok) throw new Error(result.message);
  return result.xlsx;
}

/** Every user part identical, or editable and only added to. */
async function expectUserPartsKept(input: Buffer, output: Buffer): Promise<void> {
  const before = await partBytes(input);
  const after = await partBytes(output);
  for (const [name, bytes] of before) {
    const kept = after.get(name);
    expect({ name, present: kept !== undefined }).toEqual({ name, present: true });
    if (EDITABLE.has(name)) {
      expect({ name, problems: additionProblems(bytes.toString("utf8"), (kept as Buffer).toString("utf8")) }).toEqual({ name, problems: [] });
    } else {
      expect({ name, same: (kept as Buffer).equals(bytes) }).toEqual({ name, same: true });
    }
  }
}

async function expectValid(output: Buffer): Promise<void> {
  const check = await validatePackage(output);
  expect(check.errors).toEqual([]);
  expect(check.validated.length).toBeGreaterThan(10);
  expect(await checkPackageLinks(output)).toEqual([]);
}

const inputs: [string, () => Promise<Buffer>][] = [
  ["the hand-built rich workbook", () => makeRichWorkbook()],
  ["its .xlsm twin", () => makeRichWorkbook({ macro: true })],
  ["an openpyxl-style package", () => makeOpenpyxlWorkbook()],
  ["the sample", async () => fs.readFileSync(SAMPLE)],
  ["the ExcelJS-made user workbook", () => makeUserWorkbook()],
];

describe.each(inputs)("npm run plan on %s", (_, make) => {
  let input: Buffer;
  let output: Buffer;
  beforeAll(async () => {
    input = await make();
    output = await plan(input);
  });

  test("keeps every user part byte for byte; the listing parts only gain", async () => {
    await expectUserPartsKept(input, output);
  });

  test("writes a package whose every XML part validates, with resolving relationships and registered content types", async () => {
    await expectValid(output);
  });

  test("a rerun replaces only the add-in's own parts: user parts still byte for byte, styles do not grow", async () => {
    const again = await plan(output);
    await expectUserPartsKept(input, again);
    await expectValid(again);
    const first = await partBytes(output);
    const second = await partBytes(again);
    expect(second.size).toBe(first.size);
    expect(second.get("xl/styles.xml")?.equals(first.get("xl/styles.xml") as Buffer)).toBe(true);
    const sheetsOf = (xml: string): string[] => [...xml.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1] as string);
    expect(sheetsOf((second.get("xl/workbook.xml") as Buffer).toString())).toEqual(sheetsOf((first.get("xl/workbook.xml") as Buffer).toString()));
  });
});

describe("what only some inputs need", () => {
  test("ExcelJS 4.4 itself crashes on the openpyxl-style package; the package reader reads its inputs", async () => {
    const input = await makeOpenpyxlWorkbook();
    await expect(new ExcelJS.Workbook().xlsx.load(input as unknown as ArrayBuffer)).rejects.toThrow(/reading 'comments'/);
    const read = readXlsxInputs(input);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const checked = readPlanInputs(read.raw);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problem));
    expect(checked.inputs.opening).toBe(1200);
    expect(checked.inputs.intake).toEqual(OPENPYXL_INTAKE);
  });

  test("the rich workbook's inputs: cached formula results, a constant name", async () => {
    const read = readXlsxInputs(await makeRichWorkbook());
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    const checked = readPlanInputs(read.raw);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problem));
    expect(checked.inputs.opening).toBe(RICH_OPENING);
    expect(checked.inputs.intake).toEqual(RICH_INTAKE);
    expect(checked.inputs.uplift).toBe(0.1);
  });

  test(".xlsm in gives .xlsm out by default, the VBA project byte for byte and the macro content type kept", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xlsm-"));
    try {
      fs.writeFileSync(path.join(dir, "macros.xlsm"), await makeRichWorkbook({ macro: true }));
      const run = await runCli(dir, ["--in", "macros.xlsm", "--date", "2024-01-15"]);
      expect(run.code).toBe(0);
      const out = path.join(dir, "out", "plan.xlsm");
      expect(fs.existsSync(out)).toBe(true);
      expect(fs.existsSync(path.join(dir, "out", "plan.xlsx"))).toBe(false);
      const before = await partBytes(fs.readFileSync(path.join(dir, "macros.xlsm")));
      const after = await partBytes(fs.readFileSync(out));
      expect(after.get("xl/vbaProject.bin")?.equals(before.get("xl/vbaProject.bin") as Buffer)).toBe(true);
      expect(after.get("[Content_Types].xml")?.toString()).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
      const explicit = await runCli(dir, ["--in", "macros.xlsm", "--out", "mijn.xlsm", "--date", "2024-01-15"]);
      expect(explicit.code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
