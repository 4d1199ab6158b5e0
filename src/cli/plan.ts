/**
 * `npm run plan`: the add-in's output without Excel. Reads a workbook's inputs from its defined
 * names, runs the same pure builders as the task pane (projection sheet and what-if sheet),
 * applies them with the ExcelJS adapter, adds the charts, and writes a new file. The input file is
 * only ever read.
 *
 *   npm run plan                                  # the bundled sample → out/plan.xlsx
 *   npm run plan -- --in my.xlsx --out plan.xlsx  # refuses to overwrite plan.xlsx without --force
 */
import * as fs from "fs";
import * as path from "path";
import type { ProjectionResult } from "../engine";
import { nonFiniteCell, PlanInputs, readPlanInputs } from "../sheets/inputs";
import { describeProblem, Language } from "../sheets/messages";
import { buildProjectionSheet, ProjectionSummary, runProjection, summarizeProjection } from "../sheets/projectionSheet";
import { excelDateSerial } from "../sheets/spec";
import { buildWhatIfSheet } from "../sheets/whatIfSheet";
import { parsePlanArgs } from "./args";
import { CLI_TEXT, describeNameProblem, USAGE } from "./cliMessages";
import { PackageRefusal } from "../hosts/xlsx/package/refusal";
import { readXlsxInputs } from "../hosts/xlsx/package/readInputs";
import { writeXlsxSheets } from "../hosts/xlsx/package/transplant";

/** Exit codes: 0 written, 1 unexpected failure, 2 the user's input or options need a fix. */
export const EXIT = { ok: 0, failure: 1, input: 2 } as const;

export interface PlanWorkbookOptions {
  language: Language;
  /** Excel serial of today (names and dates the what-if sheet). */
  createdOn: number;
  /** The output file's name: a workbook with macros is refused under a name ending in .xlsx. */
  outputName?: string;
}

export type PlanWorkbookResult =
  | {
      ok: true;
      /** The output .xlsx. */
      xlsx: Buffer;
      inputs: PlanInputs;
      projection: ProjectionResult;
      summary: ProjectionSummary;
      /** Final names of the sheets added. */
      projectionSheet: string;
      whatIfSheet: string;
      /** The workbook holds macros: the output must be an .xlsm. */
      macroEnabled: boolean;
    }
  | { ok: false; message: string };

/**
 * The whole pipeline on bytes, no file system: input workbook in, output workbook out.
 *
 * @example
 * const result = await planWorkbook(fs.readFileSync("in.xlsx"), { language: "nl", createdOn: 45306 });
 * if (result.ok) fs.writeFileSync("plan.xlsx", result.xlsx);
 */
export async function planWorkbook(input: Buffer, options: PlanWorkbookOptions): Promise<PlanWorkbookResult> {
  try {
    return await planPackage(input, options);
  } catch (error) {
    // A file the package reader refuses (encrypted, .xls, Strict, corrupt, a zip bomb, a DTD).
    if (error instanceof PackageRefusal) return { ok: false, message: error.sentence(options.language) };
    throw error;
  }
}

async function planPackage(input: Buffer, options: PlanWorkbookOptions): Promise<PlanWorkbookResult> {
  const { language, createdOn } = options;
  const raw = readXlsxInputs(input);
  if (!raw.ok) return { ok: false, message: describeNameProblem(raw.problem, language) };
  const checked = readPlanInputs(raw.raw);
  if (!checked.ok) return { ok: false, message: describeProblem(checked.problem, language) };
  const inputs = checked.inputs;
  const projection = runProjection(inputs);
  if (!projection.ok) return { ok: false, message: CLI_TEXT[language].engine(projection.error.message) };

  const projectionSpec = buildProjectionSheet({ inputs, projection: projection.value, language, createdOn });
  const whatIfSpec = buildWhatIfSheet({ inputs, language, createdOn });
  // The last check before anything is written: no NaN or Infinity reaches the file.
  for (const spec of [projectionSpec, whatIfSpec]) {
    const cell = nonFiniteCell(spec);
    if (cell) return { ok: false, message: CLI_TEXT[language].notFinite(spec.name, cell) };
  }
  // The user's parts come back byte for byte; the add-in's sheets are added as new parts.
  const written = await writeXlsxSheets(input, [projectionSpec, whatIfSpec], {
    ...(options.outputName !== undefined && { outputName: options.outputName }),
  });
  return {
    ok: true,
    xlsx: written.bytes,
    inputs,
    projection: projection.value,
    summary: summarizeProjection(inputs, projection.value),
    projectionSheet: written.sheetNames[0] as string,
    whatIfSheet: written.sheetNames[1] as string,
    macroEnabled: written.macroEnabled,
  };
}

