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
import type {
  InputProblem,
  PlanInputs,
  RawInput,
  RawPlanInputs,
  ReadingNote,
  SheetNameProblem,
} from "../../sheets/inputs";
import {
  firstWeekNote,
  isActualsProblem,
  READING_NOTE_KINDS,
  readPlanInputs,
  readSheetName,
} from "../../sheets/inputs";
import { withReadingNotes } from "../../sheets/readingNotes";
import { activeBaselineTable, baselineFromTable } from "../../plan/baseline";
import type { Baseline } from "../../engine";
import { describeProblem, Language } from "../../sheets/messages";
import {
  ApplyOptions,
  ApplyReport,
  applySheetSpec,
  dateFormula,
  PlacementProblem,
  queueLayout,
  queueOwnSheet,
  resolveTarget,
  WorkbookLayout,
} from "./writeSheet";
import type { ProjectionSummary } from "../../plan/figures";
import { officeErrorCode } from "./officeErrors";
import { OptionProblem, parseSections, readHistory, SectionFields } from "../../plan/options";
import {
  PlannedSheet,
  PlanProblem,
  planSheets,
  PlanSheetsSuccess,
  REPLACED_SHEET_NAMES,
  TracksFigures,
} from "../../plan/planSheets";
import { isSampleWorkbook, SETTING_NAMES } from "../../plan/settings";
import type { PlanIntakeForecast } from "../../plan/intakeForecast";
import { sourcesOf } from "../../plan/sources";
import type { SimulationProgress } from "../../plan/runSections";
import type { FieldKey } from "../../taskpane/strings";
import {
  absoluteReference,
  actualNameTexts,
  FieldProblem,
  fieldsFromNames,
  nameForField,
  PaneFields,
  parseField,
  queueMeta,
  queueReferenceReads,
  queueTableColumns,
  rawPlanInputs,
  readActualNames,
  ReadKey,
  ReadNote,
  referenceTexts,
  ReferenceReads,
  Resolved,
  resolveFields,
  resolveReference,
  WorkbookMeta,
} from "./readInputs";

export type { SimulationProgress } from "../../plan/runSections";
export type { UncertaintySummary } from "../../plan/planSheets";

/** "monitoring" writes the Voortgang/Progress sheet from the actuals' convention names. */
export type RunKind = "projection" | "whatIf" | "monitoring";

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
  /** A monitoring run: store today's plan as a new baseline (the pane's New baseline button); the old one is kept. */
  newBaseline?: boolean;
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
  | { kind: "simulation"; message: string }
  /** The actuals have no pane field to point at: the sentence names their cells itself. */
  | { kind: "actuals"; message: string }
  /** The baseline in force (a table of ours) holds a cell that is not a number, or weeks out of order. */
  | { kind: "baseline"; table: string };

export interface TracksSummary extends TracksFigures {
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
  uncertainty?: PlanSheetsSuccess["uncertainty"];
  tracks?: TracksSummary;
  /** The plan against the actuals (a monitoring run). */
  monitoring?: PlanSheetsSuccess["monitoring"];
  /** The baseline the monitoring compared with: its sheet, its date, and whether this run made it. */
  baseline?: { sheet: string; madeOn: number; made: boolean };
  /** The intake forecast from the intake history, when the workbook has one: the plan's intake or a comparison. */
  intakeForecast?: PlanIntakeForecast;
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
  withActuals = false,
): { ok: true; value: WorkbookRead } | { ok: false; problem: FieldProblem } {
  const resolved = resolveFields(fields, read.meta);
  if (!resolved.ok) return resolved;
  let history: WorkbookRead["history"];
  let historyResolved: Resolved | undefined;
  if (historyText !== undefined) {
    const found = resolveReference("history", historyText, read.meta);
    if ("field" in found) return { ok: false, problem: found };
    const problem = read.reads.problem("history", found);
    if (problem) return { ok: false, problem };
    historyResolved = found;
    history = read.reads.read("history", found);
  }
  const inputs = rawPlanInputs(resolved.resolved, read.reads, read.meta.date1904);
  if (!inputs.ok) return inputs;
  const { raw, notes } = inputs;
  if (withActuals) Object.assign(raw, readActualNames(read.meta, read.reads));
  const fingerprint = JSON.stringify({ resolved: resolved.resolved, raw, historyResolved, history: history?.raw });
  return {
    ok: true,
    value: { meta: read.meta, layout: read.layout, raw, notes, ...(history && { history }), fingerprint },
  };
}

