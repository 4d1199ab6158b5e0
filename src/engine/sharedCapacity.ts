/**
 * Shared capacity and crowding-out. The Minister's caveat: "if I pull 1,600 people forward, I push
 * 1,600 others back". Decision capacity (given, or fte × decisions per fte per week) is shared
 * between subsequent applications and other work types; capacity moved to subsequent applications
 * is capacity the other work loses. The engine shows, week by week, how much the other work's
 * backlog grows, and how many extra fte would hold it where it would have been.
 */
import { projectBacklogCore } from "./project";
import { checkFiniteTotal, expandSeries, resolveSeriesWeeks, WeeklyOut } from "./tracks";
import {
  checkNumber,
  checkNumbers,
  checkSeries,
  checkSeriesAll,
  fail,
  NON_NEGATIVE,
  ok,
  POSITIVE,
  Result,
  SeriesInput,
} from "./validate";

/** Weekly decisions from staff: fte × decisions per fte per week. */
export function fteCapacityCore(fte: number, decisionsPerFteWeek: number): number {
  return fte * decisionsPerFteWeek;
}

export interface FteCapacityOptions {
  fte: number;
  decisionsPerFteWeek: number;
}

/**
 * Weekly decision capacity of a team.
 *
 * @example
 * fteCapacity({ fte: 20, decisionsPerFteWeek: 1.5 }) // → ok(30)
 */
export function fteCapacity(options: FteCapacityOptions): Result<number> {
  const checked = checkNumbers({
    fte: [options.fte, NON_NEGATIVE, "fte"],
    rate: [options.decisionsPerFteWeek, NON_NEGATIVE, "decisions_per_fte_week"],
  });
  if (!checked.ok) return checked;
  const capacity = fteCapacityCore(checked.value.fte, checked.value.rate);
  if (!Number.isFinite(capacity)) {
    return fail({
      kind: "range",
      overflow: true,
      argument: "fte",
      message: "fte: the figures are too large to give a finite capacity",
    });
  }
  return ok(capacity);
}

/** Staff behind a weekly capacity: decisions per week ÷ decisions per fte per week. */
export function fteForCapacityCore(capacity: number, decisionsPerFteWeek: number): number {
  return capacity / decisionsPerFteWeek;
}

export interface FteForCapacityOptions {
  /** Decisions per week. */
  capacity: number;
  decisionsPerFteWeek: number;
}

/**
 * The fte a weekly capacity takes, the inverse of `fteCapacity`: what every scenario's capacity
 * and the capacity still needed on Voortgang are in people.
 *
 * @example
 * fteForCapacity({ capacity: 1600 / 52, decisionsPerFteWeek: 1.5 }) // → ok(20.51…)
 */
export function fteForCapacity(options: FteForCapacityOptions): Result<number> {
  const checked = checkNumbers({
    capacity: [options.capacity, NON_NEGATIVE, "capacity"],
    rate: [options.decisionsPerFteWeek, POSITIVE, "decisions_per_fte_week"],
  });
  if (!checked.ok) return checked;
  const fte = fteForCapacityCore(checked.value.capacity, checked.value.rate);
  const finite = checkFiniteFte(fte);
  return finite.ok ? ok(fte) : finite;
}

export interface CrowdingOutSeries {
  backlogWithout: WeeklyOut;
  backlogWith: WeeklyOut;
  decisionsWithout: WeeklyOut;
  decisionsWith: WeeklyOut;
}

/**
 * The other work's stock-flow twice, with no checks: on its own capacity, and on that capacity
 * less the moved capacity (never below 0). Lost decisions are `decisionsWithout − decisionsWith`.
 */
export function crowdingOutCore(
  opening: number,
  intake: ArrayLike<number>,
  capacity: ArrayLike<number>,
  moved: ArrayLike<number>,
  out: CrowdingOutSeries,
): void {
  const n = out.backlogWithout.length;
  const reduced = Float64Array.from({ length: n }, (_, t) => Math.max(0, (capacity[t] as number) - (moved[t] as number)));
  projectBacklogCore(opening, intake, capacity, out.backlogWithout, out.decisionsWithout);
  projectBacklogCore(opening, intake, reduced, out.backlogWith, out.decisionsWith);
}

/**
 * Running peak of the lost decisions (never below 0): steady extra capacity that, added to the
 * other work from week 1, keeps its backlog at or below the backlog without the move through
 * each week. A week the other work is busy loses exactly the moved capacity; a week it has slack
 * loses less, so this never asks for more than the moved capacity.
 */
