/**
 * The plan's intake from the intake history (issue 24, items 3–5): the forecast over the plan's
 * weeks (weekly, and monthly spread over weeks by calendar days), where week 1 lies, what is
 * refused, the planning rule's capacity, the band with the forecast's uncertainty, and Voortgang's
 * planned path following the season. Expected figures come from the engine directly.
 */
import {
  createRng,
  dateSerial,
  drawPoisson,
  forecastIntake,
  projectBacklog,
  simulateBacklog,
  spreadMonthsOverWeeks,
} from "../../src/engine";
import { normalQuantile, uniformOpen32 } from "../../src/engine/random";
import { describeForecastSource, FORECAST_BAND_TEXT } from "../../src/plan/forecastText";
import { forecastMonitoring, forecastSimulation, planIntakeForecast, PlanIntakeForecast } from "../../src/plan/intakeForecast";
import type { OptionProblem, UncertaintyPlan } from "../../src/plan/options";
import { planSheets } from "../../src/plan/planSheets";
import { describeOptionProblem } from "../../src/taskpane/outcomes";
import { PlanInputs, RawInput } from "../../src/sheets/inputs";
import { runMonitoring } from "../../src/plan/monitoring";

const column = (address: string, values: readonly number[]): RawInput => ({ address, values: values.map((v) => [v]) });
const START = dateSerial(2021, 1, 4); // a Monday
const JAN_1_2024 = dateSerial(2024, 1, 1);

/** Three years of weeks with a strong season (peak in the autumn), a level that wanders, and Poisson noise. */
function seasonalWeeks(): number[] {
  const rng = createRng(8);
  let level = 30;
  return Array.from({ length: 156 }, (_, t) => {
    level *= Math.exp(0.03 * normalQuantile(uniformOpen32(rng)));
    return drawPoisson(rng, level * (1 + 0.4 * Math.sin((2 * Math.PI * (t - 26)) / 52)));
  });
}
const WEEKS = seasonalWeeks();

/** The plan's inputs as readPlanInputs gives them for a workbook with a history and no Intake. */
function fromHistory(extra: Partial<PlanInputs> = {}, values: readonly number[] = WEEKS, start: number | null = START): PlanInputs {
  return {
    opening: 1440,
    intake: [],
    intakeFromHistory: true,
    weeks: 52,
    uplift: 0.1,
    target: 0,
    intakeHistory: { values: column("Historie!B2:B157", values), ...(start !== null && { start }) },
    ...extra,
  };
}

function planned(inputs: PlanInputs, settings = {}): { inputs: PlanInputs; forecast: PlanIntakeForecast } {
  const result = planIntakeForecast(inputs, settings);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  if (!result.forecast) throw new Error("no forecast");
  return { inputs: result.inputs, forecast: result.forecast };
}

function refused(inputs: PlanInputs, settings = {}): OptionProblem {
  const result = planIntakeForecast(inputs, settings);
  if (result.ok || result.problem.kind !== "option") throw new Error("expected an option problem");
  return result.problem.problem;
}

