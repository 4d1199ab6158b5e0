/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands over untyped cell values; args.ts checks them. */
/**
 * The =IND.* functions for processing tracks and shared capacity. Same pattern as functions.ts:
 * convert the arguments (args.ts), call the engine, unwrap + run. The JSDoc is the metadata.
 */
import { crowdingOut, fteCapacity } from "../engine/sharedCapacity";
import { checkOpeningByTrack, checkShares, projectTracks, TRACK_IDS, waitWeeks } from "../engine/tracks";
import { readArguments, run, unwrap } from "./args";
import { TRACK_FUNCTIONS } from "./declarations";

/** An opening given as one total (not per track): a number or a list of one. */
const isOneTotal = (value: unknown): boolean =>
  !Array.isArray(value) || value.length === 1;

const {
  PROJECT_TRACKS: TRACKS,
  WAIT_WEEKS: WAIT,
  FTE_CAPACITY: FTE,
  CROWDING_OUT: CROWDING,
} = TRACK_FUNCTIONS;

/**
 * Projects the three processing tracks week by week and spills the backlog at the end of each week: one row per week, columns in the order triage (Ter Apel), track 2 (safe countries, served first from the shared capacity), track 4 (the rest). Triage (Ter Apel) clears within its lead time on its own extra staff.
 * @customfunction PROJECT_TRACKS
 * @helpurl https://localhost:3000/functions.html#project_tracks
 * @param {any[][]} opening_by_track Backlog at the start of week 1: three values (triage (Ter Apel), track 2, track 4), or one total that is split by the shares.
 * @param {any[][]} intake Weekly intake of subsequent applications, all tracks together: one number, or a range with a figure per week.
 * @param {any[][]} shares Share of intake per track, each from 0 to 1: two values (triage (Ter Apel), track 2; track 4 takes the rest) or three that add up to 1.
 * @param {any[][]} capacity Weekly decisions shared by track 2 and track 4: one number or a range as long as intake.
 * @param {any[][]} [weeks] Number of weeks (1 to 10,000). Defaults to the length of the intake or capacity range, or 52.
 * @param {any[][]} [fast_lead_time] Lead time of triage (Ter Apel) in days; default 88 (the memo's 2023 figure for incomplete applications).
 * @param {any[][]} [triaged_opening_share] Triaged part of the opening backlog, 0 to 1: the part of one total that triage (Ter Apel) takes; tracks 2 and 4 split the rest by their shares. Default 0. Not used when the opening is given per track.
 * @returns {number[][]} Backlog per week (rows) and track (columns: triage (Ter Apel), track 2, track 4).
 */
export function PROJECT_TRACKS(
  opening_by_track: any[][],
  intake: any[][],
  shares: any[][],
  capacity: any[][],
  weeks?: any[][],
  fast_lead_time?: any[][],
  triaged_opening_share?: any[][],
): number[][] {
  return run(TRACKS, () => {
    const args = readArguments(TRACKS, [
      opening_by_track,
      intake,
      shares,
      capacity,
      weeks,
      fast_lead_time,
      triaged_opening_share,
    ]);
    // Shares and openings are checked per track by the engine, so messages name the track.
    const split = unwrap(checkShares(args.shares));
    const opening = unwrap(checkOpeningByTrack(args.opening_by_track, split));
    const result = unwrap(
      projectTracks({
        // One total stays one number, so the engine splits it with the triaged part.
        openingByTrack: isOneTotal(args.opening_by_track)
          ? opening.fast + opening.safe + opening.regular
          : TRACK_IDS.map((id) => opening[id]),
        intake: args.intake,
        shares: TRACK_IDS.map((id) => split[id]),
        capacity: args.capacity,
        ...(args.weeks !== undefined && { weeks: args.weeks }),
        ...(args.fast_lead_time !== undefined && {
          fastLeadTimeDays: args.fast_lead_time,
        }),
        ...(args.triaged_opening_share !== undefined && {
          triagedOpeningShare: args.triaged_opening_share,
        }),
      }),
    );
    return result.totalBacklog.map((_, t) =>
      TRACK_IDS.map((id) => result.tracks[id][t]?.backlog ?? 0),
    );
  });
}

/**
 * First-in-first-out wait in weeks for a case at this queue position: position ÷ decisions per week. Multiply by 7 for days.
 * @customfunction WAIT_WEEKS
 * @helpurl https://localhost:3000/functions.html#wait_weeks
 * @param {any} position Cases ahead in the queue, this one included (for the newest case: the backlog), e.g. 1440.
 * @param {any} decisions_per_week Decisions per week in this queue (more than 0).
 * @returns {number} Weeks until the case is decided.
 */
export function WAIT_WEEKS(position: any, decisions_per_week: any): number {
  return run(WAIT, () => {
    const args = readArguments(WAIT, [position, decisions_per_week]);
    return unwrap(
      waitWeeks({
        position: args.position,
        decisionsPerWeek: args.decisions_per_week,
      }),
    );
  });
}

/**
 * Weekly decision capacity from staff: fte × decisions per fte per week.
 * @customfunction FTE_CAPACITY
 * @helpurl https://localhost:3000/functions.html#fte_capacity
 * @param {any} fte Staff in full-time equivalents.
 * @param {any} decisions_per_fte_week Decisions one fte makes per week.
 * @returns {number} Decisions per week.
 */
export function FTE_CAPACITY(fte: any, decisions_per_fte_week: any): number {
  return run(FTE, () => {
    const args = readArguments(FTE, [fte, decisions_per_fte_week]);
    return unwrap(
      fteCapacity({
        fte: args.fte,
        decisionsPerFteWeek: args.decisions_per_fte_week,
      }),
    );
  });
}

/**
 * The other work's backlog after the given number of weeks once capacity has moved from it to subsequent applications. Compare with PROJECT_BACKLOG on its own capacity for the crowding-out.
 * @customfunction CROWDING_OUT
 * @helpurl https://localhost:3000/functions.html#crowding_out
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
  return run(CROWDING, () => {
    const args = readArguments(CROWDING, [
      other_backlog,
      other_intake,
      other_capacity,
      moved_capacity,
      weeks,
    ]);
    const result = unwrap(
      crowdingOut({
        opening: args.other_backlog,
        intake: args.other_intake,
        capacity: args.other_capacity,
        moved: args.moved_capacity,
        weeks: args.weeks,
      }),
    );
    return result.closingBacklogWith;
  });
}