export function extraCapacityCore(lostDecisions: ArrayLike<number>, out: WeeklyOut): void {
  let peak = 0;
  for (let t = 0; t < out.length; t++) {
    const lost = lostDecisions[t] as number;
    if (lost > peak) peak = lost;
    out[t] = peak;
  }
}

export interface CrowdingOutOptions {
  /** The other work's backlog at the start of week 1. */
  opening: number;
  /** The other work's weekly intake. */
  intake: SeriesInput;
  /** The other work's weekly capacity before any is moved. */
  capacity: SeriesInput;
  /** Capacity moved each week from the other work to subsequent applications. */
  moved: SeriesInput;
  /** Number of weeks. Defaults to the length of a weekly series, else 52. */
  weeks?: number;
  /** Decisions per fte per week, to express the extra capacity needed in fte. */
  decisionsPerFteWeek?: number;
}

export interface CrowdingOutWeek {
  week: number;
  intake: number;
  capacity: number;
  moved: number;
  decisionsWithout: number;
  decisionsWith: number;
  /** Decisions the other work did not make because of the move (negative: caught up). */
  lostDecisions: number;
  backlogWithout: number;
  backlogWith: number;
  /** backlogWith − backlogWithout: the lost decisions so far. */
  extraBacklog: number;
  /** Steady extra decisions per week that hold the other work at its backlog without the move, through this week. */
  extraCapacityNeeded: number;
  /** The same in fte; null without decisions per fte. */
  extraFteNeeded: number | null;
}

export interface CrowdingOutResult {
  rows: CrowdingOutWeek[];
  /** Backlog at the end of the last week, without and with the move. */
  closingBacklogWithout: number;
  closingBacklogWith: number;
  /** Lost decisions over the horizon (= the closing extra backlog). */
  totalLostDecisions: number;
  extraCapacityNeeded: number;
  extraFteNeeded: number | null;
}

/** Builds the rows from expanded, checked series (shared by crowdingOut and shareCapacity). */
function crowdingOutRows(
  opening: number,
  intake: readonly number[],
  capacity: readonly number[],
  moved: readonly number[],
  decisionsPerFteWeek: number | undefined,
): CrowdingOutResult {
  const n = intake.length;
  const out = {
    backlogWithout: new Float64Array(n),
    backlogWith: new Float64Array(n),
    decisionsWithout: new Float64Array(n),
    decisionsWith: new Float64Array(n),
  };
  crowdingOutCore(opening, intake, capacity, moved, out);
  const lost = Array.from(out.decisionsWithout, (d, t) => d - (out.decisionsWith[t] as number));
  const extra = new Float64Array(n);
  extraCapacityCore(lost, extra);
  const toFte = (c: number): number | null => (decisionsPerFteWeek === undefined ? null : c / decisionsPerFteWeek);
  const rows: CrowdingOutWeek[] = lost.map((lostDecisions, t) => {
    const without = out.backlogWithout[t] as number;
    const withMove = out.backlogWith[t] as number;
    const needed = extra[t] as number;
    return {
      week: t + 1,
      intake: intake[t] as number,
      capacity: capacity[t] as number,
      moved: moved[t] as number,
      decisionsWithout: out.decisionsWithout[t] as number,
      decisionsWith: out.decisionsWith[t] as number,
      lostDecisions,
      backlogWithout: without,
      backlogWith: withMove,
      extraBacklog: withMove - without,
      extraCapacityNeeded: needed,
      extraFteNeeded: toFte(needed),
    };
  });
  // n ≥ 1: resolveSeriesWeeks never gives fewer weeks.
  const last = rows[n - 1] as CrowdingOutWeek;
  return {
    rows,
    closingBacklogWithout: last.backlogWithout,
    closingBacklogWith: last.backlogWith,
    totalLostDecisions: lost.reduce((sum, l) => sum + l, 0),
    extraCapacityNeeded: last.extraCapacityNeeded,
    extraFteNeeded: toFte(last.extraCapacityNeeded),
  };
}

/** A tiny decisions-per-fte figure can turn a finite need into an infinite number of fte. */
function checkFiniteFte(extraFte: number | null): Result<true> {
  if (extraFte === null || Number.isFinite(extraFte)) return ok(true);
  return fail({
    kind: "range",
    overflow: true,
    argument: "decisions_per_fte_week",
    message: "decisions_per_fte_week: too small to give a finite number of fte",
  });
}

