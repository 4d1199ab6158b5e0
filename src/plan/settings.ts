/**
 * The sections' settings for a run without the pane (`npm run plan`): from command-line flags and
 * from a workbook's own defined names, flags first. They become the same `SectionFields` the pane
 * fills in, so both are checked by `parseSections`. Host-neutral and pure.
 */
import { emptySectionFields, OptionKey, OptionProblem, parseSections, parseTypedNumber, SectionPlan } from "./options";

/** Workbook-scoped defined names that carry a setting, English first, then Dutch. */
export const SETTING_NAMES = {
  uncertainty: ["Uncertainty", "Onzekerheid"],
  runs: ["Runs", "Simulaties"],
  seed: ["Seed", "Startgetal"],
  intakeLevelSpread: ["IntakeLevelSpread", "SpreidingInstroomniveau"],
  target: ["TargetBacklog", "Doelvoorraad"],
  tracks: ["Tracks", "Sporen"],
  // The third name is the one before triage was called by its name (issue 14): still read.
  fastShare: ["FastShare", "AandeelTriage", "AandeelSnelSpoor"],
  safeShare: ["SafeShare", "AandeelSpoor2"],
  fastLeadTime: ["FastLeadTime", "DoorlooptijdTriage", "DoorlooptijdSnelSpoor"],
  triagedOpening: ["TriagedOpening", "GetrieerdDeelBeginvoorraad"],
  // The intake history's periods per year (issue 24): 52 (weeks, the default) or 12 (months).
  historyPeriods: ["IntakeHistoryPeriods", "InstroomHistoriePerioden"],
  // The horizon in weeks (the pane's horizon field): with an intake history and no Intake, 52 unless given.
  weeks: ["Weeks", "HorizonWeken"],
  // Issue 23: decisions one fte makes in a week, for every capacity shown in fte; and whether
  // triage's extra fte are new staff (default: taken from other work, an assumption).
  decisionsPerFte: ["DecisionsPerFteWeek", "BeslissingenPerFteWeek"],
  triageStaffIsNew: ["TriageStaffIsNew", "TriageNieuwPersoneel"],
} as const;

export type SettingKey = keyof typeof SETTING_NAMES;
export const SETTING_KEYS = Object.keys(SETTING_NAMES) as SettingKey[];

/**
 * The workbook-level name that marks the bundled sample workbook, English first, then Dutch. Its
 * actuals are invented and its track-2 share is an example, and the sheets made from it say so.
 * A planner's own workbook does not have it (and whoever copies the sample deletes it).
 */
export const SAMPLE_NAMES = ["SampleWorkbook", "Voorbeeldwerkmap"] as const;

/** Whether a workbook's defined names include the sample's mark (case-insensitive, as Excel names are). */
export function isSampleWorkbook(names: readonly string[]): boolean {
  const lower = names.map((n) => n.toLowerCase());
  return SAMPLE_NAMES.some((name) => lower.includes(name.toLowerCase()));
}

/** The command-line flag of each setting. */
export const SETTING_FLAGS: Record<SettingKey, string> = {
  uncertainty: "--uncertainty",
  runs: "--runs",
  seed: "--seed",
  intakeLevelSpread: "--intake-level-spread",
  target: "--target",
  tracks: "--tracks",
  fastShare: "--fast-share",
  safeShare: "--safe-share",
  fastLeadTime: "--fast-lead-time",
  triagedOpening: "--triaged-opening",
  historyPeriods: "--history-periods",
  weeks: "--weeks",
  decisionsPerFte: "--decisions-per-fte",
  triageStaffIsNew: "--triage-new-staff",
};

/** The switches; the other settings are values. */
const SWITCHES = ["uncertainty", "tracks"] as const;
type SwitchKey = (typeof SWITCHES)[number];
const isSwitch = (key: SettingKey): key is SwitchKey => (SWITCHES as readonly string[]).includes(key);
/** The switch settings (no value after their flag), for the command line's table of options. */
export const SETTING_SWITCHES: readonly SettingKey[] = [...SWITCHES, "triageStaffIsNew"];

/** Which section a value flag switches on when given on the command line. */
const SECTION_OF: Partial<Record<SettingKey, SwitchKey>> = {
  runs: "uncertainty",
  seed: "uncertainty",
  intakeLevelSpread: "uncertainty",
  fastShare: "tracks",
  safeShare: "tracks",
  fastLeadTime: "tracks",
  triagedOpening: "tracks",
};

/** Where a setting came from, for the message that names it. */
export type SettingSource = { flag: string } | { name: string };

/** One setting as given: a flag's text (`true` for a switch flag), or a defined name's cell value. */
export interface GivenSetting {
  value: unknown;
  source: SettingSource;
}

export type GivenSettings = Partial<Record<SettingKey, GivenSetting>>;

export type SettingProblem =
  | { kind: "option"; problem: OptionProblem; source?: SettingSource }
  | { kind: "switch"; source: SettingSource; text: string }
  | { kind: "target"; source: SettingSource; text: string }
  | { kind: "weeks"; source: SettingSource; text: string }
  /** Decisions per fte-week: a number above 0. */
  | { kind: "decisions-per-fte"; source: SettingSource; text: string };

/** The plan's settings that are not sections: the target, the horizon, decisions per fte-week, triage's staff. */
export interface PlanSettings {
  target?: number;
  weeks?: number;
  decisionsPerFteWeek?: number;
  triageStaffIsNew?: boolean;
}

