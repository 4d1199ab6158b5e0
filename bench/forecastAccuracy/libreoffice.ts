/**
 * LibreOffice's FORECAST.ETS.ADD (its implementation of Excel's FORECAST.ETS; an .xlsx formula
 * `_xlfn.FORECAST.ETS` opens as it) on every origin of every series: one workbook holding all the
 * formulas, recalculated and exported to CSV in one headless launch (launches take seconds).
 *
 * The results are cached in test-output/forecast-eval/ under a hash of the inputs; `--recompute`
 * (or a changed input) runs LibreOffice again.
 */
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { convert, CSV_ALL_SHEETS, readSheetCsv } from "../../test/helpers/libreoffice";
import { HORIZON } from "./protocol";

/** One series' history and the origins (history lengths) to forecast from. */
export interface EtsRequest {
  id: string;
  values: readonly number[];
  origins: readonly number[];
}

/** FORECAST.ETS's seasonality argument: 12 months, or 1 = let it detect the season. */
export type Seasonality = 12 | 1;
export const SEASONALITIES: readonly Seasonality[] = [12, 1];

/** `forecasts[id][seasonality][origin]` = the 12 forecasts from that origin. */
export type EtsForecasts = Record<string, Record<string, Record<string, number[]>>>;

export const CACHE_DIR = path.resolve(__dirname, "..", "..", "test-output", "forecast-eval");

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The formula for month `origin + h` from the first `origin` months of the column. */
export function etsFormula(column: string, origin: number, h: number, seasonality: Seasonality): string {
  return `_xlfn.FORECAST.ETS(${origin + h},Data!$${column}$1:$${column}$${origin},Data!$A$1:$A$${origin},${seasonality},1,1)`;
}

async function writeWorkbook(requests: readonly EtsRequest[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Data");
  const longest = Math.max(...requests.map((r) => r.values.length));
  for (let i = 0; i < longest; i++) data.getCell(i + 1, 1).value = i + 1; // the timeline 1, 2, 3, …
  requests.forEach((request, s) => request.values.forEach((v, i) => (data.getCell(i + 1, s + 2).value = v)));
  for (const seasonality of SEASONALITIES) {
    const sheet = wb.addWorksheet(`S${seasonality}`);
    let row = 1;
    requests.forEach((request, s) => {
      const column = columnName(s + 1);
      for (const origin of request.origins) {
        for (let h = 1; h <= HORIZON; h++) {
          sheet.getCell(row, h).value = { formula: etsFormula(column, origin, h, seasonality) } as ExcelJS.CellValue;
        }
        row++;
      }
    });
  }
  await wb.xlsx.writeFile(file);
}

/** Runs LibreOffice on all requests at once and reads the forecasts back. */
export async function computeEts(requests: readonly EtsRequest[]): Promise<EtsForecasts> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forecast-ets-"));
  const file = path.join(dir, "ets.xlsx");
  try {
    await writeWorkbook(requests, file);
    const out = await convert([file], CSV_ALL_SHEETS, dir);
    const result: EtsForecasts = {};
    for (const seasonality of SEASONALITIES) {
      const rows = readSheetCsv(out, file, `S${seasonality}`);
      let row = 0;
      for (const request of requests) {
        const bySeason = (result[request.id] ??= {});
        const byOrigin = (bySeason[String(seasonality)] ??= {});
        for (const origin of request.origins) {
          const cells = (rows[row++] ?? []).slice(0, HORIZON).map(Number);
          if (cells.length !== HORIZON || cells.some((v) => !Number.isFinite(v))) {
            throw new Error(`LibreOffice gave no forecast for ${request.id}, origin ${origin}, seasonality ${seasonality}: ${cells.join(",")}`);
          }
          byOrigin[String(origin)] = cells;
        }
      }
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The cached results when the inputs are unchanged, else LibreOffice's fresh ones (then cached). */
export async function etsForecasts(requests: readonly EtsRequest[], recompute: boolean): Promise<{ forecasts: EtsForecasts; fresh: boolean }> {
  const hash = createHash("sha256").update(JSON.stringify([requests, etsFormula("B", 10, 1, 12)])).digest("hex").slice(0, 16);
  const cache = path.join(CACHE_DIR, `libreoffice-ets-${hash}.json`);
  if (!recompute && fs.existsSync(cache)) return { forecasts: JSON.parse(fs.readFileSync(cache, "utf8")) as EtsForecasts, fresh: false };
  const forecasts = await computeEts(requests);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(cache, JSON.stringify(forecasts));
  return { forecasts, fresh: true };
}