/** Rejects moving more capacity than there is, naming the week. */
function checkWithin(
  part: readonly number[],
  whole: readonly number[],
  partArg: string,
  wholeArg: string,
  partIsSeries: boolean,
  wholeIsSeries: boolean,
): Result<true> {
  const t = part.findIndex((p, i) => {
    const w = whole[i] as number;
    return p > w + 1e-9 * Math.max(1, w);
  });
  if (t < 0) return ok(true);
  const p = part[t] as number;
  const w = whole[t] as number;
  const partWhere = partIsSeries ? `${partArg}, week ${t + 1}` : partArg;
  const wholeWhere = wholeIsSeries ? `${wholeArg}, week ${t + 1}` : wholeArg;
  return fail({
    kind: "range",
    argument: partArg,
    ...(partIsSeries && { week: t + 1 }),
    got: p,
    message: `${partWhere}: expected a number from 0 to ${w} (${wholeWhere}), got ${p}`,
  });
}

/**
 * The other work's backlog week by week with and without the moved capacity, the decisions it
 * loses and the extra fte that would hold it where it would have been.
 *
 * @example
 * crowdingOut({ opening: 5000, intake: 100, capacity: 100, moved: 1600 / 52, weeks: 52 })
 * // → ok; closingBacklogWith === 6600: pulling 1,600 forward pushes 1,600 back
 */
export function crowdingOut(options: CrowdingOutOptions): Result<CrowdingOutResult> {
  const opening = checkNumber(options.opening, NON_NEGATIVE, "other_backlog");
  if (!opening.ok) return opening;
  const series = checkSeriesAll({
    intake: [options.intake, NON_NEGATIVE, "other_intake"],
    capacity: [options.capacity, NON_NEGATIVE, "other_capacity"],
    moved: [options.moved, NON_NEGATIVE, "moved_capacity"],
  });
  if (!series.ok) return series;
  const { intake, capacity, moved } = series.value;
  const weeks = resolveSeriesWeeks(options.weeks, [
    ["other_intake", intake],
    ["other_capacity", capacity],
    ["moved_capacity", moved],
  ]);
  if (!weeks.ok) return weeks;
  const perFte = checkOptionalPerFte(options.decisionsPerFteWeek);
  if (!perFte.ok) return perFte;
  const n = weeks.value;
  const capacityWeeks = expandSeries(capacity, n);
  const movedWeeks = expandSeries(moved, n);
  const within = checkWithin(
    movedWeeks,
    capacityWeeks,
    "moved_capacity",
    "other_capacity",
    typeof moved !== "number",
    typeof capacity !== "number",
  );
  if (!within.ok) return within;
  const intakeWeeks = expandSeries(intake, n);
  const finite = checkFiniteTotal(opening.value, intakeWeeks, "other_intake");
  if (!finite.ok) return finite;
  const result = crowdingOutRows(opening.value, intakeWeeks, capacityWeeks, movedWeeks, perFte.value);
  const fte = checkFiniteFte(result.extraFteNeeded);
  return fte.ok ? ok(result) : fte;
}

/** Another work type sharing the capacity, e.g. first applications. */
export interface OtherWork {
  name: string;
  /** Backlog at the start of week 1. */
  opening: number;
  intake: SeriesInput;
  /** Relative claim on the capacity left after subsequent applications; 1 unless given. */
  weight?: number;
}

export interface ShareCapacityOptions {
  /** Total weekly decision capacity to share. Give this, or `fte` with `decisionsPerFteWeek`. */
  capacity?: SeriesInput;
  /** Staff in fte; the total capacity is then fte × decisionsPerFteWeek. */
  fte?: number;
  /** Decisions per fte per week: needed with `fte`; with `capacity` it puts the extra need in fte. */
  decisionsPerFteWeek?: number;
  /** Subsequent applications: backlog, intake and the capacity they get before any is moved. */
  subsequent: { opening: number; intake: SeriesInput; capacity: SeriesInput };
  /** Capacity moved each week from the other work to subsequent applications. */
  moved: SeriesInput;
  /** The other work types; they split what subsequent applications leave by weight. */
  others: readonly OtherWork[];
  weeks?: number;
}

export interface SubsequentWeek {
  week: number;
  capacityWithout: number;
  capacityWith: number;
  decisionsWithout: number;
  decisionsWith: number;
  backlogWithout: number;
  backlogWith: number;
}

export interface OtherWorkResult extends CrowdingOutResult {
  name: string;
  /** This work type's part of the capacity left after subsequent applications (weight ÷ total weight). */
  share: number;
}

export interface ShareCapacityResult {
  totalCapacity: number[];
  subsequent: SubsequentWeek[];
  others: OtherWorkResult[];
  /** Extra decisions on subsequent applications each week. */
  gainedDecisions: number[];
  /** Decisions all other work together lost each week. */
  lostDecisions: number[];
  /** Sum over work types of the steady extra capacity each needs (decisions per week). */
  extraCapacityNeeded: number;
  /** The same in fte; null when decisions per fte are not known. */
  extraFteNeeded: number | null;
}