export type SettingsResult =
  | ({ ok: true; sections: SectionPlan; sources: Partial<Record<SettingKey, SettingSource>> } & PlanSettings)
  | { ok: false; problem: SettingProblem };

/** A cell value or flag as the text a planner would have typed; blank is "". */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

/** TRUE/FALSE, WAAR/ONWAAR, ja/nee, yes/no, 1/0; undefined for anything else. */
function parseSwitch(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  const text = textOf(value).toLowerCase();
  if (["true", "waar", "ja", "yes", "1"].includes(text)) return true;
  if (["false", "onwaar", "nee", "no", "0"].includes(text)) return false;
  return undefined;
}

/**
 * Merges the flags over the workbook's names (a flag wins), then checks them as the pane checks
 * its fields. A value flag (`--runs`) switches its section on; a value name (`Simulaties`) only
 * takes effect when its section is switched on, so a workbook can carry settings for when asked.
 *
 * @example
 * settingsToSections({ tracks: { value: true, source: { flag: "--tracks" } }, safeShare: { value: 0.2, source: { name: "AandeelSpoor2" } } }, {})
 * // → { ok: true, sections: { tracks: { fastShare: 0.137, safeShare: 0.2, fastLeadTimeDays: 88 } }, … }
 */
export function settingsToSections(flags: GivenSettings, names: GivenSettings): SettingsResult {
  const given: GivenSettings = { ...names, ...flags };
  const sources: Partial<Record<SettingKey, SettingSource>> = {};
  for (const key of SETTING_KEYS) {
    const setting = given[key];
    if (setting !== undefined && textOf(setting.value) !== "") sources[key] = setting.source;
  }
  const on: Record<SwitchKey, boolean> = { uncertainty: false, tracks: false };
  for (const key of SWITCHES) {
    const setting = given[key];
    if (setting === undefined || textOf(setting.value) === "") continue;
    const value = parseSwitch(setting.value);
    if (value === undefined) return { ok: false, problem: { kind: "switch", source: setting.source, text: textOf(setting.value) } };
    on[key] = value;
  }
  for (const key of SETTING_KEYS) {
    const section = SECTION_OF[key];
    if (section !== undefined && flags[key] !== undefined && flags[section] === undefined) on[section] = true;
  }
  const text = (key: Exclude<SettingKey, SwitchKey>): string => textOf(given[key]?.value);
  const fields = emptySectionFields();
  fields.uncertainty = {
    ...fields.uncertainty,
    enabled: on.uncertainty,
    runs: text("runs"),
    seed: text("seed"),
    intakeLevelSpread: text("intakeLevelSpread"),
  };
  fields.tracks = {
    enabled: on.tracks,
    fastShare: text("fastShare"),
    safeShare: text("safeShare"),
    fastLeadTime: text("fastLeadTime"),
    triagedOpening: text("triagedOpening"),
  };
  // Not a section: taken whenever it is given (it only matters with an intake history).
  fields.forecast = { periodsPerYear: text("historyPeriods") };
  const parsed = parseSections(fields);
  if (!parsed.ok) return { ok: false, problem: optionProblem(parsed.problem, sources) };
  const plan = planSettings(text, given, sources);
  if ("problem" in plan) return { ok: false, problem: plan.problem };
  return { ok: true, sections: parsed.plan, sources, ...plan };
}

/** The target, decisions per fte-week and triage's staff, checked; each problem names its flag or name. */
function planSettings(
  text: (key: Exclude<SettingKey, SwitchKey>) => string,
  given: GivenSettings,
  sources: Partial<Record<SettingKey, SettingSource>>,
): PlanSettings | { problem: SettingProblem } {
  const out: PlanSettings = {};
  const targetText = text("target");
  if (targetText !== "") {
    const target = parseTypedNumber(targetText);
    const source = sources.target as SettingSource;
    if (target === undefined || target < 0 || targetText.includes("%")) return { problem: { kind: "target", source, text: targetText } };
    out.target = target;
  }
  const weeksText = text("weeks");
  if (weeksText !== "") {
    const weeks = parseTypedNumber(weeksText);
    // Whole weeks from 1; the inputs' check then holds it to the intake's length and the engine's limit.
    if (weeks === undefined || !Number.isInteger(weeks) || weeks < 1 || weeksText.includes("%"))
      return { problem: { kind: "weeks", source: sources.weeks as SettingSource, text: weeksText } };
    out.weeks = weeks;
  }
  const perFteText = text("decisionsPerFte");
  if (perFteText !== "") {
    const perFte = parseTypedNumber(perFteText);
    const source = sources.decisionsPerFte as SettingSource;
    if (perFte === undefined || !(perFte > 0) || perFteText.includes("%")) {
      return { problem: { kind: "decisions-per-fte", source, text: perFteText } };
    }
    out.decisionsPerFteWeek = perFte;
  }
  const staff = given.triageStaffIsNew;
  if (staff !== undefined && textOf(staff.value) !== "") {
    const value = parseSwitch(staff.value);
    if (value === undefined) return { problem: { kind: "switch", source: staff.source, text: textOf(staff.value) } };
    out.triageStaffIsNew = value;
  }
  return out;
}

/** An option problem with the flag or name it came from, when it came from one. */
export function optionProblem(
  problem: OptionProblem,
  sources: Partial<Record<SettingKey, SettingSource>>,
): SettingProblem {
  const key = problem.field as OptionKey;
  const source = key in SETTING_NAMES && !isSwitch(key as SettingKey) ? sources[key as SettingKey] : undefined;
  return { kind: "option", problem, ...(source !== undefined && { source }) };
}
