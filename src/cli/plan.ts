/**
 * `npm run plan`: the add-in's output without Excel. Reads a workbook's inputs and settings from
 * its defined names, runs the plan step the task pane runs (projection sheet, with the uncertainty
 * and tracks sections when asked, and the what-if sheet), and writes a new file through the .xlsx
 * host. The input file is only ever read. Flags and names: docs/cli.md.
 *
 *   npm run plan                                  # the bundled sample → out/plan.xlsx
 *   npm run plan -- --in my.xlsx --out plan.xlsx  # refuses to overwrite plan.xlsx without --force
 *   npm run plan -- --uncertainty --tracks        # with the fan and the tracks
 */
import * as fs from "fs";
import * as path from "path";
import type { MonitorResult, ProjectionResult } from "../engine";
import type { PlanIntakeForecast } from "../plan/intakeForecast";
import { checkWritable, isSampleXlsx, PackageRefusal, readXlsxBaseline, readXlsxInputs, writeXlsxSheets } from "../hosts/xlsx";
import { baselineFromTable } from "../plan/baseline";
import { isoDate } from "../sheets/dates";
import { planSheets, PlanSheetsSuccess, REPLACED_SHEET_NAMES } from "../plan/planSheets";
import { GivenSettings, optionProblem, settingsToSections } from "../plan/settings";
import { sourcesOf } from "../plan/sources";
import { targetSentence } from "../plan/targetText";
import { firstWeekNote, PlanInputs, RawPlanInputs, readPlanInputs } from "../sheets/inputs";
import { todaySerial } from "../sheets/dates";
import { describeProblem, describeReadingNote, Language } from "../sheets/messages";
import { withReadingNotes } from "../sheets/readingNotes";
import type { ProjectionSummary } from "../plan/figures";
import { parsePlanArgs } from "./args";
import { CLI_TEXT, describeNameProblem, describeSettingProblem } from "./cliMessages";
import { findPackageRoot } from "./packageRoot";
import { usageText } from "./usage";

/** Exit codes: 0 written, 1 unexpected failure, 2 the user's input or options need a fix. */
export const EXIT = { ok: 0, failure: 1, input: 2 } as const;

export interface PlanWorkbookOptions {
  language: Language;
  /** Excel serial of today (names and dates the what-if sheet). */
  createdOn: number;
  /** The sections' settings from the command line; they override the workbook's own names. */
  settings?: GivenSettings;
  /** The output file's name: a workbook with macros is refused under a name ending in .xlsx. */
  outputName?: string;
  /** --new-baseline: Voortgang compares with today's plan, stored as a new baseline; the old one is kept. */
  newBaseline?: boolean;
}

export type PlanWorkbookResult =
  | {
      ok: true;
      /** The output .xlsx. */
      xlsx: Buffer;
      /** The inputs as planned: with an intake history and no Intake, its forecast as the intake. */
      inputs: PlanInputs;
      /** The intake forecast from the intake history, when the workbook has one (the plan's intake or a comparison). */
      intakeForecast?: PlanIntakeForecast;
      projection: ProjectionResult;
      summary: ProjectionSummary;
      /** Final names of the sheets added. */
      projectionSheet: string;
      whatIfSheet: string;
      /** The monitoring sheet's final name, when the workbook has actuals. */
      monitoringSheet?: string;
      monitoring?: MonitorResult;
      /** The baseline Voortgang compared with: its sheet's name, its date, and whether this run made it. */
      baseline?: { sheet: string; madeOn: number; made: boolean };
      /** The sections' figures, when they were asked for. */
      uncertainty?: PlanSheetsSuccess["uncertainty"];
      tracks?: PlanSheetsSuccess["tracks"];
      /** The workbook holds macros: the output must be an .xlsm. */
      macroEnabled: boolean;
      /** Sentences about the reading (headers skipped, a sheet-level name, a first week not on a Monday). */
      notes: string[];
      /** The workbook is the bundled sample: its actuals are invented, its track-2 share an example. */
      sample: boolean;
    }
  | { ok: false; message: string };

