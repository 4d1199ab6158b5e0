/**
 * Checks of the monitoring sheet as LibreOffice recalculated it (its CSV export) against the
 * engine, to 1e-9: shared by the builder's LibreOffice test and the CLI's.
 */
import { bandStatus, MonitoringWeek, MonitorResult, Reforecast } from "../../src/engine/monitoring";
import { monitoringLayout } from "../../src/sheets/monitoringSheet";
import { csvCell } from "./libreoffice";

export const plain = (address: string): string => address.replace(/\$/g, "");

export function expectNumber(rows: string[][], address: string, want: number, what: string): void {
  const shown = csvCell(rows, plain(address));
  // LibreOffice's CSV keeps the % of a percent format; the rank has 4 digits (10,000 runs).
  const got = shown.endsWith("%") ? Number(shown.slice(0, -1)) / 100 : Number(shown);
  if (!(Math.abs(got - want) <= 1e-9)) {
    throw new Error(`${what} (${address}): LibreOffice ${csvCell(rows, plain(address))}, engine ${want}`);
  }
}

/** The six columns, the band width and the status of every known week, and blanks after. */
export function checkWeeks(rows: string[][], weeks: MonitoringWeek[], result: MonitorResult, language: "nl" | "en"): void {
  const layout = monitoringLayout(result.plan.rows.length);
  const statusWords = {
    nl: { within: "binnen band", above: "boven P90", below: "onder P10" },
    en: { within: "within band", above: "above P90", below: "below P10" },
  }[language];
  for (const week of weeks) {
    const w = week.week;
    expectNumber(rows, layout.cell("plannedBacklog", w), week.plannedBacklog, `week ${w} planned`);
    expectNumber(rows, layout.cell("actualBacklog", w), week.actualBacklog, `week ${w} actual`);
    expectNumber(rows, layout.cell("difference", w), week.difference, `week ${w} difference`);
    expectNumber(rows, layout.cell("intakeAbove", w), week.intakeAbovePlan, `week ${w} intake above plan`);
    expectNumber(rows, layout.cell("decisionsBelow", w), week.decisionsBelowPlan, `week ${w} decisions below plan`);
    expectNumber(rows, layout.cell("unexplained", w), week.unexplained, `week ${w} unexplained`);
    const p10 = result.p10[w - 1] as number;
    const p90 = result.p90[w - 1] as number;
    expectNumber(rows, layout.cell("bandWidth", w), p90 - p10, `week ${w} band width`);
    expect(csvCell(rows, layout.cell("status", w))).toBe(statusWords[bandStatus(week.actualBacklog, p10, p90)]);
    expectNumber(rows, layout.cell("chartActual", w), week.actualBacklog, `week ${w} chart`);
  }
  const next = weeks.length + 1;
  if (next <= result.plan.rows.length) {
    expect(csvCell(rows, layout.cell("actualBacklog", next))).toBe("");
    expect(csvCell(rows, layout.cell("status", next))).toBe("");
    expect(csvCell(rows, layout.cell("chartActual", next))).toBe("#N/A");
  }
}

/** The re-forecast block and column against `reforecast()`. */
export function checkReforecast(rows: string[][], expected: Reforecast, weeks: number): void {
  const layout = monitoringLayout(weeks);
  const s = layout.summary;
  expectNumber(rows, s.lastWeek, expected.fromWeek, "latest week");
  expectNumber(rows, s.meanIntake, expected.meanIntake, "mean intake");
  expectNumber(rows, s.meanDecisions, expected.meanDecisions, "mean decisions");
  expectNumber(rows, s.remaining, expected.remainingWeeks, "remaining weeks");
  expectNumber(rows, s.endBacklog, expected.endBacklog, "re-forecast end");
  expectNumber(rows, s.planEnd, expected.planEndBacklog, "plan end");
  expectNumber(rows, s.required, expected.requiredCapacity as number, "required capacity");
  expectNumber(rows, s.wait, expected.waitWeeks as number, "expected wait");
  expected.backlog.forEach((backlog, i) => {
    const week = expected.fromWeek + 1 + i;
    expectNumber(rows, layout.cell("reforecast", week), backlog, `re-forecast week ${week}`);
  });
  // Beside it, the re-forecast at the current pace (issue 23), and the capacity still needed in fte.
  expectNumber(rows, s.endBacklogPace, expected.atPace.endBacklog, "re-forecast end at the current pace");
  expected.atPace.backlog.forEach((backlog, i) => {
    const week = expected.fromWeek + 1 + i;
    expectNumber(rows, layout.cell("reforecastPace", week), backlog, `re-forecast at pace week ${week}`);
  });
  const perFte = Number(csvCell(rows, s.requiredFte.replace(/\$/g, "").replace(/^N/, "O")));
  expectNumber(rows, s.requiredFte, (expected.requiredCapacity as number) / perFte, "required capacity in fte");
}