/** Codes with which a host may refuse a path through a sheet or name that is not there. */
const PATH_ERRORS = new Set(["ItemNotFound", "InvalidArgument", "InvalidReference", "InvalidOperation"]);

/** What the first sync gave: the workbook as read, or the outcome to return at once. */
type FirstRead =
  | { ok: true; read: { meta: WorkbookMeta; layout: WorkbookLayout; reads: ReferenceReads } }
  | { ok: false; outcome: RunOutcome };

/**
 * Sync 1: everything there is to read. A host that refuses a range of a sheet or name that is
 * not there, instead of handing back null objects, fails the whole batch. Nothing was written:
 * read the names and sheets alone (a second sync) and say which field points nowhere, or pass
 * the failure on.
 */
async function readFirst(
  context: Excel.RequestContext,
  request: RunRequest,
  texts: Partial<Record<ReadKey, string>>,
  historyText: string | undefined,
): Promise<FirstRead> {
  const firstBatch = queueWorkbookRead(context, texts, request.checkMerged);
  try {
    await context.sync();
  } catch (error) {
    if (!PATH_ERRORS.has(officeErrorCode(error))) throw error;
    const readMeta = queueMeta(context);
    await context.sync();
    const meta = readMeta();
    const fail = (problem: FieldProblem): FirstRead => ({
      ok: false,
      outcome: { ok: false, problem: { kind: "field", problem }, notes: [], syncs: 2 },
    });
    const fieldsProblem = resolveFields(request.fields, meta);
    if (!fieldsProblem.ok) return fail(fieldsProblem.problem);
    if (historyText !== undefined) {
      const found = resolveReference("history", historyText, meta);
      if ("field" in found) return fail(found);
    }
    // The tables exist: a column that does not may have failed the batch. A third sync says which.
    const readColumns = queueTableColumns(context, texts, meta);
    if (readColumns) {
      await context.sync();
      const missing = readColumns();
      if (missing)
        return { ok: false, outcome: { ok: false, problem: { kind: "field", problem: missing }, notes: [], syncs: 3 } };
    }
    throw error;
  }
  return { ok: true, read: firstBatch() };
}

/** The inputs checked, the pane's typed first week applied, and the history's figures. */
function checkRead(
  read: WorkbookRead,
  request: RunRequest,
  notes: RunNote[],
): { ok: true; inputs: PlanInputs; history?: number[] } | { ok: false; problem: RunProblem } {
  const checked = readPlanInputs(read.raw);
  if (!checked.ok) {
    const problem = checked.problem;
    // The actuals have no pane field to point at: their sentence names the cell on its own.
    if (isActualsProblem(problem)) return { ok: false, problem: actualsProblem(problem, request.language) };
    return { ok: false, problem: { kind: "input", problem } };
  }
  const inputs = checked.inputs;
  if (request.kind === "monitoring" && !inputs.actuals) {
    return { ok: false, problem: actualsProblem({ code: "no-actuals", input: "actualIntake" }, request.language) };
  }
  const firstWeek = parseField("firstWeek", request.fields.firstWeek);
  if (firstWeek.kind === "date") inputs.firstWeek = firstWeek.serial;
  // A first week that is not a Monday is kept as given; the pane and the sheet say so.
  const monday = firstWeekNote(inputs.firstWeek, firstWeek.kind === "date" ? undefined : read.raw.firstWeek?.address);
  if (monday) notes.push(monday);
  if (!read.history) return { ok: true, inputs };
  const values = readHistory(read.history.raw);
  if (!values.ok) return { ok: false, problem: { kind: "option", problem: values.problem } };
  if (read.history.note) notes.push(read.history.note);
  return { ok: true, inputs, history: values.values };
}

