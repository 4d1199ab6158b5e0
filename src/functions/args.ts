/**
 * Argument conversion for the =IND.* custom functions: Excel values in, checked numbers out.
 *
 * Excel hands a range over as a 2-D array and an omitted optional argument as `null`. A blank
 * cell arrives as 0 on desktop and as `null` (or "") on the web; inside a range both count as 0,
 * so a workbook gives the same answer on every host. No Office global is touched at import time.
 */
import { checkHistory } from "../engine/forecast/rules";
import { checkNumber, checkSeries, fail, InputError, NumberRule, ok, Result, showValue } from "../engine/validate";
import { ArgumentDeclaration, FunctionDeclaration } from "./declarations";
import { functionLanguage } from "./language";
import { localizeMessage, showValueNl } from "./messages";

/** Stand-in with the same shape as `CustomFunctions.Error`, for Node (tests, CLI). */
export class FunctionError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

/**
 * Every error a planner can cause is #VALUE!, the one code Excel shows a message for; #NUM!
 * (which cannot carry one) is kept for results that overflow, #N/A for "never".
 */
const CODE_BY_KIND: Record<InputError["kind"], ExcelErrorCode> = {
  type: "#VALUE!",
  shape: "#VALUE!",
  range: "#VALUE!",
  never: "#N/A",
};

/** Builds the host's error object when Excel is there, else the Node stand-in. */
export function excelError(code: ExcelErrorCode, message: string): Error {
  const host = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (host && typeof host.Error === "function") {
    // The runtime's Error is not an `Error` subclass in its typings; callers only throw it.
    return new host.Error(code as CustomFunctions.ErrorCode, message) as unknown as Error;
  }
  return new FunctionError(code, message);
}

/** The Excel error for an input error, its message in Office's display language. */
export function toExcelError(error: InputError): Error {
  const code = error.overflow ? "#NUM!" : CODE_BY_KIND[error.kind];
  return excelError(code, localizeMessage(error, functionLanguage()));
}

/** Unwraps a Result or throws the matching Excel error (the documented way to return one). */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw toExcelError(result.error);
  return result.value;
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === "";
const blankAsZero = (v: unknown): unknown => (isBlank(v) ? 0 : v);
const isOmitted = (v: unknown): boolean => v === null || v === undefined;

/** Flattens a 1-D or 2-D Excel value to a list, rejecting rectangles wider than one row/column. */
function flatten(value: unknown[], argument: string): Result<unknown[]> {
  if (value.length === 0) return fail({ kind: "shape", argument, message: `${argument}: the range is empty` });
  if (!value.every(Array.isArray)) {
    if (value.some(Array.isArray)) {
      return fail({ kind: "shape", argument, message: `${argument}: the range has rows of different lengths` });
    }
    return ok(value); // a plain 1-D array
  }
  const rows = value as unknown[][];
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width)) {
    return fail({ kind: "shape", argument, message: `${argument}: the range has rows of different lengths` });
  }
  if (width === 0) return fail({ kind: "shape", argument, message: `${argument}: the range is empty` });
  if (rows.some((r) => r.some(Array.isArray))) {
    return fail({ kind: "shape", argument, message: `${argument}: expected numbers, got a nested range` });
  }
  if (rows.length > 1 && width > 1) {
    return fail({
      kind: "shape",
      argument,
      message: `${argument}: expected one column or one row, got ${rows.length} rows × ${width} columns`,
    });
  }
  return ok(width === 1 ? rows.map((r) => r[0]) : (rows[0] as unknown[]));
}

/**
 * A weekly series: one number (same every week) or one value per week from a one-column or
 * one-row range. A one-cell range counts as one number.
 */
function readSeries(value: unknown, argument: string, rule: NumberRule): Result<number | number[]> {
  if (!Array.isArray(value)) return checkNumber(blankAsZero(value), rule, argument);
  const flat = flatten(value, argument);
  if (!flat.ok) return flat;
  const cells = flat.value.map(blankAsZero);
  if (cells.length === 1) return checkNumber(cells[0], rule, argument);
  // The engine's check, which names the week of the first value that breaks the rule.
  return checkSeries(cells as number[], rule, argument);
}

/** One number. A 1×1 range is unwrapped; a blank counts as 0. */
function readNumber(value: unknown, argument: string, rule: NumberRule): Result<number> {
  if (Array.isArray(value)) {
    const flat = flatten(value, argument);
    if (!flat.ok) return flat;
    if (flat.value.length !== 1) {
      return fail({
        kind: "shape",
        argument,
        got: value,
        message: `${argument}: expected one number, got a range of ${flat.value.length} cells`,
      });
    }
    return checkNumber(blankAsZero(flat.value[0]), rule, argument);
  }
  return checkNumber(blankAsZero(value), rule, argument);
}