describe("a weekly history", () => {
  test("without FirstWeek the plan starts right after the history, and its intake is the forecast", () => {
    const { inputs, forecast } = planned(fromHistory());
    const engine = forecastIntake({ history: WEEKS, horizon: 52, periodsPerYear: 52 });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(inputs.intake).toEqual(engine.value.forecast);
    expect(inputs.firstWeek).toBe(START + 7 * 156); // 2024-01-01
    expect(inputs.firstWeek).toBe(JAN_1_2024);
    expect(forecast).toMatchObject({ use: "plan", gap: 0, confidence: 0.8, firstWeek: JAN_1_2024 });
    expect(forecast.lower).toEqual(engine.value.lower);
    expect(forecast.upper).toEqual(engine.value.upper);
    expect(forecast.paths).toEqual({ model: forecast.model, skip: 0 });
    expect(forecast.history.dates?.slice(0, 2)).toEqual([START, START + 7]);
    expect(forecast.history.lastDay).toBe(JAN_1_2024 - 1);
  });

  test("the forecast follows the season: the autumn above the spring", () => {
    const { forecast } = planned(fromHistory());
    const spring = forecast.weekly.slice(10, 20).reduce((a, b) => a + b) / 10;
    const autumn = forecast.weekly.slice(36, 46).reduce((a, b) => a + b) / 10;
    expect(autumn).toBeGreaterThan(1.5 * spring);
  });

  test("a FirstWeek later than the history: the weeks between are skipped, so week 1 is that many weeks ahead", () => {
    const later = JAN_1_2024 + 7 * 10;
    const { inputs, forecast } = planned(fromHistory({ firstWeek: later }));
    const engine = forecastIntake({ history: WEEKS, horizon: 62, periodsPerYear: 52 });
    if (!engine.ok) throw new Error(engine.error.message);
    expect(inputs.intake).toEqual(engine.value.forecast.slice(10));
    expect(inputs.firstWeek).toBe(later);
    expect(forecast).toMatchObject({ gap: 10, paths: { skip: 10 } });
  });

  test("a FirstWeek inside the history is refused with a sentence naming both dates", () => {
    const problem = refused(fromHistory({ firstWeek: dateSerial(2023, 6, 5) }));
    expect(problem).toMatchObject({ kind: "intake-history", field: "firstWeek" });
    expect(describeOptionProblem(problem, "en")).toBe(
      "The first week (2023-06-05) lies inside the intake history, which runs to 2023-12-31; the forecast starts after the history. Choose a first week from 2024-01-01 on, or leave the first week empty.",
    );
    expect(describeOptionProblem(problem, "nl")).toBe(
      "De eerste week (2023-06-05) valt binnen de instroomhistorie, die loopt tot en met 2023-12-31; de prognose begint na de historie. Kies een eerste week vanaf 2024-01-01, of laat de eerste week leeg.",
    );
  });

  test("a FirstWeek more than a year after the history is refused (a monthly history read as weekly shows so)", () => {
    const problem = refused(fromHistory({ firstWeek: JAN_1_2024 + 7 * 60 }));
    expect(describeOptionProblem(problem, "en")).toMatch(
      /^The first week \(2025-02-24\) is 60 weeks after the end of the intake history \(2023-12-31\); the forecast may start at most a year after the history\. If the history holds monthly figures, give 12 periods per year \(IntakeHistoryPeriods\)\.$/,
    );
  });

  test("without a start date: no dates, the plan starts right after the history, FirstWeek only labels the weeks", () => {
    const { inputs, forecast } = planned(fromHistory({}, WEEKS, null));
    expect(inputs.firstWeek).toBeUndefined();
    expect(forecast.history.dates).toBeUndefined();
    const labelled = planned(fromHistory({ firstWeek: dateSerial(2022, 1, 3) }, WEEKS, null));
    expect(labelled.inputs.intake).toEqual(inputs.intake);
  });

  test("a bad history cell is refused naming it, before anything is computed", () => {
    const values: number[] = [...WEEKS];
    (values as unknown[])[9] = "n.v.t.";
    const problem = refused(fromHistory({}, values));
    expect(problem).toMatchObject({ kind: "intake-history", field: "intakeHistory" });
    expect(describeOptionProblem(problem, "en")).toBe(
      "Historie!B11 (value 10 of the intake history) contains the text 'n.v.t.'; a count was expected.",
    );
  });
});

