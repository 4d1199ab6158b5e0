/**
 * Monitoring: the plan against what actually happened, week by week (issue 11).
 *
 * The plan is the projection with `decisions = min(capacity, backlog + intake)`. For every known
 * week the gap between the actual and the planned backlog is split into what came in above plan,
 * what was decided below plan, and what the flows do not explain (a measured backlog only). On
 * top: where the actual backlog stands in the Monte Carlo band of the plan, and a re-forecast from
 * the latest actual backlog. Pure: the seed is passed in, the generator is built from it.
 */
import { requiredCapacityCore } from "./closedForms";
import { DEFAULT_SEED, IntakeForecastPaths, IntakeModel, SEED_RULE } from "./montecarlo/options";
import { simulateBacklog } from "./montecarlo/simulation";
import { chanceBelow } from "./montecarlo/targets";
import { projectBacklog, projectBacklogCore, ProjectionResult } from "./project";
import { createRng } from "./random";
import { checkNumber, checkSeries, fail, NON_NEGATIVE, ok, Result, SeriesInput } from "./validate";

/** What actually happened, per known week from week 1. */
export interface ActualsInput {
  /** Actual intake per known week, from week 1; its length is the number of weeks known. */
  actualIntake: SeriesInput;
  /** Actual decisions per known week; as long as `actualIntake`. */
  actualDecisions: SeriesInput;
  /** Measured backlog at the end of each known week; as long as `actualIntake` when given. */
  actualBacklog?: SeriesInput;
}

export interface PlanVsActualOptions extends ActualsInput {
  /** Backlog at the start of week 1 of the plan. */
  opening: number;
  /** Planned weekly intake: one number or one figure per plan week. */
  plannedIntake: SeriesInput;
  /** Planned weekly capacity: one number or one figure per plan week. */
  plannedCapacity: SeriesInput;
}

/** One known week: the plan, the actuals and the six columns of `=IND.PLAN_VS_ACTUAL`. */
export interface MonitoringWeek {
  week: number;
  plannedIntake: number;
  actualIntake: number;
  plannedCapacity: number;
  plannedDecisions: number;
  actualDecisions: number;
  /** Column 1. */
  plannedBacklog: number;
  /** Column 2: the measured backlog when given, else opening + Σ actual intake − Σ actual decisions. */
  actualBacklog: number;
  /** True when `actualBacklog` was measured. */
  measured: boolean;
  /** Column 3: actual − planned backlog. */
  difference: number;
  /** Column 4: Σ (actual intake − planned intake) up to this week. */
  intakeAbovePlan: number;
  /** Column 5: Σ (planned decisions − actual decisions) up to this week. */
  decisionsBelowPlan: number;
  /** Column 6: difference − column 4 − column 5; exactly 0 without a measured backlog. */
  unexplained: number;
}

export interface PlanVsActualResult {
  /** Backlog at the start of week 1. */
  opening: number;
  /** The plan over its whole horizon. */
  plan: ProjectionResult;
  /** One row per known week. */
  weeks: MonitoringWeek[];
}

/** The six columns of `=IND.PLAN_VS_ACTUAL`, in order. */
export function monitoringColumns(week: MonitoringWeek): number[] {
  return [
    week.plannedBacklog,
    week.actualBacklog,
    week.difference,
    week.intakeAbovePlan,
    week.decisionsBelowPlan,
    week.unexplained,
  ];
}

const asList = (series: number | number[]): number[] => (typeof series === "number" ? [series] : series);

/** Checks one actual range: numbers ≥ 0, and, after the first, as long as `known`. */
function checkActual(series: SeriesInput, argument: string, known?: { weeks: number; argument: string }): Result<number[]> {
  const checked = checkSeries(series, NON_NEGATIVE, argument);
  if (!checked.ok) return checked;
  const list = asList(checked.value);
  if (known !== undefined && list.length !== known.weeks) {
    return fail({
      kind: "shape",
      argument,
      message: `${argument}: has ${list.length} weeks but ${known.argument} has ${known.weeks}; give one figure per known week`,
    });
  }
  return ok(list);
}

