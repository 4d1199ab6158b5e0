/**
 * run()'s two guarantees, so Excel only ever sees a number, a matrix of numbers or an Excel
 * error: an unexpected exception becomes #VALUE!, a non-finite result #NUM!, each with a message
 * naming the function. Excel errors raised on purpose pass through unchanged.
 */
import { FunctionError, run } from "../../src/functions/args";
import { call } from "../helpers/functions";

describe("run", () => {
  test("a number or a matrix of finite numbers passes through", () => {
    expect(run("F", () => 4.5)).toBe(4.5);
    expect(run("F", () => [[1], [2]])).toEqual([[1], [2]]);
  });

  test("an unexpected exception becomes #VALUE! naming the function and the cause", () => {
    expect(
      call(() =>
        run("WEEKS_TO_CLEAR", () => {
          throw new RangeError("boom");
        }),
      ),
    ).toEqual({
      code: "#VALUE!",
      message: "WEEKS_TO_CLEAR: could not compute (RangeError: boom)",
    });
  });

  test("an Excel error thrown on purpose keeps its code and message", () => {
    const error = new FunctionError("#N/A", "capacity: never clears");
    expect(() =>
      run("F", () => {
        throw error;
      }),
    ).toThrow(error);
  });

  test.each([
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
    [Number.NaN, "NaN"],
  ])("a result of %p becomes #NUM!", (bad, shown) => {
    expect(call(() => run("LEAD_TIME", () => bad))).toEqual({
      code: "#NUM!",
      message: `LEAD_TIME: the result is not a finite number (${shown})`,
    });
  });

  test("one bad cell anywhere in a matrix becomes #NUM!", () => {
    expect(call(() => run("M", () => [[1], [2], [Number.NaN]])).code).toBe("#NUM!");
    expect(call(() => run("M", () => [[1, Number.POSITIVE_INFINITY]])).code).toBe("#NUM!");
    expect(call(() => run("M", () => [[1], ["7" as unknown as number]]))).toEqual({
      code: "#NUM!",
      message: "M: the result is not a finite number ('7')",
    });
  });

  describe("inside Excel (a CustomFunctions global)", () => {
    class HostError {
      constructor(
        public readonly code: string,
        public readonly message: string,
      ) {}
    }
    const globals = globalThis as { CustomFunctions?: unknown };
    beforeEach(() => {
      globals.CustomFunctions = { Error: HostError };
    });
    afterEach(() => {
      delete globals.CustomFunctions;
    });

    test("errors are the host's own error objects", () => {
      let thrown: unknown;
      try {
        run("F", () => Number.NaN);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(HostError);
      expect(thrown).toMatchObject({
        code: "#NUM!",
        message: "F: the result is not a finite number (NaN)",
      });
    });

    test("a host error thrown on purpose passes through unchanged", () => {
      const error = new HostError("#N/A", "never");
      let thrown: unknown;
      try {
        run("F", () => {
          throw error;
        });
      } catch (caught) {
        thrown = caught;
      }
      expect(thrown).toBe(error);
    });
  });
});
