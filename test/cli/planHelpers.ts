/**
 * Shared by the CLI's tests and the reliability catalogue: one `npm run plan` in process, the
 * hash of a file (to show it was not written), and the check that a workbook's own sheets and
 * names came back unchanged.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { PlanEnvironment, runPlan } from "../../src/cli/plan";
import { excelDateSerial } from "../../src/sheets/spec";
import type { XlsxPackage } from "../helpers/xlsxPackage";

export const ROOT = path.resolve(__dirname, "..", "..");
export const SAMPLE = path.join(ROOT, "assets", "voorbeeld-invoer.xlsx");
export const JAN_15 = excelDateSerial(2024, 1, 15);

export interface CliRun {
  code: number;
  stdout: string[];
  stderr: string[];
}

/** Runs the command in process with `dir` as the working folder; relative paths are taken from there. */
export async function runCli(dir: string, argv: string[], overrides: Partial<PlanEnvironment> = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runPlan(argv, {
    cwd: dir,
    sampleFile: SAMPLE,
    defaultOut: path.join(dir, "out", "plan.xlsx"),
    today: () => JAN_15,
    stdout: (l) => stdout.push(l),
    stderr: (l) => stderr.push(l),
    ...overrides,
  });
  return { code, stdout, stderr };
}

export const sha = (file: string): string => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Every original sheet comes back cell for cell (values, formulas, number formats, merges), and every name. */
export function expectOriginalsKept(original: XlsxPackage, output: XlsxPackage): void {
  for (const sheet of original.sheets) {
    const kept = output.sheet(sheet.name);
    expect(Object.fromEntries(kept.cells)).toEqual(Object.fromEntries(sheet.cells));
    expect(kept.merges).toEqual(sheet.merges);
  }
  const sortNames = (p: XlsxPackage): unknown[] =>
    p.names
      .filter((n) => !n.name.startsWith("_xlnm."))
      .sort((a, b) => `${a.scope}${a.name}`.localeCompare(`${b.scope}${b.name}`));
  expect(sortNames(output)).toEqual(sortNames(original));
}