/** The plan: the projection of the planned intake and capacity, errors naming `planned_*`. */
function checkPlan(options: PlanVsActualOptions): Result<ProjectionResult> {
  const opening = checkNumber(options.opening, NON_NEGATIVE, "opening");
  if (!opening.ok) return opening;
  const intake = checkSeries(options.plannedIntake, NON_NEGATIVE, "planned_intake");
  if (!intake.ok) return intake;
  const capacity = checkSeries(options.plannedCapacity, NON_NEGATIVE, "planned_capacity");
  if (!capacity.ok) return capacity;
  if (Array.isArray(intake.value) && Array.isArray(capacity.value) && intake.value.length !== capacity.value.length) {
    return fail({
      kind: "shape",
      argument: "planned_capacity",
      message: `planned_capacity: has ${capacity.value.length} weeks but planned_intake has ${intake.value.length}; give one number or one figure per plan week`,
    });
  }
  const plan = projectBacklog({ opening: opening.value, intake: intake.value, capacity: capacity.value });
  if (!plan.ok) {
    const argument = plan.error.argument === "capacity" ? "planned_capacity" : "planned_intake";
    // The engine's message starts with its argument ("intake: …"): say the plan's name instead.
    return fail({ ...plan.error, argument, message: argument + plan.error.message.slice(plan.error.argument.length) });
  }
  return plan;
}

interface Actuals {
  intake: number[];
  decisions: number[];
  backlog: number[] | undefined;
}

function checkActuals(options: ActualsInput, planWeeks: number): Result<Actuals> {
  const intake = checkActual(options.actualIntake, "actual_intake");
  if (!intake.ok) return intake;
  const known = { weeks: intake.value.length, argument: "actual_intake" };
  const decisions = checkActual(options.actualDecisions, "actual_decisions", known);
  if (!decisions.ok) return decisions;
  let backlog: number[] | undefined;
  if (options.actualBacklog !== undefined) {
    const checked = checkActual(options.actualBacklog, "actual_backlog", known);
    if (!checked.ok) return checked;
    backlog = checked.value;
  }
  if (known.weeks > planWeeks) {
    return fail({
      kind: "shape",
      argument: "actual_intake",
      message: `actual_intake: has ${known.weeks} weeks but the plan has only ${planWeeks}; the actuals may not run past the plan`,
    });
  }
  return ok({ intake: intake.value, decisions: decisions.value, backlog });
}

/**
 * The plan against the actuals for every known week: the six columns of `=IND.PLAN_VS_ACTUAL`.
 * Errors name the argument and, for a value, the week (as `validate.ts` does).
 *
 * @example
 * comparePlanWithActuals({ opening: 1440, plannedIntake: 25, plannedCapacity: 30, actualIntake: [27, 24], actualDecisions: [28, 31] })
 * // → ok; weeks[1]: planned 1430, actual 1432, difference 2 = 1 (intake) + 1 (decisions) + 0
 */
export function comparePlanWithActuals(options: PlanVsActualOptions): Result<PlanVsActualResult> {
  const plan = checkPlan(options);
  if (!plan.ok) return plan;
  return compareWithPlan(options.opening, plan.value, options);
}

/**
 * The actuals against a plan already projected (the current inputs' or a stored baseline's):
 * planned intake, decisions and backlog come from its rows.
 */
export function compareWithPlan(opening: number, plan: ProjectionResult, options: ActualsInput): Result<PlanVsActualResult> {
  const actuals = checkActuals(options, plan.rows.length);
  if (!actuals.ok) return actuals;
  const { intake, decisions, backlog } = actuals.value;
  const weeks: MonitoringWeek[] = [];
  let flowBacklog = opening;
  let intakeAbove = 0;
  let decisionsBelow = 0;
  for (let t = 0; t < intake.length; t++) {
    const row = plan.rows[t] as ProjectionResult["rows"][number];
    const actualIntake = intake[t] as number;
    const actualDecisions = decisions[t] as number;
    flowBacklog += actualIntake - actualDecisions;
    intakeAbove += actualIntake - row.intake;
    decisionsBelow += row.decisions - actualDecisions;
    const measured = backlog !== undefined;
    const actualBacklog = measured ? (backlog[t] as number) : flowBacklog;
    const difference = actualBacklog - row.backlog;
    if (!Number.isFinite(flowBacklog) || !Number.isFinite(intakeAbove) || !Number.isFinite(decisionsBelow)) {
      return fail({
        kind: "range",
        argument: "actual_intake",
        week: t + 1,
        message: `actual_intake, week ${t + 1}: the figures are too large to add up to a finite backlog`,
      });
    }
    weeks.push({
      week: t + 1,
      plannedIntake: row.intake,
      actualIntake,
      plannedCapacity: row.capacity,
      plannedDecisions: row.decisions,
      actualDecisions,
      plannedBacklog: row.backlog,
      actualBacklog,
      measured,
      difference,
      intakeAbovePlan: intakeAbove,
      decisionsBelowPlan: decisionsBelow,
      unexplained: measured ? difference - intakeAbove - decisionsBelow : 0,
    });
  }
  return ok({ opening, plan, weeks });
}