function otherLabel(work: OtherWork, index: number): string {
  const name = typeof work.name === "string" ? work.name.trim() : "";
  return name === "" ? `other work ${index + 1}` : name;
}

/** decisions_per_fte_week when given: more than 0, since fte needed divide by it. */
function checkOptionalPerFte(value: number | undefined): Result<number | undefined> {
  return value === undefined ? ok(undefined) : checkNumber(value, POSITIVE, "decisions_per_fte_week");
}

function resolveTotal(options: ShareCapacityOptions): Result<{ total: number | number[]; perFte: number | undefined }> {
  if (options.capacity !== undefined && options.fte !== undefined) {
    return fail({ kind: "shape", argument: "fte", message: "fte: give either capacity or fte, not both" });
  }
  const checkedPerFte = checkOptionalPerFte(options.decisionsPerFteWeek);
  if (!checkedPerFte.ok) return checkedPerFte;
  const perFte = checkedPerFte.value;
  if (options.capacity !== undefined) {
    const total = checkSeries(options.capacity, NON_NEGATIVE, "capacity");
    return total.ok ? ok({ total: total.value, perFte }) : total;
  }
  if (options.fte === undefined) {
    return fail({
      kind: "shape",
      argument: "capacity",
      message: "capacity: give the total capacity, or fte and decisions_per_fte_week",
    });
  }
  const fte = checkNumber(options.fte, NON_NEGATIVE, "fte");
  if (!fte.ok) return fte;
  if (perFte === undefined) {
    return fail({
      kind: "shape",
      argument: "decisions_per_fte_week",
      message: "decisions_per_fte_week: needed with fte to compute the total capacity",
    });
  }
  return ok({ total: fteCapacityCore(fte.value, perFte), perFte });
}

interface CheckedOther {
  label: string;
  opening: number;
  intake: number | number[];
  weight: number;
}

/** Each other work type's backlog, intake and weight, named by its label. */
function checkOthers(works: readonly OtherWork[]): Result<CheckedOther[]> {
  if (works.length === 0) {
    return fail({
      kind: "shape",
      argument: "others",
      message: "others: give at least one other work type",
    });
  }
  const others: CheckedOther[] = [];
  for (let i = 0; i < works.length; i++) {
    const work = works[i] as OtherWork;
    const label = otherLabel(work, i);
    const numbers = checkNumbers({
      opening: [work.opening, NON_NEGATIVE, `${label} backlog`],
      weight: [work.weight ?? 1, NON_NEGATIVE, `${label} weight`],
    });
    if (!numbers.ok) return numbers;
    const intake = checkSeries(work.intake, NON_NEGATIVE, `${label} intake`);
    if (!intake.ok) return intake;
    others.push({
      label,
      opening: numbers.value.opening,
      intake: intake.value,
      weight: numbers.value.weight,
    });
  }
  return ok(others);
}

/** The checked inputs of shareCapacity, in the order the messages are given. */
interface CheckedShareInputs {
  total: { total: number | number[]; perFte: number | undefined };
  sOpening: number;
  sIntake: number | number[];
  sCapacity: number | number[];
  moved: number | number[];
  others: CheckedOther[];
  weightSum: number;
  weeks: number;
}

function checkShareInputs(options: ShareCapacityOptions): Result<CheckedShareInputs> {
  const total = resolveTotal(options);
  if (!total.ok) return total;
  const sOpening = checkNumber(options.subsequent.opening, NON_NEGATIVE, "subsequent_backlog");
  if (!sOpening.ok) return sOpening;
  const series = checkSeriesAll({
    intake: [options.subsequent.intake, NON_NEGATIVE, "subsequent_intake"],
    capacity: [options.subsequent.capacity, NON_NEGATIVE, "subsequent_capacity"],
    moved: [options.moved, NON_NEGATIVE, "moved_capacity"],
  });
  if (!series.ok) return series;
  const { intake: sIntake, capacity: sCapacity, moved } = series.value;
  const checkedOthers = checkOthers(options.others);
  if (!checkedOthers.ok) return checkedOthers;
  const others = checkedOthers.value;
  const weightSum = others.reduce((sum, o) => sum + o.weight, 0);
  if (!(weightSum > 0)) {
    return fail({ kind: "range", argument: "others", message: "others: the weights add up to 0; give at least one work type a weight above 0" });
  }
  const weeks = resolveSeriesWeeks(options.weeks, [
    ["capacity", total.value.total],
    ["subsequent_intake", sIntake],
    ["subsequent_capacity", sCapacity],
    ["moved_capacity", moved],
    ...others.map((o) => [`${o.label} intake`, o.intake] as const),
  ]);
  if (!weeks.ok) return weeks;
  return ok({ total: total.value, sOpening: sOpening.value, sIntake, sCapacity, moved, others, weightSum, weeks: weeks.value });
}

