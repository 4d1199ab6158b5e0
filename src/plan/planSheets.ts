/**
 * The plan step both hosts share: checked inputs and options → the engine → the sheet specs to
 * apply, placed, and the figures the pane and the CLI report. Pure and host-neutral: the task pane
 * (Office.js) and `npm run plan` (the .xlsx package) only read before it and write after it.
 *
 * Adding a sheet is one entry in `SHEET_BUILDERS` (and its kind in `SheetKind`): a builder gets
 * the `PlanContext` (inputs, projection, section results) and returns its placed spec.
 */
import { Baseline, monitorBaseline, MonitorResult, ProjectionResult, requiredCapacityCore } from "../engine";
import { buildBaselineSheet } from "../sheets/baselineSheet";
import { baselineOfPlan } from "./baseline";
import { nonFiniteCell, PlanInputs } from "../sheets/inputs";
import type { Language } from "../sheets/messages";
import { buildProjectionSheet, PROJECTION_SHEET_NAME } from "../sheets/projectionSheet";
import { buildMonitoringSheet, MONITORING_SHEET_NAME } from "../sheets/monitoringSheet";
import type { SheetSpec } from "../sheets/spec";
import type { UncertaintyBlock } from "../sheets/uncertaintyBlock";
import { buildWhatIfSheet } from "../sheets/whatIfSheet";
import { ProjectionFigures, projectionFigures, ProjectionSummary, runProjection } from "./figures";
import { runMonitoring } from "./monitoring";
import type { SectionPlan } from "./options";
import { forecastMonitoring, planIntakeForecast, PlanIntakeForecast } from "./intakeForecast";
import type { SectionResults } from "./placeSections";
import { runSections, SectionProblem, SimulationProgress } from "./runSections";
import type { InputSources } from "./sources";

/**
 * Names of the sheets a run replaces: an input read from one of them has no cell to point at
 * once the run has written (see `sourcesOf`).
 */
export const REPLACED_SHEET_NAMES: readonly string[] = [
  ...Object.values(PROJECTION_SHEET_NAME),
  ...Object.values(MONITORING_SHEET_NAME),
];

/** The sheets the plan step can make, in the order a host writes them. */
export type SheetKind = "projection" | "whatIf" | "monitoring" | "baseline";

export interface PlanSheetsOptions {
  language: Language;
  /** Excel serial of the day the sheets are made; passed in, no clock here. */
  createdOn: number;
  /** Which sheets to make, in this order. */
  sheets: readonly SheetKind[];
  /** The checked sections for the projection sheet (see `parseSections`); none when absent. */
  sections?: SectionPlan;
  /** The weekly intake history read for the history intake model. */
  history?: readonly number[];
  /** Names in the workbook (sheets, tables, defined names) that new names must not take. */
  existingNames?: readonly string[];
  /** Slices a long simulation with the host's progress and yield; in one go when absent. */
  progress?: SimulationProgress;
  /** Where the inputs were read (`sourcesOf`): the projection sheet's formulas point there. */
  sources?: InputSources;
  /**
   * The workbook is the bundled sample (it carries the name Voorbeeldwerkmap/SampleWorkbook):
   * its invented actuals and example settings are flagged on the sheets. A planner's own
   * workbook never is.
   */
  sample?: boolean;
  /**
   * The baseline in force, as the host read it from the workbook (`baselineFromTable`): the
   * monitoring sheet compares the actuals with it. Without one, the first monitoring run makes
   * one from the plan and adds its sheet.
   */
  baseline?: Baseline;
  /** Make a new baseline from today's plan even though one is in force (the old one is kept). */
  newBaseline?: boolean;
}

/** What a sheet builder gets: everything computed once for all sheets. */
export interface PlanContext {
  inputs: PlanInputs;
  projection: ProjectionResult;
  /** The projection's figures as the sheet shows them. */
  figures: ProjectionFigures;
  language: Language;
  createdOn: number;
  sections: SectionResults;
  existingNames: readonly string[];
  /** The plan against the actuals, computed when the monitoring sheet is asked for. */
  monitoring?: MonitorResult;
  /** The baseline the monitoring compares with; `made` when this run made it (its sheet is added). */
  baseline?: { value: Baseline; made: boolean };
  sources?: InputSources;
  sample: boolean;
  /** The intake forecast from the intake history (issue 24), when the inputs have one. */
  intakeForecast?: PlanIntakeForecast;
}

/** One sheet to apply. */
export interface PlannedSheet {
  kind: SheetKind;
  spec: SheetSpec;
  /** "replace": the add-in's earlier sheet of this kind is replaced; "new": always a new sheet. */
  mode: "replace" | "new";
  /** The fan placed on this sheet, for the pane's summary. */
  uncertainty?: UncertaintyBlock;
  /** Index of the tracks table among the spec's tables (for its final, possibly renamed, name). */
  tracksTable?: number;
  /** A cell whose live formula would not hold a finite number: the plan is refused. */
  overflow?: string;
}

