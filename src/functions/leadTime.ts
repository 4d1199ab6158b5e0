/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands over untyped cell values; args.ts checks them. */
/**
 * The memo's lead time as an =IND.* function: "de gemiddelde doorlooptijd van het afdoen", the
 * mean age at decision of the cases decided, first in, first out (src/engine/leadTime.ts). Not
 * backlog ÷ decisions: that is the wait for a new application (WAIT_WEEKS).
 */
import { decidedLeadTime } from "../engine/leadTime";
import { readArguments, run, toExcelError, unwrap } from "./args";
import { LEAD_TIME_FUNCTIONS } from "./declarations";

const { DECIDED_LEAD_TIME: DECLARATION } = LEAD_TIME_FUNCTIONS;

/**
 * Mean lead time in weeks of the cases decided over the horizon, first in, first out: the memo's "gemiddelde doorlooptijd van het afdoen" (343 days in 2023). Multiply by 7 for days. #N/A when nothing is decided.
 * @customfunction DECIDED_LEAD_TIME
 * @helpurl https://localhost:3000/functions.html#decided_lead_time
 * @param {any} opening Backlog (open cases) at the start of week 1, e.g. 1440.
 * @param {any[][]} intake Weekly intake: one number for every week, or a range with a figure per week.
 * @param {any[][]} capacity Weekly decisions: one number, or a range as long as intake.
 * @param {any[][]} [weeks] Number of weeks (1 to 10,000). Defaults to the length of a range, or 52.
 * @param {any[][]} [opening_spread_weeks] The opening backlog was filed evenly over this many weeks before week 1. Default: opening ÷ mean intake.
 * @returns {number} Mean lead time of the decided cases, in weeks.
 */
export function DECIDED_LEAD_TIME(
  opening: any,
  intake: any[][],
  capacity: any[][],
  weeks?: any[][],
  opening_spread_weeks?: any[][],
): number {
  return run(DECLARATION, () => {
    const args = readArguments(DECLARATION, [opening, intake, capacity, weeks, opening_spread_weeks]);
    const result = unwrap(
      decidedLeadTime({
        opening: args.opening,
        intake: args.intake,
        capacity: args.capacity,
        ...(args.weeks !== undefined && { weeks: args.weeks }),
        ...(args.opening_spread_weeks !== undefined && { openingSpreadWeeks: args.opening_spread_weeks }),
      }),
    );
    if (result.mean === null) {
      const argument = "capacity";
      const message = `${argument}: nothing is decided within the horizon, so there is no lead time`;
      throw toExcelError({ kind: "never", argument, message });
    }
    return result.mean;
  });
}
