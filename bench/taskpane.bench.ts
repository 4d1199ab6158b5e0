/**
 * The task pane's budgets: bundle sizes of dist/ (minified and gzipped; built first when dist/
 * is missing or stale) and, per run against the office-addin-mock fake Excel, the number of
 * `context.sync()` calls and the bytes of the largest request, for 52 and 10,000 weeks.
 * dist/ is rebuilt first when it is missing or older than src/.
 * Budgets: taskpane.js ≤ 250 KB minified; ≤ 3 syncs a run; every request < 5 MB.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import * as zlib from "zlib";
import { MAX_WEEKS } from "../src/engine";
import { REQUEST_LIMIT_BYTES } from "../src/hosts/office/writeSheet";
import { runPlan } from "../src/hosts/office/runPlan";
import { emptyFields } from "../src/hosts/office/readInputs";
import { plannerWorkbook } from "../test/hosts/office/fakeExcel";
import { Figure, median } from "./timing";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const BUNDLE_BUDGET = 250 * 1024;
const RUNS = 5;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** Newest modification time among the files that go into the bundles. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** dist/'s file for a bundle whose name carries its content hash (taskpane.1a2b3c4d.js). */
function hashedFile(stem: string, ext: string): string {
  const found = fs.existsSync(DIST) ? fs.readdirSync(DIST).find((f) => new RegExp(`^${stem}\\.[0-9a-f]{8}\\.${ext}$`).test(f)) : undefined;
  return found ?? `${stem}.${ext}`;
}

function bundleSizes(): Figure[] {
  const manifest = path.join(DIST, "manifest.xml");
  const sources = Math.max(newestSource(path.join(ROOT, "src")), fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs);
  // Missing or older than the sources: sizes of an old build would mislead.
  if (!fs.existsSync(manifest) || fs.statSync(manifest).mtimeMs < sources) {
    // Sizes only: a production build for localhost unless ADDIN_BASE_URL names the real address.
    console.log("dist/ is missing or older than src/: building it (npx webpack --mode production) …");
    const env = { ...process.env, ADDIN_BASE_URL: process.env["ADDIN_BASE_URL"] ?? "https://localhost:3000/" };
    execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "ignore", env });
  }
  const pane = hashedFile("taskpane", "js");
  const built = fs.statSync(manifest).mtime.toISOString().slice(0, 16).replace("T", " ");
  console.log(`bundle sizes (dist/, built ${built} UTC; office.js not included)`);
  let pageScripts = 0;
  const figures: Figure[] = [];
  const files: [string, string][] = [
    ["taskpane.[hash].js", pane],
    ["functions.js", "functions.js"],
    ["taskpane.[hash].css", hashedFile("taskpane", "css")],
  ];
  for (const [file, name] of files) {
    const full = path.join(DIST, name);
    if (!fs.existsSync(full)) continue;
    const bytes = fs.readFileSync(full);
    if (file.endsWith(".js")) pageScripts += bytes.length;
    const kind = file.endsWith(".js") ? "minified" : "as served";
    console.log(`  ${file.padEnd(20)} ${kb(bytes.length).padStart(9)} ${kind.padEnd(9)} ${kb(zlib.gzipSync(bytes).length).padStart(8)} gzip`);
    figures.push({ what: `\`${file}\`, ${kind} / gzip`, measured: `${kb(bytes.length)} / ${kb(zlib.gzipSync(bytes).length)}` });
  }
  // The shared runtime loads functions.js into the pane's page as well: count both.
  const verdict = pageScripts <= BUNDLE_BUDGET ? "within" : "OVER";
  console.log(`  pane page JavaScript (taskpane.js + functions.js): ${kb(pageScripts)}, budget ${kb(BUNDLE_BUDGET)}: ${verdict}`);
  figures.push({ what: "pane page JavaScript (`taskpane.js` + `functions.js`; office.js not counted)", measured: `${kb(pageScripts)} (${verdict})`, goal: `≤ ${kb(BUNDLE_BUDGET)}` });
  return figures;
}

async function syncsPerRun(weeks: number): Promise<Figure> {
  const samples: number[] = [];
  let syncs = 0;
  let largest = 0;
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const wb = plannerWorkbook(weeks, { capacity: true });
    const context = wb.context();
    let calls = 0;
    const sync = context.sync.bind(context);
    context.sync = () => {
      calls++;
      return sync();
    };
    const start = performance.now();
    const outcome = await runPlan(context, {
      fields: {
        ...emptyFields(),
        opening: "Invoer!C2",
        intake: `Invoer!C5:C${4 + weeks}`,
        capacity: `Invoer!D5:D${4 + weeks}`,
        firstWeek: "2024-01-01",
      },
      kind: "projection",
      language: "nl",
      today: 45306,
      checkMerged: true,
    });
    samples.push(performance.now() - start);
    if (!outcome.ok) throw new Error(`bench run failed: ${JSON.stringify(outcome.problem)}`);
    syncs = calls;
    largest = Math.max(...wb.syncs.map((s) => s.bytes));
    total = wb.syncs.reduce((sum, s) => sum + s.bytes, 0);
  }
  const ok = syncs <= 3 && largest < REQUEST_LIMIT_BYTES ? "within budget" : "OVER BUDGET";
  console.log(
    `  ${String(weeks).padStart(6)} weeks: ${syncs} context.sync() calls, largest request ${kb(largest)}, ` +
      `all requests ${kb(total)}, median ${median(samples).toFixed(0)} ms with the fake  (${ok})`,
  );
  return {
    what: `task-pane projection run, ${weeks.toLocaleString("en-US")} weeks (fake Excel): syncs / largest request / time`,
    measured: `${syncs} / ${kb(largest)} / ${median(samples).toFixed(0)} ms`,
    goal: "≤ 3 syncs, every request < 5 MB",
  };
}

export async function run(): Promise<Figure[]> {
  const figures = bundleSizes();
  console.log("syncs per projection run (office-addin-mock fake Excel; request bytes estimated from the JSON sent)");
  figures.push(await syncsPerRun(52));
  figures.push(await syncsPerRun(MAX_WEEKS));
  return figures;
}