/** The sheets, each built from the shared context. */
export const SHEET_BUILDERS: Record<SheetKind, (context: PlanContext) => PlannedSheet> = {
  projection: (context) => {
    const { figures, language, createdOn } = context;
    const sheet = buildProjectionSheet({
      figures,
      language,
      createdOn,
      sections: context.sections,
      sample: context.sample,
      ...(context.sources !== undefined && { sources: context.sources }),
      ...(context.intakeForecast !== undefined && { intakeForecast: context.intakeForecast }),
    });
    return {
      kind: "projection",
      mode: "replace",
      spec: sheet.spec,
      ...(sheet.uncertainty !== undefined && { uncertainty: sheet.uncertainty }),
      ...(sheet.tracksTable !== undefined && { tracksTable: sheet.tracksTable }),
      ...(sheet.overflow !== undefined && { overflow: sheet.overflow }),
    };
  },
  whatIf: (context) => ({
    kind: "whatIf",
    mode: "new",
    spec: buildWhatIfSheet({
      inputs: context.inputs,
      language: context.language,
      createdOn: context.createdOn,
      existingNames: [...context.existingNames],
      sample: context.sample,
    }),
  }),
  // Replaces the add-in's earlier Voortgang/Progress sheet (recognised by MONITORING_TABLE).
  monitoring: (context) => {
    const { inputs, monitoring, language, createdOn } = context;
    if (!monitoring) throw new Error("The monitoring sheet needs the monitoring result: planSheets computes it.");
    return {
      kind: "monitoring",
      mode: "replace",
      spec: buildMonitoringSheet({
        result: monitoring,
        language,
        createdOn,
        sample: context.sample,
        ...(inputs.firstWeek !== undefined && { firstWeek: inputs.firstWeek }),
        ...(inputs.decisionsPerFteWeek !== undefined && { decisionsPerFte: inputs.decisionsPerFteWeek }),
        ...(context.baseline !== undefined && { baseline: { madeOn: context.baseline.value.madeOn, made: context.baseline.made } }),
      }),
    };
  },
  // A new sheet of fixed values; a baseline made the same day replaces that day's (same marker table).
  baseline: (context) => {
    if (!context.baseline) throw new Error("The baseline sheet needs the baseline: planSheets makes it.");
    return { kind: "baseline", mode: "replace", spec: buildBaselineSheet({ baseline: context.baseline.value, language: context.language }) };
  },
};

export type PlanProblem =
  | SectionProblem
  | { kind: "not-finite"; sheet: string; cell: string }
  /** The monitoring sheet was asked for, but the inputs hold no actuals. */
  | { kind: "no-actuals" };

export interface UncertaintySummary {
  /** The chance of reaching the target in plain words, in both languages; null without a target. */
  sentence: Record<Language, string> | null;
  assumptions: Record<Language, string>;
  /** P10, P50 and P90 of the backlog at the horizon. */
  low: number;
  median: number;
  high: number;
  runs: number;
  seed: number;
  /** Whether it ran in slices with progress shown. */
  sliced: boolean;
}

/** The tracks' figures at the horizon. */
export interface TracksFigures {
  closing: { fast: number; safe: number; regular: number; total: number };
  shares: { fast: number; safe: number; regular: number };
  fastLeadTimeDays: number;
}

export interface PlanSheetsSuccess {
  ok: true;
  sheets: PlannedSheet[];
  projection: ProjectionResult;
  summary: ProjectionSummary;
  weeks: number;
  /** Steady weekly decisions that reach the target backlog at the horizon. */
  requiredCapacity: number;
  uncertainty?: UncertaintySummary;
  tracks?: TracksFigures;
  /** The plan against the actuals, when the monitoring sheet was made. */
  monitoring?: MonitorResult;
  /** The baseline the monitoring compared with; `made` when this run made it (its sheet is among `sheets`). */
  baseline?: { value: Baseline; made: boolean };
  /** The inputs the plan was made from: with an intake history and no Intake, its forecast as the intake. */
  inputs: PlanInputs;
  /** The intake forecast from the intake history (src/plan/intakeForecast.ts), when the inputs have one. */
  intakeForecast?: PlanIntakeForecast;
}

export type PlanSheetsResult = PlanSheetsSuccess | { ok: false; problem: PlanProblem };

/**
 * Projects, runs the sections asked for (projection sheet only), builds and places every sheet,
 * and checks that no figure is NaN or Infinity. Nothing here writes: a problem means the host
 * writes nothing.
 *
 * @example
 * const planned = await planSheets(inputs, { language: "nl", createdOn: 45306, sheets: ["projection", "whatIf"] });
 * if (planned.ok) for (const sheet of planned.sheets) host.apply(sheet.spec, sheet.mode);
 */
