import { HyperFormula } from "hyperformula";
import { specCells, specGrid } from "../helpers/specCells";
import { comparePlanWithActuals, MonitorResult, monitorPlan, reforecast, summarizeLatestWeek } from "../../src/engine";
import { runMonitoring } from "../../src/plan/monitoring";
import { MIN_SCALE, printScale, widthsOf } from "../../src/sheets/page";
import {
  buildMonitoringSheet,
  MONITORING_DETAIL_TABLE,
  MONITORING_SHEET_NAME,
  MONITORING_TABLE,
  monitoringLayout,
} from "../../src/sheets/monitoringSheet";
import { SAMPLE_ACTUALS_2024 } from "../../src/sheets/sampleActuals";
import { Cell, excelDateSerial, isFormula, isText, parseCell, SheetSpec } from "../../src/sheets/spec";

const PLAN = { opening: 1440, plannedIntake: 25, plannedCapacity: 1600 / 52 };

function sample(runs = 1000): MonitorResult {
  const result = monitorPlan({
    ...PLAN,
    actualIntake: SAMPLE_ACTUALS_2024.intake,
    actualDecisions: SAMPLE_ACTUALS_2024.decisions,
    actualBacklog: SAMPLE_ACTUALS_2024.backlog,
    runs,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The spec on one HyperFormula sheet: a formula engine that is neither Excel nor ours. */
function evaluate(spec: SheetSpec, typed: Record<string, number> = {}): (address: string) => unknown {
  const grid = specGrid(spec);
  for (const [address, v] of Object.entries(typed)) {
    const p = parseCell(address);
    (grid[p.row] as unknown[])[p.column] = v;
  }
  const hf = HyperFormula.buildFromArray(grid, { licenseKey: "gpl-v3", smartRounding: false });
  return (address) => {
    const p = parseCell(address.replace(/\$/g, ""));
    return hf.getCellValue({ sheet: 0, row: p.row, col: p.column });
  };
}

const near = (got: unknown, want: number): void => {
  if (typeof got !== "number") throw new Error(`not a number: ${JSON.stringify(got)}`);
  expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(1e-9);
};

describe("the Voortgang / Progress sheet", () => {
  const result = sample();
  const spec = buildMonitoringSheet({ result, language: "nl", firstWeek: excelDateSerial(2024, 1, 1), createdOn: 45_306 });

  test("is named for the language and marked by its own table with one row per plan week", () => {
    expect(spec.name).toBe(MONITORING_SHEET_NAME.nl);
    expect(buildMonitoringSheet({ result, language: "en" }).name).toBe("Progress");
    expect(spec.markerTable).toBe(MONITORING_TABLE);
    const [table, details] = spec.tables;
    expect(table?.name).toBe(MONITORING_TABLE);
    expect(details?.name).toBe(MONITORING_DETAIL_TABLE);
    for (const t of [table, details]) {
      expect(t?.rows).toHaveLength(52);
      expect(t?.rows.every((row) => row.length === t.columns.length)).toBe(true);
    }
  });

  test("the printed table on the left with its header frozen and repeated; the figures behind it right of the print area", () => {
    const [table, details] = spec.tables;
    expect(table?.at).toBe("A4");
    expect(table?.columns.map((c) => c.header)).toEqual([
      "Week",
      "Beginweek",
      "Instroom gepland",
      "Instroom gerealiseerd",
      "Afdoeningen gepland",
      "Afdoeningen gerealiseerd",
      "Voorraad geteld",
      "Voorraad gepland",
      "Voorraad gerealiseerd",
      "Verschil",
      "Status",
    ]);
    expect(details?.at).toBe("R4");
    expect(details?.columns.map((c) => c.header)).toContain("Percentielrang (vast)");
    expect(spec.freeze).toEqual({ rows: 4, columns: 0 });
    expect(spec.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: { first: 4, last: 4 } });
    expect(spec.print?.area).toMatch(/^A1:P\d+$/);
    expect(printScale(widthsOf(spec.columnWidths ?? {}, 0, 15))).toBeGreaterThanOrEqual(MIN_SCALE);
  });

  test("the sample's invented actuals are flagged in the title and the charts' titles; a planner's own are not", () => {
    const flagged = buildMonitoringSheet({ result, language: "nl", sample: true });
    const title = (s: typeof spec): string => (s.blocks[0]?.cells[0]?.[0] as { text: string }).text;
    expect(title(flagged)).toBe("Voortgang: plan tegen werkelijkheid, opvolgende asielaanvragen (verzonnen voorbeeldcijfers, geen IND-cijfers)");
    expect(flagged.print?.title).toBe(title(flagged));
    expect(flagged.charts.map((c) => c.title)).toEqual([
      "Voorraad: plan, band P10–P90, gerealiseerd en herprognose (voorbeeldcijfers)",
      "Instroom en afdoeningen per week (voorbeeldcijfers)",
    ]);
    expect(title(spec)).toBe("Voortgang: plan tegen werkelijkheid, opvolgende asielaanvragen");
    expect(spec.charts.map((c) => c.title).join(" ")).not.toMatch(/voorbeeld/);
    expect(title(buildMonitoringSheet({ result, language: "en", sample: true }))).toMatch(/\(invented sample figures, not IND data\)$/);
  });

  test("native formulas only: no custom function, nothing LibreOffice lacks", () => {
    const allowed = new Set(["IF", "SUM", "SUMIFS", "MAX", "MIN", "INDEX", "ROUND", "ABS", "INT", "RIGHT", "MOD", "OR", "NA", "N", "ISNA"]);
    for (const cell of specCells(spec).values()) {
      if (!isFormula(cell)) continue;
      expect(cell.formula).not.toMatch(/IND\./);
      const unquoted = cell.formula.replace(/"[^"]*"/g, '""');
      for (const [, name] of unquoted.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(allowed).toContain(name);
    }
  });

  test("states that the band and the rank are fixed, with the Monte Carlo's assumptions", () => {
    const notes = spec.blocks.flatMap((b) => b.cells.flat()).filter(isText).map((t) => t.text);
    const text = notes.join(" ");
    expect(text).toContain("Vaste waarden: P10, P90 en de percentielrang komen uit de Monte Carlo van het plan");
    expect(text).toContain("1000 simulaties; startgetal 2024");
  });

  test("the chart: plan line, P10–P90 band as stacked areas, actual backlog as markers, the re-forecast dashed, the axis scaled", () => {
    const chart = spec.charts[0];
    const layout = monitoringLayout(52);
    expect(chart?.kind).toBe("band");
    expect(chart?.series.map((s) => s.values)).toEqual([
      layout.column("p10"),
      layout.column("bandWidth"),
      layout.column("plannedBacklog"),
      layout.column("chartActual"),
      layout.column("chartReforecast"),
      // Issue 23: the re-forecast at the current pace too.
      layout.column("chartPace"),
    ]);
    expect(chart?.series.map((s) => s.markersOnly === true)).toEqual([false, false, false, true, false, false]);
    expect(chart?.series.map((s) => s.dashed === true)).toEqual([false, false, false, false, true, true]);
    // The plan runs from 1440 to 1140 and the band a little around it: not from 0.
    expect(chart?.yAxisMin).toBe(1000);
    // The chart helpers show #N/A (charts skip it, where they draw "" as 0): greyed, outside the print area.
    expect(spec.conditionalFormats?.filter((f) => f.style === "muted")).toHaveLength(2);
    const flows = spec.charts[1];
    expect(flows?.series.map((s) => s.color)).toEqual(["C00000", "C00000", "1F4E79", "1F4E79"]);
    expect(flows?.series.map((s) => s.values)).toEqual([
      layout.column("plannedIntake"),
      layout.column("actualIntake"),
      layout.column("plannedDecisions"),
      layout.column("actualDecisions"),
    ]);
  });

  test("the status in colour: behind red, ahead blue, within green, on the column and the latest week; the word stays", () => {
    const layout = monitoringLayout(52);
    const status = spec.conditionalFormats?.filter((f) => f.style !== "muted") ?? [];
    expect(status.map((f) => [f.range, f.formula, f.style])).toEqual([
      [layout.column("status"), `=${layout.cell("status", 1)}="boven P90"`, "warning"],
      ["N15", '=$N$15="boven P90"', "warning"],
      [layout.column("status"), `=${layout.cell("status", 1)}="onder P10"`, "ahead"],
      ["N15", '=$N$15="onder P10"', "ahead"],
      [layout.column("status"), `=${layout.cell("status", 1)}="binnen band"`, "good"],
      ["N15", '=$N$15="binnen band"', "good"],
    ]);
    expect(layout.summary.status).toBe("$N$15");
    // Every status the sheet computes is one of the coloured words, so each known week has its colour.
    const value = evaluate(spec);
    const words = result.weeks.map((w) => value(layout.cell("status", w.week)));
    expect(words.every((w) => ["boven P90", "onder P10", "binnen band"].includes(w as string))).toBe(true);
    expect(value(layout.summary.status)).toBe("boven P90");
    const english = buildMonitoringSheet({ result, language: "en" });
    expect(english.conditionalFormats?.map((f) => f.formula)).toContain(`=${layout.cell("status", 1)}="above P90"`);
  });

  test("HyperFormula computes the engine's columns, re-forecast and sentence", () => {
    const value = evaluate(spec);
    const layout = monitoringLayout(52);
    for (const week of result.weeks) {
      near(value(layout.cell("actualBacklog", week.week)), week.actualBacklog);
      near(value(layout.cell("difference", week.week)), week.difference);
      near(value(layout.cell("intakeAbove", week.week)), week.intakeAbovePlan);
      near(value(layout.cell("decisionsBelow", week.week)), week.decisionsBelowPlan);
      near(value(layout.cell("unexplained", week.week)), week.unexplained);
    }
    near(value(layout.summary.endBacklog), result.reforecast.endBacklog);
    near(value(layout.summary.required), result.reforecast.requiredCapacity as number);
    near(value(layout.summary.wait), result.reforecast.waitWeeks as number);
    // The sentence on two lines (A2, A3), together the engine's.
    expect(`${String(value(layout.summary.sentence))} ${String(value(layout.summary.outlook))}`).toBe(summarizeLatestWeek(result).nl);
    expect(value(layout.summary.sentence)).toMatch(/\(percentielrang \d+\): achter op plan\.$/);
    expect(value(layout.summary.outlook)).toBe("Herprognose aan het einde: 1247 bij geplande capaciteit, 1333 in het huidige tempo.");
    for (const week of result.weeks) near(value(layout.cell("chartActual", week.week)), week.actualBacklog);
    near(value(layout.cell("chartReforecast", 12)), result.weeks[11]?.actualBacklog as number);
    near(value(layout.cell("chartReforecast", 52)), result.reforecast.endBacklog);
  });

  test("typing week 13 moves the latest week and the re-forecast", () => {
    const layout = monitoringLayout(52);
    const value = evaluate(spec, { [layout.cell("actualIntake", 13)]: 30, [layout.cell("actualDecisions", 13)]: 25 });
    const flows = comparePlanWithActuals({
      ...PLAN,
      actualIntake: [...SAMPLE_ACTUALS_2024.intake, 30],
      actualDecisions: [...SAMPLE_ACTUALS_2024.decisions, 25],
    });
    if (!flows.ok) throw new Error(flows.error.message);
    expect(value(layout.summary.lastWeek)).toBe(13);
    near(value(layout.summary.actual), flows.value.weeks[12]?.actualBacklog as number);
    near(value(layout.summary.endBacklog), reforecast(flows.value).endBacklog);
    expect(value(layout.summary.rank)).toBe(""); // no rank for a week typed in after the run
  });
});

describe("runMonitoring: the plan is the run's own projection", () => {
  test("the planning rule's capacity when the inputs give none", () => {
    const monitored = runMonitoring(
      { opening: 1440, intake: 25, uplift: 0.1, target: 0 },
      { intake: [27], decisions: [26] },
      { runs: 200 },
    );
    if (!monitored.ok) throw new Error(monitored.error.message);
    expect(monitored.value.weeks[0]?.plannedCapacity).toBeCloseTo(27.5, 12);
    expect(monitored.value.weeks[0]?.plannedBacklog).toBeCloseTo(1437.5, 12);
  });

  test("a bad actual range is an error naming it, and nothing is built", () => {
    const monitored = runMonitoring({ opening: 1440, intake: 25, uplift: 0.1, target: 0 }, { intake: [27, 1], decisions: [26] });
    expect(monitored.ok).toBe(false);
    if (!monitored.ok) expect(monitored.error.argument).toBe("actual_decisions");
  });
});
