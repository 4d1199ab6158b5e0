/**
 * Input validation for the planning engine.
 *
 * User-input errors are values (`Result`), never thrown: the custom functions turn them into
 * `CustomFunctions.Error`, the task pane into a sentence that names the cell. Rules live in data
 * (`NumberRule`) so the same check serves every caller.
 */

/**
 * How an input is wrong. Every kind a planner can cause (type, shape, range) becomes #VALUE! with
 * its message; a range error marked `overflow` becomes #NUM!, "never" #N/A.
 */
export type InputErrorKind = "type" | "shape" | "range" | "never";

export interface InputError {
  kind: InputErrorKind;
  /** The argument as a planner knows it: "intake", "capacity", "weeks". */
  argument: string;
  /** 1-based position in a weekly series, when the problem is one value in it. */
  week?: number;
  /** 0-based row and column inside the range the value came from, when it came from a range. */
  cell?: { row: number; column: number };
  /** What was expected, in words: "a number ≥ 0". */
  expected?: string;
  /** The rule the value broke, so a caller can say it again in another language. */
  rule?: NumberRule;
  /** The offending value, as received. */
  got?: unknown;
  /** Finite inputs whose result is not finite: the one case for #NUM!, which shows no message. */
  overflow?: true;
  /** One complete English sentence naming the argument (and week). */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: InputError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: InputError): Result<T> => ({ ok: false, error });

/** Rule for one number, kept as data. */
export interface NumberRule {
  min?: number;
  /** When true, `min` itself is not allowed. */
  minExclusive?: boolean;
  max?: number;
  integer?: boolean;
  /** The only values allowed, when they are a few (e.g. 12 or 52 periods a year). */
  oneOf?: readonly number[];
}

export const NON_NEGATIVE: NumberRule = { min: 0 };
export const MAX_WEEKS = 10_000;
export const WEEKS_RULE: NumberRule = { min: 1, max: MAX_WEEKS, integer: true };
export const UPLIFT_RULE: NumberRule = { min: -1 };

/** "a number ≥ 0", "a whole number from 1 to 10,000", "12 or 52". */
export function describeRule(rule: NumberRule): string {
  if (rule.oneOf !== undefined) return listOf(rule.oneOf.map((n) => n.toLocaleString("en-US")), "or");
  const noun = rule.integer ? "a whole number" : "a number";
  const fmt = (n: number): string => n.toLocaleString("en-US");
  if (rule.min !== undefined && rule.max !== undefined) {
    return `${noun} from ${fmt(rule.min)} to ${fmt(rule.max)}`;
  }
  if (rule.min !== undefined) return `${noun} ${rule.minExclusive ? ">" : "≥"} ${fmt(rule.min)}`;
  if (rule.max !== undefined) return `${noun} ≤ ${fmt(rule.max)}`;
  return noun;
}

/** "12 or 52", "1, 4 or 12": the allowed values in words, joined by `last` before the final one. */
export function listOf(items: readonly string[], last: string): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

/** Shows a received value the way a planner would recognise it in a message. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value === null || value === undefined) return "a blank";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value === Infinity ? "Infinity" : "-Infinity";
    return String(value);
  }
  if (Array.isArray(value)) return "a range";
  return typeof value;
}

function where(argument: string, week: number | undefined): string {
  return week === undefined ? argument : `${argument}, week ${week}`;
}

interface Position {
  week?: number;
  cell?: { row: number; column: number };
}

function positioned(error: InputError, at: Position): InputError {
  if (at.week !== undefined) error.week = at.week;
  if (at.cell !== undefined) error.cell = at.cell;
  return error;
}

/**
 * Checks one value against a rule. Only finite JavaScript numbers pass: text (even "25" or
 * Dutch "1.234,5"), booleans and dates typed as text are rejected, never guessed.
 */
/** True when `value` is a finite number the rule allows; the per-week hot path. */
export function passesRule(value: unknown, rule: NumberRule): value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) return false;
  if (rule.max !== undefined && value > rule.max) return false;
  if (rule.oneOf !== undefined && !rule.oneOf.includes(value)) return false;
  return rule.integer !== true || Number.isInteger(value);
}

export function checkNumber(
  value: unknown,
  rule: NumberRule,
  argument: string,
  at: Position = {},
): Result<number> {
  if (passesRule(value, rule)) return { ok: true, value };
  const expected = describeRule(rule);
  const kind = typeof value === "number" && Number.isFinite(value) ? "range" : "type";
  return fail(
    positioned(
      {
        kind,
        argument,
        expected,
        rule,
        got: value,
        message: `${where(argument, at.week)}: expected ${expected}, got ${showValue(value)}`,
      },
      at,
    ),
  );
}

/** A weekly series as it arrives: one number for every week, or one value per week. */
export type SeriesInput = number | readonly number[];

/** Validates a series that is already a flat list (engine callers). */
export function checkSeries(
  series: SeriesInput,
  rule: NumberRule,
  argument: string,
): Result<number | number[]> {
  if (!Array.isArray(series)) return checkNumber(series, rule, argument);
  if (series.length === 0) {
    return fail({ kind: "shape", argument, message: `${argument}: the range is empty` });
  }
  const out: number[] = [];
  for (let i = 0; i < series.length; i++) {
    const value = series[i];
    if (!passesRule(value, rule)) return checkNumber(value, rule, argument, { week: i + 1 }) as Result<number[]>;
    out.push(value);
  }
  return ok(out);
}

/** One named number to check: the value, its rule and the argument name for the message. */
export type NumberCheck = readonly [value: unknown, rule: NumberRule, argument: string];

/**
 * Checks several numbers in order and stops at the first that breaks its rule: the one
 * data-driven replacement for a ladder of `checkNumber` calls.
 *
 * @example
 * checkNumbers({ backlog: [1440, NON_NEGATIVE, "backlog"], rate: [30, POSITIVE, "decisions_per_week"] })
 * // → ok({ backlog: 1440, rate: 30 })
 */
export function checkNumbers<K extends string>(checks: Record<K, NumberCheck>): Result<Record<K, number>> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(checks) as K[]) {
    const [value, rule, argument] = checks[key];
    const checked = checkNumber(value, rule, argument);
    if (!checked.ok) return checked;
    out[key] = checked.value;
  }
  return ok(out);
}

/** One named weekly series to check, like `NumberCheck`. */
export type SeriesCheck = readonly [series: SeriesInput, rule: NumberRule, argument: string];

/** `checkNumbers` for weekly series: each one number or one value per week. */
export function checkSeriesAll<K extends string>(checks: Record<K, SeriesCheck>): Result<Record<K, number | number[]>> {
  const out = {} as Record<K, number | number[]>;
  for (const key of Object.keys(checks) as K[]) {
    const [series, rule, argument] = checks[key];
    const checked = checkSeries(series, rule, argument);
    if (!checked.ok) return checked;
    out[key] = checked.value;
  }
  return ok(out);
}

/** A number greater than 0: a rate something is divided by. */
export const POSITIVE: NumberRule = { min: 0, minExclusive: true };