export async function planSheets(given: PlanInputs, options: PlanSheetsOptions): Promise<PlanSheetsResult> {
  // Issue 24: an intake history's forecast, the plan's intake when the planner gave none.
  const forecasted = planIntakeForecast(given, options.sections?.forecast);
  if (!forecasted.ok) return forecasted;
  const { inputs, forecast } = forecasted;
  const projection = runProjection(inputs);
  if (!projection.ok) return { ok: false, problem: { kind: "engine", message: projection.error.message } };
  const weeks = projection.value.rows.length;
  const withSections = options.sheets.includes("projection") && options.sections !== undefined;
  const sections = await runSections({
    inputs,
    projection: projection.value,
    sections: withSections ? (options.sections ?? {}) : {},
    ...(options.history !== undefined && { history: options.history }),
    ...(forecast !== undefined && { intakeForecast: forecast }),
    ...(options.progress !== undefined && { progress: options.progress }),
  });
  if (!sections.ok) return sections;
  const monitoring = monitorActuals(inputs, options, forecast, projection.value);
  if (!monitoring.ok) return monitoring;
  const baseline = monitoring.baseline;

  const context: PlanContext = {
    inputs,
    projection: projection.value,
    figures: projectionFigures(inputs, projection.value),
    sample: options.sample === true,
    ...(options.sources !== undefined && { sources: options.sources }),
    language: options.language,
    createdOn: options.createdOn,
    sections: sections.results,
    existingNames: options.existingNames ?? [],
    ...(monitoring.value !== undefined && { monitoring: monitoring.value }),
    ...(baseline !== undefined && { baseline }),
    ...(forecast !== undefined && { intakeForecast: forecast }),
  };
  // A baseline made by this run is written after the sheets asked for.
  const kinds: SheetKind[] = baseline?.made === true ? [...options.sheets, "baseline"] : [...options.sheets];
  const sheets = kinds.map((kind) => SHEET_BUILDERS[kind](context));
  // The last check before anything is written: no NaN or Infinity reaches a workbook, as a value
  // or as what a live formula computes.
  for (const sheet of sheets) {
    const cell = nonFiniteCell(sheet.spec) ?? sheet.overflow;
    if (cell) return { ok: false, problem: { kind: "not-finite", sheet: sheet.spec.name, cell } };
  }
  const summary = context.figures.summary;
  const success: PlanSheetsSuccess = {
    ok: true,
    sheets,
    projection: projection.value,
    summary,
    weeks,
    requiredCapacity: requiredCapacityCore(inputs.opening, summary.meanIntake, inputs.target, weeks),
    inputs,
    ...(forecast !== undefined && { intakeForecast: forecast }),
  };
  if (monitoring.value) success.monitoring = monitoring.value;
  if (baseline) success.baseline = baseline;
  const fan = sheets.find((sheet) => sheet.uncertainty !== undefined)?.uncertainty;
  const simulation = sections.results.simulation;
  if (simulation && fan) success.uncertainty = summarizeUncertainty(simulation, fan, sections.sliced);
  const tracks = sections.results.tracks;
  if (tracks) {
    success.tracks = { closing: tracks.closingBacklog, shares: tracks.shares, fastLeadTimeDays: tracks.fastLeadTimeDays };
  }
  return success;
}

/**
 * The plan against the actuals, when the monitoring sheet is among the sheets asked for: against
 * the baseline in force, or (the first time, or on request) against today's plan, which becomes
 * the new baseline.
 */
function monitorActuals(
  inputs: PlanInputs,
  options: PlanSheetsOptions,
  forecast: PlanIntakeForecast | undefined,
  projection: ProjectionResult,
):
  | { ok: true; value: MonitorResult | undefined; baseline?: { value: Baseline; made: boolean } }
  | { ok: false; problem: PlanProblem } {
  if (!options.sheets.includes("monitoring")) return { ok: true, value: undefined };
  if (!inputs.actuals) return { ok: false, problem: { kind: "no-actuals" } };
  const engine = (message: string): { ok: false; problem: PlanProblem } => ({ ok: false, problem: { kind: "engine", message } });
  if (options.baseline && options.newBaseline !== true) {
    const { intake, decisions, backlog } = inputs.actuals;
    const against = monitorBaseline(
      options.baseline,
      { actualIntake: intake, actualDecisions: decisions, ...(backlog !== undefined && { actualBacklog: backlog }) },
      forecastMonitoring(forecast),
    );
    if (!against.ok) return engine(against.error.message);
    return { ok: true, value: against.value, baseline: { value: options.baseline, made: false } };
  }
  const monitored = runMonitoring(inputs, inputs.actuals, forecastMonitoring(forecast));
  if (!monitored.ok) return engine(monitored.error.message);
  const made = baselineOfPlan(inputs, projection, options.createdOn);
  if (!made.ok) return engine(made.error.message);
  return { ok: true, value: monitored.value, baseline: { value: made.value, made: true } };
}

/** P10, P50 and P90 at the horizon, with the fan's own sentences. */
function summarizeUncertainty(
  simulation: NonNullable<SectionResults["simulation"]>,
  fan: UncertaintyBlock,
  sliced: boolean,
): UncertaintySummary {
  const { result, seed } = simulation;
  const atHorizon = (band: number): number => (result.bands[band] as Float64Array)[result.weeks - 1] as number;
  return {
    sentence: fan.sentence,
    assumptions: fan.assumptions,
    low: atHorizon(0),
    median: atHorizon(1),
    high: atHorizon(2),
    runs: result.runs,
    seed,
    sliced,
  };
}
