/**
 * Calendar arithmetic on Excel date serials (days since 1899-12-30), in plain integers: the
 * engine reads no clock and builds no Date objects. Proleptic Gregorian (H. Hinnant's
 * days-from-civil); Excel's fictitious 1900-02-29 lies before any planning date.
 */

export interface Month {
  year: number;
  /** 1 to 12. */
  month: number;
}

/** Excel serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * Excel serial of a calendar day; a month past 12 (or below 1) runs into the next (or previous)
 * year, and a day past the month's end into the next month, as Excel's DATE does.
 * @example dateSerial(2024, 1, 1) // 45292
 */
export function dateSerial(year: number, month: number, day: number): number {
  const y0 = year + Math.floor((month - 1) / 12);
  const m = (((month - 1) % 12) + 12) % 12 + 1;
  return civilSerial(y0, m, 1) + day - 1;
}

function civilSerial(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468 + UNIX_EPOCH_SERIAL;
}

/** The calendar day of an Excel serial. @example dayOfSerial(45292) // { year: 2024, month: 1, day: 1 } */
export function dayOfSerial(serial: number): Month & { day: number } {
  const z = Math.floor(serial) - UNIX_EPOCH_SERIAL + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Months since year 0, for counting: January 2024 → 24,288. */
export function monthIndex(month: Month): number {
  return month.year * 12 + (month.month - 1);
}

/** The month `count` months after `month`. */
export function addMonths(month: Month, count: number): Month {
  const index = monthIndex(month) + count;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

export function daysInMonth(month: Month): number {
  const next = addMonths(month, 1);
  return dateSerial(next.year, next.month, 1) - dateSerial(month.year, month.month, 1);
}

/** "2024-01". */
export function monthLabel(month: Month): string {
  return `${month.year}-${String(month.month).padStart(2, "0")}`;
}

/** 1 = Monday … 7 = Sunday. Excel serial 2 (1900-01-01) was a Monday. */
export function isoWeekday(serial: number): number {
  return ((((Math.floor(serial) - 2) % 7) + 7) % 7) + 1;
}
