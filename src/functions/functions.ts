/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands over untyped cell values; args.ts checks them. */
/**
 * The =IND.* custom functions. Each one converts its arguments (args.ts), calls the engine and
 * turns a user-input error into a CustomFunctions.Error with a message. The JSDoc below is the
 * metadata: custom-functions-metadata-plugin generates functions.json from it.
 *
 * Arguments are typed `any`/`any[][]` on purpose: Excel then passes cells as they are and the
 * checks here produce a message naming the argument, instead of Excel's own bare #VALUE!.
 */
import { leadTime, requiredCapacity, weeksToClear } from "../engine/closedForms";
import { plannedCapacity, projectBacklog } from "../engine/project";
import { weeksToTarget } from "../engine/targetWeek";
import { meanOf, readArguments, run, unwrap } from "./args";
import { BACKLOG_FUNCTIONS } from "./declarations";

const {
  PROJECT_BACKLOG: PROJECT,
  PLANNED_CAPACITY: PLANNED,
  WEEKS_TO_CLEAR: CLEAR,
  WEEKS_TO_TARGET: TARGET,
  REQUIRED_CAPACITY: REQUIRED,
  LEAD_TIME: LEAD,
} = BACKLOG_FUNCTIONS;

/**
 * Projects the backlog week by week and spills it as one column: the backlog at the end of each week. Without capacity, the planning rule schedules (1 + uplift) × mean intake, held steady.
 * @customfunction PROJECT_BACKLOG
 * @helpurl https://localhost:3000/functions.html#project_backlog
 * @param {any} opening Backlog (open cases) at the start of week 1, e.g. 1440.
 * @param {any[][]} intake Weekly intake: one number for every week, or a one-column or one-row range with a figure per week.
 * @param {any[][]} [capacity] Weekly decisions: one number or a range as long as intake. Omit it to apply the planning rule.
 * @param {any[][]} [weeks] Number of weeks (1 to 10,000). Defaults to the length of the intake range, or 52.
 * @param {any[][]} [uplift] Planning-rule uplift over mean intake; default 0.10. Used only when capacity is omitted.
 * @returns {number[][]} The backlog at the end of each week, one row per week.
 */
export function PROJECT_BACKLOG(
  opening: any,
  intake: any[][],
  capacity?: any[][],
  weeks?: any[][],
  uplift?: any[][],
): number[][] {
  return run(PROJECT, () => {
    const args = readArguments(PROJECT, [opening, intake, capacity, weeks, uplift]);
    const result = unwrap(
      projectBacklog({
        opening: args.opening,
        intake: args.intake,
        ...(args.capacity !== undefined && { capacity: args.capacity }),
        ...(args.weeks !== undefined && { weeks: args.weeks }),
        ...(args.uplift !== undefined && { uplift: args.uplift }),
      }),
    );
    return result.rows.map((row) => [row.backlog]);
  });
}

/**
 * The planning rule's steady weekly capacity: (1 + uplift) × the mean weekly intake.
 * @customfunction PLANNED_CAPACITY
 * @helpurl https://localhost:3000/functions.html#planned_capacity
 * @param {any[][]} intake Weekly intake: one number, or a range with a figure per week (its mean is used).
 * @param {any[][]} [uplift] Uplift over mean intake; default 0.10 (the memo's 10%).
 * @returns {number} Decisions to schedule per week.
 */
export function PLANNED_CAPACITY(intake: any[][], uplift?: any[][]): number {
  return run(PLANNED, () => {
    const args = readArguments(PLANNED, [intake, uplift]);
    return unwrap(
      plannedCapacity({
        intake: args.intake,
        ...(args.uplift !== undefined && { uplift: args.uplift }),
      }),
    );
  });
}

/**
 * Weeks until the backlog reaches zero at constant rates: opening ÷ (capacity − intake). #N/A when capacity does not exceed intake.
 * @customfunction WEEKS_TO_CLEAR
 * @helpurl https://localhost:3000/functions.html#weeks_to_clear
 * @param {any} opening Backlog now.
 * @param {any[][]} intake Weekly intake: one number, or a range (its mean is used).
 * @param {any[][]} capacity Weekly decisions: one number, or a range (its mean is used).
 * @returns {number} Weeks to clear the backlog.
 */
export function WEEKS_TO_CLEAR(opening: any, intake: any[][], capacity: any[][]): number {
  return run(CLEAR, () => {
    const args = readArguments(CLEAR, [opening, intake, capacity]);
    return unwrap(
      weeksToClear({
        opening: args.opening,
        intake: meanOf(args.intake),
        capacity: meanOf(args.capacity),
      }),
    );
  });
}

/**
 * The first week whose end-of-week backlog is at most target (to 1e-9): 0 when the opening already is. With a range per week, the weeks given are the horizon; with single numbers, up to 10,000 weeks. #N/A when the target is not reached.
 * @customfunction WEEKS_TO_TARGET
 * @helpurl https://localhost:3000/functions.html#weeks_to_target
 * @param {any} opening Backlog (open cases) at the start of week 1, e.g. 1440.
 * @param {any[][]} intake Weekly intake: one number for every week, or a one-column or one-row range with a figure per week.
 * @param {any[][]} capacity Weekly decisions: one number, or a range as long as intake.
 * @param {any} target Backlog to reach, e.g. 1100.
 * @returns {number} The week in which the backlog first reaches the target.
 */
export function WEEKS_TO_TARGET(opening: any, intake: any[][], capacity: any[][], target: any): number {
  return run(TARGET, () => {
    const args = readArguments(TARGET, [opening, intake, capacity, target]);
    return unwrap(weeksToTarget(args));
  });
}

/**
 * Steady weekly decisions needed to bring the backlog down to target by the given week: intake + (opening − target) ÷ weeks.
 * @customfunction REQUIRED_CAPACITY
 * @helpurl https://localhost:3000/functions.html#required_capacity
 * @param {any} opening Backlog now.
 * @param {any[][]} intake Weekly intake: one number, or a range (its mean is used).
 * @param {any} target Backlog to reach, e.g. 0.
 * @param {any} weeks Week by which the target is reached (1 to 10,000).
 * @returns {number} Decisions needed per week.
 */
export function REQUIRED_CAPACITY(opening: any, intake: any[][], target: any, weeks: any): number {
  return run(REQUIRED, () => {
    const args = readArguments(REQUIRED, [opening, intake, target, weeks]);
    return unwrap(requiredCapacity({ ...args, intake: meanOf(args.intake) }));
  });
}

/**
 * Lead time in weeks by Little's law: backlog ÷ decisions per week. Multiply by 7 for days.
 * @customfunction LEAD_TIME
 * @helpurl https://localhost:3000/functions.html#lead_time
 * @param {any} backlog Open cases.
 * @param {any} decisions_per_week Decisions per week (more than 0).
 * @returns {number} Lead time in weeks.
 */
export function LEAD_TIME(backlog: any, decisions_per_week: any): number {
  return run(LEAD, () => {
    const args = readArguments(LEAD, [backlog, decisions_per_week]);
    return unwrap(
      leadTime({
        backlog: args.backlog,
        decisionsPerWeek: args.decisions_per_week,
      }),
    );
  });
}
