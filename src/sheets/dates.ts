/**
 * Calendar helpers on Excel date serials (days since 1899-12-30). Pure: the clock is read only by
 * `todaySerial`'s default, which the hosts call.
 */

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** Excel serial → UTC calendar parts. */
export function serialToParts(serial: number): { year: number; month: number; day: number } {
  const d = new Date(EPOCH + Math.floor(serial) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A JS Date (as ExcelJS returns date cells, at UTC midnight) → Excel serial. */
export function dateToSerial(date: Date): number {
  return Math.round((date.getTime() - EPOCH) / MS_PER_DAY);
}

/** ISO 8601 week label of the week holding this date: "2024-W01". */
export function isoWeekLabel(serial: number): string {
  const day = Math.floor(serial);
  // Excel serial 2 (1900-01-01) was a Monday; weekday 1..7 with Monday = 1.
  const weekday = ((((day - 2) % 7) + 7) % 7) + 1;
  const thursday = day + (4 - weekday);
  const { year } = serialToParts(thursday);
  const jan1 = (Date.UTC(year, 0, 1) - EPOCH) / MS_PER_DAY;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** "2024-01-01" for a serial; used in messages and file names. */
export function isoDate(serial: number): string {
  const { year, month, day } = serialToParts(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Today (or `now`) by the planner's own calendar, local date, not UTC, as an Excel serial.
 *
 * @example
 * todaySerial(new Date(2024, 0, 15, 23, 59)) // → 45306
 */
export function todaySerial(now: Date = new Date()): number {
  return Math.round((Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - EPOCH) / MS_PER_DAY);
}
