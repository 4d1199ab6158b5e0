/** =IND.WEEKS_TO_TARGET (WEKEN_TOT_DOEL): the cases through the function, as Excel passes them. */
import { WEEKS_TO_TARGET } from "../../src/functions/functions";
import { BACKLOG_FUNCTIONS } from "../../src/functions/declarations";
import { call, column, inLanguage } from "../helpers/functions";

const weeksOf = (n: number, v: unknown): unknown[][] => column(new Array(n).fill(v));

describe("WEEKS_TO_TARGET: the issue's cases", () => {
  test("(1440; 25; 1600/52; 1100) = 59: the plan", () => {
    expect(WEEKS_TO_TARGET(1440, [[25]], [[1600 / 52]], 1100)).toBe(59);
  });

  test("(1440; 25; 27.5; 1100) = 136: the rule alone, landing on exactly 1100.0", () => {
    expect(WEEKS_TO_TARGET(1440, [[25]], [[27.5]], 1100)).toBe(136);
    // One case less to go and it is week 137; a hair more (within 1e-9) and it is still 136.
    expect(WEEKS_TO_TARGET(1440, [[25]], [[27.5]], 1099.999)).toBe(137);
    expect(WEEKS_TO_TARGET(1440, [[25]], [[27.5]], 1100 - 1e-7)).toBe(136);
  });

  test("(1440; 25; 25; 1100) = #N/A with a message", () => {
    expect(call(() => WEEKS_TO_TARGET(1440, [[25]], [[25]], 1100))).toEqual({
      code: "#N/A",
      message: "capacity: 25 decisions a week do not exceed the intake of 25, so the backlog never reaches 1100",
    });
  });

  test("the whole decision as docs/functions.md writes it: triage takes 190/1390 of the intake, MAX(plan, rule) = 38", () => {
    expect(WEEKS_TO_TARGET(1440, [[25 * (1 - 190 / 1390)]], [[Math.max(1600 / 52, 27.5)]], 1100)).toBe(38);
  });

  test("(1000; 25; 30; 1100) = 0: already there", () => {
    expect(WEEKS_TO_TARGET(1000, [[25]], [[30]], 1100)).toBe(0);
  });

  test("per-week series: reached inside the series gives the week; reached only after it, #N/A", () => {
    expect(WEEKS_TO_TARGET(1440, weeksOf(60, 25), [[1600 / 52]], 1100)).toBe(59);
    expect(WEEKS_TO_TARGET(100, [[10, 10, 10, 10, 10]], column([30, 30, 30, 10, 10]), 50)).toBe(3);
    expect(call(() => WEEKS_TO_TARGET(1440, weeksOf(52, 25), weeksOf(52, 1600 / 52), 1100))).toEqual({
      code: "#N/A",
      message: "target: the backlog does not reach 1100 within the weeks given (52)",
    });
  });

  test("single numbers: up to 10,000 weeks, then #N/A", () => {
    expect(WEEKS_TO_TARGET(2000, [[0]], [[0.1]], 1000)).toBe(10_000);
    expect(call(() => WEEKS_TO_TARGET(1440, [[25]], [[25.001]], 1100))).toEqual({
      code: "#N/A",
      message: "target: the backlog does not reach 1100 within 10,000 weeks",
    });
  });
});

describe("WEEKS_TO_TARGET: in Dutch Excel (WEKEN_TOT_DOEL)", () => {
  test("its Dutch name and arguments", () => {
    const declaration = BACKLOG_FUNCTIONS.WEEKS_TO_TARGET;
    expect(declaration.nameNl).toBe("WEKEN_TOT_DOEL");
    expect(declaration.arguments.map((a) => a.nameNl)).toEqual(["beginvoorraad", "instroom", "capaciteit", "doel"]);
  });

  test.each([
    [
      "capaciteit: 25 beslissingen per week is niet meer dan de instroom van 25, dus de voorraad daalt nooit tot 1100",
      () => WEEKS_TO_TARGET(1440, [[25]], [[25]], 1100),
    ],
    [
      "doel: de voorraad daalt binnen de gegeven weken (52) niet tot 1100,5",
      () => WEEKS_TO_TARGET(1440, weeksOf(52, 25), [[1600 / 52]], 1100.5),
    ],
    ["doel: de voorraad daalt binnen 10.000 weken niet tot 1100", () => WEEKS_TO_TARGET(1440, [[25]], [[25.001]], 1100)],
    ["doel: verwacht een getal ≥ 0, kreeg '1100'", () => WEEKS_TO_TARGET(1440, [[25]], [[30]], "1100")],
  ])("%s", (message, fn) => {
    expect(inLanguage("nl-NL", () => call(fn)).message).toBe(message);
  });
});

describe("WEEKS_TO_TARGET: arguments", () => {
  test.each([
    ["text opening", () => WEEKS_TO_TARGET("veel", [[25]], [[30]], 1100), "opening: expected a number ≥ 0, got 'veel'"],
    ["negative target", () => WEEKS_TO_TARGET(1440, [[25]], [[30]], -1), "target: expected a number ≥ 0, got -1"],
    ["target as a range", () => WEEKS_TO_TARGET(1440, [[25]], [[30]], [[1], [2]]), "target: expected one number, got a range of 2 cells"],
    [
      "capacity shorter than intake",
      () => WEEKS_TO_TARGET(1440, weeksOf(52, 25), weeksOf(40, 30), 1100),
      "capacity: has 40 weeks but intake has 52; give one number or one figure per intake week",
    ],
    ["text in week 3", () => WEEKS_TO_TARGET(1440, column([25, 25, "n.v.t."]), [[30]], 1100), "intake, week 3: expected a number ≥ 0, got 'n.v.t.'"],
  ])("%s: #VALUE! naming it", (_name, fn, message) => {
    expect(call(fn)).toEqual({ code: "#VALUE!", message });
  });

  test("blank cells count as 0 on desktop and on the web alike", () => {
    expect(WEEKS_TO_TARGET(null, [[25]], [[30]], 0)).toBe(0);
    expect(WEEKS_TO_TARGET(100, column([10, null, 10]), [[30]], 50)).toBe(WEEKS_TO_TARGET(100, column([10, 0, 10]), [[30]], 50));
  });

  test("overflowing intake is #NUM!, not #N/A", () => {
    expect(call(() => WEEKS_TO_TARGET(1e308, column([1e308, 1e308]), [[0]], 0)).code).toBe("#NUM!");
  });
});
