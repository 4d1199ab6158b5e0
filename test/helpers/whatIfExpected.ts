/** What the engine says each what-if scenario does, given the values in the sheet's input cells. */
import { crowdingOut, plannedCapacityCore, projectBacklog, requiredCapacityCore } from "../../src/engine";
import type { InputId, ScenarioId } from "../../src/sheets/whatIfSheet";

export type InputValues = Record<Exclude<InputId, "firstWeek">, number>;

/** The queue's weekly intake and capacity per scenario (docs/what-if.md has the reading). */
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

/** The values in the shared-capacity block's input cells, and the what-if cells it reads. */
export interface SharedCapacityValuesInSheet {
  /** The what-if sheet's opening backlog, intake, and scenario 1's capacity (decisions per year / 52). */
  opening: number;
  intake: number;
  capacity: number;
  otherBacklog: number;
  otherIntake: number;
  otherCapacity: number;
  movedCapacity: number;
  decisionsPerFte: number;
}

export type SharedCapacityColumn =
  | "subsequentWithout"
  | "subsequentWith"
  | "otherWithout"
  | "otherWith"
  | "lostDecisions"
  | "extraFte";
export const SHARED_CAPACITY_COLUMNS: readonly SharedCapacityColumn[] = [
  "subsequentWithout",
  "subsequentWith",
  "otherWithout",
  "otherWith",
  "lostDecisions",
  "extraFte",
];

/**
 * What the engine says the shared-capacity block's weekly columns hold: subsequent applications
 * on scenario 1's capacity without and with the moved capacity (projectBacklog), and the other
 * work's crowding-out (crowdingOut in src/engine/sharedCapacity.ts).
 */
export function expectedSharedCapacity(
  v: SharedCapacityValuesInSheet,
  weeks: number,
): Record<SharedCapacityColumn, number[]> {
  const project = (capacity: number): number[] => {
    const result = projectBacklog({ opening: v.opening, intake: v.intake, capacity, weeks });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.rows.map((r) => r.backlog);
  };
  const other = crowdingOut({
    opening: v.otherBacklog,
    intake: v.otherIntake,
    capacity: v.otherCapacity,
    moved: v.movedCapacity,
    weeks,
    decisionsPerFteWeek: v.decisionsPerFte,
  });
  if (!other.ok) throw new Error(other.error.message);
  const rows = other.value.rows;
  return {
    subsequentWithout: project(v.capacity),
    subsequentWith: project(v.capacity + v.movedCapacity),
    otherWithout: rows.map((r) => r.backlogWithout),
    otherWith: rows.map((r) => r.backlogWith),
    lostDecisions: rows.map((r) => r.lostDecisions),
    extraFte: rows.map((r) => r.extraFteNeeded as number),
  };
}