/** A problem with the actuals, as the pane shows it: the sentence naming their cells. */
function actualsProblem(problem: Parameters<typeof describeProblem>[0], language: Language): RunProblem {
  return { kind: "actuals", message: describeProblem(problem, language) };
}

/** The plan step's problem as the pane reports it. */
function runProblemOf(problem: PlanProblem, language: Language): RunProblem {
  if (problem.kind === "no-actuals") return actualsProblem({ code: "no-actuals", input: "actualIntake" }, language);
  return problem.kind === "not-finite" ? { kind: "not-finite", cell: problem.cell } : problem;
}

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
  const named = readSheetName(request.fields.sheetName);
  if (!named.ok) return { ok: false, problem: { kind: "sheet-name", problem: named.problem }, notes: [], syncs: 0 };

  const texts = referenceTexts(request.fields);
  const monitoring = request.kind === "monitoring";
  // The actuals are read from their convention names, queued in the same first batch.
  if (monitoring) Object.assign(texts, actualNameTexts());
  const historyText = sections.plan.uncertainty?.model === "history" ? sections.plan.uncertainty.history : undefined;
  if (historyText !== undefined) texts.history = historyText;
  const first = await readFirst(context, request, texts, historyText);
  if (!first.ok) return first.outcome;
  const syncs = 1;
  // Warn, never change: the calculation mode is the planner's own setting.
  const notes: RunNote[] = first.read.meta.calculationMode === "Manual" ? [{ kind: "manual-calculation" }] : [];
  // The uncertainty section is on by default, so only the tracks (always asked for) earn a note.
  // The what-if sheet has no tracks (and its own fixed uncertainty block): say so when tracks were asked for.
  if (!projecting && request.sections?.tracks.enabled) notes.push({ kind: "what-if-without-sections" });
  const fail = (problem: RunProblem): RunOutcome => ({ ok: false, problem, notes, syncs });
  const collected = collectRead(first.read, request.fields, historyText, monitoring);
  if (!collected.ok) return fail({ kind: "field", problem: collected.problem });
  const read = collected.value;
  notes.push(...read.notes);
  const checked = checkRead(read, request, notes);
  if (!checked.ok) return fail(checked.problem);
  // The baseline in force, read in a sync of its own: its table is known only from the first read.
  const inForce =
    monitoring && request.newBaseline !== true ? await readBaseline(context, read.layout.tables) : undefined;
  const readSyncs = inForce === undefined ? syncs : syncs + 1;
  if (inForce && !inForce.ok)
    return { ok: false, problem: { kind: "baseline", table: inForce.table }, notes, syncs: readSyncs };

  // The plan, between reading and writing: nothing is written should any part of it fail.
  const planned = await planSheets(checked.inputs, {
    language: request.language,
    createdOn: request.today,
    sheets: [request.kind],
    sections: sections.plan,
    existingNames: [...read.layout.sheets, ...read.layout.tables, ...read.layout.names],
    // The projection's formulas point at the cells read; the sample workbook's made-up parts are flagged.
    sources: sourcesOf(read.raw, REPLACED_SHEET_NAMES),
    sample: isSampleWorkbook(read.meta.names.map((n) => n.name)),
    ...(checked.history !== undefined && { history: checked.history }),
    ...(request.progress !== undefined && { progress: request.progress }),
    ...(inForce?.ok === true && { baseline: inForce.baseline }),
    ...(request.newBaseline === true && { newBaseline: true }),
  });
  if (!planned.ok) return { ...fail(runProblemOf(planned.problem, request.language)), syncs: readSyncs };
  // Without a first week, week 1 is the week after an intake history: say so when it is no Monday.
  if (checked.inputs.firstWeek === undefined) {
    const monday = firstWeekNote(planned.inputs.firstWeek);
    if (monday) notes.push(monday);
  }
  return writeChecked(
    context,
    request,
    {
      read,
      texts,
      historyText,
      notes,
      sheetName: named.name,
      monitoring,
      syncs: readSyncs,
      baselineSheet: inForce?.ok === true ? inForce.sheet : undefined,
    },
    planned,
  );
}

