/**
 * Processing tracks (behandelsporen) for subsequent applications, after the memo:
 * - triage (Ter Apel; the engine's "fast" track) takes incomplete applications and those decided
 *   without a hearing; extra
 *   staff follow its intake, so it clears within a lead time the planner sets (88 days in 2023);
 * - track 2 (safe countries of origin) takes the shared capacity first;
 * - track 4 (everything else) gets what is left.
 * Per track and week: intake, decisions, backlog, Little's-law lead time and the first-in-first-out
 * wait for an application filed that week.
 */
import { DEFAULT_WEEKS, WeekRow } from "./project";
import {
  checkNumber,
  checkNumbers,
  checkSeriesAll,
  fail,
  MAX_WEEKS,
  NON_NEGATIVE,
  NumberRule,
  ok,
  POSITIVE,
  Result,
  SeriesInput,
  WEEKS_RULE,
} from "./validate";

export type TrackId = "fast" | "safe" | "regular";
/** The order of tracks in every list, range and spilled column: triage (Ter Apel), track 2, track 4. */
export const TRACK_IDS: readonly TrackId[] = ["fast", "safe", "regular"];
/** How messages name the tracks. */
export const TRACK_NAMES: Readonly<Record<TrackId, string>> = {
  fast: "triage (Ter Apel)",
  safe: "track 2",
  regular: "track 4",
};

/** The memo's 2023 lead time for applications set aside as incomplete. */
export const DEFAULT_FAST_LEAD_TIME_DAYS = 88;
export const SHARE_RULE: NumberRule = { min: 0, max: 1 };
/** Days, up to the longest horizon the engine projects. */
export const FAST_LEAD_TIME_RULE: NumberRule = { min: 0, max: 7 * MAX_WEEKS };
/** Shares typed as decimals (0.1 + 0.2) do not add up exactly; this much slack is not an error. */
const SUM_TOLERANCE = 1e-9;

export type PerTrack<T> = Record<TrackId, T>;
/** A writable weekly series: a plain array or a typed array. */
export type WeeklyOut = { [index: number]: number; length: number };

/** Shows a computed sum without binary noise: 0.30000000000000004 → "0.3". */
const showSum = (value: number): string => String(Number(value.toPrecision(12)));

function checkForTrack(value: unknown, rule: NumberRule, argument: string, track: TrackId): Result<number> {
  const checked = checkNumber(value, rule, `${argument}, ${TRACK_NAMES[track]}`);
  // The prefix names the track; the argument stays the one the planner typed.
  return checked.ok ? checked : fail({ ...checked.error, argument });
}

/**
 * Checks the intake shares: two values (triage (Ter Apel), track 2; track 4 takes the rest) or three
 * (triage (Ter Apel), track 2, track 4; they must then add up to 1). Each share is from 0 to 1.
 *
 * @example
 * checkShares([0.1, 0.2]) // → ok({ fast: 0.1, safe: 0.2, regular: 0.7 })
 */
export function checkShares(values: readonly unknown[], argument = "shares"): Result<PerTrack<number>> {
  if (values.length !== 2 && values.length !== 3) {
    return fail({
      kind: "shape",
      argument,
      got: values,
      message: `${argument}: expected two values (triage (Ter Apel), track 2) or three (triage (Ter Apel), track 2, track 4), got ${values.length}`,
    });
  }
  const checked: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const share = checkForTrack(values[i], SHARE_RULE, argument, TRACK_IDS[i] as TrackId);
    if (!share.ok) return share;
    checked.push(share.value);
  }
  const [fast = 0, safe = 0, third] = checked;
  const sum = fast + safe + (third ?? 0);
  if (sum > 1 + SUM_TOLERANCE) {
    return fail({
      kind: "range",
      argument,
      got: values,
      message: `${argument}: the shares add up to ${showSum(sum)}; they must add up to at most 1`,
    });
  }
  if (third !== undefined && sum < 1 - SUM_TOLERANCE) {
    // A third value states track 4's share; a split that leaves cases nowhere is a typing error.
    return fail({
      kind: "range",
      argument,
      got: values,
      message: `${argument}: the three shares add up to ${showSum(sum)}; with three values they must add up to 1 (or give two, triage (Ter Apel) and track 2, and track 4 takes the rest)`,
    });
  }
  return ok({ fast, safe, regular: third ?? Math.max(0, 1 - fast - safe) });
}

