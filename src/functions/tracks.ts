/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands over untyped cell values; args.ts checks them. */
/**
 * The =IND.* functions for processing tracks and shared capacity. Same pattern as functions.ts:
 * convert the arguments (args.ts), call the engine, unwrap + run. The JSDoc is the metadata.
 */
import {
  checkOpeningByTrack,
  checkShares,
  crowdingOut,
  FAST_LEAD_TIME_RULE,
  fteCapacity,
  NON_NEGATIVE,
  projectTracks,
  TRACK_IDS,
  waitWeeks,
  WEEKS_RULE,
} from "../engine";
import { readList, readNumber, readOptionalNumber, readSeries, run, unwrap } from "./args";

/**
 * Projects the three processing tracks week by week and spills the backlog at the end of each week: one row per week, columns in the order fast track, track 2 (safe countries, served first from the shared capacity), track 4 (the rest). The fast track clears within its lead time on its own extra staff.
 * @customfunction PROJECT_TRACKS
 * @helpurl https://localhost:3000/help.html#project_tracks
 * @param {any[][]} opening_by_track Backlog at the start of week 1: three values (fast track, track 2, track 4), or one total that is split by the shares.
 * @param {any[][]} intake Weekly intake of subsequent applications, all tracks together: one number, or a range with a figure per week.
 * @param {any[][]} shares Share of intake per track, each from 0 to 1: two values (fast track, track 2; track 4 takes the rest) or three that add up to 1.
 * @param {any[][]} capacity Weekly decisions shared by track 2 and track 4: one number or a range as long as intake.
 * @param {any[][]} [weeks] Number of weeks (1 to 10,000). Defaults to the length of the intake or capacity range, or 52.
 * @param {any[][]} [fast_lead_time] Lead time of the fast track in days; default 88 (the memo's 2023 figure for incomplete applications).
 * @returns {number[][]} Backlog per week (rows) and track (columns: fast track, track 2, track 4).
 */
export function PROJECT_TRACKS(
  opening_by_track: any[][],
  intake: any[][],
  shares: any[][],
  capacity: any[][],
  weeks?: any[][],
  fast_lead_time?: any[][],
): number[][] {
  return run("PROJECT_TRACKS", () => {
    // Shares and openings are checked per track by the engine, so messages name the track.
    const shareList = unwrap(readList(shares, "shares"));
    const split = unwrap(checkShares(shareList));
    const opening = unwrap(checkOpeningByTrack(unwrap(readList(opening_by_track, "opening_by_track")), split));
    const horizon = unwrap(readOptionalNumber(weeks, "weeks", WEEKS_RULE));
    const lead = unwrap(readOptionalNumber(fast_lead_time, "fast_lead_time", FAST_LEAD_TIME_RULE));
    const result = unwrap(
      projectTracks({
        openingByTrack: TRACK_IDS.map((id) => opening[id]),
        intake: unwrap(readSeries(intake, "intake", NON_NEGATIVE)),
        shares: TRACK_IDS.map((id) => split[id]),
        capacity: unwrap(readSeries(capacity, "capacity", NON_NEGATIVE)),
        ...(horizon !== undefined && { weeks: horizon }),
        ...(lead !== undefined && { fastLeadTimeDays: lead }),
      }),
    );
    return result.totalBacklog.map((_, t) => TRACK_IDS.map((id) => result.tracks[id][t]?.backlog ?? 0));
  });
}

/**
 * First-in-first-out wait in weeks for a case at this queue position: position ÷ decisions per week. Multiply by 7 for days.
 * @customfunction WAIT_WEEKS
 * @helpurl https://localhost:3000/help.html#wait_weeks
 * @param {any} position Cases ahead in the queue, this one included (for the newest case: the backlog), e.g. 1440.
 * @param {any} decisions_per_week Decisions per week in this queue (more than 0).
 * @returns {number} Weeks until the case is decided.
 */
export function WAIT_WEEKS(position: any, decisions_per_week: any): number {
  return run("WAIT_WEEKS", () =>
    unwrap(
      waitWeeks({
        position: unwrap(readNumber(position, "position", NON_NEGATIVE)),
        decisionsPerWeek: unwrap(readNumber(decisions_per_week, "decisions_per_week", { min: 0, minExclusive: true })),
      }),
    ),
  );
}

/**
 * Weekly decision capacity from staff: fte × decisions per fte per week.
 * @customfunction FTE_CAPACITY
 * @helpurl https://localhost:3000/help.html#fte_capacity
 * @param {any} fte Staff in full-time equivalents.
 * @param {any} decisions_per_fte_week Decisions one fte makes per week.
 * @returns {number} Decisions per week.
 */
export function FTE_CAPACITY(fte: any, decisions_per_fte_week: any): number {
  return run("FTE_CAPACITY", () =>
    unwrap(
      fteCapacity({
        fte: unwrap(readNumber(fte, "fte", NON_NEGATIVE)),
        decisionsPerFteWeek: unwrap(readNumber(decisions_per_fte_week, "decisions_per_fte_week", NON_NEGATIVE)),
      }),
    ),
  );
}

/**
 * The other work's backlog after the given number of weeks once capacity has moved from it to subsequent applications. Compare with PROJECT_BACKLOG on its own capacity for the crowding-out.
 * @customfunction CROWDING_OUT
 * @helpurl https://localhost:3000/help.html#crowding_out
 * @param {any} other_backlog The other work's backlog now.
 * @param {any[][]} other_intake The other work's weekly intake: one number, or a range with a figure per week.
 * @param {any[][]} other_capacity The other work's weekly decisions before any capacity moves: one number or a range.
 * @param {any[][]} moved_capacity Decisions per week moved to subsequent applications, at most other_capacity: one number or a range.
 * @param {any} weeks Week at which to read the backlog (1 to 10,000).
 * @returns {number} The other work's backlog at the end of that week.
 */
export function CROWDING_OUT(
  other_backlog: any,
  other_intake: any[][],
  other_capacity: any[][],
  moved_capacity: any[][],
  weeks: any,
): number {
  return run("CROWDING_OUT", () => {
    const result = unwrap(
      crowdingOut({
        opening: unwrap(readNumber(other_backlog, "other_backlog", NON_NEGATIVE)),
        intake: unwrap(readSeries(other_intake, "other_intake", NON_NEGATIVE)),
        capacity: unwrap(readSeries(other_capacity, "other_capacity", NON_NEGATIVE)),
        moved: unwrap(readSeries(moved_capacity, "moved_capacity", NON_NEGATIVE)),
        weeks: unwrap(readNumber(weeks, "weeks", WEEKS_RULE)),
      }),
    );
    return result.closingBacklogWith;
  });
}
