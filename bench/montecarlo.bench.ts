/**
 * Monte Carlo speed and memory:
 * - median time of 10,000 runs × 52 weeks (goal ≤ 50 ms on the 2-core build machine);
 * - run-weeks per second, ours against the same simulation as a spreadsheet user would build it
 *   (NORM.INV(RAND(), mean, SQRT(mean)) per week and run, plus a stock-flow formula per cell,
 *   evaluated by HyperFormula), and the ratio (goal ≥ 100×);
 * - peak memory of 100,000 runs × 520 weeks, in a fresh child process (goal < 200 MB).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { HyperFormula } from "hyperformula";
import * as ts from "typescript";
import { createRng, simulateBacklog, SimulateBacklogOptions } from "../src/engine";
import { Figure, median, timePerCall } from "./timing";

const MEMO: SimulateBacklogOptions = { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: 52 };

function simulationMs(options: SimulateBacklogOptions): number {
  let seed = 0;
  return timePerCall(
    () => {
      const result = simulateBacklog(createRng(seed++), options);
      if (!result.ok) throw new Error(result.error.message);
    },
    1,
    21,
  );
}

/** The spreadsheet way: one row per week, one column per run; returns ms to build and to recalculate. */
function hyperFormulaMs(runs: number, weeks: number): { buildMs: number; recalcMs: number } {
  const intakeTop = 4; // rows 0-2 hold mean intake, capacity, opening
  const backlogTop = intakeTop + weeks + 1;
  const sheet: (string | number)[][] = [["mean intake", 25], ["capacity", 1600 / 52], ["opening", 1440], []];
  const column = (c: number): string => {
    let n = c + 1;
    let s = "";
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  for (let t = 0; t < weeks; t++) sheet.push(Array.from({ length: runs }, () => "=NORM.INV(RAND(),$B$1,SQRT($B$1))"));
  sheet.push([]);
  for (let t = 0; t < weeks; t++) {
    sheet.push(
      Array.from({ length: runs }, (_, r) => {
        const intake = `${column(r)}${intakeTop + t + 1}`;
        const previous = t === 0 ? "$B$3" : `${column(r)}${backlogTop + t}`;
        // decisions = MIN(capacity, backlog + intake) written as one cell, as a planner would.
        return `=MAX(0,${previous}+${intake}-$B$2)`;
      }),
    );
  }
  const builds: number[] = [];
  const recalcs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
    builds.push(performance.now() - start);
    for (let j = 0; j < 3; j++) {
      // Changing the mean intake recalculates every NORM.INV and every backlog cell.
      const t0 = performance.now();
      hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[25 + ((j + 1) % 2)]]);
      recalcs.push(performance.now() - t0);
    }
    const last = hf.getCellValue({ sheet: 0, row: backlogTop + weeks - 1, col: 0 });
    if (typeof last !== "number") throw new Error(`HyperFormula gave ${String(last)}`);
    hf.destroy();
  }
  return { buildMs: median(builds), recalcMs: median(recalcs) };
}

/**
 * Peak memory of one large simulation in a fresh Node process. The engine is transpiled to plain
 * JavaScript first, so the figure is not inflated by ts-node and the TypeScript compiler.
 */