/**
 * Checks the opening backlog per track: three values (triage (Ter Apel), track 2, track 4), or one total
 * that is split by the intake shares.
 */
export function checkOpeningByTrack(
  value: number | readonly unknown[],
  shares: PerTrack<number>,
  argument = "opening_by_track",
): Result<PerTrack<number>> {
  const values: readonly unknown[] = Array.isArray(value) ? value : [value];
  if (values.length === 1) {
    const total = checkNumber(values[0], NON_NEGATIVE, argument);
    if (!total.ok) return total;
    const t = total.value;
    return ok({ fast: t * shares.fast, safe: t * shares.safe, regular: t * shares.regular });
  }
  if (values.length !== 3) {
    return fail({
      kind: "shape",
      argument,
      got: value,
      message: `${argument}: expected one total or three values (triage (Ter Apel), track 2, track 4), got ${values.length}`,
    });
  }
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    const checked = checkForTrack(values[i], NON_NEGATIVE, argument, TRACK_IDS[i] as TrackId);
    if (!checked.ok) return checked;
    out.push(checked.value);
  }
  return ok({ fast: out[0] as number, safe: out[1] as number, regular: out[2] as number });
}

/**
 * The horizon from an explicit `weeks` or the weekly series: every series given as a range must
 * have the same length, and `weeks` may not run past it.
 */
export function resolveSeriesWeeks(
  weeks: number | undefined,
  series: ReadonlyArray<readonly [argument: string, value: number | readonly number[]]>,
): Result<number> {
  let first: { argument: string; length: number } | undefined;
  for (const [argument, value] of series) {
    if (typeof value === "number") continue;
    if (first === undefined) {
      first = { argument, length: value.length };
    } else if (value.length !== first.length) {
      return fail({
        kind: "shape",
        argument,
        message: `${argument}: has ${value.length} weeks but ${first.argument} has ${first.length}; give one number or one figure per ${first.argument} week`,
      });
    }
  }
  if (weeks === undefined) {
    if (first === undefined) return ok(DEFAULT_WEEKS);
    if (first.length > MAX_WEEKS) {
      return fail({
        kind: "range",
        argument: first.argument,
        message: `${first.argument}: has ${first.length} weeks; at most ${MAX_WEEKS.toLocaleString("en-US")} are allowed`,
      });
    }
    return ok(first.length);
  }
  const checked = checkNumber(weeks, WEEKS_RULE, "weeks");
  if (!checked.ok) return checked;
  if (first !== undefined && checked.value > first.length) {
    return fail({
      kind: "range",
      argument: "weeks",
      got: weeks,
      message: `weeks: ${weeks} is longer than the ${first.argument} range (${first.length} weeks)`,
    });
  }
  return ok(checked.value);
}

/**
 * Rejects figures so large that the cases in play (opening plus all intake) do not add up to a
 * finite number; below that bound every backlog and cumulative decision count stays finite.
 */
export function checkFiniteTotal(opening: number, intake: readonly number[], argument: string): Result<true> {
  let total = opening;
  for (const i of intake) total += i;
  if (!Number.isFinite(total)) {
    return fail({
      kind: "range",
      overflow: true,
      argument,
      message: `${argument}: the figures are too large to add up to a finite backlog`,
    });
  }
  return ok(true);
}

/** One number for every week, or the first `weeks` figures of a series. */
export function expandSeries(series: number | readonly number[], weeks: number): number[] {
  return typeof series === "number" ? new Array<number>(weeks).fill(series) : series.slice(0, weeks);
}

/**
 * The three tracks' stock-flow with no checks. Each week:
 * - triage (Ter Apel): decides `available ÷ (1 + L)` with L the lead time in weeks, so that
 *   backlog ÷ decisions = L (Little's law) every week; its staff is extra, not shared;
 * - track 2: `min(capacity, available)`;
 * - track 4: `min(capacity − track 2's decisions, available)`.
 * Outputs are in track order: triage (Ter Apel), track 2, track 4.
 */
