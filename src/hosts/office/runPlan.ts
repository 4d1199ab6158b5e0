/* global Excel */
/**
 * One run of the pane, inside `Excel.run`, in at most three syncs whatever the horizon:
 *   1. everything it reads, in one batch: names, sheets, tables, protection, calculation mode,
 *      and every input's cells (and the intake history's), a typed address through its sheet
 *      and a defined name through `getRangeOrNullObject`, whole columns trimmed to their used
 *      part in the same batch. Then, between syncs 1 and 2, the inputs are checked, the plan
 *      computed (the simulation, in slices, and the tracks) and the sheet built;
 *   2. the same reads again, with the pane's earlier output sheet and its protection: if any
 *      input, name or cell differs from the first read (a co-author typed meanwhile), nothing is
 *      written and the pane asks to run again;
 *   3. the writes.
 * When anything is wrong, nothing is written. The optional sections and a typed sheet name are
 * checked before the first sync.
 * Also the pane's smaller jobs: reading the convention names, the selection, saving names.
 */
import {
  createRng,
  ok,
  projectTracks,
  requiredCapacityCore,
  Result,
  simulateBacklog,
  simulateBacklogChunked,
  SimulateBacklogOptions,
  SimulationResult,
} from "../../engine";
import type { InputProblem, PlanInputs, RawInput, RawPlanInputs, SheetNameProblem } from "../../sheets/inputs";
import { nonFiniteCell, readPlanInputs, readSheetName } from "../../sheets/inputs";
import type { Language } from "../../sheets/messages";
import {
  ApplyOptions,
  ApplyReport,
  applySheetSpec,
  PlacementProblem,
  queueLayout,
  queueOwnSheet,
  resolveTarget,
  WorkbookLayout,
} from "./writeSheet";
import {
  buildProjectionSheet,
  PROJECTION_TABLE,
  ProjectionSummary,
  runProjection,
  summarizeProjection,
} from "../../sheets/projectionSheet";
import type { SheetSpec } from "../../sheets/spec";
import type { UncertaintyBlock } from "../../sheets/uncertaintyBlock";
import { buildWhatIfSheet } from "../../sheets/whatIfSheet";
import { officeErrorCode } from "./officeErrors";
import {
  checkWork,
  horizonPhrase,
  intakeModelOf,
  needsSlices,
  OptionProblem,
  parseSections,
  placeSections,
  readHistory,
  SectionFields,
  SectionResults,
  sliceRuns,
  UncertaintyPlan,
} from "../../taskpane/sections";
import type { FieldKey } from "../../taskpane/strings";
import {
  absoluteReference,
  FieldProblem,
  fieldsFromNames,
  nameForField,
  PaneFields,
  parseField,
  queueMeta,
  queueReferenceReads,
  rawPlanInputs,
  ReadKey,
  ReadNote,
  referenceTexts,
  ReferenceReads,
  Resolved,
  resolveFields,
  resolveReference,
  WorkbookMeta,
} from "./readInputs";

export type RunKind = "projection" | "whatIf";

export interface RunRequest {
  /** The pane's fields; `sheetName` (optional) names the sheet to write. */
  fields: PaneFields;
  kind: RunKind;
  language: Language;
  /** Excel serial of today, from the pane's clock. */
  today: number;
  /** Whether the host has ExcelApi 1.13 (merged-area check). */
  checkMerged: boolean;
  adapter?: ApplyOptions;
  /** The uncertainty and tracks sections as typed; both off when absent. Projection runs only. */
  sections?: SectionFields;
  /** For a long simulation: progress for the pane, and a way to let it breathe between slices. */
  progress?: SimulationProgress;
}

export interface SimulationProgress {
  /** The share done, 0 < fraction ≤ 1, after every slice. */
  onProgress?: (fraction: number) => void;
  /** Resolves after the pane has had a turn: `() => new Promise((r) => setTimeout(r, 0))`. */
  yieldToHost: () => Promise<void>;
}

export type RunNote = ReadNote | { kind: "manual-calculation" } | { kind: "what-if-without-sections" };