/**
 * The baseline in force: the newest baseline table's data rows, read in one sync whatever its
 * sheet is called now. Undefined when the workbook has none.
 */
async function readBaseline(
  context: Excel.RequestContext,
  tables: readonly string[],
): Promise<{ ok: true; baseline: Baseline; sheet: string } | { ok: false; table: string } | undefined> {
  const name = activeBaselineTable(tables);
  if (name === undefined) return undefined;
  const table = context.workbook.tables.getItem(name);
  const body = table.getDataBodyRange().load("values");
  const sheet = table.worksheet.load("name");
  await context.sync();
  const parsed = baselineFromTable(name, body.values as unknown[][]);
  return parsed.ok ? { ok: true, baseline: parsed.value, sheet: sheet.name } : { ok: false, table: name };
}

/** What the write step needs from the first read. */
interface WriteContext {
  read: WorkbookRead;
  texts: Partial<Record<ReadKey, string>>;
  historyText: string | undefined;
  notes: RunNote[];
  sheetName: string | undefined;
  /** Whether the actuals were read (a monitoring run): the second read reads them too. */
  monitoring: boolean;
  /** The syncs so far (a monitoring run with a baseline reads it in one more). */
  syncs: number;
  /** The sheet of the baseline in force, when one was read. */
  baselineSheet: string | undefined;
}

/**
 * Sync 2 reads everything again, with our own sheet: a co-author may have typed meanwhile (the
 * simulation can take seconds), and what differs from the first read is not written over.
 * Sync 3 writes.
 */
