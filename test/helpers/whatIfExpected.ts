/** What the engine says each what-if scenario does, given the values in the sheet's input cells. */
import { plannedCapacityCore, requiredCapacityCore } from "../../src/engine";
import type { InputId, ScenarioId } from "../../src/sheets/whatIfSheet";

export type InputValues = Record<Exclude<InputId, "firstWeek">, number>;

/** The queue's weekly intake and capacity per scenario (docs/whatif.md has the reading). */
export function expectedScenario(id: ScenarioId, v: InputValues): { intake: number; capacity: number } {
  switch (id) {
    case "plan":
      return { intake: v.intake, capacity: v.planPerYear / 52 };
    case "rule":
      return { intake: v.intake, capacity: plannedCapacityCore(v.intake, v.uplift) + v.extra };
    case "triage": {
      const queue = (1 - v.triage) * v.intake;
      return { intake: queue, capacity: plannedCapacityCore(queue, v.uplift) + v.extra };
    }
    case "required":
      return { intake: v.intake, capacity: requiredCapacityCore(v.opening, v.intake, v.target, v.clearWithin) };
    case "custom":
      return { intake: v.intake, capacity: v.custom };
  }
}
