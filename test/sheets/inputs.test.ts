/**
 * Reading the planner's inputs from raw cells (host-neutral), and the sentences that say what is
 * wrong and where. Pure: no Office, no ExcelJS.
 */
import { MAX_WEEKS } from "../../src/engine";
import {
  cellInRange,
  inputKeyForName,
  qualify,
  RawInput,
  RawPlanInputs,
  readPlanInputs,
  splitAddress,
} from "../../src/sheets/inputs";
import { describeProblem } from "../../src/sheets/messages";

const column = (address: string, values: unknown[]): RawInput => ({ address, values: values.map((v) => [v]) });
const weeks = (n: number, value: unknown = 25): unknown[] => Array.from({ length: n }, () => value);
const base = (): RawPlanInputs => ({
  opening: { address: "Invoer!C2", values: [[1440]] },
  intake: column("Invoer!C5:C56", weeks(52)),
});

function problemText(raw: RawPlanInputs, language: "en" | "nl" = "en"): string {
  const result = readPlanInputs(raw);
  if (result.ok) throw new Error("expected a problem");
  return describeProblem(result.problem, language);
}

describe("addresses", () => {
  it("splits, quotes and points into ranges", () => {
    expect(splitAddress("'Mijn blad'!C5:C56")).toEqual({ sheet: "Mijn blad", range: "C5:C56" });
    expect(splitAddress("'Jan''s'!A1")).toEqual({ sheet: "Jan's", range: "A1" });
    expect(splitAddress("C5")).toEqual({ sheet: undefined, range: "C5" });
    expect(qualify("Invoer", "C5")).toBe("Invoer!C5");
    expect(qualify("Mijn blad", "C5")).toBe("'Mijn blad'!C5");
    expect(qualify("AB12", "C5")).toBe("'AB12'!C5");
    expect(cellInRange("Invoer!$C$5:$C$56", 9, 0)).toBe("Invoer!C14");
    expect(cellInRange("'Mijn blad'!B2:F2", 0, 3)).toBe("'Mijn blad'!E2");
  });

  it("names the name itself when a defined name holds a constant", () => {
    expect(cellInRange("Instroom", 0, 0)).toBe("Instroom");
    expect(cellInRange("Invoer!C:C", 3, 0)).toBe("Invoer!C:C");
  });

  it("knows the convention names in both languages, ignoring case", () => {
    expect(inputKeyForName("instroom")).toBe("intake");
    expect(inputKeyForName("OPENINGBACKLOG")).toBe("opening");
    expect(inputKeyForName("EersteWeek")).toBe("firstWeek");
    expect(inputKeyForName("Voorraad")).toBeUndefined();
  });
});

describe("readPlanInputs: good inputs", () => {
  it("reads a weekly column, defaults uplift to 10% and target to 0", () => {
    const result = readPlanInputs(base());
    expect(result).toEqual({ ok: true, inputs: { opening: 1440, intake: weeks(52), uplift: 0.1, target: 0 } });
  });

  it("takes one cell as the same intake every week, and a row as well as a column", () => {
    const one = readPlanInputs({ ...base(), intake: { address: "Invoer!C5", values: [[25]] } });
    expect(one.ok && one.inputs.intake).toBe(25);
    const row = readPlanInputs({ ...base(), intake: { address: "Invoer!C5:F5", values: [[25, 26, 27, 28]] } });
    expect(row.ok && row.inputs.intake).toEqual([25, 26, 27, 28]);
  });

  it("drops trailing blanks and counts a blank between figures as 0", () => {
    const result = readPlanInputs({ ...base(), intake: column("Invoer!C5:C10", [25, null, "", 30, null, ""]) });
    expect(result.ok && result.inputs.intake).toEqual([25, 0, 0, 30]);
  });

  it("reads capacity, uplift (also negative), horizon, first week and target", () => {
    const result = readPlanInputs({
      ...base(),
      capacity: column("Invoer!D5:D56", weeks(52, 30)),
      uplift: { address: "Invoer!F3", values: [[-0.2]] },
      horizon: 26,
      firstWeek: { address: "Invoer!F2", values: [[45292.75]] },
      target: 1000,
    });
    expect(result).toEqual({
      ok: true,
      inputs: { opening: 1440, intake: weeks(52), capacity: weeks(52, 30), uplift: -0.2, weeks: 26, firstWeek: 45292, target: 1000, targetGiven: true },
    });
  });

  it("accepts a date cell as ExcelJS returns it", () => {
    const result = readPlanInputs({ ...base(), firstWeek: { address: "Invoer!F2", values: [[new Date(Date.UTC(2024, 0, 1))]] } });
    expect(result.ok && result.inputs.firstWeek).toBe(45292);
  });

  it("allows up to 10,000 weeks", () => {
    expect(readPlanInputs({ ...base(), intake: column("Invoer!C1:C10000", weeks(MAX_WEEKS)) }).ok).toBe(true);
  });
});

