/**
 * The optional sections' settings as typed (in the pane's fields, on the command line, or in a
 * workbook's defined names), checked into numbers before anything is read or written: uncertainty
 * (a Monte Carlo fan and the chance of reaching the target backlog) and tracks (per-track columns
 * and a stacked chart). Host-neutral: the pane and `npm run plan` both use it.
 */
import {
  DEFAULT_FAST_LEAD_TIME_DAYS,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  IntakeModel,
  MAX_PATH_WEEKS,
} from "../engine";
import { cellInRange, RawInput } from "../sheets/inputs";
import { HistoryPeriods, IntakeHistoryProblem, parseHistoryPeriods } from "../sheets/intakeHistory";
import type { ForecastSettings } from "./intakeForecast";

/** How weekly intake varies in the uncertainty section (the engine's intake models). */
export type IntakeModelKind = "poisson" | "overdispersed" | "history" | "fixed";

/** The text settings of the uncertainty and tracks sections. */
export type OptionKey =
  | "dispersion"
  | "history"
  | "capacitySpread"
  | "intakeLevelSpread"
  | "runs"
  | "seed"
  | "fastShare"
  | "safeShare"
  | "fastLeadTime"
  | "triagedOpening";

/**
 * A number as a planner types it: "52", "12,5", "12.5", "10%" (the sign is dropped; the caller
 * decides what a percentage means). No thousands separators: never guessed.
 *
 * @example
 * parseTypedNumber("2,5") // → 2.5
 */
export function parseTypedNumber(input: string): number | undefined {
  const text = input.trim().replace(/%$/, "").trim();
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(text)) return undefined;
  return Number(text.replace(",", "."));
}

/** What the planner typed in the uncertainty section. */
export interface UncertaintyFields {
  enabled: boolean;
  model: IntakeModelKind;
  dispersion: string;
  history: string;
  capacitySpread: string;
  /** CV of each run's intake level; blank or absent means 0 (the level is fixed). */
  intakeLevelSpread?: string;
  runs: string;
  seed: string;
}

/** What the planner typed in the tracks section. */
export interface TracksFields {
  enabled: boolean;
  fastShare: string;
  safeShare: string;
  fastLeadTime: string;
  /** "Getrieerd deel van de beginvoorraad"; blank or absent means 0, as on the what-if sheet. */
  triagedOpening?: string;
}

/** The intake forecast's setting given outside the inputs (a flag or a name, src/plan/settings.ts). */
export interface ForecastFields {
  /** 52 or 12 (or week/maand, …); blank: from the inputs, else 52. */
  periodsPerYear: string;
}

export interface SectionFields {
  uncertainty: UncertaintyFields;
  tracks: TracksFields;
  /** Not a section of its own: the history's periods when given as a setting. */
  forecast?: ForecastFields;
}

/** Both sections off and empty: a run without them. */
export const emptySectionFields = (): SectionFields => ({
  uncertainty: {
    enabled: false,
    model: "poisson",
    dispersion: "",
    history: "",
    capacitySpread: "",
    runs: "",
    seed: "",
  },
  tracks: { enabled: false, fastShare: "", safeShare: "", fastLeadTime: "", triagedOpening: "" },
});

/**
 * The memo's 2023 triage share (Ter Apel): 190 incomplete ÷ 1390 filed. The 70 "niet in
 * behandeling" cases are a different legal ground, not triage (docs/decisions.md, issue 14).
 */
export const DEFAULT_FAST_SHARE = 190 / 1390;
/** Above this many runs the pane simulates in slices and shows its progress. */
export const PROGRESS_ABOVE_RUNS = 50_000;
/** ...and above this much work (run-weeks) too, whatever the runs: 50,000 runs of a year. */
export const PROGRESS_ABOVE_RUN_WEEKS = PROGRESS_ABOVE_RUNS * 52;
/** Work per slice, in run-weeks: some 10 to 20 ms at the engine's measured speed. */
export const SLICE_RUN_WEEKS = 400_000;