describe("a monthly history", () => {
  // 2020-01 … 2023-12: four years of months with a season.
  const rng = createRng(2);
  const MONTHS = Array.from({ length: 48 }, (_, t) => drawPoisson(rng, 130 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12))));
  const monthly = (extra: Partial<PlanInputs> = {}, start: number | null = dateSerial(2020, 1, 1)): PlanInputs =>
    fromHistory(extra, MONTHS, start);

  test("is spread over ISO weeks by calendar days; week 1 is the first Monday after the history", () => {
    const { inputs, forecast } = planned(monthly(), { periodsPerYear: 12 });
    expect(inputs.firstWeek).toBe(JAN_1_2024); // 2024-01-01 is a Monday
    const engine = forecastIntake({ history: MONTHS, horizon: 12, periodsPerYear: 12 });
    if (!engine.ok) throw new Error(engine.error.message);
    const spread = spreadMonthsOverWeeks({ monthly: engine.value.forecast, firstMonth: { year: 2024, month: 1 }, firstWeek: JAN_1_2024, weeks: 52 });
    if (!spread.ok) throw new Error(spread.error.message);
    expect(inputs.intake).toEqual(spread.value);
    // January's figure over its 31 days: the first week takes 7 of them.
    expect((inputs.intake as number[])[0]).toBeCloseTo((engine.value.forecast[0]! * 7) / 31, 9);
    expect(forecast.paths).toEqual({ model: forecast.model, firstMonth: { year: 2024, month: 1 }, firstWeek: JAN_1_2024 });
    expect(forecast.history.dates?.slice(0, 3)).toEqual([dateSerial(2020, 1, 1), dateSerial(2020, 2, 1), dateSerial(2020, 3, 1)]);
  });

  test("the periods may come with the inputs (a cell or the pane), a setting wins", () => {
    const withCell = fromHistory({}, MONTHS, dateSerial(2020, 1, 1));
    withCell.intakeHistory = { ...withCell.intakeHistory!, periods: { address: "H!G1", values: [["maand"]] } };
    expect(planned(withCell).forecast.history.periodsPerYear).toBe(12);
    expect(planned(withCell, { periodsPerYear: 52 }).forecast.history.periodsPerYear).toBe(52);
  });

  test("week 1 is the first Monday on or after the first day after the history", () => {
    // 48 months from 2020-02: the forecast starts 2024-02-01, a Thursday; week 1 is Monday 2024-02-05.
    expect(planned(fromHistory({}, MONTHS, dateSerial(2020, 2, 1)), { periodsPerYear: 12 }).inputs.firstWeek).toBe(dateSerial(2024, 2, 5));
    // 40 months from 2020-01: the forecast starts 2023-05-01, itself a Monday.
    expect(planned(fromHistory({}, MONTHS.slice(0, 40), dateSerial(2020, 1, 1)), { periodsPerYear: 12 }).inputs.firstWeek).toBe(dateSerial(2023, 5, 1));
    // A start date in the middle of a month counts for its month.
    expect(planned(fromHistory({}, MONTHS, dateSerial(2020, 1, 17)), { periodsPerYear: 12 }).inputs.firstWeek).toBe(JAN_1_2024);
  });

  test("needs its start date; a first week in its last month is inside it", () => {
    expect(describeOptionProblem(refused(monthly({}, null), { periodsPerYear: 12 }), "en")).toBe(
      "An intake history in months needs its start date to be spread over the weeks: give the date of its first month (IntakeHistoryStart).",
    );
    const inside = refused(monthly({ firstWeek: dateSerial(2023, 12, 25) }), { periodsPerYear: 12 });
    expect(describeOptionProblem(inside, "nl")).toMatch(/^De eerste week \(2023-12-25\) valt binnen de instroomhistorie, die loopt tot en met 2023-12-31;/);
  });
});

describe("the planning rule and the comparison", () => {
  test("the rule's steady capacity is (1 + uplift) × the mean forecast intake over the horizon", async () => {
    const { forecast } = planned(fromHistory());
    const plan = await planSheets(fromHistory(), { language: "nl", createdOn: JAN_1_2024, sheets: ["projection"] });
    if (!plan.ok) throw new Error(plan.problem.kind);
    const mean = forecast.weekly.reduce((a, b) => a + b) / 52;
    expect(forecast.meanWeekly).toBeCloseTo(mean, 9);
    expect(plan.summary.meanIntake).toBeCloseTo(mean, 9);
    expect(plan.projection.rows.every((row) => Math.abs(row.capacity - 1.1 * mean) < 1e-9)).toBe(true);
    const engine = projectBacklog({ opening: 1440, intake: forecast.weekly, uplift: 0.1 });
    expect(engine.ok && plan.projection.closingBacklog).toBeCloseTo(engine.ok ? engine.value.closingBacklog : Number.NaN, 9);
    expect(plan.intakeForecast).toEqual(forecast);
    expect(plan.inputs.intake).toEqual(forecast.weekly);
  });

  test("with the planner's own Intake the plan is theirs and the forecast is a comparison over the same weeks", async () => {
    const inputs: PlanInputs = { ...fromHistory(), intake: 25, firstWeek: JAN_1_2024 };
    delete inputs.intakeFromHistory;
    delete inputs.weeks;
    const result = planIntakeForecast(inputs);
    if (!result.ok || !result.forecast) throw new Error("expected a forecast");
    expect(result.inputs).toBe(inputs);
    expect(result.forecast.use).toBe("comparison");
    expect(result.forecast.weekly).toHaveLength(52);
    const plan = await planSheets(inputs, { language: "en", createdOn: JAN_1_2024, sheets: ["projection"] });
    if (!plan.ok) throw new Error(plan.problem.kind);
    expect(plan.summary.meanIntake).toBe(25);
    expect(plan.intakeForecast?.use).toBe("comparison");
  });

  test("the sentence saying where the intake came from, in both languages", () => {
    const { forecast } = planned(fromHistory());
    const nl = describeForecastSource(forecast, "nl");
    const en = describeForecastSource(forecast, "en");
    expect(forecast.source).toEqual({ nl, en });
    expect(nl).toMatch(/^Instroom: prognose uit de instroomhistorie \(156 weken, 2021-01-04 t\/m 2023-12-31, Historie!B2:B157\): .+ \(ETS\(A,[NA]d?,N\).*\), seizoen van 52 weken \(\d+% van het gemeten patroon behouden\); interval 80% \(P10–P90\); gemiddeld \d+(,\d)? per week\.$/);
    expect(en).toMatch(/^Intake: forecast from the intake history \(156 weeks, 2021-01-04 to 2023-12-31, Historie!B2:B157\): .+, a season of 52 weeks \(\d+% of the measured pattern kept\); 80% interval \(P10–P90\); \d+(\.\d)? a week on average\.$/);
    const short = planned(fromHistory({}, WEEKS.slice(0, 60)));
    expect(short.forecast.source.en).toContain("no season (less than two years of history)");
  });
});