describe("readPlanInputs: what is wrong, and where", () => {
  it.each<[string, Partial<RawPlanInputs>, string]>([
    ["text", { intake: column("Invoer!C5:C56", [...weeks(9), "n.v.t.", ...weeks(42)]) }, "Invoer!C14 contains the text 'n.v.t.'; a number was expected."],
    ["Dutch-formatted text", { opening: { address: "Invoer!C2", values: [["1.440"]] } }, "Invoer!C2 contains the text '1.440'; a number was expected."],
    ["an error value", { intake: column("Invoer!C5:C56", [...weeks(3), { error: "#N/A" }]) }, "Invoer!C8 contains the error value #N/A; a number was expected."],
    ["an error as text", { intake: column("Invoer!C5:C56", ["#DIV/0!"]) }, "Invoer!C5 contains the error value #DIV/0!; a number was expected."],
    ["a boolean", { opening: { address: "Invoer!C2", values: [[true]] } }, "Invoer!C2 contains TRUE; a number was expected."],
    ["a negative number", { intake: column("Invoer!C5:C56", [25, -3]) }, "Invoer!C6 contains -3; a number of 0 or more was expected."],
    ["an empty opening cell", { opening: { address: "Invoer!C2", values: [[null]] } }, "Invoer!C2 is empty; fill in the opening backlog."],
    ["an empty intake", { intake: column("Invoer!C5:C8", [null, "", null, null]) }, "Invoer!C5:C8 is empty; fill in the intake."],
    ["two columns", { intake: { address: "Invoer!C5:D6", values: [[1, 2], [3, 4]] } }, "Invoer!C5:D6 is 2 rows × 2 columns; choose one column or one row for the intake."],
    ["a range for the opening", { opening: { address: "Invoer!C2:C3", values: [[1], [2]] } }, "Invoer!C2:C3 is 2 rows × 1 columns; choose one column or one row for the opening backlog."],
    ["merged cells", { intake: { ...column("Invoer!C5:C56", weeks(52)), hasMergedCells: true } }, "Invoer!C5:C56 contains merged cells; unmerge them or choose another range for the intake."],
    ["capacity of another length", { capacity: column("Invoer!D5:D30", weeks(26)) }, "Invoer!D5:D30 has 26 weeks of capacity, but the intake has 52 weeks."],
    ["an uplift below -100%", { uplift: { address: "Invoer!F3", values: [[-1.5]] } }, "Invoer!F3: the uplift must be -100% or more, not -150%."],
    ["a typed uplift below -100%", { uplift: -2 }, "The uplift must be -100% or more, not -200%."],
    ["a horizon past the intake", { horizon: 60 }, "The horizon must be a whole number of weeks from 1 to 52, not 60."],
    ["a fractional horizon", { horizon: 10.5 }, "The horizon must be a whole number of weeks from 1 to 52, not 10.5."],
    ["a first week that is text", { firstWeek: { address: "Invoer!F2", values: [["1-1-2024"]] } }, "Invoer!F2 contains '1-1-2024', not a date; type a real date (for example 2024-01-01) as the first week."],
    ["a negative target", { target: -5 }, "The target backlog contains -5; a number of 0 or more was expected."],
    ["too many weeks", { intake: column("Invoer!C1:C10001", weeks(MAX_WEEKS + 1)) }, "Invoer!C1:C10001 has 10001 weeks; at most 10000 are allowed."],
  ])("%s", (_, change, sentence) => {
    expect(problemText({ ...base(), ...change })).toBe(sentence);
  });

  it("says the same in Dutch", () => {
    expect(problemText({ ...base(), intake: column("Invoer!C5:C56", [...weeks(9), "n.v.t."]) }, "nl")).toBe(
      "Invoer!C14 bevat de tekst 'n.v.t.'; er werd een getal verwacht.",
    );
    expect(problemText({ ...base(), uplift: -2 }, "nl")).toBe("De opslag moet -100% of meer zijn, niet -200%.");
    expect(problemText({ ...base(), opening: { address: "Beginvoorraad", values: [["x"]] } }, "nl")).toBe(
      "Beginvoorraad bevat de tekst 'x'; er werd een getal verwacht.",
    );
  });

  it("checks the opening before the intake, and the intake before capacity", () => {
    const result = readPlanInputs({
      opening: { address: "Invoer!C2", values: [["a"]] },
      intake: column("Invoer!C5:C6", ["b"]),
      capacity: column("Invoer!D5:D6", ["c"]),
    });
    expect(!result.ok && result.problem.input).toBe("opening");
  });
});

