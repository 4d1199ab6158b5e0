/** Time per call of =IND.PROJECT_BACKLOG over 520 weeks (10 years), through the full argument checks. */
import { PROJECT_BACKLOG } from "../src/functions/functions";
import { projectBacklogCore } from "../src/engine";
import { Figure, timePerCall } from "./timing";

export async function run(): Promise<Figure[]> {
  const weeks = 520;
  const intake = Array.from({ length: weeks }, (_, i) => [25 + (i % 7)]);
  const capacity = Array.from({ length: weeks }, () => [1600 / 52]);
  const full = timePerCall(() => PROJECT_BACKLOG(1440, intake, capacity), 2000);
  const rule = timePerCall(() => PROJECT_BACKLOG(1440, intake), 2000);
  const weeklyIntake = new Float64Array(weeks).fill(25);
  const weeklyCapacity = new Float64Array(weeks).fill(1600 / 52);
  const out = new Float64Array(weeks);
  const core = timePerCall(() => projectBacklogCore(1440, weeklyIntake, weeklyCapacity, out), 20000);
  const micro = (ms: number, digits = 1): string => `median ${(ms * 1000).toFixed(digits)} µs per call`;
  console.log(`PROJECT_BACKLOG, 520 weeks, capacity range: ${micro(full)} (target: well under 1 ms)`);
  console.log(`PROJECT_BACKLOG, 520 weeks, planning rule:   ${micro(rule)}`);
  console.log(`projectBacklogCore, 520 weeks (typed arrays): ${micro(core, 2)}; checks and conversion cost ${(full / core).toFixed(0)}× the core loop`);
  return [
    { what: "`PROJECT_BACKLOG`, 520 weeks, capacity range, with argument checks", measured: micro(full), goal: "well under 1 ms" },
    { what: "`PROJECT_BACKLOG`, 520 weeks, planning rule", measured: micro(rule) },
    { what: "`projectBacklogCore`, 520 weeks, typed arrays (no checks)", measured: `${micro(core, 2)} (checks cost ${(full / core).toFixed(0)}×)` },
  ];
}
