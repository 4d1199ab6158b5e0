/**
 * A monthly forecast spread over weeks by calendar days: each day gets its month's figure ÷ the
 * month's days, and a week is the sum of its seven days. A week across two months takes from
 * both; a 31-day month gives 31/7 weeks' worth. Weeks start on `firstWeek` (a Monday for ISO
 * weeks) and follow on without gaps.
 */
import { fail, ok, Result } from "../validate";
import { dayOfSerial, daysInMonth, Month, monthIndex, monthLabel } from "./calendar";

export interface SpreadOverWeeksOptions {
  /** One figure per month, the first for `firstMonth`. */
  monthly: readonly number[];
  firstMonth: Month;
  /** Excel serial of the first day of week 1. */
  firstWeek: number;
  weeks: number;
}

/**
 * How many months from `firstMonth` the weeks reach into: the months a monthly forecast must
 * cover (at least 1).
 *
 * @example monthsCovering({ year: 2024, month: 1 }, dateSerial(2024, 1, 1), 52) // 12 (to 2024-12-29)
 */
export function monthsCovering(firstMonth: Month, firstWeek: number, weeks: number): number {
  const lastDay = dayOfSerial(firstWeek + 7 * weeks - 1);
  return Math.max(1, monthIndex(lastDay) - monthIndex(firstMonth) + 1);
}

/**
 * The weekly figures of a monthly forecast, or a sentence when a week falls outside the months.
 *
 * @example
 * spreadMonthsOverWeeks({ monthly: [310, 290], firstMonth: { year: 2024, month: 1 }, firstWeek: dateSerial(2024, 1, 1), weeks: 4 })
 * // → ok([70, 70, 70, 70]): January's 310 over 31 days, 10 a day
 */
export function spreadMonthsOverWeeks(options: SpreadOverWeeksOptions): Result<number[]> {
  const { monthly, firstMonth, firstWeek, weeks } = options;
  const checked = checkWeeksInMonths(firstMonth, firstWeek, weeks, monthly.length);
  if (!checked.ok) return checked;
  return ok(weekShares(firstMonth, firstWeek, weeks).map((parts) => parts.reduce((sum, p) => sum + p.share * (monthly[p.month] as number), 0)));
}

/**
 * Checks that the weeks start no earlier than `firstMonth` and, when `months` is given, end
 * within that many months of it; the sentence names first_week or weeks.
 */
export function checkWeeksInMonths(firstMonth: Month, firstWeek: number, weeks: number, months?: number): Result<number> {
  const start = dayOfSerial(firstWeek);
  if (monthIndex(start) < monthIndex(firstMonth)) {
    return fail({
      kind: "range",
      argument: "first_week",
      message: `first_week: ${monthLabel(start)} lies before the first month of the forecast (${monthLabel(firstMonth)})`,
    });
  }
  const needed = monthsCovering(firstMonth, firstWeek, weeks);
  if (months !== undefined && needed > months) {
    return fail({
      kind: "range",
      argument: "weeks",
      message: `weeks: ${weeks} weeks need ${needed} months of forecast, got ${months}`,
    });
  }
  return ok(needed);
}

/**
 * For each week, the months it draws on and the share of each month it takes: what the Monte
 * Carlo needs to spread every run's own monthly path (paths.ts) the same way.
 */
export function weekShares(firstMonth: Month, firstWeek: number, weeks: number): Array<Array<{ month: number; share: number }>> {
  const first = monthIndex(firstMonth);
  return Array.from({ length: weeks }, (_, w) => {
    const shares: Array<{ month: number; share: number }> = [];
    for (let d = 0; d < 7; d++) {
      const day = dayOfSerial(firstWeek + 7 * w + d);
      const month = monthIndex(day) - first;
      const part = 1 / daysInMonth(day);
      const last = shares[shares.length - 1];
      if (last !== undefined && last.month === month) last.share += part;
      else shares.push({ month, share: part });
    }
    return shares;
  });
}
