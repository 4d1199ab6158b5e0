/**
 * Wall time of the `voorraadplanner` command (`node bin/voorraadplanner.js`: process start, loading
 * the compiled JavaScript in lib/, read, build, write; without npm's own start) on the bundled
 * sample (52 weeks) and on a 10-year, 520-week workbook made on the fly, next to the in-process
 * pipeline alone, twice: as the command runs it (the first run in a fresh process whose modules
 * are loaded: what one command does, before the JIT has warmed up) and warm (the median of later
 * runs in one process), and the what-if sheet builder alone (with its shared-capacity block and
 * the uncertainty block's 10,000-run simulation). Goal: the command under 3× the in-process time
 * of its own run on the sample (docs/decisions.md); the warm ratio is shown beside it. Medians of
 * a few runs; nothing is asserted.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { planWorkbook } from "../src/cli/plan";
import { createRng, simulateBacklog } from "../src/engine";
import type { PlanInputs } from "../src/sheets/inputs";
import { buildWhatIfSheet, WHAT_IF_RUNS } from "../src/sheets/whatIfSheet";
import { writeSampleWorkbook } from "../src/cli/sampleWorkbook";
import { excelDateSerial } from "../src/sheets/spec";
import { Figure, median } from "./timing";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureCompiled } = require("../scripts/compile-cli.js") as { ensureCompiled: (root: string) => string };

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "voorraadplanner.js");
const RATIO_GOAL = 3;
const SAMPLE = path.join(ROOT, "assets", "voorbeeld-invoer.xlsx");
const RUNS = 3;
const seasonal = (w: number): number => 25 + Math.round(4 * Math.sin((2 * Math.PI * w) / 52));

/** Median ms of `fn` over `samples` calls after one warm-up call. */
function timeBuild(fn: () => unknown, samples = 7): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The what-if builder on a 520-week plan, and the part of it that is the Monte Carlo simulation. */
function timeWhatIfBuilder(): { build: number; simulation: number; weeks: number } {
  const weeks = 520;
  const intake = Array.from({ length: weeks }, (_, w) => seasonal(w));
  const inputs: PlanInputs = { opening: 1440, intake, capacity: 1600 / 52, uplift: 0.1, target: 0, firstWeek: excelDateSerial(2024, 1, 1) };
  const createdOn = excelDateSerial(2024, 1, 15);
  const build = timeBuild(() => buildWhatIfSheet({ inputs, language: "nl", createdOn }));
  const mean = intake.reduce((a, b) => a + b, 0) / weeks;
  const simulation = timeBuild(() =>
    simulateBacklog(createRng(2024), { opening: 1440, intake: mean, capacity: 1600 / 52, weeks, runs: WHAT_IF_RUNS, target: 0 }),
  );
  return { build, simulation, weeks };
}

/** Median wall time of the bin command, as a data team runs it; lib/ is compiled before the first sample. */
function timeCommand(input: string, output: string): number {
  ensureCompiled(ROOT);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    execFileSync(process.execPath, [BIN, "--in", input, "--out", output, "--force", "--date", "2024-01-15"], { cwd: ROOT, stdio: "ignore" });
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * The pipeline's first run in a fresh node process that has loaded lib/ already (loading not
 * counted): the work one command does. Median over `RUNS` processes.
 */
function timeFirstRun(input: string): number {
  const entry = ensureCompiled(ROOT);
  const script =
    `const fs=require("fs");const {planWorkbook}=require(${JSON.stringify(entry)});` +
    `const bytes=fs.readFileSync(${JSON.stringify(input)});const start=performance.now();` +
    `planWorkbook(bytes,{language:"nl",createdOn:${excelDateSerial(2024, 1, 15)}}).then((r)=>{` +
    `if(!r.ok)throw new Error(r.message);process.stdout.write(String(performance.now()-start));});`;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(Number(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })));
  return median(samples);
}

async function timeInProcess(input: string): Promise<number> {
  const bytes = fs.readFileSync(input);
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const start = performance.now();
    const result = await planWorkbook(bytes, { language: "nl", createdOn: excelDateSerial(2024, 1, 15) });
    if (!result.ok) throw new Error(result.message);
    samples.push(performance.now() - start);
  }
  return median(samples.slice(1)); // the first run warms up the JIT and module caches
}

export async function run(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-bench-"));
  try {
    const tenYears = path.join(dir, "tien-jaar.xlsx");
    // Seasonal intake around the memo's 25 a week, so the series is not constant.
    await writeSampleWorkbook(tenYears, { weeks: 520, intake: seasonal });
    const out = path.join(dir, "plan.xlsx");
    const cases: [string, string][] = [
      ["sample, 52 weeks", SAMPLE],
      ["10 years, 520 weeks", tenYears],
    ];
    const rows: { name: string; command: number; first: number; pipeline: number; bytes: number }[] = [];
    for (const [name, file] of cases) {
      const command = timeCommand(file, out);
      const bytes = fs.statSync(out).size;
      rows.push({ name, command, first: timeFirstRun(file), pipeline: await timeInProcess(file), bytes });
    }
    console.log(`node bin/voorraadplanner.js, median of ${RUNS} runs (wall time incl. node start and loading lib/):`);
    for (const r of rows) {
      console.log(
        `  ${r.name.padEnd(20)} ${r.command.toFixed(0).padStart(6)} ms   in process: its own run ${r.first.toFixed(0).padStart(5)} ms ` +
          `(ratio ${(r.command / r.first).toFixed(1)}×), warm ${r.pipeline.toFixed(0).padStart(5)} ms (ratio ${(r.command / r.pipeline).toFixed(1)}×)   ` +
          `output ${(r.bytes / 1024).toFixed(0)} KiB`,
      );
    }
    const [small, large] = rows as [(typeof rows)[0], (typeof rows)[0]];
    console.log(
      `  ratio 520/52 weeks: command ${(large.command / small.command).toFixed(2)}×, pipeline ${(large.pipeline / small.pipeline).toFixed(2)}×`,
    );
    const builder = timeWhatIfBuilder();
    console.log(
      `buildWhatIfSheet alone, ${builder.weeks} weeks (scenarios, shared capacity, uncertainty): median ${builder.build.toFixed(0)} ms, ` +
        `of which the ${WHAT_IF_RUNS.toLocaleString("en-US")}-run simulation ≈ ${builder.simulation.toFixed(0)} ms`,
    );
    return [
      ...rows.map((r, i) => ({
        what:
          `\`voorraadplanner\` (node bin/voorraadplanner.js), ${r.name}: command wall time / in process, its own run (ratio) / ` +
          `in process, warm (ratio) / output`,
        measured:
          `${(r.command / 1000).toFixed(2)} s / ${(r.first / 1000).toFixed(2)} s (${(r.command / r.first).toFixed(1)}×) / ` +
          `${(r.pipeline / 1000).toFixed(2)} s (${(r.command / r.pipeline).toFixed(1)}×) / ${(r.bytes / 1024).toFixed(0)} KiB`,
        ...(i === 0 && { goal: `command < ${RATIO_GOAL}× its own run in process` }),
      })),
      {
        what: `\`buildWhatIfSheet\` alone, ${builder.weeks} weeks / of which the ${WHAT_IF_RUNS.toLocaleString("en-US")}-run simulation`,
        measured: `${builder.build.toFixed(0)} ms / ${builder.simulation.toFixed(0)} ms`,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