export interface PlanEnvironment {
  /** Relative --in/--out paths are taken from here (npm sets INIT_CWD to where it was run). */
  cwd: string;
  /** The bundled sample, read when there is no --in. */
  sampleFile: string;
  /** Where the output goes when there is no --out; overwritten freely, it is the tool's own file. */
  defaultOut: string;
  /** Excel serial of today; the builders take no clock, so it is read here. */
  today: () => number;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

/** Today on this computer's calendar, as an Excel serial. */
export function todaySerial(now: Date = new Date()): number {
  return excelDateSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The path as the user will recognise it: relative when under the working folder. */
function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/** Resolves symlinks of the file, or of its folder when the file does not exist yet. */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 }).format(value);
}

/** Runs the command; returns the exit code. Messages go to `env.stderr`, the summary to `env.stdout`. */
export async function runPlan(argv: readonly string[], env: PlanEnvironment): Promise<number> {
  const parsed = parsePlanArgs(argv);
  if (!parsed.ok) {
    env.stderr(parsed.message);
    env.stderr(USAGE[parsed.language]);
    return EXIT.input;
  }
  const { args } = parsed;
  const T = CLI_TEXT[args.language];
  if (args.help) {
    env.stdout(USAGE[args.language]);
    return EXIT.ok;
  }
  const inputFile = args.in === undefined ? env.sampleFile : path.resolve(env.cwd, args.in);
  let outputFile = args.out === undefined ? env.defaultOut : path.resolve(env.cwd, args.out);
  if (!fs.existsSync(inputFile) || !fs.statSync(inputFile).isFile()) {
    env.stderr(T.noInput(shownPath(inputFile, env.cwd)));
    return EXIT.input;
  }
  if (realPath(inputFile) === realPath(outputFile)) {
    env.stderr(T.sameFile(shownPath(inputFile, env.cwd)));
    return EXIT.input;
  }
  if (args.out !== undefined && fs.existsSync(outputFile) && !args.force) {
    env.stderr(T.exists(shownPath(outputFile, env.cwd)));
    return EXIT.input;
  }

  const input = fs.readFileSync(inputFile);
  let result: PlanWorkbookResult;
  try {
    result = await planWorkbook(input, {
      language: args.language,
      createdOn: args.date ?? env.today(),
      ...(args.out !== undefined && { outputName: outputFile }),
    });
  } catch (error) {
    // ExcelJS and JSZip throw on files that are not .xlsx packages (an .xls, a CSV, a broken zip).
    env.stderr(T.notWorkbook(shownPath(inputFile, env.cwd), error instanceof Error ? error.message : String(error)));
    return EXIT.input;
  }
  if (!result.ok) {
    env.stderr(result.message);
    return EXIT.input;
  }
  // The default output of a workbook with macros is an .xlsm: Excel opens no macros under .xlsx.
  if (args.out === undefined && result.macroEnabled) outputFile = outputFile.replace(/\.xlsx$/i, ".xlsm");
  fs.mkdirSync(path.dirname(outputFile), { recursive: true });
  // Write beside the target, then rename: a failed write never leaves half a workbook behind.
  const temporary = `${outputFile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, result.xlsx);
  fs.renameSync(temporary, outputFile);

  const { summary } = result;
  const weeks = result.projection.rows.length;
  const clear = Number.isFinite(summary.weeksToClear) ? formatNumber(summary.weeksToClear, args.language) : T.never;
  env.stdout(
    T.summary(weeks, formatNumber(summary.closingBacklog, args.language), clear, shownPath(outputFile, env.cwd)),
  );
  return EXIT.ok;
}

/** The environment of a real run from `npm run plan`. */
export function processEnvironment(): PlanEnvironment {
  const root = path.resolve(__dirname, "..", "..");
  return {
    cwd: process.env["INIT_CWD"] ?? process.cwd(),
    sampleFile: path.join(root, "assets", "voorbeeld-invoer.xlsx"),
    defaultOut: path.join(root, "out", "plan.xlsx"),
    today: () => todaySerial(),
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  };
}

if (require.main === module) {
  runPlan(process.argv.slice(2), processEnvironment())
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT.failure;
    });
}