/**
 * Shares a total capacity between subsequent applications and other work, and shows what moving
 * capacity to subsequent applications does to each: the other work types split what subsequent
 * applications leave by weight, before and after the move.
 *
 * @example
 * shareCapacity({
 *   capacity: 130,
 *   subsequent: { opening: 1440, intake: 25, capacity: 27.5 },
 *   moved: 1600 / 52 - 27.5,
 *   others: [{ name: "first applications", opening: 5000, intake: 102.5 }],
 * }) // → ok; others[0] loses 3.27 decisions a week, 170 over 52 weeks
 */
export function shareCapacity(options: ShareCapacityOptions): Result<ShareCapacityResult> {
  const checked = checkShareInputs(options);
  if (!checked.ok) return checked;
  const { total, sOpening, sIntake, sCapacity, moved, others, weightSum, weeks: n } = checked.value;
  const totalWeeks = expandSeries(total.total, n);
  const sCapWeeks = expandSeries(sCapacity, n);
  const movedWeeks = expandSeries(moved, n);
  const totalIsSeries = typeof total.total !== "number";
  const fits = checkWithin(sCapWeeks, totalWeeks, "subsequent_capacity", "capacity", typeof sCapacity !== "number", totalIsSeries);
  if (!fits.ok) return fits;
  const left = totalWeeks.map((c, t) => Math.max(0, c - (sCapWeeks[t] as number)));
  const movable = checkWithin(
    movedWeeks,
    left,
    "moved_capacity",
    "capacity − subsequent_capacity",
    typeof moved !== "number",
    totalIsSeries || typeof sCapacity !== "number",
  );
  if (!movable.ok) return movable;

  const perFte = total.perFte;
  const intakeByOther = others.map((o) => expandSeries(o.intake, n));
  for (let i = 0; i < others.length; i++) {
    const o = others[i] as (typeof others)[number];
    const finite = checkFiniteTotal(o.opening, intakeByOther[i] as number[], `${o.label} intake`);
    if (!finite.ok) return finite;
  }
  const sIntakeWeeks = expandSeries(sIntake, n);
  const sFinite = checkFiniteTotal(sOpening, sIntakeWeeks, "subsequent_intake");
  if (!sFinite.ok) return sFinite;
  const results: OtherWorkResult[] = others.map((o, i) => {
    const share = o.weight / weightSum;
    const result = crowdingOutRows(
      o.opening,
      intakeByOther[i] as number[],
      left.map((c) => c * share),
      movedWeeks.map((m) => m * share),
      perFte,
    );
    return { name: o.label, share, ...result };
  });

  const sCapWith = sCapWeeks.map((c, t) => c + (movedWeeks[t] as number));
  const sBacklogWithout = new Array<number>(n);
  const sBacklogWith = new Array<number>(n);
  const sDecisionsWithout = new Float64Array(n);
  const sDecisionsWith = new Float64Array(n);
  projectBacklogCore(sOpening, sIntakeWeeks, sCapWeeks, sBacklogWithout, sDecisionsWithout);
  projectBacklogCore(sOpening, sIntakeWeeks, sCapWith, sBacklogWith, sDecisionsWith);
  const subsequent: SubsequentWeek[] = sBacklogWithout.map((b, t) => ({
    week: t + 1,
    capacityWithout: sCapWeeks[t] as number,
    capacityWith: sCapWith[t] as number,
    decisionsWithout: sDecisionsWithout[t] as number,
    decisionsWith: sDecisionsWith[t] as number,
    backlogWithout: b,
    backlogWith: sBacklogWith[t] as number,
  }));

  const extraCapacityNeeded = results.reduce((sum, r) => sum + r.extraCapacityNeeded, 0);
  const extraFteNeeded = perFte === undefined ? null : extraCapacityNeeded / perFte;
  const fte = checkFiniteFte(extraFteNeeded);
  if (!fte.ok) return fte;
  return ok({
    totalCapacity: totalWeeks,
    subsequent,
    others: results,
    gainedDecisions: subsequent.map((s) => s.decisionsWith - s.decisionsWithout),
    lostDecisions: totalWeeks.map((_, t) => results.reduce((sum, r) => sum + (r.rows[t] as CrowdingOutWeek).lostDecisions, 0)),
    extraCapacityNeeded,
    extraFteNeeded,
  });
}