export function projectTracksCore(
  opening: readonly [number, number, number],
  intake: readonly [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>],
  capacity: ArrayLike<number>,
  fastLeadTimeWeeks: number,
  backlogOut: readonly [WeeklyOut, WeeklyOut, WeeklyOut],
  decisionsOut: readonly [WeeklyOut, WeeklyOut, WeeklyOut],
): void {
  let fast = opening[0];
  let safe = opening[1];
  let regular = opening[2];
  const fastRate = 1 / (1 + fastLeadTimeWeeks);
  const n = backlogOut[0].length;
  for (let t = 0; t < n; t++) {
    const fastAvailable = fast + (intake[0][t] as number);
    // fastRate ≤ 1, so the product never exceeds what is there: no negative backlog.
    const fastDecided = fastAvailable * fastRate;
    fast = fastAvailable - fastDecided;

    const shared = capacity[t] as number;
    const safeAvailable = safe + (intake[1][t] as number);
    const safeDecided = shared < safeAvailable ? shared : safeAvailable;
    safe = safeAvailable - safeDecided;

    const left = shared - safeDecided;
    const regularAvailable = regular + (intake[2][t] as number);
    const regularDecided = left < regularAvailable ? left : regularAvailable;
    regular = regularAvailable - regularDecided;

    backlogOut[0][t] = fast;
    backlogOut[1][t] = safe;
    backlogOut[2][t] = regular;
    decisionsOut[0][t] = fastDecided;
    decisionsOut[1][t] = safeDecided;
    decisionsOut[2][t] = regularDecided;
  }
}

/**
 * First-in-first-out wait, in weeks from the end of the filing week, for the last application
 * filed in each week: the time until the decisions after that week add up to the backlog then
 * (everything ahead of it, itself included), interpolated within the deciding week. `null` when
 * that does not happen within the horizon. With steady decisions this is backlog ÷ decisions,
 * the Little's-law lead time.
 */
export function fifoWaitCore(
  backlog: ArrayLike<number>,
  decisions: ArrayLike<number>,
  out: { [index: number]: number | null; length: number },
): void {
  const n = backlog.length;
  const cumulative = new Float64Array(n + 2); // cumulative[u] = decisions in weeks 1..u
  for (let u = 0; u < n; u++) cumulative[u + 1] = (cumulative[u] as number) + (decisions[u] as number);
  cumulative[n + 1] = Number.POSITIVE_INFINITY; // past the horizon: stops the search below at u = n
  let u = 0; // 0-based week in which the case is decided; only moves forward (FIFO)
  for (let t = 0; t < n; t++) {
    const ahead = backlog[t] as number;
    if (ahead <= 0) {
      out[t] = 0;
      continue;
    }
    const target = (cumulative[t + 1] as number) + ahead;
    // Sums of decimals drift; a case 1e-9 short of decided counts as decided.
    const tolerance = 1e-9 * Math.max(1, target);
    u = Math.max(u, t + 1);
    while ((cumulative[u + 1] as number) < target - tolerance) u++;
    if (u >= n) {
      out[t] = null;
      continue;
    }
    const remaining = target - (cumulative[u] as number);
    const decided = decisions[u] as number;
    const fraction = remaining <= tolerance ? 0 : Math.min(1, remaining / decided);
    out[t] = u - t - 1 + fraction;
  }
}

/** Little's law per week: backlog ÷ decisions, or `null` when (next to) nothing was decided. */
function leadTimes(backlog: ArrayLike<number>, decisions: ArrayLike<number>): Array<number | null> {
  return Array.from(backlog, (b, t) => {
    // Decisions are never negative: 0 gives Infinity or NaN, both not finite.
    const lead = b / (decisions[t] as number);
    return Number.isFinite(lead) ? lead : null;
  });
}

export interface ProjectTracksOptions {
  /** Open cases at the start of week 1: [triage (Ter Apel), track 2, track 4], or one total split by the shares. */
  openingByTrack: number | readonly number[];
  /** Weekly intake of subsequent applications, all tracks together. */
  intake: SeriesInput;
  /** Intake shares: [triage (Ter Apel), track 2] (track 4 takes the rest) or all three, adding up to 1. */
  shares: readonly number[];
  /** Weekly shared decision capacity for tracks 2 and 4 (triage (Ter Apel) has its own staff). */
  capacity: SeriesInput;
  /** Number of weeks. Defaults to the length of a weekly series, else 52. */
  weeks?: number;
  /** Triage (Ter Apel)'s lead time in days; 88 unless given. */
  fastLeadTimeDays?: number;
  /**
   * "Getrieerd deel van de beginvoorraad": the part of a one-number opening backlog that triage
   * (Ter Apel) takes; tracks 2 and 4 split the rest by their intake shares. Default 0, as on
   * the what-if sheet. Ignored when the opening is given per track.
   */
  triagedOpeningShare?: number;
}

