/**
 * The memo's lead time across all grounds of decision, in days. The memo's 343 days (2023) is
 * "de gemiddelde doorlooptijd van het afdoen" over every case decided, while "binnen de
 * verschillende afdoeningsgronden [bestaat] een groot verschil in doorlooptijd": 190 set aside
 * as incomplete after 88 days (triage's route), 70 not taken into consideration after 60 days
 * (another legal ground, not triage). So a mean that is to stand beside 343 weighs the queue's
 * first-in-first-out lead time (leadTime.ts) together with the short routes, by cases decided.
 */
import { decidedLeadTime } from "./leadTime";
import { DEFAULT_FAST_LEAD_TIME_DAYS } from "./tracks";
import { checkNumber, NON_NEGATIVE, ok, Result } from "./validate";

/** The memo and the IND speak of days; the engine counts in weeks of 7 days. */
export const DAYS_PER_WEEK = 7;

/** The memo's figures for 2023, the year the replay runs. */
export const MEMO_2023 = {
  /** Backlog on 1 January 2023 and at the end of December. */
  opening: 1580,
  closing: 1440,
  filed: 1390,
  /** 1580 + 1390 − 1440. */
  decided: 1530,
  /** "de gemiddelde doorlooptijd van het afdoen ... in 2023 343 dagen". */
  leadTimeDays: 343,
  /** "190 zaken buiten behandeling gesteld met een doorlooptijd van 88 dagen": triage's route. */
  incomplete: { decided: 190, leadTimeDays: 88 },
  /** "70 zaken niet in behandeling genomen met een doorlooptijd van 60 dagen": not triage. */
  notConsidered: { decided: 70, leadTimeDays: 60 },
} as const;

/** One ground of decision: how many cases it decided and their mean lead time. */
export interface Route {
  decided: number;
  leadTimeDays: number;
}

/** Mean lead time in days over the routes, weighted by the cases each decided; null when none. */
export function meanOverRoutes(routes: readonly Route[]): number | null {
  let decided = 0;
  let total = 0;
  for (const route of routes) {
    if (!(route.decided > 0)) continue;
    decided += route.decided;
    total += route.decided * route.leadTimeDays;
  }
  return decided > 0 ? total / decided : null;
}

export interface LeadTimeWithTriageOptions {
  /** What the queue (the cases triage leaves) decided over the horizon and their mean lead time (weeks, FIFO). */
  queue: { decided: number; meanWeeks: number | null };
  /** What triage decided over the same horizon; omit it, or 0 decided, when triage is off. */
  triage?: { decided: number; leadTimeDays?: number };
}

export interface LeadTimeDays {
  /** Mean lead time of every case decided, in days; null when nothing was decided. */
  days: number | null;
  /** The same in weeks. */
  weeks: number | null;
  /** Cases decided on all routes together. */
  decided: number;
}

/**
 * The memo's lead time with triage on: the queue's cases and the triaged ones (88 days unless
 * given), weighted by cases decided, in days and weeks. With triage off it is the queue's own.
 *
 * @example
 * leadTimeWithTriage({ queue: { decided: 1600, meanWeeks: 50 }, triage: { decided: 178 } })
 * // → { days: 324.7…, weeks: 46.4…, decided: 1778 }
 */
export function leadTimeWithTriage(options: LeadTimeWithTriageOptions): LeadTimeDays {
  const { queue, triage } = options;
  const routes: Route[] = [];
  if (queue.meanWeeks !== null) routes.push({ decided: queue.decided, leadTimeDays: queue.meanWeeks * DAYS_PER_WEEK });
  if (triage !== undefined) {
    routes.push({ decided: triage.decided, leadTimeDays: triage.leadTimeDays ?? DEFAULT_FAST_LEAD_TIME_DAYS });
  }
  const days = meanOverRoutes(routes);
  const decided = routes.reduce((sum, r) => sum + Math.max(0, r.decided), 0);
  return { days, weeks: days === null ? null : days / DAYS_PER_WEEK, decided };
}

export interface Replay2023Options {
  /**
   * Age profile of the 1580 open on 1 January 2023: filed evenly over this many weeks before.
   * Default 1580 ÷ (1390 / 52) = 59.1 weeks, the single-queue replay's (docs/lead-time.md), so
   * that the short routes are the only difference between the two.
   */
  openingSpreadWeeks?: number;
}

export interface Replay2023Result {
  /** Every case decided through one first-in-first-out queue (the replay before the routes): 395 days. */
  singleQueueDays: number;
  /** The cases the queue decided once both short routes are taken out (1530 − 260 = 1270), FIFO. */
  queueDays: number;
  /** The queue and both short routes together, weighted by cases: the figure to set beside 343. */
  allRoutesDays: number;
  /** The memo's figure. */
  memoDays: number;
  openingSpreadWeeks: number;
}

/**
 * 2023 replayed from the memo's own figures, comparable with its 343 days: the 190 incomplete
 * (88 days) and the 70 not taken into consideration (60 days) were filed and decided within the
 * year on their own routes; the queue had the rest of the intake (1130) and decided the rest
 * (1270), so it still ends at 1440. The queue's mean is FIFO from its opening backlog.
 *
 * @example
 * replay2023() // → ok({ singleQueueDays: 395.4…, queueDays: 429.5…, allRoutesDays: 370.2…, memoDays: 343, … })
 */
export function replay2023(options: Replay2023Options = {}): Result<Replay2023Result> {
  const m = MEMO_2023;
  const spread = checkNumber(options.openingSpreadWeeks ?? m.opening / (m.filed / 52), NON_NEGATIVE, "opening_spread_weeks");
  if (!spread.ok) return spread;
  // Memo figures and a checked spread: decidedLeadTime cannot refuse them, and decides every week.
  const fifoDays = (filed: number, decided: number): number => {
    const result = decidedLeadTime({
      opening: m.opening,
      intake: filed / 52,
      capacity: decided / 52,
      weeks: 52,
      openingSpreadWeeks: spread.value,
    });
    return result.ok && result.value.mean !== null ? result.value.mean * DAYS_PER_WEEK : Number.NaN;
  };
  const short = m.incomplete.decided + m.notConsidered.decided;
  const queueDays = fifoDays(m.filed - short, m.decided - short);
  const routes = [{ decided: m.decided - short, leadTimeDays: queueDays }, m.incomplete, m.notConsidered];
  return ok({
    singleQueueDays: fifoDays(m.filed, m.decided),
    queueDays,
    allRoutesDays: meanOverRoutes(routes) as number,
    memoDays: m.leadTimeDays,
    openingSpreadWeeks: spread.value,
  });
}