export type RunProblem =
  | { kind: "field"; problem: FieldProblem }
  | { kind: "input"; problem: InputProblem }
  | { kind: "option"; problem: OptionProblem }
  | { kind: "placement"; problem: PlacementProblem }
  | { kind: "sheet-name"; problem: SheetNameProblem }
  /** The inputs read again before writing differ from those the plan was computed from. */
  | { kind: "inputs-changed" }
  /** A figure of the sheet to write is not a finite number (an overflow the inputs did not show). */
  | { kind: "not-finite"; cell: string }
  | { kind: "engine"; message: string }
  | { kind: "simulation"; message: string };

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

export interface TracksSummary {
  closing: { fast: number; safe: number; regular: number; total: number };
  shares: { fast: number; safe: number; regular: number };
  fastLeadTimeDays: number;
  /** The table's name in the workbook (renamed when the name was taken). */
  tableName: string;
}

export interface RunSuccess {
  ok: true;
  kind: RunKind;
  sheetName: string;
  replaced: boolean;
  inputs: PlanInputs;
  summary: ProjectionSummary;
  weeks: number;
  /** Steady weekly decisions that reach the target backlog at the horizon. */
  requiredCapacity: number;
  notes: RunNote[];
  syncs: number;
  report: ApplyReport;
  uncertainty?: UncertaintySummary;
  tracks?: TracksSummary;
}

export type RunOutcome = RunSuccess | { ok: false; problem: RunProblem; notes: RunNote[]; syncs: number };

/** What one read of the workbook gave: its layout, and every input as resolved and read. */
interface WorkbookRead {
  meta: WorkbookMeta;
  layout: WorkbookLayout;
  raw: RawPlanInputs;
  notes: ReadNote[];
  history?: { raw: RawInput; note?: ReadNote };
  /** Everything the plan was computed from, to compare a later read with. */
  fingerprint: string;
}

/** Queues one full read of the workbook; call the returned function after the sync. */
function queueWorkbookRead(
  context: Excel.RequestContext,
  texts: Partial<Record<ReadKey, string>>,
  checkMerged: boolean,
  activeSheet?: string,
): () => { meta: WorkbookMeta; layout: WorkbookLayout; reads: ReferenceReads } {
  const readMeta = queueMeta(context);
  const readLayout = queueLayout(context);
  const reads = queueReferenceReads(context, texts, checkMerged, activeSheet);
  return () => {
    const meta = readMeta();
    // A later read keeps the first read's active sheet for addresses typed without one: the
    // planner may click another sheet while the plan is computed.
    return { meta: activeSheet === undefined ? meta : { ...meta, activeSheet }, layout: readLayout(), reads };
  };
}

/** Resolves the fields against the names and sheets read, and collects their cells. */
function collectRead(
  read: { meta: WorkbookMeta; layout: WorkbookLayout; reads: ReferenceReads },
  fields: PaneFields,
  historyText: string | undefined,
): { ok: true; value: WorkbookRead } | { ok: false; problem: FieldProblem } {
  const resolved = resolveFields(fields, read.meta);
  if (!resolved.ok) return resolved;
  let history: WorkbookRead["history"];
  let historyResolved: Resolved | undefined;
  if (historyText !== undefined) {
    const found = resolveReference("history", historyText, read.meta);
    if ("field" in found) return { ok: false, problem: found };
    historyResolved = found;
    history = read.reads.read("history", found);
  }
  const { raw, notes } = rawPlanInputs(resolved.resolved, read.reads);
  const fingerprint = JSON.stringify({ resolved: resolved.resolved, raw, historyResolved, history: history?.raw });
  return {
    ok: true,
    value: { meta: read.meta, layout: read.layout, raw, notes, ...(history && { history }), fingerprint },
  };
}

/** Codes with which a host may refuse a path through a sheet or name that is not there. */
const PATH_ERRORS = new Set(["ItemNotFound", "InvalidArgument", "InvalidReference", "InvalidOperation"]);

