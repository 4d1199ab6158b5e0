/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands over untyped cell values; args.ts checks them. */
/**
 * =IND.PLAN_VS_ACTUAL: the plan against the actuals, one row per known week (issue 11). Same
 * pattern as functions.ts: convert the arguments (args.ts), call the engine, unwrap + run. The
 * JSDoc is the metadata.
 */
import { comparePlanWithActuals, monitoringColumns } from "../engine/monitoring";
import { readArguments, run, unwrap } from "./args";
import { MONITORING_FUNCTIONS } from "./declarations";

const { PLAN_VS_ACTUAL: DECLARATION } = MONITORING_FUNCTIONS;

/**
 * The plan against what actually happened, one row per known week, six columns: planned backlog, actual backlog, difference (actual − planned), cumulative intake above plan, cumulative decisions below plan, and the part the flows do not explain (0 without a measured backlog).
 * @customfunction PLAN_VS_ACTUAL
 * @helpurl https://localhost:3000/functions.html#plan_vs_actual
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
  return run(DECLARATION, () => {
    const args = readArguments(DECLARATION, [
      opening,
      planned_intake,
      planned_capacity,
      actual_intake,
      actual_decisions,
      actual_backlog,
    ]);
    const result = unwrap(
      comparePlanWithActuals({
        opening: args.opening,
        plannedIntake: args.planned_intake,
        plannedCapacity: args.planned_capacity,
        actualIntake: args.actual_intake,
        actualDecisions: args.actual_decisions,
        ...(args.actual_backlog !== undefined && { actualBacklog: args.actual_backlog }),
      }),
    );
    return result.weeks.map(monitoringColumns);
  });
}