describe("readPlanInputs: the actuals (monitoring)", () => {
  const withActuals = (actuals: Partial<RawPlanInputs>): RawPlanInputs => ({ ...base(), ...actuals });
  const intake = column("Werkelijk!B2:B4", [27, 22, 26]);
  const decisions = column("Werkelijk!C2:C4", [30, 31, 28]);

  test("intake and decisions from week 1; a blank inside counts as 0; the counted backlog optional", () => {
    const read = readPlanInputs(
      withActuals({ actualIntake: column("Werkelijk!B2:B4", [27, null, 26]), actualDecisions: decisions }),
    );
    expect(read).toMatchObject({ ok: true, inputs: { actuals: { intake: [27, 0, 26], decisions: [30, 31, 28] } } });
    if (read.ok) expect(read.inputs.actuals).not.toHaveProperty("backlog");
    const counted = readPlanInputs(
      withActuals({ actualIntake: intake, actualDecisions: decisions, actualBacklog: column("Werkelijk!D2:D4", [1437, 1428, 1425]) }),
    );
    expect(counted).toMatchObject({ ok: true, inputs: { actuals: { backlog: [1437, 1428, 1425] } } });
  });

  test("no actuals, or only blank ones (an Excel table's empty row): no monitoring, no problem", () => {
    const none = readPlanInputs(base());
    expect(none.ok && none.inputs.actuals === undefined).toBe(true);
    const blank = readPlanInputs(
      withActuals({ actualIntake: column("Werkelijk!B2", [null]), actualDecisions: column("Werkelijk!C2", [""]) }),
    );
    expect(blank.ok && blank.inputs.actuals === undefined).toBe(true);
  });

  test.each([
    [
      "intake without decisions",
      { actualIntake: intake },
      "Werkelijk!B2:B4 gives the actual intake, but monitoring needs both the actual intake (ActualIntake) and the actual decisions (ActualDecisions).",
    ],
    [
      "decisions of another length",
      { actualIntake: intake, actualDecisions: column("Werkelijk!C2:C3", [30, 31]) },
      "Werkelijk!C2:C3 has 2 weeks of actual decisions, but the actual intake has 3 weeks; give every figure for each known week.",
    ],
    [
      "a counted backlog of another length",
      { actualIntake: intake, actualDecisions: decisions, actualBacklog: column("Werkelijk!D2:D5", [1, 2, 3, 4]) },
      "Werkelijk!D2:D5 has 4 weeks of counted backlog, but the actual intake has 3 weeks; give every figure for each known week.",
    ],
    [
      "actuals longer than the plan",
      { actualIntake: column("Werkelijk!B2:B54", weeks(53, 20)), actualDecisions: column("Werkelijk!C2:C54", weeks(53, 20)) },
      "Werkelijk!B2:B54 has 53 weeks, more than the plan's 52 weeks.",
    ],
    [
      "text in a week",
      { actualIntake: intake, actualDecisions: column("Werkelijk!C2:C4", [30, "n.v.t.", 28]) },
      "Werkelijk!C3 contains the text 'n.v.t.'; a number was expected.",
    ],
    [
      "a negative week",
      { actualIntake: column("Werkelijk!B2:B4", [27, -1, 26]), actualDecisions: decisions },
      "Werkelijk!B3 contains -1; a number of 0 or more was expected.",
    ],
  ])("%s: one sentence naming the range or cell", (_, actuals, sentence) => {
    const read = readPlanInputs(withActuals(actuals));
    if (read.ok) throw new Error("accepted");
    expect(describeProblem(read.problem, "en")).toBe(sentence);
  });
});
