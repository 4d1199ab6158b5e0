/**
 * The what-if sheet's scenarios as the engine computes them: the figures its live formulas must
 * show, and what the pane and the CLI state. Every scenario has constant rates, so each figure
 * has a closed form. The model is the sheet's (docs/decisions.md, "Planning model"):
 * - plan: decisions per year ÷ 52;
 * - rule: (1 + uplift) × intake + extra;
 * - triage: the rule on the whole intake, spent on the queue triage leaves;
 * - whole ("Heel besluit", the decision the memo asks for): MAX(plan, rule) + extra, on the queue
 *   triage leaves;
 * - required: intake + (opening − target) ÷ weeks to reach it, never below 0;
 * - custom: the planner's own figure.
 * Triage takes its share of the intake (and its part of the opening backlog) out at once, on
 * extra fte. Unless those fte are marked as new staff, their decisions are taken from other work,
 * measured with the scenario's capacity against the current plan's.
 */
import { decidedLeadTime } from "./leadTime";
import { DAYS_PER_WEEK, meanOverRoutes } from "./leadTimeRoutes";
import { fteForCapacityCore } from "./sharedCapacity";
import { weeksToTargetCore } from "./targetWeek";
import { DEFAULT_FAST_LEAD_TIME_DAYS, FAST_LEAD_TIME_RULE, SHARE_RULE } from "./tracks";
import { checkNumbers, fail, NON_NEGATIVE, ok, POSITIVE, Result, UPLIFT_RULE, WEEKS_RULE } from "./validate";

export type ScenarioId = "plan" | "rule" | "triage" | "whole" | "required" | "custom";
/** The sheet's order: 1. Huidig plan … 6. Eigen scenario. */
export const SCENARIO_IDS: readonly ScenarioId[] = ["plan", "rule", "triage", "whole", "required", "custom"];
/** Scenarios with triage (Ter Apel): their queue is what triage leaves. */
const WITH_TRIAGE: ReadonlySet<ScenarioId> = new Set<ScenarioId>(["triage", "whole"]);
export const WEEKS_PER_YEAR = 52;

/** The what-if sheet's inputs, one number each (a weekly series enters as its mean). */
export interface WhatIfInputs {
  opening: number;
  /** Intake per week. */
  intake: number;
  uplift: number;
  /** Extra capacity per week on top of the rule (scenarios 2, 3 and 4). */
  extraCapacity: number;
  /** Share of intake triage sets aside as incomplete (the memo's 190/1390). */
  triageShare: number;
  /** Share of intake triage decides without a hearing. */
  withoutHearingShare: number;
  /** Part of the opening backlog triage takes out ("getrieerd deel van de beginvoorraad"). */
  triagedOpeningShare: number;
  decisionsPerFteWeek: number;
  /** The opening backlog's age profile (weeks it was filed over); default opening ÷ intake. */
  openingSpreadWeeks?: number;
  horizon: number;
  /** The planner's target backlog (`TargetBacklog` / `Doelvoorraad`). */
  target: number;
  /** Scenario 5 reaches the target in this many weeks. */
  clearWithin: number;
  /** The current plan's decisions per year. */
  planPerYear: number;
  /** Scenario 6's decisions per week. */
  customCapacity: number;
  /**
   * True when triage's extra fte are new staff. Default false, an assumption and not the memo's
   * statement: the memo says "extra fte wanneer nodig", the Minister "Het is dus niet zo dat ik
   * nog wat extra mensen voor u in de aanbieding heb".
   */
  triageStaffIsNew?: boolean;
  /** Triage's lead time in days; 88 (the memo's incomplete route in 2023) unless given. */
  triageLeadTimeDays?: number;
}

/** Inputs after the checks: every optional figure filled in. */
export type CheckedWhatIfInputs = Required<WhatIfInputs>;

/**
 * Checks the inputs in the sheet's order; the first problem is the error, naming the input
 * (snake_case, for the caller to say as its cell or field).
 */
export function checkWhatIfInputs(inputs: WhatIfInputs): Result<CheckedWhatIfInputs> {
  const checked = checkNumbers({
    opening: [inputs.opening, NON_NEGATIVE, "opening"],
    intake: [inputs.intake, NON_NEGATIVE, "intake"],
    uplift: [inputs.uplift, UPLIFT_RULE, "uplift"],
    extraCapacity: [inputs.extraCapacity, NON_NEGATIVE, "extra_capacity"],
    triageShare: [inputs.triageShare, SHARE_RULE, "triage_share"],
    withoutHearingShare: [inputs.withoutHearingShare, SHARE_RULE, "without_hearing_share"],
    triagedOpeningShare: [inputs.triagedOpeningShare, SHARE_RULE, "triaged_opening_share"],
    decisionsPerFteWeek: [inputs.decisionsPerFteWeek, POSITIVE, "decisions_per_fte_week"],
    openingSpreadWeeks: [inputs.openingSpreadWeeks ?? defaultSpread(inputs), NON_NEGATIVE, "opening_spread_weeks"],
    horizon: [inputs.horizon, WEEKS_RULE, "horizon"],
    target: [inputs.target, NON_NEGATIVE, "target"],
    clearWithin: [inputs.clearWithin, WEEKS_RULE, "clear_within"],
    planPerYear: [inputs.planPerYear, NON_NEGATIVE, "plan_per_year"],
    customCapacity: [inputs.customCapacity, NON_NEGATIVE, "custom_capacity"],
    triageLeadTimeDays: [inputs.triageLeadTimeDays ?? DEFAULT_FAST_LEAD_TIME_DAYS, FAST_LEAD_TIME_RULE, "triage_lead_time"],
  });
  if (!checked.ok) return checked;
  const shares = checked.value.triageShare + checked.value.withoutHearingShare;
  if (shares > 1 + 1e-9) {
    return fail({
      kind: "range",
      argument: "without_hearing_share",
      message: `without_hearing_share: triage's two shares add up to ${Number(shares.toPrecision(12))}; they must add up to at most 1`,
    });
  }
  return ok({ ...checked.value, triageStaffIsNew: inputs.triageStaffIsNew === true });
}