const RUNS_RANGE = { min: 100, max: 1_000_000 };
const SEED_RANGE = { min: 0, max: 4_294_967_295 };
const DISPERSION_RANGE = { min: 1, max: 1000 };
const LEAD_TIME_RANGE = { min: 0, max: 70_000 };
/** Shares typed as decimals (0.1 + 0.2) do not add up exactly; as the engine allows. */
const SUM_TOLERANCE = 1e-9;

export type OptionProblem =
  | { kind: "not-a-number"; field: OptionKey; text: string }
  | { kind: "not-whole"; field: OptionKey; text: string }
  | { kind: "out-of-range"; field: OptionKey; text: string; min: number; max: number }
  | { kind: "share-range"; field: OptionKey; text: string }
  | { kind: "shares-sum"; field: "safeShare"; sum: number }
  | { kind: "required"; field: "safeShare" | "dispersion" | "history" }
  | { kind: "too-much-work"; field: "runs"; runs: number; weeks: number; max: number }
  | {
      kind: "history-cells";
      field: "history";
      code: "empty" | "shape" | "merged" | "cell";
      address: string;
      got?: string;
      rows?: number;
      columns?: number;
    }
  /** The intake history for the forecast (issue 24): its cells, start, periods, or the first week against it. */
  | { kind: "intake-history"; field: IntakeHistoryProblem["input"]; problem: IntakeHistoryProblem }
  /** The periods per year given as a setting: not 52 or 12. */
  | { kind: "history-periods"; field: "historyPeriods"; text: string }
  /** An intake level spread with a forecast intake: the forecast's own uncertainty takes its place. */
  | { kind: "forecast-level-spread"; field: "intakeLevelSpread" }
  /** The overdispersed or history model with a forecast intake: the forecast sets the intake's spread. */
  | { kind: "forecast-model"; field: "intakeModel"; model: "overdispersed" | "history" };

export interface UncertaintyPlan {
  model: IntakeModelKind;
  /** Only used for the overdispersed model. */
  dispersion: number;
  /** The history range or name as typed; read in the run's second batch. */
  history: string;
  capacitySpread: number;
  /** Absent when not typed (then 0). */
  intakeLevelSpread?: number;
  runs: number;
  seed: number;
}

export interface TracksPlan {
  fastShare: number;
  safeShare: number;
  fastLeadTimeDays: number;
  /** The part of the opening backlog triage (Ter Apel) takes; absent when not typed (then 0). */
  triagedOpeningShare?: number;
}

export interface SectionPlan {
  uncertainty?: UncertaintyPlan;
  tracks?: TracksPlan;
  /** The intake forecast's settings, when given as settings (the command line, a workbook's names). */
  forecast?: ForecastSettings;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: OptionProblem };

const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: OptionProblem): Parsed<T> => ({ ok: false, problem });

/** A plain decimal ("3", "2,5", "88"); a percent sign is not accepted here. */
function parseDecimal(field: OptionKey, text: string, range: { min: number; max: number }): Parsed<number> {
  const value = text.includes("%") ? undefined : parseTypedNumber(text);
  if (value === undefined) return bad({ kind: "not-a-number", field, text });
  if (value < range.min || value > range.max) return bad({ kind: "out-of-range", field, text, ...range });
  return good(value);
}

/**
 * A whole number, with or without thousands separators ("10000", "10.000", "10,000", "10 000"):
 * for a whole number a separator before exactly three digits cannot be a decimal mark.
 */
function parseWhole(field: OptionKey, text: string, range: { min: number; max: number }): Parsed<number> {
  const t = text.trim();
  let value: number | undefined;
  if (/^\d{1,3}([.,\s\u00a0\u202f]\d{3})+$/.test(t)) value = Number(t.replace(/\D/g, ""));
  else if (/^[-+]?\d+$/.test(t)) value = Number(t); // "-1" is whole: the range sentence answers it
  else if (parseTypedNumber(t) !== undefined && !t.includes("%")) return bad({ kind: "not-whole", field, text: t });
  if (value === undefined) return bad({ kind: "not-a-number", field, text: t });
  if (value < range.min || value > range.max) return bad({ kind: "out-of-range", field, text: t, ...range });
  return good(value);
}

