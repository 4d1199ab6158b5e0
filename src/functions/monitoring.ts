/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands over untyped cell values; args.ts checks them. */
/**
 * =IND.PLAN_VS_ACTUAL: the plan against the actuals, one row per known week (issue 11). Same
 * pattern as functions.ts: convert the arguments (args.ts), call the engine, unwrap + run. The
 * JSDoc is the metadata.
 */
import { comparePlanWithActuals, monitoringColumns, NON_NEGATIVE } from "../engine";
import { readNumber, readOptionalSeries, readSeries, run, unwrap } from "./args";

/**
 * The plan against what actually happened, one row per known week, six columns: planned backlog, actual backlog, difference (actual − planned), cumulative intake above plan, cumulative decisions below plan, and the part the flows do not explain (0 without a measured backlog).
 * @customfunction PLAN_VS_ACTUAL
 * @helpurl https://localhost:3000/help.html#plan_vs_actual
 * @param {any} opening Backlog (open cases) at the start of week 1 of the plan, e.g. 1440.
 * @param {any[][]} planned_intake Planned weekly intake: one number for every week, or a range with a figure per plan week.
 * @param {any[][]} planned_capacity Planned weekly capacity: one number or a range with a figure per plan week, e.g. =IND.PLANNED_CAPACITY(...).
 * @param {any[][]} actual_intake Actual intake per known week, from week 1: a one-column or one-row range. Its length is the number of weeks known.
 * @param {any[][]} actual_decisions Actual decisions per known week, as long as actual_intake.
 * @param {any[][]} [actual_backlog] Measured backlog at the end of each known week, as long as actual_intake. Omit it to use opening + intake − decisions.
 * @returns {number[][]} One row per known week: planned backlog, actual backlog, difference, intake above plan, decisions below plan, unexplained.
 */
export function PLAN_VS_ACTUAL(
  opening: any,
  planned_intake: any[][],
  planned_capacity: any[][],
  actual_intake: any[][],
  actual_decisions: any[][],
  actual_backlog?: any[][],
): number[][] {
  return run("PLAN_VS_ACTUAL", () => {
    const measured = unwrap(readOptionalSeries(actual_backlog, "actual_backlog", NON_NEGATIVE));
    const result = unwrap(
      comparePlanWithActuals({
        opening: unwrap(readNumber(opening, "opening", NON_NEGATIVE)),
        plannedIntake: unwrap(readSeries(planned_intake, "planned_intake", NON_NEGATIVE)),
        plannedCapacity: unwrap(readSeries(planned_capacity, "planned_capacity", NON_NEGATIVE)),
        actualIntake: unwrap(readSeries(actual_intake, "actual_intake", NON_NEGATIVE)),
        actualDecisions: unwrap(readSeries(actual_decisions, "actual_decisions", NON_NEGATIVE)),
        ...(measured !== undefined && { actualBacklog: measured }),
      }),
    );
    return result.weeks.map(monitoringColumns);
  });
}
