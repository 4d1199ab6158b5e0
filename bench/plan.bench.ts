/**
 * Wall time of `npm run plan` (process start, ts-node, read, build, write) on the bundled sample
 * (52 weeks) and on a 10-year, 520-week workbook made on the fly, plus the in-process pipeline
 * alone. Medians of a few runs; nothing is asserted.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { planWorkbook } from "../src/cli/plan";
import { writeSampleWorkbook } from "../src/cli/sampleWorkbook";
import { excelDateSerial } from "../src/sheets/spec";
import { median } from "./timing";

const ROOT = path.resolve(__dirname, "..");
const SAMPLE = path.join(ROOT, "assets", "voorbeeld-invoer.xlsx");
const RUNS = 3;

function timeCommand(input: string, output: string): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    execFileSync(
      "npm",
      ["run", "--silent", "plan", "--", "--in", input, "--out", output, "--force", "--date", "2024-01-15"],
      {
        cwd: ROOT,
        stdio: "ignore",
      },
    );
    samples.push(performance.now() - start);
  }
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

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-bench-"));
  try {
    const tenYears = path.join(dir, "tien-jaar.xlsx");
    // Seasonal intake around the memo's 25 a week, so the series is not constant.
    await writeSampleWorkbook(tenYears, {
      weeks: 520,
      intake: (w) => 25 + Math.round(4 * Math.sin((2 * Math.PI * w) / 52)),
    });
    const out = path.join(dir, "plan.xlsx");
    const cases: [string, string][] = [
      ["sample, 52 weeks", SAMPLE],
      ["10 years, 520 weeks", tenYears],
    ];
    const rows: { name: string; command: number; pipeline: number; bytes: number }[] = [];
    for (const [name, file] of cases) {
      const command = timeCommand(file, out);
      const bytes = fs.statSync(out).size;
      rows.push({ name, command, pipeline: await timeInProcess(file), bytes });
    }
    console.log(`npm run plan, median of ${RUNS} runs (wall time incl. node + ts-node start):`);
    for (const r of rows) {
      console.log(
        `  ${r.name.padEnd(20)} ${r.command.toFixed(0).padStart(6)} ms   in-process pipeline ${r.pipeline.toFixed(0).padStart(5)} ms   output ${(r.bytes / 1024).toFixed(0)} KiB`,
      );
    }
    const [small, large] = rows as [(typeof rows)[0], (typeof rows)[0]];
    console.log(
      `  ratio 520/52 weeks: command ${(large.command / small.command).toFixed(2)}×, pipeline ${(large.pipeline / small.pipeline).toFixed(2)}×`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