/**
 * Reads, validates, projects, reads again and writes. Returns a problem (and writes nothing)
 * when any input is wrong, the inputs changed while it worked, or the target is protected;
 * Office.js failures reject and are the caller's to show.
 *
 * @example
 * const outcome = await Excel.run((context) => runPlan(context, { fields, kind: "projection", language: "nl", today, checkMerged: true }));
 */
export async function runPlan(context: Excel.RequestContext, request: RunRequest): Promise<RunOutcome> {
  // The sections and the sheet name are checked first: a wrong share costs no round trip.
  const projecting = request.kind === "projection";
  const sections = parseSections(projecting ? request.sections : undefined);
  if (!sections.ok) return { ok: false, problem: { kind: "option", problem: sections.problem }, notes: [], syncs: 0 };
  const plan = sections.plan;
  const named = readSheetName(request.fields.sheetName);
  if (!named.ok) return { ok: false, problem: { kind: "sheet-name", problem: named.problem }, notes: [], syncs: 0 };

  const texts = referenceTexts(request.fields);
  const historyText = plan.uncertainty?.model === "history" ? plan.uncertainty.history : undefined;
  if (historyText !== undefined) texts.history = historyText;

  // Sync 1: everything there is to read.
  const firstBatch = queueWorkbookRead(context, texts, request.checkMerged);
  try {
    await context.sync();
  } catch (error) {
    if (!PATH_ERRORS.has(officeErrorCode(error))) throw error;
    // A host that refuses a range of a sheet or name that is not there, instead of handing back
    // null objects, fails the whole batch. Nothing was written: read the names and sheets alone
    // (a second sync) and say which field points nowhere, or pass the failure on.
    const readMeta = queueMeta(context);
    await context.sync();
    const meta = readMeta();
    const fieldsProblem = resolveFields(request.fields, meta);
    if (!fieldsProblem.ok)
      return { ok: false, problem: { kind: "field", problem: fieldsProblem.problem }, notes: [], syncs: 2 };
    if (historyText !== undefined) {
      const found = resolveReference("history", historyText, meta);
      if ("field" in found) return { ok: false, problem: { kind: "field", problem: found }, notes: [], syncs: 2 };
    }
    throw error;
  }
  let syncs = 1;
  const firstRead = firstBatch();
  // Warn, never change: the calculation mode is the planner's own setting.
  const notes: RunNote[] = firstRead.meta.calculationMode === "Manual" ? [{ kind: "manual-calculation" }] : [];
  // The uncertainty section is on by default, so only the tracks (always asked for) earn a note.
  // The what-if sheet has no tracks (and its own fixed uncertainty block): say so when tracks were asked for.
  if (!projecting && request.sections?.tracks.enabled) notes.push({ kind: "what-if-without-sections" });
  const fail = (problem: RunProblem): RunOutcome => ({ ok: false, problem, notes, syncs });
  const collected = collectRead(firstRead, request.fields, historyText);
  if (!collected.ok) return fail({ kind: "field", problem: collected.problem });
  const read = collected.value;

  notes.push(...read.notes);
  const checked = readPlanInputs(read.raw);
  if (!checked.ok) return fail({ kind: "input", problem: checked.problem });
  const inputs = checked.inputs;
  const firstWeek = parseField("firstWeek", request.fields.firstWeek);
  if (firstWeek.kind === "date") inputs.firstWeek = firstWeek.serial;
  let history: number[] | undefined;
  if (read.history) {
    const values = readHistory(read.history.raw);
    if (!values.ok) return fail({ kind: "option", problem: values.problem });
    history = values.values;
    if (read.history.note) notes.push(read.history.note);
  }

  const projection = runProjection(inputs);
  if (!projection.ok) return fail({ kind: "engine", message: projection.error.message });
  const weeks = projection.value.rows.length;

  // The sections, between reading and writing: nothing is written should one of them fail.
  const results: SectionResults = {};
  let sliced = false;
  if (plan.uncertainty) {
    const tooMuch = checkWork(plan.uncertainty, weeks);
    if (tooMuch) return fail({ kind: "option", problem: tooMuch });
    const simulated = await simulateUncertainty(inputs, weeks, plan.uncertainty, history, request.progress);
    if (!simulated.ok) return fail({ kind: "simulation", message: simulated.error.message });
    sliced = simulated.value.sliced;
    const when = horizonPhrase(inputs.firstWeek, weeks);
    results.simulation = { result: simulated.value.result, seed: plan.uncertainty.seed, ...(when && { when }) };
  }
  if (plan.tracks) {
    const rows = projection.value.rows;
    const tracks = projectTracks({
      openingByTrack: inputs.opening,
      intake: rows.map((r) => r.intake),
      shares: [plan.tracks.fastShare, plan.tracks.safeShare],
      // Tracks 2 and 4 share the plan's capacity, given or by the planning rule.
      capacity: rows.map((r) => r.capacity),
      fastLeadTimeDays: plan.tracks.fastLeadTimeDays,
    });
    if (!tracks.ok) return fail({ kind: "engine", message: tracks.error.message });
    results.tracks = tracks.value;
  }

  let spec: SheetSpec;
  let tracksTable: number | undefined;
  let fan: UncertaintyBlock | undefined;
  if (projecting) {
    const placed = placeSections(
      buildProjectionSheet({
        inputs,
        projection: projection.value,
        language: request.language,
        createdOn: request.today,
      }),
      results,
      request.language,
    );
    spec = placed.spec;
    tracksTable = placed.tracksTable;
    fan = placed.uncertainty;
  } else {
    spec = buildWhatIfSheet({
      inputs,
      language: request.language,
      createdOn: request.today,
      existingNames: [...read.layout.sheets, ...read.layout.tables, ...read.layout.names],
    });
  }
  const overflow = nonFiniteCell(spec);
  if (overflow) return fail({ kind: "not-finite", cell: overflow });

  // Sync 2: read everything again, with our own sheet. A co-author may have typed meanwhile
  // (the simulation can take seconds): what differs from the first read is not written over.
  const secondBatch = queueWorkbookRead(context, texts, request.checkMerged, read.meta.activeSheet);
  const readOwn = projecting ? queueOwnSheet(context, read.layout, PROJECTION_TABLE) : undefined;
  await context.sync();
  syncs++;
  const again = collectRead(secondBatch(), request.fields, historyText);
  if (!again.ok || again.value.fingerprint !== read.fingerprint) return fail({ kind: "inputs-changed" });
  const placed = resolveTarget(again.value.layout, spec, projecting ? "replace" : "new", readOwn?.(), named.name);
  if (!placed.ok) return fail({ kind: "placement", problem: placed.problem });

  // Sync 3: the writes.
  const report = await applySheetSpec(context, spec, placed.target, request.adapter);
  syncs += report.syncs;
  const summary = summarizeProjection(inputs, projection.value);
  const outcome: RunSuccess = {
    ok: true,
    kind: request.kind,
    sheetName: report.sheetName,
    replaced: report.replaced,
    inputs,
    summary,
    weeks,
    requiredCapacity: requiredCapacityCore(inputs.opening, summary.meanIntake, inputs.target, weeks),
    notes,
    syncs,
    report,
  };
  if (results.simulation && fan) {
    const { result, seed } = results.simulation;
    const last = (i: number): number => (result.bands[i] as Float64Array)[weeks - 1] as number;
    outcome.uncertainty = {
      sentence: fan.sentence,
      assumptions: fan.assumptions,
      low: last(0),
      median: last(1),
      high: last(2),
      runs: result.runs,
      seed,
      sliced,
    };
  }
  if (results.tracks && tracksTable !== undefined) {
    const r = results.tracks;
    outcome.tracks = {
      closing: r.closingBacklog,
      shares: r.shares,
      fastLeadTimeDays: r.fastLeadTimeDays,
      tableName: report.tableNames[tracksTable] ?? spec.tables[tracksTable]?.name ?? "",
    };
  }
  return outcome;
}

