/**
 * Reads the `plan` command's arguments against the one table of options (optionTable.ts). Every
 * argument is read before any sentence is chosen, so `--lang en` sets the language of every
 * message wherever it stands.
 */
import type { Language } from "../sheets/messages";
import { CLI_TEXT } from "./cliMessages";
import { OptionProblem, PLAN_OPTIONS, PlanArgs, PlanOption } from "./optionTable";

export type { PlanArgs } from "./optionTable";

export type ArgsResult =
  | { ok: true; args: PlanArgs }
  /** `showUsage`: the argument was not an option at all, so the usage follows the sentence. */
  | { ok: false; message: string; language: Language; showUsage: boolean };

const BY_FLAG = new Map<string, PlanOption>(PLAN_OPTIONS.flatMap((o) => [o.flag, ...(o.aliases ?? [])].map((f) => [f, o] as const)));

/** One argument as read: an option with its value, or what is wrong with it. */
type Reading =
  | { option: PlanOption; value?: string }
  | { problem: OptionProblem; unknown: boolean };

/** `--x=v`, `--x v` (a following `--…` is never taken as the value) or a switch. */
function readArguments(argv: readonly string[]): Reading[] {
  const readings: Reading[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const option = BY_FLAG.get(name);
    if (option === undefined || (option.value === undefined && eq > 0)) {
      readings.push({ problem: (l) => CLI_TEXT[l].unknownOption(arg), unknown: true });
    } else if (option.value === undefined) {
      readings.push({ option });
    } else {
      const next = argv[i + 1];
      const value = eq > 0 ? arg.slice(eq + 1) : next !== undefined && !next.startsWith("--") ? (i++, next) : undefined;
      if (value === undefined || value === "") readings.push({ problem: (l) => CLI_TEXT[l].missingValue(name), unknown: false });
      else readings.push({ option, value });
    }
  }
  return readings;
}

/**
 * Parses `--in a.xlsx --out=b.xlsx --force --lang en --date 2024-01-15 --help` and the sections'
 * settings (`--uncertainty --runs 5000 --seed 7 --target 500 --tracks --safe-share 20%`), whose
 * values are checked later, with the workbook's own settings. The first problem wins; its sentence
 * is in the language of `--lang` wherever that stands.
 *
 * @example
 * parsePlanArgs(["--in", "my.xlsx", "--out", "plan.xlsx"]) // → ok, language "nl"
 * parsePlanArgs(["--foo", "--lang", "en"]) // → { ok: false, message: "Unknown option --foo.", showUsage: true, … }
 */
export function parsePlanArgs(argv: readonly string[]): ArgsResult {
  const args: PlanArgs = { force: false, language: "nl", help: false, settings: {} };
  let first: { problem: OptionProblem; unknown: boolean } | undefined;
  for (const reading of readArguments(argv)) {
    const problem = "option" in reading ? reading.option.apply(args, reading.value ?? "") : reading.problem;
    if (problem !== undefined && first === undefined) first = { problem, unknown: "unknown" in reading && reading.unknown };
  }
  if (first === undefined) return { ok: true, args };
  return { ok: false, message: first.problem(args.language), language: args.language, showUsage: first.unknown };
}
