/**
 * The intake history as read (issue 24, item 3): its checks and their sentences, in both
 * languages, each naming the cell and the value's position; and how readPlanInputs carries it
 * (the planner's own Intake wins; without it the horizon is the Weeks setting, or 52).
 */
import { RawInput, RawPlanInputs, readPlanInputs } from "../../src/sheets/inputs";
import { describeIntakeHistoryProblem } from "../../src/sheets/historyMessages";
import { IntakeHistoryCells, IntakeHistoryProblem, parseHistoryPeriods, readIntakeHistory } from "../../src/sheets/intakeHistory";
import { excelDateSerial } from "../../src/sheets/spec";

const column = (address: string, values: unknown[]): RawInput => ({ address, values: values.map((v) => [v]) });
const counts = (n: number): number[] => Array.from({ length: n }, (_, i) => 20 + (i % 7));
const START = excelDateSerial(2021, 1, 4);
const history = (values: unknown[], extra: Partial<IntakeHistoryCells> = {}): IntakeHistoryCells => ({
  values: column("Historie!B2:B200", values),
  ...extra,
});

function problem(cells: IntakeHistoryCells): IntakeHistoryProblem {
  const read = readIntakeHistory(cells);
  if (read.ok) throw new Error("expected a problem");
  return read.problem;
}
const sentence = (cells: IntakeHistoryCells, language: "nl" | "en" = "en"): string => describeIntakeHistoryProblem(problem(cells), language);

describe("readIntakeHistory: good histories", () => {
  test("a column of counts, trailing blanks left out, with its start and periods", () => {
    const read = readIntakeHistory(history([...counts(156), null, "", null], { start: { address: "Historie!E2", values: [[START]] }, periods: 52 }));
    expect(read).toEqual({
      ok: true,
      history: { values: counts(156), periodsPerYear: 52, start: START, address: "Historie!B2:B157" },
    });
  });

  test("a row, a start typed in the pane (a serial), monthly periods from a cell holding a word", () => {
    const read = readIntakeHistory({
      values: { address: "Data!C3:N3", values: [counts(12)] },
      start: START,
      periods: { address: "Data!B1", values: [["maand"]] },
    });
    expect(read.ok && read.history).toMatchObject({ periodsPerYear: 12, start: START, address: "Data!C3:N3", values: counts(12) });
  });

  test("a start as a Date (a typed ISO date cell) and no periods: weekly", () => {
    const read = readIntakeHistory(history(counts(10), { start: { address: "H!A1", values: [[new Date(Date.UTC(2021, 0, 4))]] } }));
    expect(read.ok && read.history).toMatchObject({ start: START, periodsPerYear: 52 });
  });

  test.each([
    [52, 52],
    [12, 12],
    ["52", 52],
    [" Maanden ", 12],
    ["weekly", 52],
    ["wekelijks", 52],
    [13, undefined],
    ["12,0", undefined],
    [true, undefined],
  ])("periods %p → %p", (value, expected) => {
    expect(parseHistoryPeriods(value)).toBe(expected);
  });
});