/**
 * The Monte Carlo run of the uncertainty section, with the plan's own opening, intake, capacity
 * (or planning rule) and horizon, and the target backlog. More than 50,000 runs (or as much work)
 * go in slices with the pane's `yieldToHost` in between; the figures are the same either way.
 */
async function simulateUncertainty(
  inputs: PlanInputs,
  weeks: number,
  plan: UncertaintyPlan,
  history: number[] | undefined,
  progress: SimulationProgress | undefined,
): Promise<Result<{ result: SimulationResult; sliced: boolean }>> {
  const options: SimulateBacklogOptions = {
    opening: inputs.opening,
    intake: inputs.intake,
    uplift: inputs.uplift,
    weeks,
    runs: plan.runs,
    intakeModel: intakeModelOf(plan, history),
    capacitySpread: plan.capacitySpread,
    target: inputs.target,
    ...(inputs.capacity !== undefined && { capacity: inputs.capacity }),
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

/** The pane's fields that one of the convention names defines, read in one sync. */
export async function readConventionNames(
  context: Excel.RequestContext,
  preferDutch: boolean,
): Promise<Partial<PaneFields>> {
  const names = context.workbook.names.load("items/name");
  await context.sync();
  return fieldsFromNames(
    names.items.map((n) => n.name),
    preferDutch,
  );
}

/** The selected range's address, "Invoer!C5:C56", in one sync. */
export async function readSelection(context: Excel.RequestContext): Promise<string> {
  const range = context.workbook.getSelectedRange();
  range.load("address");
  await context.sync();
  return range.address;
}

export type SaveOutcome =
  { ok: true; saved: string[] } | { ok: false; problem: FieldProblem } | { ok: false; nothing: true };

const SAVABLE: readonly ("opening" | "intake" | "capacity" | "uplift" | "firstWeek")[] = [
  "opening",
  "intake",
  "capacity",
  "uplift",
  "firstWeek",
];

/**
 * Stores each filled-in input as its convention name (the alias already there, else the one in
 * the pane's language), so the next run in this workbook is one click. Two syncs. Only names are
 * written, never cells.
 */
export async function saveConventionNames(
  context: Excel.RequestContext,
  fields: PaneFields,
  preferDutch: boolean,
): Promise<SaveOutcome> {
  const readMeta = queueMeta(context);
  await context.sync();
  const meta = readMeta();
  const existing = meta.names.map((n) => n.name);
  const plan: { name: string; formula: string }[] = [];
  for (const key of SAVABLE) {
    const source = parseField(key as FieldKey, fields[key]);
    let formula: string | undefined;
    switch (source.kind) {
      case "empty":
        continue;
      case "invalid":
        return {
          ok: false,
          problem:
            key === "firstWeek"
              ? { kind: "bad-date", field: key, text: source.text }
              : { kind: "bad-reference", field: key, text: source.text },
        };
      case "number":
        formula = `=${source.value}`;
        break;
      case "date":
        formula = `=${source.serial}`;
        break;
      case "range": {
        const wanted = source.sheet ?? meta.activeSheet;
        const sheet = meta.sheets.find((s) => s.toLowerCase() === wanted.toLowerCase());
        if (sheet === undefined) return { ok: false, problem: { kind: "unknown-sheet", field: key, sheet: wanted } };
        formula = absoluteReference(sheet, source.range);
        break;
      }
      case "name": {
        const item = meta.names.find((n) => n.name.toLowerCase() === source.name.toLowerCase());
        if (!item) return { ok: false, problem: { kind: "unknown-name", field: key, name: source.name } };
        const target = nameForField(key, existing, preferDutch);
        // The field already is the convention name: nothing to store.
        if (target.toLowerCase() === item.name.toLowerCase()) continue;
        formula = `=${item.name}`;
        break;
      }
    }
    plan.push({ name: nameForField(key, existing, preferDutch), formula });
  }
  if (plan.length === 0) return { ok: false, nothing: true };
  for (const { name, formula } of plan) {
    const found = existing.find((n) => n.toLowerCase() === name.toLowerCase());
    if (found) context.workbook.names.getItem(found).formula = formula;
    else context.workbook.names.add(name, formula);
  }
  await context.sync();
  return { ok: true, saved: plan.map((p) => p.name) };
}