async function writeChecked(
  context: Excel.RequestContext,
  request: RunRequest,
  state: WriteContext,
  planned: PlanSheetsSuccess,
): Promise<RunOutcome> {
  const { read, notes } = state;
  let syncs = state.syncs;
  const sheet = planned.sheets[0] as PlannedSheet;
  // A baseline made by this run: a second sheet, of fixed values, written after the first.
  const baselineSheet = planned.sheets.find((s) => s.kind === "baseline");
  const readOwnBaseline = baselineSheet
    ? queueOwnSheet(context, read.layout, baselineSheet.spec.markerTable, [baselineSheet.spec.name])
    : undefined;
  const replacing = sheet.mode === "replace";
  const secondBatch = queueWorkbookRead(context, state.texts, request.checkMerged, read.meta.activeSheet);
  // The sheet to replace is ours only while it has a name we give it (a typed one, or the default).
  const wantedNames = state.sheetName === undefined ? [sheet.spec.name] : [sheet.spec.name, state.sheetName];
  const readOwn = replacing ? queueOwnSheet(context, read.layout, sheet.spec.markerTable, wantedNames) : undefined;
  await context.sync();
  syncs++;
  const fail = (problem: RunProblem): RunOutcome => ({ ok: false, problem, notes, syncs });
  const again = collectRead(secondBatch(), request.fields, state.historyText, state.monitoring);
  if (!again.ok || again.value.fingerprint !== read.fingerprint) return fail({ kind: "inputs-changed" });
  const placed = resolveTarget(again.value.layout, sheet.spec, sheet.mode, readOwn?.(), state.sheetName);
  if (!placed.ok) return fail({ kind: "placement", problem: placed.problem });
  const placedBaseline = baselineSheet
    ? resolveTarget(again.value.layout, baselineSheet.spec, baselineSheet.mode, readOwnBaseline?.())
    : undefined;
  if (placedBaseline && !placedBaseline.ok) return fail({ kind: "placement", problem: placedBaseline.problem });

  // What the reading did that the planner should know is written under the sheet's content too.
  const reading = notes.filter((note): note is ReadingNote => READING_NOTE_KINDS.includes(note.kind));
  const spec = withReadingNotes(sheet.spec, reading, request.language);
  // The baseline first, not activated: the planner lands on Voortgang.
  const baselineReport =
    baselineSheet && placedBaseline?.ok === true
      ? await applySheetSpec(context, baselineSheet.spec, placedBaseline.target, {
          ...request.adapter,
          activate: false,
        })
      : undefined;
  if (baselineReport) syncs += baselineReport.syncs;
  const report = await applySheetSpec(context, spec, placed.target, request.adapter);
  syncs += report.syncs;
  const outcome: RunSuccess = {
    ok: true,
    kind: request.kind,
    sheetName: report.sheetName,
    replaced: report.replaced,
    // The inputs as planned: with a history and no intake, the forecast as the intake, and week 1 after the history.
    inputs: planned.inputs,
    summary: planned.summary,
    weeks: planned.weeks,
    requiredCapacity: planned.requiredCapacity,
    notes,
    syncs,
    report,
  };
  if (planned.uncertainty) outcome.uncertainty = planned.uncertainty;
  if (planned.monitoring) outcome.monitoring = planned.monitoring;
  if (planned.baseline) {
    const { made, value } = planned.baseline;
    outcome.baseline = {
      sheet: made ? (baselineReport?.sheetName ?? "") : (state.baselineSheet ?? ""),
      madeOn: value.madeOn,
      made,
    };
  }
  if (planned.intakeForecast) outcome.intakeForecast = planned.intakeForecast;
  if (planned.tracks && sheet.tracksTable !== undefined) {
    const tableName = report.tableNames[sheet.tracksTable] ?? sheet.spec.tables[sheet.tracksTable]?.name ?? "";
    outcome.tracks = { ...planned.tracks, tableName };
  }
  return outcome;
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

type SavableKey =
  | "opening"
  | "intake"
  | "capacity"
  | "uplift"
  | "firstWeek"
  | "intakeHistory"
  | "intakeHistoryStart"
  | "historyPeriods";
const SAVABLE: readonly SavableKey[] = [
  "opening",
  "intake",
  "capacity",
  "uplift",
  "firstWeek",
  "intakeHistory",
  "intakeHistoryStart",
  "historyPeriods",
];

/** The name a field is saved as: its input's convention name, or for the periods the setting's (InstroomHistoriePerioden). */
function savedName(key: SavableKey, existing: readonly string[], preferDutch: boolean): string {
  if (key !== "historyPeriods") return nameForField(key, existing, preferDutch);
  const [english, dutch] = SETTING_NAMES.historyPeriods;
  const found = existing.find((n) => [english, dutch].some((alias) => alias.toLowerCase() === n.toLowerCase()));
  return found ?? (preferDutch ? dutch : english);
}

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
            key === "firstWeek" || key === "intakeHistoryStart"
              ? { kind: "bad-date", field: key, text: source.text }
              : key === "historyPeriods"
                ? { kind: "bad-number", field: key, text: source.text }
                : { kind: "bad-reference", field: key, text: source.text },
        };
      case "number":
        formula = `=${source.value}`;
        break;
      case "date":
        // =DATE(y,m,d): the same day in a 1900 and in a 1904 workbook, where a serial would not be.
        formula = dateFormula(source.serial);
        break;
      case "table":
        // A table's column: the name follows the table as it grows.
        formula = `=${source.text}`;
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
        const target = savedName(key, existing, preferDutch);
        // The field already is the convention name: nothing to store.
        if (target.toLowerCase() === item.name.toLowerCase()) continue;
        formula = `=${item.name}`;
        break;
      }
    }
    plan.push({ name: savedName(key, existing, preferDutch), formula });
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
