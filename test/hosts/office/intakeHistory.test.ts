/**
 * The pane's intake history fields (issue 24, item 3) against the fake Excel: a history range or
 * name, its start (typed or a cell, in the workbook's own date system) and its periods; without
 * an intake the projection is written on the forecast, from the week after the history; the
 * fields are filled from the convention names; each refusal names the field and writes nothing.
 */
import { createRng, dateSerial, drawPoisson, forecastIntake } from "../../../src/engine";
import { emptyFields, fieldsFromNames, parseField } from "../../../src/hosts/office/readInputs";
import { saveConventionNames } from "../../../src/hosts/office/runPlan";
import { emptySectionFields, SectionFields } from "../../../src/plan/options";
import { describeFieldProblem } from "../../../src/taskpane/outcomes";
import { FIELD_KEYS, FIELD_TEXT, REFERENCE_FIELDS } from "../../../src/taskpane/strings";
import { FakeWorkbook, plannerWorkbook } from "./fakeExcel";
import { expectProblem, run } from "./runHelpers";

const START = dateSerial(2021, 1, 4);
const rng = createRng(6);
const WEEKS = Array.from({ length: 156 }, (_, t) => drawPoisson(rng, 26 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 52))));

/** The planner workbook with a "Historie" sheet: a header in B1, 156 weeks from B2, the start in D1. */
function historyWorkbook(values: readonly unknown[] = WEEKS): FakeWorkbook {
  const wb = plannerWorkbook();
  const sheet = wb.addSheet("Historie");
  sheet.set("B1", "Instroom");
  sheet.column("B2", [...values] as (string | number | boolean | null)[]);
  sheet.set("D1", wb.dateSerial(2021, 1, 4));
  return wb;
}

const HISTORY = { opening: "Invoer!C2", intakeHistory: "Historie!B2:B157", intakeHistoryStart: "2021-01-04" };

test("every history field has its words in both languages; the history and its start have a 'use selection' button", () => {
  for (const key of ["intakeHistory", "intakeHistoryStart", "historyPeriods"] as const) {
    expect(FIELD_KEYS).toContain(key);
    for (const language of ["nl", "en"] as const) {
      const text = FIELD_TEXT[language][key];
      expect(text.label.length * text.hint.length * text.placeholder.length).toBeGreaterThan(0);
    }
  }
  expect(REFERENCE_FIELDS).toEqual(expect.arrayContaining(["intakeHistory", "intakeHistoryStart"]));
  expect(FIELD_TEXT.nl.intakeHistory.label).not.toBe(FIELD_TEXT.nl.history.label);
  expect(FIELD_TEXT.en.intakeHistory.label).not.toBe(FIELD_TEXT.en.history.label);
});

test("the fields are understood: a date or a cell for the start, 52/12 or a word for the periods", () => {
  expect(parseField("intakeHistoryStart", "4-1-2021")).toEqual({ kind: "date", serial: START });
  expect(parseField("intakeHistoryStart", "Historie!D1")).toEqual({ kind: "range", sheet: "Historie", range: "D1" });
  expect(parseField("historyPeriods", "maand")).toEqual({ kind: "number", value: 12 });
  expect(parseField("historyPeriods", "52")).toEqual({ kind: "number", value: 52 });
  expect(parseField("historyPeriods", "13")).toEqual({ kind: "invalid", text: "13" });
  expect(parseField("historyPeriods", "InstroomHistoriePerioden")).toEqual({ kind: "name", name: "InstroomHistoriePerioden" });
});

test("filled from the convention names, the pane's language first", () => {
  const names = ["InstroomHistorie", "IntakeHistoryStart", "InstroomHistoriePerioden", "Beginvoorraad"];
  expect(fieldsFromNames(names, true)).toEqual({
    opening: "Beginvoorraad",
    intakeHistory: "InstroomHistorie",
    intakeHistoryStart: "IntakeHistoryStart",
    historyPeriods: "InstroomHistoriePerioden",
  });
});