/** Weeks of actual intake the re-forecast averages over (fewer when fewer are known). */
export const REFORECAST_WINDOW = 8;

export interface Reforecast {
  /** The latest known week; the re-forecast starts from its actual backlog. */
  fromWeek: number;
  startBacklog: number;
  /** Mean actual intake over the last 8 known weeks (fewer when fewer are known). */
  meanIntake: number;
  /** Mean actual decisions over the same weeks. */
  meanDecisions: number;
  /** Plan weeks after `fromWeek`. */
  remainingWeeks: number;
  /** Backlog at the end of each remaining week, with planned capacity and `meanIntake`. */
  backlog: number[];
  /** Backlog at the end of the plan horizon: the last of `backlog`, or `startBacklog` when none remain. */
  endBacklog: number;
  /** The plan's own backlog at the end of the horizon. */
  planEndBacklog: number;
  /** Steady weekly capacity that still reaches `planEndBacklog` under `meanIntake`; null when no weeks remain. */
  requiredCapacity: number | null;
  /**
   * Expected wait for a new application, in weeks, by Little's law: latest actual backlog ÷ mean
   * actual decisions per week (same 8 weeks). Not the mean lead time of decided cases. Null when
   * nothing was decided.
   */
  waitWeeks: number | null;
  /**
   * The same re-forecast at the current pace instead of the planned capacity: `meanDecisions`
   * a week for every remaining week. Voortgang shows both: the plan says what was promised, the
   * pace what the team is doing.
   */
  atPace: { capacity: number; backlog: number[]; endBacklog: number };
}

/**
 * The re-forecast from the latest actual backlog, exactly as issue 11 defines it, and beside it
 * the one at the current pace (issue 23).
 *
 * @example
 * reforecast(result) // sample actuals: fromWeek 12, endBacklog ≈ 1247, atPace.endBacklog ≈ 1333
 */
export function reforecast(result: PlanVsActualResult): Reforecast {
  const { plan, weeks } = result;
  const latest = weeks[weeks.length - 1] as MonitoringWeek;
  const window = weeks.slice(Math.max(0, weeks.length - REFORECAST_WINDOW));
  let intakeSum = 0;
  let decisionsSum = 0;
  for (const week of window) {
    intakeSum += week.actualIntake;
    decisionsSum += week.actualDecisions;
  }
  const meanIntake = intakeSum / window.length;
  const meanDecisions = decisionsSum / window.length;
  const remaining = plan.rows.slice(latest.week);
  const backlog = new Array<number>(remaining.length);
  const intake = new Array<number>(remaining.length).fill(meanIntake);
  const endBacklog = projectBacklogCore(latest.actualBacklog, intake, remaining.map((row) => row.capacity), backlog);
  const paceBacklog = new Array<number>(remaining.length);
  const paceEnd = projectBacklogCore(latest.actualBacklog, intake, intake.map(() => meanDecisions), paceBacklog);
  return {
    fromWeek: latest.week,
    startBacklog: latest.actualBacklog,
    meanIntake,
    meanDecisions,
    remainingWeeks: remaining.length,
    backlog,
    endBacklog,
    planEndBacklog: plan.closingBacklog,
    requiredCapacity:
      remaining.length === 0
        ? null
        : requiredCapacityCore(latest.actualBacklog, meanIntake, plan.closingBacklog, remaining.length),
    waitWeeks: meanDecisions > 0 ? latest.actualBacklog / meanDecisions : null,
    atPace: { capacity: meanDecisions, backlog: paceBacklog, endBacklog: paceEnd },
  };
}

/** Where the actual backlog stands against the P10–P90 band of the plan. */
export type BandStatus = "within" | "above" | "below";

/** "above" (behind plan) beyond P90, "below" (ahead of plan) under P10, else "within". */
export function bandStatus(actual: number, p10: number, p90: number): BandStatus {
  if (actual > p90) return "above";
  if (actual < p10) return "below";
  return "within";
}

/** How the plan's band is simulated. */
export interface MonitorSimulationOptions {
  /** Seed of the Monte Carlo; default 2024, as the =IND.* functions. */
  seed?: number;
  /** Simulated runs; default 10,000. */
  runs?: number;
  /** Default Poisson around the planned intake. */
  intakeModel?: IntakeModel;
  /** Capacity spread of the simulation; default 0 (capacity as planned). */
  capacitySpread?: number;
  /**
   * When the planned intake is a forecast from history: the band and rank draw each run's intake
   * path around it with the forecast's own uncertainty (issue 24), so a seasonal peak inside the
   * forecast's interval stays inside the band.
   */
  intakeForecast?: IntakeForecastPaths;
}