describe("readIntakeHistory: what is wrong, and where (one sentence each)", () => {
  test("a blank between figures names the cell and the value's position", () => {
    const values = counts(20);
    values[5] = null as unknown as number;
    expect(problem(history(values))).toEqual({ code: "blank", input: "intakeHistory", address: "Historie!B7", position: 6 });
    expect(sentence(history(values))).toBe(
      "Historie!B7 (value 6 of the intake history) is blank; the forecast needs a count for every period: enter 0 if nothing came in, or start the history after the blank cell.",
    );
    expect(sentence(history(values), "nl")).toBe(
      "Historie!B7 (waarde 6 van de instroomhistorie) is leeg; de prognose heeft voor elke periode een aantal nodig: vul 0 in als er niets binnenkwam, of laat de historie na de lege cel beginnen.",
    );
  });

  test("a blank first cell is a blank too (the start date belongs to the first cell)", () => {
    expect(problem(history([null, ...counts(10)]))).toMatchObject({ code: "blank", address: "Historie!B2", position: 1 });
  });

  test.each([
    ["n.v.t.", "Historie!B5 (value 4 of the intake history) contains the text 'n.v.t.'; a count was expected."],
    [true, "Historie!B5 (value 4 of the intake history) contains TRUE; a count was expected."],
    [{ error: "#N/A" }, "Historie!B5 (value 4 of the intake history) contains the error value #N/A; a count was expected."],
    ["#REF!", "Historie!B5 (value 4 of the intake history) contains the error value #REF!; a count was expected."],
    [-3, "Historie!B5 (value 4 of the intake history) contains -3; a count of 0 or more was expected."],
    [Number.POSITIVE_INFINITY, "Historie!B5 (value 4 of the intake history) does not contain a finite number."],
  ])("%p", (bad, expected) => {
    const values: unknown[] = counts(10);
    values[3] = bad;
    expect(sentence(history(values))).toBe(expected);
  });

  test("Dutch names the boolean as Excel shows it", () => {
    const values: unknown[] = counts(10);
    values[3] = false;
    expect(sentence(history(values), "nl")).toBe("Historie!B5 (waarde 4 van de instroomhistorie) bevat ONWAAR; er werd een aantal verwacht.");
  });

  test("shape, merged cells, empty, too short, too long", () => {
    expect(sentence({ values: { address: "H!A1:B3", values: [[1, 2], [3, 4], [5, 6]] } })).toBe(
      "H!A1:B3 is 3 rows × 2 columns; choose one column or one row for the intake history.",
    );
    expect(sentence({ values: { ...column("H!A1:A10", counts(10)), hasMergedCells: true } }, "nl")).toBe(
      "H!A1:A10 bevat samengevoegde cellen; hef de samenvoeging op of kies een ander bereik voor de instroomhistorie.",
    );
    expect(sentence(history([null, null]))).toBe("Historie!B2:B200 is empty; give the intake history one figure per week (or month), oldest first.");
    expect(sentence(history(counts(5)))).toBe("Historie!B2:B200 has 5 values; the forecast needs at least 6 (and two years for a season).");
    expect(problem(history(counts(5201)))).toMatchObject({ code: "too-long", detail: { count: 5201, max: 5200 } });
  });

  test("the start: not a date, blank, more than one cell", () => {
    const start = (values: unknown[][]): IntakeHistoryCells => history(counts(10), { start: { address: "H!E2", values } });
    expect(sentence(start([["januari"]]), "nl")).toBe(
      "H!E2 bevat 'januari', geen datum; typ de datum van de eerste week (of maand) van de historie, bijvoorbeeld 4-1-2021.",
    );
    expect(sentence(start([[null]]))).toBe("H!E2 is empty; fill in the start of the intake history.");
    expect(sentence({ ...start([[1, 2]]), start: { address: "H!E2:F2", values: [[1, 2]] } })).toBe(
      "H!E2:F2 is 1 rows × 2 columns; choose one cell for the start of the intake history.",
    );
  });

  test("the periods: a cell, or typed in the pane (no address)", () => {
    expect(sentence(history(counts(10), { periods: { address: "H!G2", values: [[4]] } }))).toBe(
      "H!G2 contains 4; the intake history's periods per year are 52 (weekly figures) or 12 (monthly figures).",
    );
    expect(sentence(history(counts(10), { periods: 13 }), "nl")).toBe(
      "Het aantal perioden per jaar van de instroomhistorie moet 52 (weekcijfers) of 12 (maandcijfers) zijn, niet 13.",
    );
    // A blank periods cell is the default.
    expect(readIntakeHistory(history(counts(10), { periods: { address: "H!G2", values: [[null]] } })).ok).toBe(true);
  });
});

describe("readPlanInputs with a history", () => {
  const opening = { address: "Invoer!C2", values: [[1440]] };
  const raw = (extra: Partial<RawPlanInputs> = {}): RawPlanInputs => ({
    opening,
    intakeHistory: column("Historie!B2:B157", counts(156)),
    intakeHistoryStart: { address: "Historie!E2", values: [[START]] },
    ...extra,
  });

  test("without Intake: the intake is left to the plan step, over 52 weeks; the history goes with the inputs", () => {
    const read = readPlanInputs(raw());
    if (!read.ok) throw new Error(read.problem.code);
    expect(read.inputs).toMatchObject({ intake: [], intakeFromHistory: true, weeks: 52 });
    expect(read.inputs.intakeHistory).toEqual({
      values: column("Historie!B2:B157", counts(156)),
      start: { address: "Historie!E2", values: [[START]] },
    });
  });

  test("the horizon is the Weeks setting (the pane's horizon), else a capacity series' length, else 52", () => {
    const horizon = readPlanInputs(raw({ horizon: 30 }));
    expect(horizon.ok && horizon.inputs.weeks).toBe(30);
    const capacity = readPlanInputs(raw({ capacity: column("Invoer!D5:D30", Array(26).fill(30)) }));
    expect(capacity.ok && capacity.inputs.weeks).toBe(26);
  });

  test("an Intake whose cells are all blank counts as not given; a given Intake wins", () => {
    const blank = readPlanInputs(raw({ intake: column("Invoer!C5:C56", Array(52).fill(null)) }));
    expect(blank.ok && blank.inputs.intakeFromHistory).toBe(true);
    const given = readPlanInputs(raw({ intake: { address: "Invoer!C5", values: [[25]] } }));
    if (!given.ok) throw new Error(given.problem.code);
    expect(given.inputs.intake).toBe(25);
    expect(given.inputs.intakeFromHistory).toBeUndefined();
    expect(given.inputs.intakeHistory).toBeDefined();
    expect(given.inputs.weeks).toBeUndefined();
  });

  test("without Intake and without a history the intake is missing", () => {
    const read = readPlanInputs({ opening });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toEqual({ code: "empty", input: "intake" });
  });

  test("the actuals may run as long as the horizon", () => {
    const actuals = { actualIntake: column("A!B2:B13", Array(12).fill(25)), actualDecisions: column("A!C2:C13", Array(12).fill(30)) };
    expect(readPlanInputs(raw(actuals)).ok).toBe(true);
    const short = readPlanInputs(raw({ ...actuals, horizon: 10 }));
    expect(!short.ok && short.problem.code).toBe("actuals-too-long");
  });
});
