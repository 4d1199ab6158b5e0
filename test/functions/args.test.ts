/**
 * Reading Excel's values by an argument's declaration (src/functions/args.ts): the shapes a
 * range can take, blanks, and the errors' language and host objects.
 */
import { ArgumentDeclaration } from "../../src/functions/declarations";
import { BACKLOG_FUNCTIONS } from "../../src/functions/declarations";
import { excelError, FunctionError, readArgument, run } from "../../src/functions/args";
import { NON_NEGATIVE } from "../../src/engine/validate";
import { call, inLanguage } from "../helpers/functions";

const number: ArgumentDeclaration = { name: "opening", nameNl: "beginvoorraad", kind: "number", rule: NON_NEGATIVE, descriptionNl: "" };
const weekly: ArgumentDeclaration = { ...number, name: "intake", nameNl: "instroom", kind: "weekly" };
const list: ArgumentDeclaration = { ...number, name: "shares", nameNl: "aandelen", kind: "list" };

const messageOf = (declaration: ArgumentDeclaration, value: unknown): string => {
  const result = readArgument(declaration, value);
  return result.ok ? "read" : result.error.message;
};


/** Runs `body` with a CustomFunctions global of the given shape. */
function inHost<T>(host: unknown, body: () => T): T {
  const holder = globalThis as { CustomFunctions?: unknown };
  holder.CustomFunctions = host;
  try {
    return body();
  } finally {
    delete holder.CustomFunctions;
  }
}

describe("blanks", () => {
  test("null, undefined and an empty text count as 0, alone and inside a range", () => {
    for (const blank of [null, undefined, ""]) {
      expect(readArgument(number, blank)).toEqual({ ok: true, value: 0 });
      expect(readArgument(number, [[blank]])).toEqual({ ok: true, value: 0 });
      expect(readArgument(weekly, blank)).toEqual({ ok: true, value: 0 });
      expect(readArgument(weekly, [[25], [blank], [5]])).toEqual({ ok: true, value: [25, 0, 5] });
      expect(readArgument(list, [[blank, 0.5]])).toEqual({ ok: true, value: [0, 0.5] });
      expect(readArgument(list, blank)).toEqual({ ok: true, value: [0] });
    }
  });

  test("an omitted optional argument is undefined, an omitted required one is 0", () => {
    expect(readArgument({ ...number, optional: true }, null)).toEqual({ ok: true, value: undefined });
    expect(readArgument({ ...number, optional: true }, "")).toEqual({ ok: true, value: 0 });
    expect(readArgument(number, null)).toEqual({ ok: true, value: 0 });
  });
});

describe("the shapes of a range", () => {
  test("a plain list, a column and a row are read the same", () => {
    expect(readArgument(weekly, [1, 2])).toEqual({ ok: true, value: [1, 2] });
    expect(readArgument(weekly, [[1], [2]])).toEqual({ ok: true, value: [1, 2] });
    expect(readArgument(weekly, [[1, 2]])).toEqual({ ok: true, value: [1, 2] });
  });

  test("a list mixing cells and rows has rows of different lengths", () => {
    expect(messageOf(weekly, [1, [2]])).toBe("intake: the range has rows of different lengths");
    expect(messageOf(weekly, [[1], [2, 3]])).toBe("intake: the range has rows of different lengths");
  });

  test("a range with no cells is empty", () => {
    expect(messageOf(weekly, [])).toBe("intake: the range is empty");
    expect(messageOf(weekly, [[]])).toBe("intake: the range is empty");
    expect(messageOf(list, [[], []])).toBe("shares: the range is empty");
  });

  test("a range inside a cell is refused, in any row or column", () => {
    expect(messageOf(weekly, [[1], [[2]]])).toBe("intake: expected numbers, got a nested range");
    expect(messageOf(weekly, [[1, [2]]])).toBe("intake: expected numbers, got a nested range");
  });

  test("a rectangle wider than one row or column is refused", () => {
    expect(messageOf(weekly, [[1, 2], [3, 4]])).toBe("intake: expected one column or one row, got 2 rows × 2 columns");
  });

  test("one number from a range of more cells is refused", () => {
    expect(messageOf(number, [[1], [2]])).toBe("opening: expected one number, got a range of 2 cells");
  });

  test("a weekly series names the week of its first bad value", () => {
    expect(messageOf(weekly, [[1], ["x"], [-1]])).toBe("intake, week 2: expected a number ≥ 0, got 'x'");
  });
});

describe("errors in Dutch and as the host's objects", () => {
  test("run names the function in Dutch and says what went wrong in Dutch", () => {
    const declaration = BACKLOG_FUNCTIONS.LEAD_TIME;
    const crash = (): number => {
      throw new RangeError("boom");
    };
    expect(inLanguage("nl-NL", () => call(() => run(declaration, crash)))).toEqual({
      code: "#VALUE!",
      message: `${declaration.nameNl}: kon niet rekenen (RangeError: boom)`,
    });
    expect(inLanguage("nl-NL", () => call(() => run(declaration, () => Number.NaN)))).toEqual({
      code: "#NUM!",
      message: `${declaration.nameNl}: de uitkomst is geen eindig getal (NaN)`,
    });
    expect(call(() => run(declaration, () => Number.NaN)).message).toBe("LEAD_TIME: the result is not a finite number (NaN)");
  });

  test("without a usable CustomFunctions.Error the Node stand-in is used, and errors are still caught", () => {
    for (const host of [{}, { Error: "not a constructor" }]) {
      inHost(host, () => {
        const error = excelError("#N/A", "never");
        expect(error).toBeInstanceOf(FunctionError);
        expect(error).toMatchObject({ code: "#N/A", message: "never" });
        expect(
          call(() =>
            run("F", () => {
              throw new TypeError("oops");
            }),
          ),
        ).toEqual({ code: "#VALUE!", message: "F: could not compute (TypeError: oops)" });
      });
    }
  });
});