/**
 * One week of one track: the projection's row plus the FIFO wait. `capacity` is what was open to
 * this track: its own staff (triage), the shared capacity (track 2), what track 2 left (track 4).
 */
export interface TrackWeek extends WeekRow {
  /** FIFO wait in weeks after the end of this week for an application filed in it; null when beyond the horizon. */
  waitWeeks: number | null;
}

export interface ProjectTracksResult {
  /** Intake shares as used (track 4's filled in). */
  shares: PerTrack<number>;
  /** Opening backlog per track as used (a total split by the shares). */
  opening: PerTrack<number>;
  fastLeadTimeDays: number;
  tracks: PerTrack<TrackWeek[]>;
  /** Backlog of all three tracks together at the end of each week. */
  totalBacklog: number[];
  /** Shared capacity nobody used, each week (tracks 2 and 4 both empty). */
  unusedCapacity: number[];
  closingBacklog: PerTrack<number> & { total: number };
}

interface CheckedTrackInputs {
  shares: PerTrack<number>;
  opening: PerTrack<number>;
  intake: number | number[];
  capacity: number | number[];
  weeks: number;
  leadDays: number;
  triagedShare: number;
}

/** projectTracks' inputs checked in the order the planner reads them: shares first, as they split the opening. */
function checkTrackInputs(options: ProjectTracksOptions): Result<CheckedTrackInputs> {
  const shares = checkShares(options.shares);
  if (!shares.ok) return shares;
  const opening = checkOpeningByTrack(options.openingByTrack, shares.value);
  if (!opening.ok) return opening;
  const series = checkSeriesAll({
    intake: [options.intake, NON_NEGATIVE, "intake"],
    capacity: [options.capacity, NON_NEGATIVE, "capacity"],
  });
  if (!series.ok) return series;
  const { intake, capacity } = series.value;
  const weeks = resolveSeriesWeeks(options.weeks, [
    ["intake", intake],
    ["capacity", capacity],
  ]);
  if (!weeks.ok) return weeks;
  const leadDays = checkNumber(options.fastLeadTimeDays ?? DEFAULT_FAST_LEAD_TIME_DAYS, FAST_LEAD_TIME_RULE, "fast_lead_time");
  if (!leadDays.ok) return leadDays;
  const triaged = checkNumber(options.triagedOpeningShare ?? 0, SHARE_RULE, "triaged_opening_share");
  if (!triaged.ok) return triaged;
  return ok({
    shares: shares.value,
    opening: opening.value,
    intake,
    capacity,
    weeks: weeks.value,
    leadDays: leadDays.value,
    triagedShare: triaged.value,
  });
}

/**
 * A one-number opening backlog: triage takes `triagedShare` of it, tracks 2 and 4 the rest in the
 * ratio of their intake shares. An opening given per track stays as given.
 */
function splitOpening(
  given: number | readonly number[],
  checked: PerTrack<number>,
  shares: PerTrack<number>,
  triagedShare: number,
): PerTrack<number> {
  // checkOpeningByTrack allows one number, a one-value range or three values.
  if (typeof given !== "number" && given.length !== 1) return checked;
  const total = checked.fast + checked.safe + checked.regular;
  const queued = shares.safe + shares.regular;
  const rest = total * (1 - triagedShare);
  return {
    fast: total * triagedShare,
    safe: queued > 0 ? (rest * shares.safe) / queued : 0,
    regular: queued > 0 ? (rest * shares.regular) / queued : rest,
  };
}

/**
 * Projects the three tracks week by week: triage (Ter Apel) clears within its lead time on its own
 * staff; track 2 takes the shared capacity first; track 4 gets the rest.
 *
 * @example
 * projectTracks({ openingByTrack: [0, 100, 1340], intake: 25, shares: [0.19, 0.2], capacity: 1600 / 52 })
 * // → ok; week 1: track 2 decides all 30.77 (it goes first), track 4 decides 0
 */
