/** Command-line options of `npm run plan`, parsed without a library: the set is small and fixed. */
import { GivenSettings, SETTING_FLAGS, SETTING_KEYS } from "../plan/settings";
import type { Language } from "../sheets/messages";
import { excelDateSerial } from "../sheets/spec";
import { CLI_TEXT } from "./cliMessages";

export interface PlanArgs {
  in?: string;
  out?: string;
  force: boolean;
  language: Language;
  help: boolean;
  /** Excel serial of --date, when given. */
  date?: number;
  /** The sections' settings given as flags (--uncertainty, --runs 5000, …), as typed. */
  settings: GivenSettings;
}

export type ArgsResult = { ok: true; args: PlanArgs } | { ok: false; message: string; language: Language };

const SWITCH_FLAGS = new Set([SETTING_FLAGS.uncertainty, SETTING_FLAGS.tracks]);
const WITH_VALUE = new Set([
  "--in",
  "--out",
  "--lang",
  "--date",
  ...SETTING_KEYS.map((key) => SETTING_FLAGS[key]).filter((flag) => !SWITCH_FLAGS.has(flag)),
]);

/**
 * Parses `--in a.xlsx --out=b.xlsx --force --lang en --date 2024-01-15 --help`, and the sections'
 * settings `--uncertainty --runs 5000 --seed 7 --target 500 --tracks --safe-share 20%`, whose
 * values are checked later, with the workbook's own settings.
 *
 * @example
 * parsePlanArgs(["--in", "my.xlsx", "--out", "plan.xlsx"]) // → ok, language "nl"
 */
export function parsePlanArgs(argv: readonly string[]): ArgsResult {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  let error: ((language: Language) => string) | undefined;
  for (let i = 0; i < argv.length && !error; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf("=");
    const option = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (WITH_VALUE.has(option)) {
      const value = eq > 0 && arg.startsWith("--") ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
        error = (l) => CLI_TEXT[l].missingValue(option);
      } else {
        values.set(option, value);
      }
    } else if (SWITCH_FLAGS.has(arg)) {
      flags.add(arg);
    } else if (option === "--force" || option === "--help" || option === "-h") {
      flags.add(option === "-h" ? "--help" : option);
    } else {
      error = (l) => CLI_TEXT[l].unknownOption(arg);
    }
  }
  const lang = values.get("--lang");
  const language: Language = lang === "en" ? "en" : "nl";
  if (lang !== undefined && lang !== "nl" && lang !== "en")
    return { ok: false, message: CLI_TEXT[language].badLanguage(lang), language };
  if (error) return { ok: false, message: error(language), language };
  const settings: GivenSettings = {};
  for (const key of SETTING_KEYS) {
    const flag = SETTING_FLAGS[key];
    const value = SWITCH_FLAGS.has(flag) ? (flags.has(flag) ? true : undefined) : values.get(flag);
    if (value !== undefined) settings[key] = { value, source: { flag } };
  }
  const args: PlanArgs = { force: flags.has("--force"), language, help: flags.has("--help"), settings };
  const input = values.get("--in");
  const output = values.get("--out");
  if (input !== undefined) args.in = input;
  if (output !== undefined) args.out = output;
  const date = values.get("--date");
  if (date !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    const serial = m ? excelDateSerial(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
    // Date.UTC rolls 2024-02-31 over into March; refuse such dates instead.
    const valid =
      m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDate() === Number(m[3]);
    if (!valid || !Number.isFinite(serial)) return { ok: false, message: CLI_TEXT[language].badDate(date), language };
    args.date = serial;
  }
  return { ok: true, args };
}