/** A share from 0 to 1: a fraction ("0,137") or a percentage with its sign ("13,7%"). */
function parseShare(field: OptionKey, text: string): Parsed<number> {
  const t = text.trim();
  const percent = /%$/.test(t);
  const value = parseTypedNumber(t);
  if (value === undefined) return bad({ kind: "not-a-number", field, text: t });
  const share = percent ? value / 100 : value;
  if (!(share >= 0 && share <= 1)) return bad({ kind: "share-range", field, text: t });
  return good(share);
}

function parseUncertainty(fields: UncertaintyFields): Parsed<UncertaintyPlan> {
  let dispersion = 1;
  if (fields.model === "overdispersed") {
    if (fields.dispersion.trim() === "") return bad({ kind: "required", field: "dispersion" });
    const parsed = parseDecimal("dispersion", fields.dispersion, DISPERSION_RANGE);
    if (!parsed.ok) return parsed;
    dispersion = parsed.value;
  }
  if (fields.model === "history" && fields.history.trim() === "") return bad({ kind: "required", field: "history" });
  let capacitySpread = 0;
  if (fields.capacitySpread.trim() !== "") {
    const parsed = parseShare("capacitySpread", fields.capacitySpread);
    if (!parsed.ok) return parsed;
    capacitySpread = parsed.value;
  }
  let runs = DEFAULT_RUNS;
  if (fields.runs.trim() !== "") {
    const parsed = parseWhole("runs", fields.runs, RUNS_RANGE);
    if (!parsed.ok) return parsed;
    runs = parsed.value;
  }
  let seed = DEFAULT_SEED;
  if (fields.seed.trim() !== "") {
    const parsed = parseWhole("seed", fields.seed, SEED_RANGE);
    if (!parsed.ok) return parsed;
    seed = parsed.value;
  }
  const level = fields.intakeLevelSpread?.trim() ?? "";
  const levelSpread = level === "" ? undefined : parseShare("intakeLevelSpread", level);
  if (levelSpread !== undefined && !levelSpread.ok) return levelSpread;
  return good({
    model: fields.model,
    dispersion,
    history: fields.history.trim(),
    capacitySpread,
    ...(levelSpread !== undefined && { intakeLevelSpread: levelSpread.value }),
    runs,
    seed,
  });
}

function parseTracks(fields: TracksFields): Parsed<TracksPlan> {
  let fastShare = DEFAULT_FAST_SHARE;
  if (fields.fastShare.trim() !== "") {
    const parsed = parseShare("fastShare", fields.fastShare);
    if (!parsed.ok) return parsed;
    fastShare = parsed.value;
  }
  if (fields.safeShare.trim() === "") return bad({ kind: "required", field: "safeShare" });
  const safe = parseShare("safeShare", fields.safeShare);
  if (!safe.ok) return safe;
  if (fastShare + safe.value > 1 + SUM_TOLERANCE) {
    return bad({ kind: "shares-sum", field: "safeShare", sum: fastShare + safe.value });
  }
  let fastLeadTimeDays = DEFAULT_FAST_LEAD_TIME_DAYS;
  if (fields.fastLeadTime.trim() !== "") {
    const parsed = parseDecimal("fastLeadTime", fields.fastLeadTime, LEAD_TIME_RANGE);
    if (!parsed.ok) return parsed;
    fastLeadTimeDays = parsed.value;
  }
  const triaged = fields.triagedOpening?.trim() ?? "";
  if (triaged === "") return good({ fastShare, safeShare: safe.value, fastLeadTimeDays });
  const triagedOpening = parseShare("triagedOpening", triaged);
  if (!triagedOpening.ok) return triagedOpening;
  return good({ fastShare, safeShare: safe.value, fastLeadTimeDays, triagedOpeningShare: triagedOpening.value });
}

/**
 * Checks both sections before anything is read or written. A section that is switched off is
 * neither checked nor run.
 *
 * @example
 * parseSections({ ...emptySectionFields(), tracks: { enabled: true, fastShare: "1,2", safeShare: "0,2", fastLeadTime: "" } })
 * // → { ok: false, problem: { kind: "share-range", field: "fastShare", text: "1,2" } }
 */