/**
 * The whole pipeline on bytes, no file system: read the inputs with the .xlsx host, the same
 * plan step as the task pane, write with the .xlsx host.
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
  const text = CLI_TEXT[language];
  // A locked workbook structure is refused before its inputs are read: no fix of theirs helps.
  checkWritable(input);
  const read = readXlsxInputs(input);
  if (!read.ok) return { ok: false, message: describeNameProblem(read.problem, language) };
  const settings = settingsToSections(options.settings ?? {}, read.settings);
  if (!settings.ok) return { ok: false, message: describeSettingProblem(settings.problem, language) };
  // The plan's settings (flags over names) go in as the pane's fields do, checked with the inputs.
  const raw: RawPlanInputs = {
    ...read.raw,
    ...(settings.target !== undefined && { target: settings.target }),
    // --weeks (or the name Weeks/HorizonWeken): the pane's horizon.
    ...(settings.weeks !== undefined && { horizon: settings.weeks }),
    ...(settings.decisionsPerFteWeek !== undefined && { decisionsPerFte: settings.decisionsPerFteWeek }),
    ...(settings.triageStaffIsNew !== undefined && { triageStaffIsNew: settings.triageStaffIsNew }),
  };
  const checked = readPlanInputs(raw);
  if (!checked.ok) return { ok: false, message: describeProblem(checked.problem, language) };
  const inputs = checked.inputs;
  const sample = isSampleXlsx(input);
  // The baseline in force (the newest baseline table), read back as fixed values.
  const table = inputs.actuals ? readXlsxBaseline(input) : undefined;
  const baseline = table ? baselineFromTable(table.name, table.rows) : undefined;
  if (table && baseline && !baseline.ok && options.newBaseline !== true) return { ok: false, message: text.badBaseline(table.name) };

  const planned = await planSheets(inputs, {
    language,
    createdOn,
    // The workbook's actuals (ActualIntake/GerealiseerdeInstroom, …) add the monitoring sheet.
    sheets: inputs.actuals ? ["projection", "whatIf", "monitoring"] : ["projection", "whatIf"],
    sections: settings.sections,
    // The projection's formulas point at the cells the inputs were read from.
    sources: sourcesOf(read.raw, REPLACED_SHEET_NAMES),
    sample,
    ...(baseline?.ok === true && { baseline: baseline.value }),
    ...(options.newBaseline === true && { newBaseline: true }),
  });
  if (!planned.ok) {
    const problem = planned.problem;
    switch (problem.kind) {
      case "option":
        return { ok: false, message: describeSettingProblem(optionProblem(problem.problem, settings.sources), language) };
      case "not-finite":
        return { ok: false, message: text.notFinite(problem.sheet, problem.cell) };
      case "engine":
      case "simulation":
        return { ok: false, message: text.engine(problem.message) };
      case "no-actuals":
        return { ok: false, message: describeProblem({ code: "no-actuals", input: "actualIntake" }, language) };
    }
  }
  // What the reading did that the planner should know: on stdout and under each sheet. The first
  // week as planned: without one, the week after an intake history.
  const notes = [...read.notes];
  const given = inputs.firstWeek !== undefined;
  const monday = firstWeekNote(planned.inputs.firstWeek, given ? read.raw.firstWeek?.address : undefined);
  if (monday) notes.push(monday);
  // The user's parts come back byte for byte; the add-in's sheets are added as new parts.
  const written = await writeXlsxSheets(
    input,
    planned.sheets.map((sheet) => withReadingNotes(sheet.spec, notes, language)),
    { ...(options.outputName !== undefined && { outputName: options.outputName }) },
  );
  return {
    ok: true,
    xlsx: written.bytes,
    inputs: planned.inputs,
    ...(planned.intakeForecast !== undefined && { intakeForecast: planned.intakeForecast }),
    projection: planned.projection,
    summary: planned.summary,
    projectionSheet: written.sheetNames[0] ?? "",
    whatIfSheet: written.sheetNames[1] ?? "",
    macroEnabled: written.macroEnabled,
    notes: notes.map((note) => describeReadingNote(note, language)),
    sample,
    ...(planned.uncertainty !== undefined && { uncertainty: planned.uncertainty }),
    ...(planned.tracks !== undefined && { tracks: planned.tracks }),
    ...(planned.monitoring !== undefined && { monitoring: planned.monitoring, monitoringSheet: written.sheetNames[2] ?? "" }),
    ...(planned.baseline !== undefined && {
      baseline: {
        // Made now: the sheet just written (after Voortgang); else the sheet the table is on.
        sheet: planned.baseline.made ? (written.sheetNames[3] ?? "") : (table?.sheet ?? ""),
        madeOn: planned.baseline.value.madeOn,
        made: planned.baseline.made,
      },
    }),
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
  /** How the command was started, for the usage; `npm run plan --` when not given. */
  command?: string;
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

/** One formatter per language: making one is the costly part (the command's start-up shows it). */
const NUMBER_FORMATS = new Map<Language, Intl.NumberFormat>();

function formatNumber(value: number, language: Language): string {
  let format = NUMBER_FORMATS.get(language);
  if (format === undefined) {
    format = new Intl.NumberFormat(language === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 });
    NUMBER_FORMATS.set(language, format);
  }
  return format.format(value);
}

