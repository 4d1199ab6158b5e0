/** What the engine says each what-if scenario does, given the values in the sheet's input cells. */
import { requiredCapacityCore } from "../../src/engine/closedForms";
import { plannedCapacityCore, projectBacklog } from "../../src/engine/project";
import { crowdingOut } from "../../src/engine/sharedCapacity";
import type { InputId, ScenarioId } from "../../src/sheets/whatIfSheet";

/** The input cells' values; `triageStaff` is the ja/nee cell (triage's fte are new staff), default no. */
export type InputValues = Record<Exclude<InputId, "firstWeek" | "triageStaff">, number> & { triageStaff?: boolean };

/**
 * The queue's opening backlog, weekly intake and capacity per scenario (docs/decisions.md,
 * "Planning model (issue 14)"). With triage (scenarios 3 and 4) the queue is what triage leaves and
 * the capacity is that of the full intake: triage has its own extra staff.
 */
export function expectedScenario(id: ScenarioId, v: InputValues): { opening: number; intake: number; capacity: number } {
  const rule = plannedCapacityCore(v.intake, v.uplift);
  const triaged = {
    opening: (1 - v.triagedOpening) * v.opening,
    intake: (1 - (v.triage + v.withoutHearing)) * v.intake,
  };
  switch (id) {
    case "plan":
      return { opening: v.opening, intake: v.intake, capacity: v.planPerYear / 52 };
    case "rule":
      return { opening: v.opening, intake: v.intake, capacity: rule + v.extra };
    case "triage":
      return { ...triaged, capacity: rule + v.extra };
    case "whole":
      return { ...triaged, capacity: Math.max(v.planPerYear / 52, rule) + v.extra };
    case "required":
      return {
        opening: v.opening,
        intake: v.intake,
        capacity: requiredCapacityCore(v.opening, v.intake, v.target, v.clearWithin),
      };
    case "custom":
      return { opening: v.opening, intake: v.intake, capacity: v.custom };
  }
}

/** Extra fte triage needs: triaged cases per week ÷ decisions per fte-week. */
export function expectedTriageFte(v: InputValues): number {
  return ((v.triage + v.withoutHearing) * v.intake + (v.triagedOpening * v.opening) / v.horizon) / v.perFte;
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