/** The weeks the intake took to build the opening backlog; no intake: all of it filed just before week 1. */
function defaultSpread(inputs: WhatIfInputs): number {
  return inputs.intake > 0 ? inputs.opening / inputs.intake : 0;
}

/** One scenario's queue and what triage takes out of it. */
export interface ScenarioRates {
  /** The queue's opening backlog, intake and capacity: what triage leaves in scenarios 3 and 4. */
  opening: number;
  intake: number;
  capacity: number;
  /** Cases triage decides per week on its own fte: its shares of the intake, plus its part of the opening over the horizon; 0 without triage. */
  triagedPerWeek: number;
}

/** The current plan's weekly capacity: decisions per year ÷ 52. */
export function planCapacityOf(inputs: CheckedWhatIfInputs): number {
  return inputs.planPerYear / WEEKS_PER_YEAR;
}

/** A scenario's rates as the sheet's formulas have them, no checks. */
export function scenarioRatesCore(inputs: CheckedWhatIfInputs, id: ScenarioId): ScenarioRates {
  const { opening, intake, uplift, extraCapacity: extra } = inputs;
  const rule = (1 + uplift) * intake;
  const plan = planCapacityOf(inputs);
  const capacity: Record<ScenarioId, number> = {
    plan,
    rule: rule + extra,
    triage: rule + extra,
    whole: Math.max(plan, rule) + extra,
    required: Math.max(0, intake + (opening - inputs.target) / inputs.clearWithin),
    custom: inputs.customCapacity,
  };
  if (!WITH_TRIAGE.has(id)) return { opening, intake, capacity: capacity[id], triagedPerWeek: 0 };
  const shares = inputs.triageShare + inputs.withoutHearingShare;
  return {
    opening: (1 - inputs.triagedOpeningShare) * opening,
    intake: (1 - shares) * intake,
    capacity: capacity[id],
    triagedPerWeek: shares * intake + (inputs.triagedOpeningShare * opening) / inputs.horizon,
  };
}

/** The queue's backlog after `weeks` at constant rates: linear until it reaches 0, then 0. */
export function closingBacklogCore(opening: number, intake: number, capacity: number, weeks: number): number {
  return Math.max(0, opening + weeks * (intake - capacity));
}

/**
 * Decisions taken from other work over the horizon, measured against the current plan's
 * capacity: the scenario's capacity, plus triage's decisions unless its fte are new staff,
 * minus the plan's. Negative: the scenario frees that much capacity for other work.
 */
export function fromOtherWorkCore(
  capacity: number,
  triagedPerWeek: number,
  planCapacity: number,
  horizon: number,
  triageStaffIsNew: boolean,
): number {
  return (capacity + (triageStaffIsNew ? 0 : triagedPerWeek) - planCapacity) * horizon;
}

/** What the comparison table shows for one scenario. */
export interface ScenarioOutcome {
  id: ScenarioId;
  rates: ScenarioRates;
  /** The queue's backlog at the end of the horizon (triage's cases are out at once). */
  closingBacklog: number;
  /** First week at or below the target (closed form, past the horizon too); 0 when the opening is; null when never. */
  targetWeek: number | null;
  /** The queue's decisions per week, mean over the horizon. */
  decisionsPerWeek: number;
  /** Backlog ÷ decisions at the horizon: the wait a new application can expect (weeks); null when nothing is decided. */
  waitWeeks: number | null;
  /** Every decision, the queue's and triage's, per year: to set beside the memo's 1600. */
  decidedPerYear: number;
  /** The queue's capacity in fte. */
  capacityFte: number;
  /** Triage's extra fte: triaged cases per week ÷ decisions per fte-week. */
  triageFte: number;
  /** Decisions taken from other work over the horizon (negative: freed for other work). */
  fromOtherWork: number;
  /** The same per week in fte. */
  fromOtherWorkFte: number;
  /** The memo's lead time of the queue's decided cases, FIFO, in weeks; null when it decides nothing. */
  queueLeadTimeWeeks: number | null;
  /** The memo's lead time over every case decided, triage's included when triage is on, in days. */
  leadTimeDays: number | null;
}

