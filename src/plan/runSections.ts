/**
 * Computes the projection sheet's optional sections from checked inputs and the projection: the
 * Monte Carlo run of the uncertainty section (in slices, when the host asks for progress) and the
 * per-track projection. Pure apart from the host's own `yieldToHost`; no Office, no DOM, no clock.
 */
import {
  createRng,
  ok,
  ProjectionResult,
  projectTracks,
  Result,
  simulateBacklog,
  simulateBacklogChunked,
  SimulateBacklogOptions,
  SimulationResult,
} from "../engine";
import type { PlanInputs } from "../sheets/inputs";
import { forecastSimulation, PlanIntakeForecast } from "./intakeForecast";
import { checkWork, intakeModelOf, needsSlices, OptionProblem, SectionPlan, sliceRuns, UncertaintyPlan } from "./options";
import { horizonPhrase, SectionResults } from "./placeSections";

/** For a long simulation: progress for the host, and a way to let it breathe between slices. */
export interface SimulationProgress {
  /** The share done, 0 < fraction ≤ 1, after every slice. */
  onProgress?: (fraction: number) => void;
  /** Resolves after the host has had a turn: `() => new Promise((r) => setTimeout(r, 0))`. */
  yieldToHost: () => Promise<void>;
}

export interface RunSectionsOptions {
  inputs: PlanInputs;
  projection: ProjectionResult;
  sections: SectionPlan;
  /** The weekly intake history, for the history intake model. */
  history?: readonly number[];
  /** The intake forecast from the intake history (issue 24): the runs draw their intake around it. */
  intakeForecast?: PlanIntakeForecast;
  progress?: SimulationProgress;
}

export type SectionProblem =
  | { kind: "option"; problem: OptionProblem }
  | { kind: "engine"; message: string }
  | { kind: "simulation"; message: string };

export type RunSectionsResult =
  { ok: true; results: SectionResults; sliced: boolean } | { ok: false; problem: SectionProblem };

/**
 * Runs the sections that are switched on; nothing when none is. A problem in either one is
 * returned before anything is placed, so a host writes nothing.
 *
 * @example
 * await runSections({ inputs, projection, sections: { tracks: { fastShare: 0.137, safeShare: 0.2, fastLeadTimeDays: 14 } } })
 * // → { ok: true, results: { tracks: … }, sliced: false }
 */
export async function runSections(options: RunSectionsOptions): Promise<RunSectionsResult> {
  const { inputs, projection, sections } = options;
  const weeks = projection.rows.length;
  const results: SectionResults = {};
  let sliced = false;
  if (sections.uncertainty) {
    const tooMuch = checkWork(sections.uncertainty, weeks);
    if (tooMuch) return { ok: false, problem: { kind: "option", problem: tooMuch } };
    // With a forecast intake the runs draw their intake paths around it (issue 24, item 4).
    const fromForecast = forecastSimulation(options.intakeForecast, sections.uncertainty);
    if (!fromForecast.ok) return { ok: false, problem: { kind: "option", problem: fromForecast.problem } };
    // Without a target of the planner's, the question is "at least as good as planned" (issue 14).
    const asked = inputs.targetGiven === true ? inputs : { ...inputs, target: projection.closingBacklog };
    const simulated = await simulateUncertainty(asked, weeks, sections.uncertainty, {
      ...(options.history !== undefined && { history: options.history }),
      ...(fromForecast.intakeForecast !== undefined && { intakeForecast: fromForecast.intakeForecast }),
      ...(options.progress !== undefined && { progress: options.progress }),
    });
    if (!simulated.ok) return { ok: false, problem: { kind: "simulation", message: simulated.error.message } };
    sliced = simulated.value.sliced;
    const when = horizonPhrase(inputs.firstWeek, weeks);
    results.simulation = { result: simulated.value.result, seed: sections.uncertainty.seed, ...(when && { when }) };
  }
  if (sections.tracks) {
    const rows = projection.rows;
    const tracks = projectTracks({
      openingByTrack: inputs.opening,
      intake: rows.map((row) => row.intake),
      shares: [sections.tracks.fastShare, sections.tracks.safeShare],
      // Tracks 2 and 4 share the plan's capacity, given or by the planning rule.
      capacity: rows.map((row) => row.capacity),
      fastLeadTimeDays: sections.tracks.fastLeadTimeDays,
      triagedOpeningShare: sections.tracks.triagedOpeningShare ?? 0,
    });
    if (!tracks.ok) return { ok: false, problem: { kind: "engine", message: tracks.error.message } };
    results.tracks = tracks.value;
  }
  return { ok: true, results, sliced };
}

/**
 * The Monte Carlo run of the uncertainty section, with the plan's own opening, intake, capacity
 * (or planning rule) and horizon, and the target backlog. More than 50,000 runs (or as much work)
 * go in slices with the host's `yieldToHost` in between; the figures are the same either way.
 */
async function simulateUncertainty(
  inputs: PlanInputs,
  weeks: number,
  plan: UncertaintyPlan,
  extra: Pick<RunSectionsOptions, "history" | "progress"> & Pick<SimulateBacklogOptions, "intakeForecast">,
): Promise<Result<{ result: SimulationResult; sliced: boolean }>> {
  const { history, progress } = extra;
  const options: SimulateBacklogOptions = {
    opening: inputs.opening,
    intake: inputs.intake,
    uplift: inputs.uplift,
    weeks,
    runs: plan.runs,
    intakeModel: intakeModelOf(plan, history),
    capacitySpread: plan.capacitySpread,
    intakeLevelSpread: plan.intakeLevelSpread ?? 0,
    target: inputs.target,
    ...(inputs.capacity !== undefined && { capacity: inputs.capacity }),
    ...(extra.intakeForecast !== undefined && { intakeForecast: extra.intakeForecast }),
  };
  if (progress === undefined || !needsSlices(plan.runs, weeks)) {
    const result = simulateBacklog(createRng(plan.seed), options);
    return result.ok ? ok({ result: result.value, sliced: false }) : result;
  }
  const result = await simulateBacklogChunked(createRng(plan.seed), options, {
    chunkRuns: sliceRuns(weeks),
    yieldToHost: progress.yieldToHost,
    ...(progress.onProgress !== undefined && { onProgress: progress.onProgress }),
  });
  return result.ok ? ok({ result: result.value, sliced: true }) : result;
}
