/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or those whose name contains an argument:
 * `npm run bench -- plan`). Each file exports `run()`, prints its details while it measures, and
 * returns its rows (`Figure[]`); a bench that returns nothing only prints. At the end one table of
 * every figure is printed in Markdown, the table docs/performance.md shows. Nothing here is
 * asserted: machines are noisy.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Figure } from "./timing";

/** A figure with the bench it came from. */
export interface BenchRow extends Figure {
  bench: string;
}

/** Keeps the rows a bench returned; anything else (an older bench returning void) gives none. */
export function rowsOf(bench: string, returned: unknown): BenchRow[] {
  if (!Array.isArray(returned)) return [];
  return returned
    .filter((r): r is Figure => typeof r === "object" && r !== null && typeof (r as Figure).what === "string")
    .map((r) => ({ bench, what: r.what, measured: String(r.measured), ...(r.goal !== undefined ? { goal: r.goal } : {}) }));
}

/**
 * The one table of figures, in Markdown.
 * @example formatFigureTable([{ bench: "functions", what: "PROJECT_BACKLOG", measured: "0.1 ms" }])
 */
export function formatFigureTable(rows: BenchRow[]): string {
  const cell = (text: string): string => text.replace(/\|/g, "\\|");
  const lines = ["| bench | what | measured | goal |", "| --- | --- | --- | --- |"];
  for (const row of rows) {
    lines.push(`| ${cell(row.bench)} | ${cell(row.what)} | ${cell(row.measured)} | ${cell(row.goal ?? "")} |`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const rows: BenchRow[] = [];
  for (const file of files) {
    const bench = file.replace(".bench.ts", "");
    console.log(`\n## ${bench}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, file)) as { run: () => Promise<unknown> };
    rows.push(...rowsOf(bench, await mod.run()));
  }
  const load = os.loadavg().map((l) => l.toFixed(1)).join(", ");
  console.log(`\n## Measured figures (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, load ${load})\n`);
  console.log(formatFigureTable(rows));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