function childPeak(runs: number, weeks: number): { ms: number; maxRssMb: number; baselineMb: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mc-bench-"));
  try {
    const montecarlo = ["index", "options", "percentiles", "simulation", "targets"].map((name) => `montecarlo/${name}`);
    for (const name of [...montecarlo, "random", "project", "validate"]) {
      const source = fs.readFileSync(path.join(__dirname, "..", "src", "engine", `${name}.ts`), "utf8");
      const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 },
      }).outputText;
      fs.mkdirSync(path.dirname(path.join(dir, `${name}.js`)), { recursive: true });
      fs.writeFileSync(path.join(dir, `${name}.js`), js);
    }
    const script = (r: number, w: number): string => `
      const { simulateBacklog, createRng } = require(${JSON.stringify(path.join(dir, "montecarlo", "index.js"))});
      const t0 = process.hrtime.bigint();
      const result = simulateBacklog(createRng(2024), { opening: 1440, intake: 25, capacity: 1600 / 52, weeks: ${w}, runs: ${r}, target: 1100 });
      if (!result.ok) throw new Error(result.error.message);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS }));`;
    const spawn = (r: number, w: number): { ms: number; maxRssKb: number } => {
      const child = spawnSync(process.execPath, ["-e", script(r, w)], {
        encoding: "utf8",
        env: { ...process.env, NODE_PATH: path.join(__dirname, "..", "node_modules") },
      });
      if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
      return JSON.parse(child.stdout.trim()) as { ms: number; maxRssKb: number };
    };
    const baseline = spawn(100, 1);
    const big = spawn(runs, weeks);
    return { ms: big.ms, maxRssMb: big.maxRssKb / 1024, baselineMb: baseline.maxRssKb / 1024 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Figure[]> {
  const runs = 10_000;
  const weeks = 52;
  const poisson = simulationMs({ ...MEMO, runs });
  const spread = simulationMs({ ...MEMO, runs, capacitySpread: 0.1 });
  const overdispersed = simulationMs({ ...MEMO, runs, intakeModel: { kind: "overdispersed", dispersion: 3 } });
  const verdict = (ms: number): string => (ms <= 50 ? "≤ 50 ms: yes" : "≤ 50 ms: NO");
  console.log(
    `simulateBacklog 10,000 runs × 52 weeks, Poisson, P10/P50/P90:     median ${poisson.toFixed(1)} ms (${verdict(poisson)})`,
  );
  console.log(
    `  … with capacity spread 0.1:                                   median ${spread.toFixed(1)} ms (${verdict(spread)})`,
  );
  console.log(
    `  … negative binomial intake (dispersion 3):                    median ${overdispersed.toFixed(1)} ms (${verdict(overdispersed)})`,
  );

  const ours = (runs * weeks) / (poisson / 1000);
  const hfRuns = 200;
  const hf = hyperFormulaMs(hfRuns, weeks);
  const hfBuild = (hfRuns * weeks) / (hf.buildMs / 1000);
  const hfRecalc = (hfRuns * weeks) / (hf.recalcMs / 1000);
  const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
  console.log(`run-weeks per second, ours (10,000 × 52):                       ${fmt(ours)}`);
  console.log(
    `run-weeks per second, HyperFormula NORM.INV(RAND()) sheet (${hfRuns} × ${weeks}): ` +
      `${fmt(hfRecalc)} recalculating (median ${hf.recalcMs.toFixed(0)} ms), ${fmt(hfBuild)} building (median ${hf.buildMs.toFixed(0)} ms)`,
  );
  const ratio = ours / hfRecalc;
  console.log(`ratio ours ÷ HyperFormula recalculation: ${fmt(ratio)}× (goal ≥ 100×: ${ratio >= 100 ? "yes" : "NO"})`);

  const peak = childPeak(100_000, 520);
  console.log(
    `100,000 runs × 520 weeks in a child process: ${(peak.ms / 1000).toFixed(2)} s, peak RSS ${peak.maxRssMb.toFixed(0)} MB ` +
      `(a Node process with the engine loaded: ${peak.baselineMb.toFixed(0)} MB; goal < 200 MB: ${peak.maxRssMb < 200 ? "yes" : "NO"})`,
  );
  return [
    { what: "Monte Carlo, 10,000 runs × 52 weeks, Poisson, P10/P50/P90", measured: `median ${poisson.toFixed(1)} ms`, goal: "≤ 50 ms" },
    { what: "… with capacity spread 0.1 / negative binomial intake (dispersion 3)", measured: `median ${spread.toFixed(1)} ms / ${overdispersed.toFixed(1)} ms`, goal: "≤ 50 ms" },
    {
      what: `run-weeks per second: engine vs. a HyperFormula sheet of \`NORM.INV(RAND(), …)\` + stock-flow cells (${hfRuns} runs × ${weeks} weeks, recalculation; building it ${(hf.buildMs / 1000).toFixed(1)} s)`,
      measured: `${fmt(ours)} vs. ${fmt(hfRecalc)}: ${fmt(ratio)}× faster`,
      goal: "≥ 100×",
    },
    {
      what: "100,000 runs × 520 weeks, fresh Node process: peak memory (Node with the engine alone) / time",
      measured: `${peak.maxRssMb.toFixed(0)} MB (${peak.baselineMb.toFixed(0)} MB) / ${(peak.ms / 1000).toFixed(1)} s`,
      goal: "< 200 MB",
    },
  ];
}