export function projectTracks(options: ProjectTracksOptions): Result<ProjectTracksResult> {
  const checked = checkTrackInputs(options);
  if (!checked.ok) return checked;
  const { shares: s, intake, capacity, weeks: n, leadDays } = checked.value;
  const o = splitOpening(options.openingByTrack, checked.value.opening, s, checked.value.triagedShare);
  const totalIntake = expandSeries(intake, n);
  const finite = checkFiniteTotal(o.fast + o.safe + o.regular, totalIntake, "intake");
  if (!finite.ok) return finite;
  const capacityWeeks = expandSeries(capacity, n);
  const intakeBy: PerTrack<number[]> = {
    fast: totalIntake.map((i) => i * s.fast),
    safe: totalIntake.map((i) => i * s.safe),
    regular: totalIntake.map((i) => i * s.regular),
  };
  const backlogBy: PerTrack<Float64Array> = { fast: new Float64Array(n), safe: new Float64Array(n), regular: new Float64Array(n) };
  const decisionsBy: PerTrack<Float64Array> = {
    fast: new Float64Array(n),
    safe: new Float64Array(n),
    regular: new Float64Array(n),
  };
  projectTracksCore(
    [o.fast, o.safe, o.regular],
    [intakeBy.fast, intakeBy.safe, intakeBy.regular],
    capacityWeeks,
    leadDays / 7,
    [backlogBy.fast, backlogBy.safe, backlogBy.regular],
    [decisionsBy.fast, decisionsBy.safe, decisionsBy.regular],
  );

  const capacityBy: PerTrack<ArrayLike<number>> = {
    fast: decisionsBy.fast,
    safe: capacityWeeks,
    regular: capacityWeeks.map((c, t) => c - (decisionsBy.safe[t] as number)),
  };
  const build = (id: TrackId): TrackWeek[] => {
    const backlog = backlogBy[id];
    const decisions = decisionsBy[id];
    const lead = leadTimes(backlog, decisions);
    const wait = new Array<number | null>(n);
    fifoWaitCore(backlog, decisions, wait);
    return Array.from(backlog, (b, t) => ({
      week: t + 1,
      intake: intakeBy[id][t] as number,
      capacity: capacityBy[id][t] as number,
      decisions: decisions[t] as number,
      backlog: b,
      leadTimeWeeks: lead[t] ?? null,
      waitWeeks: wait[t] ?? null,
    }));
  };
  const tracks: PerTrack<TrackWeek[]> = { fast: build("fast"), safe: build("safe"), regular: build("regular") };
  const totalBacklog = Array.from(
    backlogBy.fast,
    (f, t) => f + (backlogBy.safe[t] as number) + (backlogBy.regular[t] as number),
  );
  const unusedCapacity = Array.from(capacityBy.regular, (left, t) => left - (decisionsBy.regular[t] as number));
  // n ≥ 1: resolveSeriesWeeks never gives fewer weeks.
  const closing = {
    fast: backlogBy.fast[n - 1] as number,
    safe: backlogBy.safe[n - 1] as number,
    regular: backlogBy.regular[n - 1] as number,
  };
  return ok({
    shares: s,
    opening: o,
    fastLeadTimeDays: leadDays,
    tracks,
    totalBacklog,
    unusedCapacity,
    closingBacklog: { ...closing, total: closing.fast + closing.safe + closing.regular },
  });
}

/** FIFO wait at steady decisions: position ÷ decisions per week. */
export function waitWeeksCore(position: number, decisionsPerWeek: number): number {
  return position / decisionsPerWeek;
}

export interface WaitWeeksOptions {
  /** Cases ahead in the queue, this one included. */
  position: number;
  decisionsPerWeek: number;
}

/**
 * Weeks until a case at this queue position is decided, first-in-first-out, at steady decisions.
 * Zero decisions never reach it: a "range" error.
 *
 * @example
 * waitWeeks({ position: 1440, decisionsPerWeek: 1530 / 52 }) // → ok(48.94…), about 343 days
 */
export function waitWeeks(options: WaitWeeksOptions): Result<number> {
  const checked = checkNumbers({
    position: [options.position, NON_NEGATIVE, "position"],
    rate: [options.decisionsPerWeek, POSITIVE, "decisions_per_week"],
  });
  if (!checked.ok) return checked;
  const { position, rate } = checked.value;
  const weeks = waitWeeksCore(position, rate);
  if (!Number.isFinite(weeks)) {
    return fail({
      kind: "range",
      overflow: true,
      argument: "decisions_per_week",
      got: rate,
      message: `decisions_per_week: ${rate} is too small to give a finite wait`,
    });
  }
  return ok(weeks);
}
