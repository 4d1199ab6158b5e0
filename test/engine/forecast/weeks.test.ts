/** Calendar serials without a clock, and a monthly forecast spread over weeks by calendar days. */
import fc from "fast-check";
import { addMonths, dateSerial, dayOfSerial, daysInMonth, isoWeekday, monthIndex, monthLabel } from "../../../src/engine/forecast/calendar";
import { checkWeeksInMonths, monthsCovering, spreadMonthsOverWeeks, weekShares } from "../../../src/engine/forecast/weeks";

/** Excel's serial by JavaScript's own calendar (tests may use Date; the engine may not). */
const bySystem = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe("calendar", () => {
  test("serials agree with the system calendar, both ways, from 1900-03-01 to 2200", () => {
    fc.assert(
      fc.property(fc.integer({ min: bySystem(1900, 3, 1), max: bySystem(2200, 12, 31) }), (serial) => {
        const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
        expect(dayOfSerial(serial)).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
        expect(dateSerial(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(serial);
        expect(isoWeekday(serial)).toBe(((date.getUTCDay() + 6) % 7) + 1);
      }),
    );
    expect(dateSerial(2024, 1, 1)).toBe(45292);
    // As Excel's DATE: months and days past their end run on.
    expect(dateSerial(2023, 13, 1)).toBe(45292);
    expect(dateSerial(2024, 0, 1)).toBe(bySystem(2023, 12, 1));
    expect(dateSerial(2024, 1, 32)).toBe(bySystem(2024, 2, 1));
    expect(isoWeekday(45292)).toBe(1); // 2024-01-01 was a Monday
  });

  test("months: lengths, leap years, stepping over a year", () => {
    expect(daysInMonth({ year: 2024, month: 2 })).toBe(29);
    expect(daysInMonth({ year: 2023, month: 2 })).toBe(28);
    expect(daysInMonth({ year: 1900, month: 2 })).toBe(28);
    expect(daysInMonth({ year: 2000, month: 2 })).toBe(29);
    expect(daysInMonth({ year: 2024, month: 12 })).toBe(31);
    expect(addMonths({ year: 2024, month: 11 }, 3)).toEqual({ year: 2025, month: 2 });
    expect(addMonths({ year: 2024, month: 1 }, -1)).toEqual({ year: 2023, month: 12 });
    expect(monthIndex({ year: 2024, month: 1 }) - monthIndex({ year: 2023, month: 12 })).toBe(1);
    expect(monthLabel({ year: 2024, month: 3 })).toBe("2024-03");
  });
});

describe("spreadMonthsOverWeeks", () => {
  const jan2024 = { year: 2024, month: 1 };
  const monday = dateSerial(2024, 1, 1);

  test("by calendar days: January's 310 is 10 a day, so 70 a week; the week of 29 January takes 3 days of January and 4 of February", () => {
    const spread = spreadMonthsOverWeeks({ monthly: [310, 290], firstMonth: jan2024, firstWeek: monday, weeks: 5 });
    expect(spread.ok && spread.value.map((v) => Number(v.toFixed(9)))).toEqual([70, 70, 70, 70, 30 + 40]);
  });

  test("a year of weeks keeps the year's total, less the days outside the weeks", () => {
    const monthly = [100, 120, 90, 80, 70, 60, 50, 60, 100, 140, 130, 110];
    const spread = spreadMonthsOverWeeks({ monthly, firstMonth: jan2024, firstWeek: monday, weeks: 52 });
    if (!spread.ok) throw new Error(spread.error.message);
    // 52 weeks from 2024-01-01 end on 2024-12-29: December's last two days are outside.
    const expected = monthly.reduce((a, b) => a + b, 0) - (2 * 110) / 31;
    expect(spread.value.reduce((a, b) => a + b, 0)).toBeCloseTo(expected, 9);
  });

  test("each week's shares add up to 7 days' worth", () => {
    fc.assert(
      fc.property(fc.integer({ min: dateSerial(2020, 1, 1), max: dateSerial(2030, 1, 1) }), fc.integer({ min: 1, max: 60 }), (start, weeks) => {
        const first = dayOfSerial(start);
        for (const [w, parts] of weekShares(first, start, weeks).entries()) {
          let days = 0;
          for (const { month, share } of parts) days += share * daysInMonth(addMonths(first, month));
          expect(days).toBeCloseTo(7, 9);
          expect(parts.every((p) => p.month >= 0)).toBe(true);
          expect(w).toBeLessThan(weeks);
        }
      }),
      { numRuns: 50 },
    );
  });

  test("months covering: 52 weeks from 1 January 2024 reach into December; 53 into January 2025", () => {
    expect(monthsCovering(jan2024, monday, 52)).toBe(12);
    expect(monthsCovering(jan2024, monday, 53)).toBe(13);
  });

  test("weeks outside the months are refused with a sentence naming first_week or weeks", () => {
    const early = spreadMonthsOverWeeks({ monthly: [1, 2], firstMonth: { year: 2024, month: 2 }, firstWeek: monday, weeks: 2 });
    expect(!early.ok && early.error.message).toBe("first_week: 2024-01 lies before the first month of the forecast (2024-02)");
    const late = spreadMonthsOverWeeks({ monthly: [1, 2], firstMonth: jan2024, firstWeek: monday, weeks: 10 });
    expect(!late.ok && late.error.message).toBe("weeks: 10 weeks need 3 months of forecast, got 2");
    expect(checkWeeksInMonths(jan2024, monday, 10)).toEqual({ ok: true, value: 3 });
  });
});
