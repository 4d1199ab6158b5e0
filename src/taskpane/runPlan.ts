/* global Excel */
/**
 * One run of the pane, inside `Excel.run`, in at most three syncs whatever the horizon:
 *   1. names, sheets, tables, protection and calculation mode;
 *   2. every input range, and our own earlier output sheet (protection, charts, tables);
 *   3. the writes (validated first: when an input is wrong, nothing is written).
 * Also the pane's smaller jobs: reading the convention names, the selection, saving names.
 */
import { requiredCapacityCore } from "../engine";
import type { InputProblem, PlanInputs } from "../sheets/inputs";
import { readPlanInputs } from "../sheets/inputs";
import type { Language } from "../sheets/messages";
import {
  ApplyOptions,
  ApplyReport,
  applySheetSpec,
  PlacementProblem,
  queueLayout,
  queueOwnSheet,
  resolveTarget,
} from "../sheets/officeAdapter";
import {
  buildProjectionSheet,
  PROJECTION_TABLE,
  ProjectionSummary,
  runProjection,
  summarizeProjection,
} from "../sheets/projectionSheet";
import type { SheetSpec } from "../sheets/spec";
import { buildWhatIfSheet } from "../sheets/whatIfSheet";
import type { FieldKey } from "./strings";
import {
  absoluteReference,
  FieldProblem,
  fieldsFromNames,
  nameForField,
  PaneFields,
  parseField,
  queueInputReads,
  queueMeta,
  ReadNote,
  resolveFields,
} from "./workbookInputs";

export type RunKind = "projection" | "whatIf";

export interface RunRequest {
  fields: PaneFields;
  kind: RunKind;
  language: Language;
  /** Excel serial of today, from the pane's clock. */
  today: number;
  /** Whether the host has ExcelApi 1.13 (merged-area check). */
  checkMerged: boolean;
  adapter?: ApplyOptions;
}

export type RunNote = ReadNote | { kind: "manual-calculation" };

export type RunProblem =
  | { kind: "field"; problem: FieldProblem }
  | { kind: "input"; problem: InputProblem }
  | { kind: "placement"; problem: PlacementProblem }
  | { kind: "engine"; message: string };

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
}

export type RunOutcome = RunSuccess | { ok: false; problem: RunProblem; notes: RunNote[]; syncs: number };

/**
 * Reads, validates, projects and writes. Returns a problem (and writes nothing) when any input
 * is wrong or the target is protected; Office.js failures reject and are the caller's to show.
 *
 * @example
 * const outcome = await Excel.run((context) => runPlan(context, { fields, kind: "projection", language: "nl", today, checkMerged: true }));
 */
export async function runPlan(context: Excel.RequestContext, request: RunRequest): Promise<RunOutcome> {
  const readMeta = queueMeta(context);
  const readLayout = queueLayout(context);
  await context.sync();
  let syncs = 1;
  const meta = readMeta();
  const layout = readLayout();
  // Warn, never change: the calculation mode is the planner's own setting.
  const notes: RunNote[] = meta.calculationMode === "Manual" ? [{ kind: "manual-calculation" }] : [];
  const fail = (problem: RunProblem): RunOutcome => ({ ok: false, problem, notes, syncs });

  const resolved = resolveFields(request.fields, meta);
  if (!resolved.ok) return fail({ kind: "field", problem: resolved.problem });
  const reads = queueInputReads(context, resolved.resolved, request.checkMerged);
  const readOwn = request.kind === "projection" ? queueOwnSheet(context, layout, PROJECTION_TABLE) : undefined;
  if (reads.count > 0 || readOwn) {
    await context.sync();
    syncs++;
  }
  const { raw, notes: readNotes } = reads.read();
  notes.push(...readNotes);
  const checked = readPlanInputs(raw);
  if (!checked.ok) return fail({ kind: "input", problem: checked.problem });
  const inputs = checked.inputs;
  const firstWeek = resolved.resolved.firstWeek;
  if (firstWeek.kind === "date") inputs.firstWeek = firstWeek.serial;

  const projection = runProjection(inputs);
  if (!projection.ok) return fail({ kind: "engine", message: projection.error.message });
  let spec: SheetSpec;
  if (request.kind === "projection") {
    spec = buildProjectionSheet({
      inputs,
      projection: projection.value,
      language: request.language,
      createdOn: request.today,
    });
  } else {
    spec = buildWhatIfSheet({
      inputs,
      language: request.language,
      createdOn: request.today,
      existingNames: [...layout.sheets, ...layout.tables, ...layout.names],
    });
  }
  const placed = resolveTarget(layout, spec, request.kind === "projection" ? "replace" : "new", readOwn?.());
  if (!placed.ok) return fail({ kind: "placement", problem: placed.problem });

  const report = await applySheetSpec(context, spec, placed.target, request.adapter);
  syncs += report.syncs;
  const summary = summarizeProjection(inputs, projection.value);
  const weeks = projection.value.rows.length;
  return {
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
