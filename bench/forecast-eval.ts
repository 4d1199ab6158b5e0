/**
 * `npm run forecast-eval`: the rolling-origin accuracy evaluation of =IND.FORECAST_INTAKE on the
 * real monthly series in ../shared/forecast-data (issue 24), against LibreOffice's FORECAST.ETS
 * (season 12 and detected), the flat 12-month mean and the same month last year. Prints, per
 * window, each series' monthly MAE and 12-month-total MAE, the summary ratios to the best of the
 * four with hindsight, and the interval's coverage, as the Markdown docs/forecast.md shows.
 *
 * LibreOffice runs once (one workbook with every formula) and its results are cached in
 * test-output/forecast-eval/; `--recompute` runs it again. `--variants` adds the ablations.
 */
import { performance } from "perf_hooks";
import { readForecastSeries } from "./forecastAccuracy/data";
import { CONFIDENCES, evaluateWindow, pooledCoverage, REFERENCES, summarise, THIS_FUNCTION, Variant, WindowResult } from "./forecastAccuracy/evaluate";
import { etsForecasts } from "./forecastAccuracy/libreoffice";
import { cutSeries, originsOf, WINDOWS } from "./forecastAccuracy/protocol";
import { weeklyCheck } from "./forecastAccuracy/weekly";
import { monthlyTotalsCoverage, weeklyTotalsCoverage } from "./forecastAccuracy/paths";

const VARIANTS: Record<string, Variant> = {
  "without the season": { season: false },
  "level only (no trend models)": { trends: ["none"] },
  "always a damped trend": { trends: ["damped"] },
};

const SHORT: Record<string, string> = {
  [THIS_FUNCTION]: "this function",
  [REFERENCES[0]]: "ETS s12",
  [REFERENCES[1]]: "ETS detect",
  [REFERENCES[2]]: "flat mean",
  [REFERENCES[3]]: "same month LY",
};

const fmt = (n: number, digits = 0): string => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function seriesTable(result: WindowResult): string {
  const methods = [THIS_FUNCTION, ...REFERENCES];
  const header = `| series | ${methods.map((m) => `${SHORT[m]} monthly`).join(" | ")} | ${methods.map((m) => `${SHORT[m]} 12-mo total`).join(" | ")} | 80% coverage |`;
  const lines = [header, `| --- |${" ---: |".repeat(2 * methods.length + 1)}`];
  for (const s of result.series) {
    const best = (scores: Record<string, number>): number => Math.min(...REFERENCES.map((r) => scores[r] as number));
    const cell = (scores: Record<string, number>, m: string): string => {
      const v = scores[m] as number;
      return Math.abs(v - best(scores)) <= 1e-9 * best(scores) ? `**${fmt(v)}**` : fmt(v);
    };
    const c = s.coverage["0.8"] as { inside: number; count: number };
    lines.push(
      `| ${s.id} | ${methods.map((m) => cell(s.monthly, m)).join(" | ")} | ${methods.map((m) => cell(s.total, m)).join(" | ")} | ${pct(c.inside / c.count)} |`,
    );
  }
  return lines.join("\n");
}

function summaryTable(results: WindowResult[], methods: string[]): string {
  const lines = [
    `| method | ${results.map((r) => `window ${r.window.name} monthly | window ${r.window.name} 12-mo total`).join(" | ")} |`,
    `| --- |${" ---: | ---: |".repeat(results.length)}`,
  ];
  for (const m of methods) {
    lines.push(`| ${SHORT[m] ?? m} | ${results.map((r) => { const s = summarise(r, m); return `${s.monthly.toFixed(3)} | ${s.total.toFixed(3)}`; }).join(" | ")} |`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const started = performance.now();
  const recompute = process.argv.includes("--recompute");
  const withVariants = process.argv.includes("--variants");
  const series = readForecastSeries();
  const requests = series.map((s) => {
    const origins = new Set<number>();
    for (const w of WINDOWS) for (const o of originsOf(cutSeries(s, w).length)) origins.add(o);
    return { id: s.id, values: s.values, origins: [...origins].sort((a, b) => a - b) };
  });
  const { forecasts, fresh } = await etsForecasts(requests, recompute);
  console.log(`FORECAST.ETS: ${fresh ? "computed by LibreOffice now" : "LibreOffice's cached results (--recompute to run it again)"}`);
  const variants = withVariants ? VARIANTS : {};
  const results = WINDOWS.map((w) => evaluateWindow(series, w, forecasts, variants));
  for (const result of results) {
    const w = result.window;
    console.log(`\n### Window ${w.name}${w.cutAt ? ` (cut at ${w.cutAt})` : " (to 2020-08, includes 2020)"}: MAE per series, best of the four references in bold\n`);
    console.log(seriesTable(result));
  }
  console.log("\n### Geometric mean over the 15 series of error ÷ best of the four with hindsight (1.000 = as good as the best)\n");
  console.log(summaryTable(results, [THIS_FUNCTION, ...REFERENCES, ...Object.keys(variants)]));
  console.log("\n### Coverage of this function's interval (all series, origins and months ahead pooled)\n");
  console.log(`| interval | ${results.map((r) => `window ${r.window.name}`).join(" | ")} |\n| --- |${" ---: |".repeat(results.length)}`);
  for (const c of CONFIDENCES) console.log(`| ${c * 100}% | ${results.map((r) => pct(pooledCoverage(r, c))).join(" | ")} |`);
  const windowB = WINDOWS.find((w) => w.name === "B") as (typeof WINDOWS)[number];
  const weekly = weeklyCheck(series.map((s) => ({ ...s, values: cutSeries(s, windowB) })));
  console.log("\n### Weekly mode, on weekly series made from the monthly ones (window B; Poisson weeks, fixed seed)\n");
  console.log("| compared with | weekly MAE ratio | 52-week total MAE ratio |\n| --- | ---: | ---: |");
  console.log(`| flat mean of the last 52 weeks | ${weekly.versusFlat.weekly.toFixed(3)} | ${weekly.versusFlat.total.toFixed(3)} |`);
  console.log(`| same week last year | ${weekly.versusSameWeek.weekly.toFixed(3)} | ${weekly.versusSameWeek.total.toFixed(3)} |`);
  console.log(`\nCoverage of the 80% interval: ${pct(weekly.coverage80)} of ${15 * 24 * 52} weeks.`);
  const cut = series.map((s) => ({ ...s, values: cutSeries(s, windowB) }));
  const monthlyTotals = monthlyTotalsCoverage(cut);
  const weeklyTotals = weeklyTotalsCoverage(cut);
  console.log("\n### The Monte Carlo's intake paths: is the next year's total inside their P10–P90? (window B, 360 origins each)\n");
  console.log("| series | paths around the forecast | Poisson around the forecast alone | width of the total's band, paths ÷ Poisson |\n| --- | ---: | ---: | ---: |");
  console.log(`| monthly, 12-month total | ${pct(monthlyTotals.paths)} | ${pct(monthlyTotals.poisson)} | ${monthlyTotals.widthRatio.toFixed(1)} |`);
  console.log(`| weekly, 52-week total | ${pct(weeklyTotals.paths)} | ${pct(weeklyTotals.poisson)} | ${weeklyTotals.widthRatio.toFixed(1)} |`);
  console.log(`\nPer series (monthly; origins inside the paths' band, of 24): ${monthlyTotals.perSeries.map((s) => `${s.id} ${s.inside}`).join(", ")}.`);
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