/** Runs the command; returns the exit code. Messages go to `env.stderr`, the summary to `env.stdout`. */
export async function runPlan(argv: readonly string[], env: PlanEnvironment): Promise<number> {
  const parsed = parsePlanArgs(argv);
  const command = env.command ?? "npm run plan --";
  if (!parsed.ok) {
    // One sentence; the usage only when the argument was no option at all.
    env.stderr(parsed.message);
    if (parsed.showUsage) env.stderr(usageText(parsed.language, command));
    return EXIT.input;
  }
  const { args } = parsed;
  const text = CLI_TEXT[args.language];
  if (args.help) {
    env.stdout(usageText(args.language, command));
    return EXIT.ok;
  }
  const inputFile = args.in === undefined ? env.sampleFile : path.resolve(env.cwd, args.in);
  let outputFile = args.out === undefined ? env.defaultOut : path.resolve(env.cwd, args.out);
  if (!fs.existsSync(inputFile) || !fs.statSync(inputFile).isFile()) {
    env.stderr(text.noInput(shownPath(inputFile, env.cwd)));
    return EXIT.input;
  }
  if (realPath(inputFile) === realPath(outputFile)) {
    env.stderr(text.sameFile(shownPath(inputFile, env.cwd)));
    return EXIT.input;
  }
  if (args.out !== undefined && fs.existsSync(outputFile) && !args.force) {
    env.stderr(text.exists(shownPath(outputFile, env.cwd)));
    return EXIT.input;
  }

  const input = fs.readFileSync(inputFile);
  let result: PlanWorkbookResult;
  try {
    result = await planWorkbook(input, {
      language: args.language,
      createdOn: args.date ?? env.today(),
      settings: args.settings,
      ...(args.out !== undefined && { outputName: outputFile }),
      ...(args.newBaseline === true && { newBaseline: true }),
    });
  } catch (error) {
    // ExcelJS and JSZip throw on files that are not .xlsx packages (an .xls, a CSV, a broken zip).
    env.stderr(text.notWorkbook(shownPath(inputFile, env.cwd), error instanceof Error ? error.message : String(error)));
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
  const clear = Number.isFinite(summary.weeksToClear) ? formatNumber(summary.weeksToClear, args.language) : text.never;
  env.stdout(
    text.summary(
      weeks,
      formatNumber(summary.closingBacklog, args.language),
      clear,
      shownPath(outputFile, env.cwd),
      summary.target === undefined ? "" : targetSentence(summary.target, args.language, formatNumber(summary.target.target, args.language)),
    ),
  );
  // The sample's history, track-2 share and actuals are made up: the lines say so, as the sheets do.
  const flag = (line: string, note: string): string => (result.sample ? `${line} ${note}` : line);
  // Where the intake came from: the history's forecast, or the comparison beside the plan's own intake.
  if (result.intakeForecast) env.stdout(flag(result.intakeForecast.source[args.language], text.constructedHistory));
  for (const note of result.notes) env.stdout(note);
  const shown = (value: number): string => formatNumber(value, args.language);
  const { uncertainty, tracks } = result;
  if (uncertainty) {
    const { low, median, high, runs, seed } = uncertainty;
    env.stdout(text.uncertainty(shown(low), shown(median), shown(high), shown(runs), seed));
  }
  if (tracks) env.stdout(flag(text.tracks(shown(tracks.closing.fast), shown(tracks.closing.safe), shown(tracks.closing.regular)), text.exampleSetting));
  const latest = result.monitoring?.weeks.at(-1);
  if (result.monitoring && latest) {
    const difference = `${latest.difference > 0 ? "+" : ""}${shown(latest.difference)}`;
    env.stdout(
      flag(
        text.monitoring(result.monitoringSheet ?? "", latest.week, shown(latest.actualBacklog), difference, shown(result.monitoring.reforecast.endBacklog), shown(result.monitoring.reforecast.atPace.endBacklog)),
        text.sampleActuals,
      ),
    );
  }
  if (result.baseline) env.stdout(text.baseline(result.baseline.sheet, isoDate(result.baseline.madeOn), result.baseline.made));
  return EXIT.ok;
}

/**
 * The environment of a real run: `npm run plan` (relative paths from where npm was started,
 * INIT_CWD) or the `voorraadplanner` command (from the current folder). The sample and out/ are
 * found from the package root, wherever this file was compiled to.
 */
export function processEnvironment(): PlanEnvironment {
  const root = findPackageRoot(__dirname);
  const viaNpm = process.env["npm_lifecycle_event"] === "plan";
  return {
    cwd: (viaNpm ? process.env["INIT_CWD"] : undefined) ?? process.cwd(),
    sampleFile: path.join(root, "assets", "voorbeeld-invoer.xlsx"),
    defaultOut: path.join(root, "out", "plan.xlsx"),
    today: () => todaySerial(),
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    command: viaNpm ? "npm run plan --" : "voorraadplanner",
  };
}

/** Runs the command on the process's arguments and sets its exit code; the bin file calls this. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await runPlan(argv, processEnvironment());
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.failure;
  }
}

if (require.main === module) void main();
