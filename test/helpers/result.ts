import type { InputError, Result } from "../../src/engine/validate";

/** The value of an engine Result, or a test failure quoting its message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.value;
}

/** The error of an engine Result, or a test failure when it succeeded. */
export function errorOf<T>(result: Result<T>): InputError {
  if (result.ok) throw new Error("expected an error");
  return result.error;
}