/** Mean of a series, for closed forms that take constant rates. */
export function meanOf(series: number | readonly number[]): number {
  if (typeof series === "number") return series;
  let sum = 0;
  for (const v of series) sum += v;
  return sum / series.length;
}

/**
 * Runs a function body and guarantees Excel only ever sees a number, a matrix of numbers or an
 * Excel error: unexpected exceptions and non-finite results become errors with a message.
 */
export function run<R extends number | number[][]>(fn: string | FunctionDeclaration, body: () => R): R {
  const dutch = functionLanguage() === "nl";
  const name = typeof fn === "string" ? fn : dutch ? fn.nameNl : fn.id;
  let result: R;
  try {
    result = body();
  } catch (error) {
    if (error instanceof FunctionError || isHostError(error)) throw error;
    const text = dutch ? "kon niet rekenen" : "could not compute";
    throw excelError("#VALUE!", `${name}: ${text} (${String(error)})`);
  }
  // A plain loop: Array.prototype.flat is slow enough to dominate a 520-week call.
  const rows: unknown[][] = typeof result === "number" ? [[result]] : result;
  for (const row of rows) {
    for (const v of row) {
      if (!Number.isFinite(v)) {
        const text = dutch
          ? `de uitkomst is geen eindig getal (${showValueNl(v)})`
          : `the result is not a finite number (${showValue(v)})`;
        throw excelError("#NUM!", `${name}: ${text}`);
      }
    }
  }
  return result;
}

function isHostError(error: unknown): boolean {
  const host = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  return host !== undefined && typeof host.Error === "function" && error instanceof host.Error;
}

/**
 * The cells of a one-row or one-column range (or a single value) as a list, blanks as 0, each
 * value left unchecked: for arguments whose positions are not weeks (one value per track), so
 * the engine can name the position in its message.
 */
function readList(value: unknown, argument: string): Result<unknown[]> {
  if (!Array.isArray(value)) return ok([blankAsZero(value)]);
  const flat = flatten(value, argument);
  if (!flat.ok) return flat;
  return ok(flat.value.map(blankAsZero));
}

/** What an argument of each kind reads to; `undefined` only for an omitted optional one. */
type KindValue<K> = K extends "number"
  ? number
  : K extends "weekly"
    ? number | number[]
    : K extends "history"
      ? number[]
      : unknown[];
type ArgumentValue<A extends ArgumentDeclaration> =
  KindValue<A["kind"]> | (A extends { readonly optional: true } ? undefined : never);

/** The read arguments of a declared function, by English name. */
export type ArgumentValues<D extends FunctionDeclaration> = {
  [A in D["arguments"][number] as A["name"]]: ArgumentValue<A>;
};

/** Reads one argument by its declaration; `undefined` when an optional one is omitted. */
export function readArgument(
  declaration: ArgumentDeclaration,
  value: unknown,
): Result<number | number[] | unknown[] | undefined> {
  if (declaration.optional && isOmitted(value)) return ok(undefined);
  const rule = declaration.rule ?? {};
  switch (declaration.kind) {
    case "number":
      return readNumber(value, declaration.name, rule);
    case "weekly":
      return readSeries(value, declaration.name, rule);
    case "list":
      return readList(value, declaration.name);
    case "history":
      return readHistory(value, declaration.name);
  }
}

/** A history: every cell of a one-row or one-column range checked as it is, blanks refused. */
function readHistory(value: unknown, argument: string): Result<number[]> {
  const flat = Array.isArray(value) ? flatten(value, argument) : ok([value]);
  if (!flat.ok) return flat;
  return checkHistory(flat.value, argument);
}

/**
 * Reads a function's arguments, in declared order, by their declaration; throws the first
 * argument error as an Excel error (#VALUE! with its message in the user's language).
 *
 * @example
 * const args = readArguments(BACKLOG_FUNCTIONS.LEAD_TIME, [1440, 30]);
 * args.backlog // → 1440
 */
export function readArguments<D extends FunctionDeclaration>(
  declaration: D,
  values: readonly unknown[],
): ArgumentValues<D> {
  const out: Record<string, unknown> = {};
  declaration.arguments.forEach((argument, i) => {
    out[argument.name] = unwrap(readArgument(argument, values[i]));
  });
  return out as ArgumentValues<D>;
}