test("saved as names like the other inputs: the history, its start as DATE(y,m,d), the periods", async () => {
  const wb = historyWorkbook();
  const fields = { ...emptyFields(), opening: "Invoer!C2", intakeHistory: "Historie!B2:B157", intakeHistoryStart: "2021-01-04", historyPeriods: "maand" };
  const saved = await saveConventionNames(wb.context(), fields, true);
  expect(saved).toEqual({ ok: true, saved: ["Beginvoorraad", "InstroomHistorie", "InstroomHistorieStart", "InstroomHistoriePerioden"] });
  expect(wb.names).toEqual([
    { name: "Beginvoorraad", formula: "=Invoer!$C$2" },
    { name: "InstroomHistorie", formula: "=Historie!$B$2:$B$157" },
    { name: "InstroomHistorieStart", formula: "=DATE(2021,1,4)" },
    { name: "InstroomHistoriePerioden", formula: "=12" },
  ]);
  const english = historyWorkbook();
  const again = await saveConventionNames(english.context(), { ...emptyFields(), intakeHistoryStart: "Historie!D1", historyPeriods: "52" }, false);
  expect(again).toEqual({ ok: true, saved: ["IntakeHistoryStart", "IntakeHistoryPeriods"] });
});

describe("without an intake: the projection on the history's forecast", () => {
  test("52 weeks from the Monday after the history, the intake column the forecast, in three syncs", async () => {
    const wb = historyWorkbook();
    const { outcome, syncs } = await run(wb, HISTORY);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    expect(syncs).toBe(3);
    const engine = forecastIntake({ history: WEEKS, horizon: 52 });
    if (!engine.ok) throw new Error(engine.error.message);
    const sheet = wb.sheet("Projection");
    // The table (header on row 4, week 1 on row 5): its intake column reads the forecast's fixed
    // values, in their own labelled column (Y, right of the helpers), week by week.
    expect(sheet.at("D4")?.value).toBe("Intake (forecast)");
    expect(sheet.at("Y4")?.value).toBe("Intake forecast P50 (fixed)");
    for (let w = 0; w < 52; w++) {
      expect(sheet.at(`D${5 + w}`)?.formula).toBe(`=$Y$${5 + w}`);
      expect(sheet.at(`Y${5 + w}`)?.value).toBeCloseTo(engine.value.forecast[w]!, 9);
      expect(sheet.at(`Z${5 + w}`)?.value).toBeCloseTo(engine.value.lower[w]!, 9);
      expect(sheet.at(`AA${5 + w}`)?.value).toBeCloseTo(engine.value.upper[w]!, 9);
    }
    expect(sheet.at("B5")?.formula).toBe("=DATE(2024,1,1)");
    expect(sheet.at("A56")?.value).toBe(52);
    expect(outcome.summary.meanIntake).toBeCloseTo(engine.value.forecast.reduce((a, b) => a + b) / 52, 9);
    // The outcome carries the inputs as planned (the forecast as the intake, week 1 after the history) and the forecast.
    expect(outcome.inputs.intake).toEqual(outcome.intakeForecast?.weekly);
    expect(outcome.inputs.firstWeek).toBe(dateSerial(2024, 1, 1));
    expect(outcome.intakeForecast?.use).toBe("plan");
    expect(outcome.intakeForecast?.source.en).toMatch(/^Intake: forecast from the intake history \(156 weeks, 2021-01-04 to 2023-12-31, Historie!B2:B157\)/);
  });

  test("the same through names, the start a cell in a 1904 workbook, the periods typed", async () => {
    const typed = historyWorkbook();
    const plain = await run(typed, HISTORY);
    const wb = historyWorkbook();
    wb.date1904 = true;
    wb.sheet("Historie").set("D1", wb.dateSerial(2021, 1, 4));
    wb.defineName("InstroomHistorie", "=Historie!$B$2:$B$157");
    wb.defineName("InstroomHistorieStart", "=Historie!$D$1");
    const named = await run(wb, { opening: "Invoer!C2", intakeHistory: "InstroomHistorie", intakeHistoryStart: "InstroomHistorieStart", historyPeriods: "52" });
    if (!named.outcome.ok || !plain.outcome.ok) throw new Error("run failed");
    for (let w = 0; w < 52; w++) {
      const week = `Y${5 + w}`;
      expect(wb.sheet("Projection").at(week)?.value).toBe(typed.sheet("Projection").at(week)?.value);
      expect(wb.sheet("Projection").at(`D${5 + w}`)?.formula).toBe(`=$Y$${5 + w}`);
    }
    expect(named.outcome.inputs.firstWeek).toBe(plain.outcome.inputs.firstWeek);
    // The forecast's check reads the start cell as a day, whatever the date system: DATE(2021,1,4).
    const check = wb.sheet("Projection").at("AB2")?.formula ?? "";
    expect(check).toContain("SUM(Historie!$B$2:$B$157)");
    expect(check).toContain("N(Historie!$D$1)=DATE(2021,1,4)");
  });

  test("with an intake, the plan is the planner's: the history changes nothing in the projection", async () => {
    const wb = historyWorkbook();
    const { outcome } = await run(wb, { ...HISTORY, intake: "Invoer!C5:C56" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    expect(outcome.summary.meanIntake).toBe(25);
    const sheet = wb.sheet("Projection");
    // The intake column reads the planner's own cells, week by week; the forecast is beside it as a comparison.
    expect(sheet.at("D4")?.value).toBe("Intake");
    for (let w = 0; w < 52; w++) expect(sheet.at(`D${5 + w}`)?.formula).toBe(`=Invoer!$C$${5 + w}`);
    expect(outcome.inputs.intake).toEqual(new Array(52).fill(25));
    expect(outcome.intakeForecast?.use).toBe("comparison");
    expect(sheet.at("Y4")?.value).toBe("Intake forecast P50 (fixed)");
    expect(sheet.at("Y5")?.value).toBeCloseTo(outcome.intakeForecast?.weekly[0] as number, 9);
  });
});

describe("refusals: the field marked, nothing written", () => {
  const uncertainty = (levelSpread: string): SectionFields => {
    const s = emptySectionFields();
    s.uncertainty = { ...s.uncertainty, enabled: true, runs: "500", intakeLevelSpread: levelSpread };
    return s;
  };

  test("a blank inside the history names its cell and position", async () => {
    const values: unknown[] = [...WEEKS];
    values[20] = null;
    await expectProblem(
      historyWorkbook(values),
      HISTORY,
      "Historie!B22 (value 21 of the intake history) is blank; the forecast needs a count for every period: enter 0 if nothing came in, or start the history after the blank cell.",
      { field: "intakeHistory" },
    );
  });

  test("text in the history, in Dutch", async () => {
    const values: unknown[] = [...WEEKS];
    values[0] = "geen cijfer";
    await expectProblem(
      historyWorkbook(values),
      HISTORY,
      "Historie!B2 (waarde 1 van de instroomhistorie) bevat de tekst 'geen cijfer'; er werd een aantal verwacht.",
      { field: "intakeHistory", language: "nl" },
    );
  });

  test("a first week inside the history", async () => {
    await expectProblem(
      historyWorkbook(),
      { ...HISTORY, firstWeek: "2023-12-04" },
      "The first week (2023-12-04) lies inside the intake history, which runs to 2023-12-31; the forecast starts after the history. Choose a first week from 2024-01-01 on, or leave the first week empty.",
      { field: "firstWeek" },
    );
  });

  test("a start that is no date, periods that are neither 52 nor 12", async () => {
    await expectProblem(
      historyWorkbook(),
      { ...HISTORY, intakeHistoryStart: "31-02-2021" },
      "The start of the intake history contains '31-02-2021', not a date; type the date of the history's first week (or month), for example 2021-01-04.",
      { field: "intakeHistoryStart" },
    );
    await expectProblem(
      historyWorkbook(),
      { ...HISTORY, historyPeriods: "13" },
      "Het aantal perioden per jaar van de instroomhistorie moet 52 (weekcijfers) of 12 (maandcijfers) zijn, niet '13'.",
      { field: "historyPeriods", language: "nl" },
    );
  });

  test("an intake level spread with the forecast intake", async () => {
    await expectProblem(
      historyWorkbook(),
      HISTORY,
      "Intake level spread: leave this field empty. The intake comes from the intake history's forecast, and the forecast's own uncertainty takes the place of the intake level spread.",
      { field: "intakeLevelSpread", extra: { sections: uncertainty("10%") } },
    );
  });

  test("neither an intake nor a history: the intake is missing", async () => {
    await expectProblem(historyWorkbook(), { opening: "Invoer!C2" }, describeFieldProblem({ kind: "missing", field: "intake" }, "en"), { field: "intake" });
  });
});

test("with the uncertainty on, the fan is drawn around the forecast: wider than the same plan with Poisson alone", async () => {
  const s = emptySectionFields();
  s.uncertainty = { ...s.uncertainty, enabled: true, runs: "2000" };
  const fromHistory = await run(historyWorkbook(), HISTORY, { sections: s });
  const fixed = { ...s, uncertainty: { ...s.uncertainty, model: "fixed" as const } };
  const exact = await run(historyWorkbook(), HISTORY, { sections: fixed });
  if (!fromHistory.outcome.ok || !exact.outcome.ok) throw new Error("run failed");
  const width = (u: { low: number; high: number } | undefined): number => (u ? u.high - u.low : Number.NaN);
  // Fixed: the intake is the forecast exactly, so the band has no width at all.
  expect(width(exact.outcome.uncertainty)).toBe(0);
  expect(width(fromHistory.outcome.uncertainty)).toBeGreaterThan(0);
});