describe("the band includes the forecast's error (item 4)", () => {
  const uncertainty: UncertaintyPlan = { model: "poisson", dispersion: 1, history: "", capacitySpread: 0, runs: 3000, seed: 5 };

  test("the runs draw their intake around the forecast: the band is the engine's with intakeForecast, wider than Poisson alone", async () => {
    const plan = await planSheets(fromHistory(), { language: "en", createdOn: JAN_1_2024, sheets: ["projection"], sections: { uncertainty } });
    if (!plan.ok) throw new Error(JSON.stringify(plan.problem));
    const forecast = plan.intakeForecast as PlanIntakeForecast;
    const options = { opening: 1440, intake: forecast.weekly, uplift: 0.1, weeks: 52, runs: 3000, target: plan.projection.closingBacklog, capacitySpread: 0, intakeLevelSpread: 0 };
    const withPaths = simulateBacklog(createRng(5), { ...options, intakeForecast: forecast.paths });
    const poisson = simulateBacklog(createRng(5), options);
    if (!withPaths.ok || !poisson.ok) throw new Error("simulation");
    expect(plan.uncertainty).toMatchObject({ low: withPaths.value.bands[0]![51], median: withPaths.value.bands[1]![51], high: withPaths.value.bands[2]![51] });
    const width = (r: typeof poisson.value): number => r.bands[2]![51]! - r.bands[0]![51]!;
    // Measured: 432 against 81 (P90 − P10 of the backlog at week 52); the test asks for 2×.
    expect(width(withPaths.value)).toBeGreaterThan(2 * width(poisson.value));
  });

  test("an intake level spread with a forecast intake is refused; so are the overdispersed and history models; Fixed keeps the forecast exactly", () => {
    const { forecast } = planned(fromHistory());
    const spread = forecastSimulation(forecast, { ...uncertainty, intakeLevelSpread: 0.1 });
    expect(spread).toEqual({ ok: false, problem: { kind: "forecast-level-spread", field: "intakeLevelSpread" } });
    if (!spread.ok) {
      expect(describeOptionProblem(spread.problem, "en")).toBe(
        "Intake level spread: leave this field empty. The intake comes from the intake history's forecast, and the forecast's own uncertainty takes the place of the intake level spread.",
      );
    }
    const model = forecastSimulation(forecast, { ...uncertainty, model: "overdispersed" });
    if (model.ok) throw new Error("expected a refusal");
    expect(describeOptionProblem(model.problem, "nl")).toBe(
      "Instroommodel: Overdispersie (negatief binomiaal) kan niet samen met een instroom uit de prognose van de instroomhistorie, die zijn eigen onzekerheid meebrengt; kies Poisson (of Vast).",
    );
    expect(forecastSimulation(forecast, { ...uncertainty, model: "history" }).ok).toBe(false);
    expect(forecastSimulation(forecast, { ...uncertainty, model: "fixed" })).toEqual({ ok: true });
    expect(forecastSimulation(forecast, { ...uncertainty, intakeLevelSpread: 0 })).toEqual({ ok: true, intakeForecast: forecast.paths });
    // A comparison forecast changes nothing in the simulation.
    expect(forecastSimulation({ ...forecast, use: "comparison" }, { ...uncertainty, intakeLevelSpread: 0.1 })).toEqual({ ok: true });
  });

  test("the plan step refuses the level spread before anything is placed", async () => {
    const plan = await planSheets(fromHistory(), {
      language: "en",
      createdOn: JAN_1_2024,
      sheets: ["projection"],
      sections: { uncertainty: { ...uncertainty, intakeLevelSpread: 0.1 } },
    });
    expect(plan).toEqual({ ok: false, problem: { kind: "option", problem: { kind: "forecast-level-spread", field: "intakeLevelSpread" } } });
  });

  test("the projection sheet's uncertainty section says so: the band's words replace Poisson's, and a comparison keeps Poisson's", async () => {
    // The panel wraps a sentence over cells at its spaces: joined, the sheet's words.
    const texts = async (inputs: PlanInputs): Promise<string> => {
      const plan = await planSheets(inputs, { language: "nl", createdOn: JAN_1_2024, sheets: ["projection"], sections: { uncertainty } });
      if (!plan.ok) throw new Error(JSON.stringify(plan.problem));
      return (plan.sheets[0]?.spec.blocks ?? [])
        .flatMap((b) => b.cells.flat())
        .flatMap((c) => (c !== null && typeof c === "object" && "text" in c ? [c.text] : []))
        .join(" ");
    };
    const words = FORECAST_BAND_TEXT.nl;
    const planned = await texts(fromHistory());
    expect(planned).toContain(`Aannames: ${words.intake}; ${words.level}; `);
    expect(planned).toContain(words.band);
    const compared = await texts({ ...fromHistory(), intake: new Array(52).fill(25), intakeFromHistory: false } as PlanInputs);
    expect(compared).toContain("Aannames: instroom Poisson rond de geplande instroom per week; instroomniveau vast;");
    expect(compared).not.toContain(words.band);
  });

  test("the band's words: an intake phrase, a level phrase and a sentence, in both languages", () => {
    for (const language of ["nl", "en"] as const) {
      const text = FORECAST_BAND_TEXT[language];
      expect(text.intake).toMatch(language === "nl" ? /prognose/ : /forecast/);
      expect(text.level).toMatch(language === "nl" ? /instroomniveau/ : /intake level/);
      expect(text.band).toMatch(language === "nl" ? /^De band bevat ook de onzekerheid van de instroomprognose/ : /^The band includes the intake forecast's uncertainty/);
    }
  });
});

describe("Voortgang follows the season (item 5)", () => {
  test("a seasonal peak that the forecast expected reads as on plan; against a flat plan it reads as behind", async () => {
    // The plan starts in the autumn peak (week 40 of the season): 2024-09-30.
    const firstWeek = JAN_1_2024 + 7 * 39;
    const { inputs, forecast } = planned(fromHistory({ firstWeek }));
    expect(forecast.gap).toBe(39);
    // Twelve weeks of actuals exactly as the forecast expected, decisions as planned.
    const plan = projectBacklog({ opening: 1440, intake: forecast.weekly, uplift: 0.1 });
    if (!plan.ok) throw new Error("plan");
    const actuals = { intake: forecast.weekly.slice(0, 12).map(Math.round), decisions: plan.value.rows.slice(0, 12).map((r) => Math.round(r.decisions)) };
    const seasonal = runMonitoring({ ...inputs, actuals }, actuals);
    const mean = WEEKS.slice(-52).reduce((a, b) => a + b) / 52;
    const flatInputs: PlanInputs = { opening: 1440, intake: mean, uplift: 0.1, target: 0, weeks: 52, firstWeek, actuals };
    const flat = runMonitoring(flatInputs, actuals);
    if (!seasonal.ok || !flat.ok) throw new Error("monitoring");
    expect(seasonal.value.weeks[11]!.plannedIntake).toBeCloseTo(forecast.weekly[11]!, 9);
    expect(seasonal.value.status.slice(-4)).toEqual(["within", "within", "within", "within"]);
    expect(flat.value.status[11]).toBe("above");
  });

  test("what Voortgang's band simulates with: the forecast's paths, only when the forecast is the plan's intake", () => {
    const { forecast } = planned(fromHistory());
    expect(forecastMonitoring(forecast)).toEqual({ intakeForecast: forecast.paths });
    expect(forecastMonitoring({ ...forecast, use: "comparison" })).toEqual({});
    expect(forecastMonitoring(undefined)).toEqual({});
  });
});

test("without a history the inputs come back unchanged", () => {
  const inputs: PlanInputs = { opening: 1440, intake: 25, uplift: 0.1, target: 0 };
  expect(planIntakeForecast(inputs)).toEqual({ ok: true, inputs });
});
