/**
 * The real monthly intake series of ../shared/forecast-data (Eurostat asylum applicants; see its
 * README): read where they lie, never copied into the repository.
 */
import * as fs from "fs";
import * as path from "path";

/** Where the shared series lie: ../shared/forecast-data from the repository root. */
export const FORECAST_DATA_DIR = path.resolve(__dirname, "..", "..", "..", "shared", "forecast-data");

export interface MonthlySeries {
  id: string;
  /** First month, "YYYY-MM". */
  start: string;
  /** One value per month, oldest first. */
  values: number[];
}

interface SeriesEntry {
  id: string;
  file: string;
  start: string;
  n: number;
}

/** "2008-01" + 13 months → "2009-02". */
export function addMonths(month: string, count: number): string {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Months from `from` to `to` ("2008-01" to "2008-03" → 2). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1] = from.split("-").map(Number) as [number, number];
  const [y2, m2] = to.split("-").map(Number) as [number, number];
  return (y2 - y1) * 12 + (m2 - m1);
}

/** Every series listed in series.json, in its order, with its values checked against its listing. */
export function readForecastSeries(dir: string = FORECAST_DATA_DIR): MonthlySeries[] {
  const listing = JSON.parse(fs.readFileSync(path.join(dir, "series.json"), "utf8")) as SeriesEntry[];
  return listing.map((entry) => {
    const lines = fs.readFileSync(path.join(dir, entry.file), "utf8").trim().split(/\r?\n/).slice(1);
    const values = lines.map((line, i) => {
      const [date, value] = line.split(",");
      const expected = `${addMonths(entry.start, i)}-01`;
      if (date !== expected) throw new Error(`${entry.file}, line ${i + 2}: expected ${expected}, got ${date}`);
      const number = Number(value);
      if (!Number.isFinite(number)) throw new Error(`${entry.file}, line ${i + 2}: not a number: ${value}`);
      return number;
    });
    if (values.length !== entry.n) throw new Error(`${entry.file}: ${values.length} months, series.json says ${entry.n}`);
    return { id: entry.id, start: entry.start, values };
  });
}