export function parseSections(
  fields: SectionFields | undefined,
): { ok: true; plan: SectionPlan } | { ok: false; problem: OptionProblem } {
  const plan: SectionPlan = {};
  if (fields?.uncertainty.enabled) {
    const parsed = parseUncertainty(fields.uncertainty);
    if (!parsed.ok) return parsed;
    plan.uncertainty = parsed.value;
  }
  if (fields?.tracks.enabled) {
    const parsed = parseTracks(fields.tracks);
    if (!parsed.ok) return parsed;
    plan.tracks = parsed.value;
  }
  const periods = fields?.forecast?.periodsPerYear.trim() ?? "";
  if (periods !== "") {
    const parsed: HistoryPeriods | undefined = parseHistoryPeriods(periods);
    if (parsed === undefined) return { ok: false, problem: { kind: "history-periods", field: "historyPeriods", text: periods } };
    plan.forecast = { periodsPerYear: parsed };
  }
  return { ok: true, plan };
}

/** Runs × weeks within the engine's bound, so one run cannot keep Excel busy for minutes. */
export function checkWork(plan: UncertaintyPlan, weeks: number): OptionProblem | undefined {
  return plan.runs * weeks > MAX_PATH_WEEKS
    ? { kind: "too-much-work", field: "runs", runs: plan.runs, weeks, max: MAX_PATH_WEEKS }
    : undefined;
}

/** Whether a simulation goes in slices with progress shown, rather than in one go. */
export const needsSlices = (runs: number, weeks: number): boolean =>
  runs > PROGRESS_ABOVE_RUNS || runs * weeks > PROGRESS_ABOVE_RUN_WEEKS;

/** Whole runs per slice for a horizon: about `SLICE_RUN_WEEKS` of work each. */
export const sliceRuns = (weeks: number): number => Math.max(1, Math.floor(SLICE_RUN_WEEKS / Math.max(1, weeks)));

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === "";

/** How a cell that is not a figure is shown in a message: 'n.v.t.', #N/A, TRUE, -3. */
function shownCell(value: unknown): string {
  if (typeof value === "object" && value !== null && "error" in value)
    return String((value as { error: unknown }).error);
  if (typeof value === "string") return /^#[A-Z/0!?_]+[!?A]?$/.test(value) ? value : `'${value}'`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * The historical weekly intake: the figures of one column or row, blank cells left out (a week
 * without a figure is a gap in the records, not a week without intake).
 */
export function readHistory(raw: RawInput): { ok: true; values: number[] } | { ok: false; problem: OptionProblem } {
  const address = raw.address;
  const fail = (code: "empty" | "shape" | "merged", extra: { rows?: number; columns?: number } = {}) =>
    ({ ok: false, problem: { kind: "history-cells", field: "history", code, address, ...extra } }) as const;
  if (raw.hasMergedCells) return fail("merged");
  const rows = raw.values.length;
  const columns = raw.values[0]?.length ?? 0;
  if (rows === 0 || columns === 0) return fail("empty");
  if (rows > 1 && columns > 1) return fail("shape", { rows, columns });
  const values: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const value = raw.values[r]?.[c];
      if (isBlank(value)) continue;
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        const cell = cellInRange(address, r, c);
        return {
          ok: false,
          problem: { kind: "history-cells", field: "history", code: "cell", address: cell, got: shownCell(value) },
        };
      }
      values.push(value);
    }
  }
  if (values.length === 0) return fail("empty");
  return { ok: true, values };
}

/** The engine's intake model for a checked plan and, for History, the figures read. */
export function intakeModelOf(plan: UncertaintyPlan, history: readonly number[] | undefined): IntakeModel {
  switch (plan.model) {
    case "overdispersed":
      return { kind: "overdispersed", dispersion: plan.dispersion };
    case "history":
      return { kind: "history", history: history ?? [] };
    case "fixed":
      return { kind: "fixed" };
    case "poisson":
      return { kind: "poisson" };
  }
}