export interface MonitorOptions extends PlanVsActualOptions, MonitorSimulationOptions {}

export interface MonitorResult extends PlanVsActualResult {
  seed: number;
  runs: number;
  intakeModel: IntakeModel;
  capacitySpread: number;
  /** The forecast the band's intake paths were drawn around, when the plan's intake is one. */
  intakeForecast?: IntakeForecastPaths;
  /** P10 and P90 of the plan's backlog for every plan week (the whole horizon). */
  p10: number[];
  p90: number[];
  /** Per known week: share of simulated runs with backlog ≤ the actual backlog (as CHANCE_BELOW). */
  rank: number[];
  /** Per known week. */
  status: BandStatus[];
  reforecast: Reforecast;
}

/**
 * Everything the monitoring sheet shows: the six columns, the band and rank from the seeded Monte
 * Carlo, the status per week and the re-forecast. The rank of week t is exactly
 * `chanceBelow(createRng(seed), { …plan, weeks: t, target: actual backlog })`, the figure
 * `=IND.CHANCE_BELOW(opening, intake, capacity, t, actual)` gives.
 *
 * @example
 * monitorPlan({ opening: 1440, plannedIntake: 25, plannedCapacity: 1600 / 52, actualIntake, actualDecisions })
 */
export function monitorPlan(options: MonitorOptions): Result<MonitorResult> {
  const compared = comparePlanWithActuals(options);
  if (!compared.ok) return compared;
  return monitorComparison(compared.value, options);
}

/**
 * The band, rank, status and re-forecast for a comparison already made, against its own plan:
 * `monitorPlan` after `comparePlanWithActuals`, and the baseline's monitoring after
 * `compareWithBaseline`.
 */
export function monitorComparison(compared: PlanVsActualResult, options: MonitorSimulationOptions = {}): Result<MonitorResult> {
  const seed = checkNumber(options.seed ?? DEFAULT_SEED, SEED_RULE, "seed");
  if (!seed.ok) return seed;
  const { plan, weeks } = compared;
  const horizon = plan.rows.length;
  const simulation = {
    opening: compared.opening,
    intake: plan.rows.map((row) => row.intake),
    capacity: plan.rows.map((row) => row.capacity),
    ...(options.runs !== undefined && { runs: options.runs }),
    ...(options.intakeModel !== undefined && { intakeModel: options.intakeModel }),
    ...(options.capacitySpread !== undefined && { capacitySpread: options.capacitySpread }),
    ...(options.intakeForecast !== undefined && { intakeForecast: options.intakeForecast }),
  };
  const band = simulateBacklog(createRng(seed.value), { ...simulation, weeks: horizon, percentiles: [0.1, 0.9] });
  if (!band.ok) return band;
  const p10 = Array.from(band.value.bands[0] as Float64Array);
  const p90 = Array.from(band.value.bands[1] as Float64Array);
  const rank: number[] = [];
  for (const week of weeks) {
    const chance = chanceBelow(createRng(seed.value), { ...simulation, weeks: week.week, target: week.actualBacklog });
    if (!chance.ok) return chance;
    rank.push(chance.value);
  }
  const status = weeks.map((week, t) => bandStatus(week.actualBacklog, p10[t] as number, p90[t] as number));
  return ok({
    ...compared,
    seed: seed.value,
    runs: band.value.runs,
    intakeModel: band.value.intakeModel,
    capacitySpread: band.value.capacitySpread,
    ...(band.value.intakeForecast !== undefined && { intakeForecast: band.value.intakeForecast }),
    p10,
    p90,
    rank,
    status,
    reforecast: reforecast(compared),
  });
}

/**
 * A whole number as the sheet's formula writes it: rounded, without sign, digits grouped only
 * from five digits on (1402, 12.500 / 12,500).
 */
export function formatWhole(value: number, language: "nl" | "en"): string {
  const whole = String(Math.round(Math.abs(value)));
  return whole.length >= 5 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === "nl" ? "." : ",") : whole;
}

