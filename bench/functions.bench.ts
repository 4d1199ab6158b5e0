/** Time per call of =IND.PROJECT_BACKLOG over 520 weeks (10 years), through the full argument checks. */
import { PROJECT_BACKLOG } from "../src/functions/functions";
import { projectBacklogCore } from "../src/engine";
import { timePerCall } from "./timing";

export async function run(): Promise<void> {
  const weeks = 520;
  const intake = Array.from({ length: weeks }, (_, i) => [25 + (i % 7)]);
  const capacity = Array.from({ length: weeks }, () => [1600 / 52]);
  const full = timePerCall(() => PROJECT_BACKLOG(1440, intake, capacity), 2000);
  const rule = timePerCall(() => PROJECT_BACKLOG(1440, intake), 2000);
  const i = new Float64Array(weeks).fill(25);
  const c = new Float64Array(weeks).fill(1600 / 52);
  const out = new Float64Array(weeks);
  const core = timePerCall(() => projectBacklogCore(1440, i, c, out), 20000);
  console.log(`PROJECT_BACKLOG, 520 weeks, capacity range: median ${(full * 1000).toFixed(1)} µs per call (target: well under 1 ms)`);
  console.log(`PROJECT_BACKLOG, 520 weeks, planning rule:   median ${(rule * 1000).toFixed(1)} µs per call`);
  console.log(`projectBacklogCore, 520 weeks (typed arrays): median ${(core * 1000).toFixed(2)} µs per call; checks and conversion cost ${(full / core).toFixed(0)}× the core loop`);
}