/** The queue's FIFO lead time at constant rates: leadTime.ts on the scenario's queue. */
function queueLeadTime(inputs: CheckedWhatIfInputs, rates: ScenarioRates): number | null {
  const result = decidedLeadTime({
    opening: rates.opening,
    intake: rates.intake,
    capacity: rates.capacity,
    weeks: inputs.horizon,
    openingSpreadWeeks: inputs.openingSpreadWeeks,
  });
  // Checked inputs: decidedLeadTime cannot refuse them.
  return result.ok ? result.value.mean : null;
}

/**
 * The memo's lead time over all routes, in days: the queue's decided cases; triage's intake at
 * its own lead time; triage's part of the opening, decided evenly over the horizon as its fte
 * are counted, after waiting (spread + horizon) ÷ 2 weeks on average.
 */
function leadTimeDaysOf(inputs: CheckedWhatIfInputs, rates: ScenarioRates, decided: number, queueWeeks: number | null): number | null {
  const h = inputs.horizon;
  const routes = queueWeeks === null ? [] : [{ decided, leadTimeDays: queueWeeks * DAYS_PER_WEEK }];
  if (rates.triagedPerWeek > 0) {
    const openingPart = inputs.opening - rates.opening;
    routes.push(
      { decided: rates.triagedPerWeek * h - openingPart, leadTimeDays: inputs.triageLeadTimeDays },
      { decided: openingPart, leadTimeDays: ((inputs.openingSpreadWeeks + h) / 2) * DAYS_PER_WEEK },
    );
  }
  return meanOverRoutes(routes);
}

/** One scenario's figures from checked inputs, no checks. */
export function scenarioOutcomeCore(inputs: CheckedWhatIfInputs, id: ScenarioId): ScenarioOutcome {
  const rates = scenarioRatesCore(inputs, id);
  const h = inputs.horizon;
  const closingBacklog = closingBacklogCore(rates.opening, rates.intake, rates.capacity, h);
  const week = weeksToTargetCore(rates.opening, rates.intake, rates.capacity, inputs.target);
  // Everything that came in and is no longer waiting was decided.
  const decided = Math.max(0, rates.opening + h * rates.intake - closingBacklog);
  const decisionsPerWeek = decided / h;
  const fromOtherWork = fromOtherWorkCore(rates.capacity, rates.triagedPerWeek, planCapacityOf(inputs), h, inputs.triageStaffIsNew);
  const perFte = inputs.decisionsPerFteWeek;
  const queueWeeks = queueLeadTime(inputs, rates);
  return {
    id,
    rates,
    closingBacklog,
    targetWeek: Number.isFinite(week) ? week : null,
    decisionsPerWeek,
    waitWeeks: decisionsPerWeek > 0 ? closingBacklog / decisionsPerWeek : null,
    decidedPerYear: (decisionsPerWeek + rates.triagedPerWeek) * WEEKS_PER_YEAR,
    capacityFte: fteForCapacityCore(rates.capacity, perFte),
    triageFte: fteForCapacityCore(rates.triagedPerWeek, perFte),
    fromOtherWork,
    fromOtherWorkFte: fteForCapacityCore(fromOtherWork / h, perFte),
    queueLeadTimeWeeks: queueWeeks,
    leadTimeDays: leadTimeDaysOf(inputs, rates, decided, queueWeeks),
  };
}

/**
 * Every scenario of the what-if sheet, from its inputs.
 *
 * @example
 * // The memo: 1440 open, 25 a week, plan 1600, rule +10%, triage 190/1390, 1.5 decisions per fte-week.
 * whatIfScenarios({ opening: 1440, intake: 25, uplift: 0.1, extraCapacity: 0, triageShare: 190 / 1390,
 *   withoutHearingShare: 0, triagedOpeningShare: 0, decisionsPerFteWeek: 1.5, horizon: 52, target: 1100,
 *   clearWithin: 104, planPerYear: 1600, customCapacity: 35 })
 * // → ok; whole: closingBacklog 962.3, targetWeek 38, fromOtherWork 177.7, decidedPerYear 1777.7
 */
export function whatIfScenarios(inputs: WhatIfInputs): Result<Record<ScenarioId, ScenarioOutcome>> {
  const checked = checkWhatIfInputs(inputs);
  if (!checked.ok) return checked;
  const out = {} as Record<ScenarioId, ScenarioOutcome>;
  for (const id of SCENARIO_IDS) out[id] = scenarioOutcomeCore(checked.value, id);
  const outcomes = Object.values(out);
  if (outcomes.some((o) => !Number.isFinite(o.closingBacklog + o.decidedPerYear + o.fromOtherWork))) {
    return fail({
      kind: "range",
      overflow: true,
      argument: "intake",
      message: "intake: the figures are too large to add up to a finite backlog",
    });
  }
  if (outcomes.some((o) => !Number.isFinite(o.capacityFte + o.triageFte + o.fromOtherWorkFte))) {
    return fail({
      kind: "range",
      overflow: true,
      argument: "decisions_per_fte_week",
      message: "decisions_per_fte_week: too small to give a finite number of fte",
    });
  }
  return ok(out);
}