const SUMMARY_TEXT = {
  nl: {
    backlog: "voorraad",
    onPlan: "op plan",
    above: "boven plan",
    below: "onder plan",
    moreIntake: "door meer instroom",
    lessIntake: "door minder instroom",
    fewerDecisions: "door minder afdoeningen",
    moreDecisions: "door meer afdoeningen",
    unexplained: "onverklaard",
    within: "Binnen de verwachte bandbreedte",
    aboveBand: "Boven de verwachte bandbreedte",
    belowBand: "Onder de verwachte bandbreedte",
    behind: ": achter op plan",
    ahead: ": voor op plan",
    rank: "percentielrang",
    reforecast: "Herprognose aan het einde:",
    atPlan: "bij geplande capaciteit",
    atPace: "in het huidige tempo",
  },
  en: {
    backlog: "backlog",
    onPlan: "on plan",
    above: "above plan",
    below: "below plan",
    moreIntake: "from more intake",
    lessIntake: "from less intake",
    fewerDecisions: "from fewer decisions",
    moreDecisions: "from more decisions",
    unexplained: "unexplained",
    within: "Within the expected band",
    aboveBand: "Above the expected band",
    belowBand: "Below the expected band",
    behind: ": behind plan",
    ahead: ": ahead of plan",
    rank: "percentile rank",
    reforecast: "Re-forecast at the horizon:",
    atPlan: "at the planned capacity",
    atPace: "at the current pace",
  },
} as const;

export { SUMMARY_TEXT as MONITORING_SUMMARY_TEXT };

export interface LatestWeekFigures {
  week: number;
  actualBacklog: number;
  difference: number;
  intakeAbovePlan: number;
  decisionsBelowPlan: number;
  unexplained: number;
  status: BandStatus;
  /** Share of runs with backlog ≤ actual; omitted when unknown. */
  rank?: number;
  /** The backlog at the horizon re-forecast at the planned capacity and at the current pace (issue 23). */
  reforecast?: { planned: number; atPace: number };
}

/**
 * The latest week in words, e.g. "Week 20: voorraad 1402, 35 boven plan: 28 door meer instroom,
 * 7 door minder afdoeningen. Binnen de verwachte bandbreedte (percentielrang 73)."; beyond the band it adds
 * ": achter op plan" (above P90) or ": voor op plan" (below P10).
 */
export function describeWeek(figures: LatestWeekFigures, language: "nl" | "en"): string {
  const words = SUMMARY_TEXT[language];
  const whole = (value: number): string => formatWhole(value, language);
  const gap =
    Math.round(Math.abs(figures.difference)) === 0
      ? words.onPlan
      : `${whole(figures.difference)} ${figures.difference > 0 ? words.above : words.below}`;
  const intake = `${whole(figures.intakeAbovePlan)} ${figures.intakeAbovePlan >= 0 ? words.moreIntake : words.lessIntake}`;
  const decisions = `${whole(figures.decisionsBelowPlan)} ${figures.decisionsBelowPlan >= 0 ? words.fewerDecisions : words.moreDecisions}`;
  // Unexplained can go either way (withdrawals lower the count): it keeps its sign.
  const rest =
    Math.round(Math.abs(figures.unexplained)) === 0
      ? ""
      : `, ${figures.unexplained < 0 ? "-" : ""}${whole(figures.unexplained)} ${words.unexplained}`;
  const band = { within: words.within, above: words.aboveBand, below: words.belowBand }[figures.status];
  const rank = figures.rank === undefined ? "" : ` (${words.rank} ${Math.round(figures.rank * 100)})`;
  const verdict = { within: "", above: words.behind, below: words.ahead }[figures.status];
  const ahead = figures.reforecast;
  const end = ahead === undefined ? "" : ` ${words.reforecast} ${whole(ahead.planned)} ${words.atPlan}, ${whole(ahead.atPace)} ${words.atPace}.`;
  return `Week ${figures.week}: ${words.backlog} ${whole(figures.actualBacklog)}, ${gap}: ${intake}, ${decisions}${rest}. ${band}${rank}${verdict}.${end}`;
}

/** The summary sentence for the latest known week, in Dutch and English. */
export function summarizeLatestWeek(result: MonitorResult): { nl: string; en: string } {
  const t = result.weeks.length - 1;
  const week = result.weeks[t] as MonitoringWeek;
  const figures: LatestWeekFigures = {
    ...week,
    status: result.status[t] as BandStatus,
    rank: result.rank[t] as number,
    reforecast: { planned: result.reforecast.endBacklog, atPace: result.reforecast.atPace.endBacklog },
  };
  return { nl: describeWeek(figures, "nl"), en: describeWeek(figures, "en") };
}
