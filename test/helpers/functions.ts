import { FunctionError } from "../../src/functions/args";

/** What a custom function gave Excel: a value, or the Excel error it threw. */
export interface CallResult {
  value?: unknown;
  code?: string;
  message?: string;
}

/** Calls a custom function; any exception other than an Excel error is a bug and is rethrown. */
export function call(fn: () => unknown): CallResult {
  try {
    return { value: fn() };
  } catch (error) {
    if (error instanceof FunctionError) return { code: error.code, message: error.message };
    throw error; // no raw exception may reach Excel
  }
}

/** A one-column range as Excel passes it. */
export const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);

/** Runs `body` as if Office's display language were `displayLanguage`. */
export function inLanguage<T>(displayLanguage: string, body: () => T): T {
  const holder = globalThis as { Office?: unknown };
  const before = holder.Office;
  holder.Office = { context: { displayLanguage } };
  try {
    return body();
  } finally {
    if (before === undefined) delete holder.Office;
    else holder.Office = before;
  }
}
