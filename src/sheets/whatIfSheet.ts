/**
 * Builds a what-if sheet for a meeting ("What-if 2024-01-15") as a SheetSpec: an input block,
 * five scenarios side by side in a comparison table, a weekly backlog table and a line chart;
 * below them the shared-capacity block (crowding-out of other work) and the uncertainty block
 * (a Monte Carlo fan for the current plan).
 * Every figure that depends on an input is a native en-US Excel formula (no =IND.* functions),
 * so the sheet recalculates as soon as someone types a number, also without the add-in. The one
 * exception is the uncertainty block: a simulation cannot be a non-volatile formula, so it holds
 * the figures computed when the sheet was made, and the sheet says so.
 *
 * Weekly backlog per scenario: backlog_t = MAX(0, backlog_{t-1} + intake − capacity), which is
 * the engine's `decisions = min(capacity, backlog + intake)` stock-flow written as one cell.
 */
import {
  checkNumber,
  createRng,
  DEFAULT_RUNS,
  DEFAULT_SEED,
  DEFAULT_WEEKS,
  projectBacklogCore,
  SEED_RULE,
  simulateBacklog,
} from "../engine";
import { isoDate, isoWeekLabel, serialToParts } from "./dates";
import type { PlanInputs } from "./inputs";
import type { Language } from "./messages";
import { buildSharedCapacityBlock, SharedCapacityBlock } from "./sharedCapacityBlock";
import { Block, Cell, cellAddress, ChartSpec, date, formula, isText, parseCell, SheetSpec, TableSpec, text } from "./spec";
import { buildUncertaintyBlock, endOfYear, formatNumber } from "./uncertaintyBlock";

/**
 * Memo, 2023: "190 zaken die niet compleet waren" of 1390 filed go to triage (Ter Apel). The 70
 * "niet in behandeling genomen" are a different legal ground, not triage.
 */
export const MEMO_TRIAGE_SHARE = 190 / 1390;
/** Memo: "enkel tientallen die zonder gehoor beslist konden worden", no number: 0 until the planner types one. */
export const MEMO_WITHOUT_HEARING_SHARE = 0;
/** Decisions per fte per week for triage's extra staff: an example figure, as in the shared-capacity block. */
export const DEFAULT_DECISIONS_PER_FTE = 1.5;
/** Memo: the 2024 plan is 1600 decisions; used as "current plan" when the workbook has no capacity. */
export const MEMO_PLAN_PER_YEAR = 1600;
/** Memo: 30 to 40 decisions a week are scheduled now; the custom scenario starts at the middle. */
export const MEMO_SCHEDULED_PER_WEEK = 35;
/** Scenario 4 clears the backlog within two years unless told otherwise. */
export const DEFAULT_CLEAR_WITHIN_WEEKS = 104;
export const WEEKS_PER_YEAR = 52;

export interface WhatIfSheetOptions {
  inputs: PlanInputs;
  language: Language;
  /** Excel serial of today, passed in: no clock. */
  createdOn: number;
  /** Share of intake set aside as incomplete by triage (0..1); default: the memo's 2023 share, 190/1390 = 13.7%. */
  triageShare?: number;
  /** Share of intake decided without a hearing by triage (0..1); default 0 (the memo gives no number). */
  withoutHearingShare?: number;
  /** Share of the opening backlog that triage takes out at once ("getrieerd deel van de beginvoorraad"); default 0. */
  triagedOpeningShare?: number;
  /** Decisions per fte per week, for the extra staff triage needs; default 1.5 (an example figure). */
  decisionsPerFte?: number;
  /** Weeks over which the opening backlog was filed (its age profile); default opening ÷ intake. */
  openingSpreadWeeks?: number;
  /** Extra weekly capacity on top of the planning rule (scenarios 2 and 3); default 0. */
  extraCapacity?: number;
  /** Scenario 1's decisions per year; default: mean given capacity × 52, else the memo's 1600. */
  currentPlanPerYear?: number;
  /** Scenario 5's decisions per week; default: the memo's 35 (middle of 30 to 40). */
  customCapacity?: number;
  /** Scenario 4 reaches the target backlog in this many weeks; default 104 (2 years). */
  clearWithinWeeks?: number;
  /**
   * Sheet and table names already in the workbook. Given them, the builder picks a free sheet
   * name ("What-if 2024-01-15 (2)") and free table names, so each click makes a new sheet.
   */
  existingNames?: readonly string[];
  /**
   * Seed of the uncertainty block's simulation (a whole number from 0 to 4,294,967,295);
   * default 2024, as the =IND.* uncertainty functions. The same inputs and seed give the same figures.
   */
  seed?: number;
}

export type InputId =
  | "opening"
  | "intake"
  | "uplift"
  | "extra"
  | "triage"
  | "withoutHearing"
  | "triagedOpening"
  | "perFte"
  | "openingSpread"
  | "horizon"
  | "target"
  | "clearWithin"
  | "planPerYear"
  | "custom"
  | "firstWeek";

export type ScenarioId = "plan" | "rule" | "triage" | "whole" | "required" | "custom";
export const SCENARIOS: readonly ScenarioId[] = ["plan", "rule", "triage", "whole", "required", "custom"];
/** Scenarios with triage (Ter Apel): their queue is what triage leaves. */
const WITH_TRIAGE: ReadonlySet<ScenarioId> = new Set(["triage", "whole"]);

/** Fixed layout; 0-based rows. Exported so tests and the CLI can find the cells they check. */
const INPUT_ORDER: readonly InputId[] = [
  "opening",
  "intake",
  "uplift",
  "extra",
  "triage",
  "withoutHearing",
  "triagedOpening",
  "perFte",
  "openingSpread",
  "horizon",
  "target",
  "clearWithin",
  "planPerYear",
  "custom",
  "firstWeek",
];
const INPUT_HEADER_ROW = 4;
const FIRST_INPUT_ROW = INPUT_HEADER_ROW + 1;
/** One live figure below the inputs: the extra fte triage needs. */
const TRIAGE_FTE_ROW = FIRST_INPUT_ROW + INPUT_ORDER.length;
const SCENARIO_TITLE_ROW = TRIAGE_FTE_ROW + 2;
const COMPARISON_ROW = SCENARIO_TITLE_ROW + 1;
const CHART_ROW = COMPARISON_ROW + SCENARIOS.length + 2;
const CHART_HEIGHT = 20;
const WEEKLY_TITLE_ROW = CHART_ROW + CHART_HEIGHT + 1;
const WEEKLY_ROW = WEEKLY_TITLE_ROW + 1;
/**
 * Everything stays within columns A–H (the comparison table's width), so the sheet prints one
 * page wide at the same scale as before the blocks below the weekly table were added.
 */
const LAST_COLUMN = 9;
/** Runs of the uncertainty block: the engine's default, so its chance is accurate to about ±1 point. */
export const WHAT_IF_RUNS = DEFAULT_RUNS;

/** Comparison table columns (0-based). */
const COMPARISON_COLUMNS = {
  name: 0,
  intake: 1,
  capacity: 2,
  closing: 3,
  weeksToClear: 4,
  leadTime: 5,
  decisions: 6,
  decidedLeadTime: 7,
  fromOtherWork: 8,
  explanation: 9,
} as const;
/** Weekly table: week, week start, then one backlog column per scenario. */
const FIRST_SCENARIO_COLUMN = 2;

export interface WhatIfLayout {
  /** Absolute address of each input cell, "$B$5". */
  inputs: Record<InputId, string>;
  /** Per scenario: its comparison row's cells and its weekly backlog column. */
  scenarios: Record<
    ScenarioId,
    {
      intake: string;
      capacity: string;
      closing: string;
      weeksToClear: string;
      /** Backlog ÷ decisions at the horizon: the wait a new application can expect. */
      leadTime: string;
      decisions: string;
      /** The memo's lead time: mean age at decision of the cases decided over the horizon (weeks). */
      decidedLeadTime: string;
      /** Decisions taken from other work over the horizon: MAX(0, capacity − plan capacity) × horizon. */
      fromOtherWork: string;
      /** Weekly backlog, "C41:C144": one row per week of the table. */
      backlog: string;
    }
  >;
  /** The extra fte triage needs: triaged cases per week ÷ decisions per fte-week. */
  triageFte: string;
  /** Week numbers column of the weekly table. */
  weeks: string;
  /** Rows in the weekly table; the horizon input may go from 1 up to this. */
  tableWeeks: number;
  /**
   * The shared-capacity block below the weekly table: its own input cells, summary cells and
   * weekly columns (absolute addresses), and the cells it reads from the rest of the sheet.
   */
  sharedCapacity: Pick<SharedCapacityBlock, "inputs" | "outputs" | "columns" | "range"> & {
    /** Top-left cell of the block. */
    at: string;
    /** Subsequent applications before any move: the opening and intake inputs, scenario 1's capacity. */
    reads: { opening: string; intake: string; capacity: string };
  };
  /** Top-left cell of the uncertainty block (static simulation results), below the shared-capacity block. */
  uncertaintyAt: string;
}

/** "B19" → "$B$19". */
const absolute = (address: string): string => address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
const abs = (row: number, column: number): string => absolute(cellAddress(row, column));

/**
 * The shared-capacity block of a sheet with `tableWeeks` weekly rows: one blank row below the
 * weekly table, as many weekly rows as that table, reading the sheet's opening backlog and intake
 * inputs and scenario 1's capacity (the current plan, before any capacity moves).
 */
function sharedCapacityFor(
  tableWeeks: number,
  inputs: Record<InputId, string>,
  planCapacity: string,
  language: Language,
  values?: { weeks: number },
): { block: SharedCapacityBlock; at: string; reads: WhatIfLayout["sharedCapacity"]["reads"] } {
  const at = cellAddress(WEEKLY_ROW + tableWeeks + 2, 0);
  const reads = { opening: inputs.opening, intake: inputs.intake, capacity: absolute(planCapacity) };
  const block = buildSharedCapacityBlock({
    at,
    inputs: reads,
    rows: tableWeeks,
    language,
    ...(values !== undefined && { values }),
  });
  return { block, at, reads };
}

type BaseLayout = Pick<WhatIfLayout, "inputs" | "scenarios" | "weeks" | "tableWeeks" | "triageFte">;

/** Inputs, comparison table and weekly table: the part of the layout above the two blocks. */
function baseLayout(tableWeeks: number): BaseLayout {
  const inputs = {} as Record<InputId, string>;
  INPUT_ORDER.forEach((id, i) => (inputs[id] = abs(FIRST_INPUT_ROW + i, 1)));
  const scenarios = {} as WhatIfLayout["scenarios"];
  const first = WEEKLY_ROW + 1;
  const last = WEEKLY_ROW + tableWeeks;
  SCENARIOS.forEach((id, i) => {
    const row = COMPARISON_ROW + 1 + i;
    const c = COMPARISON_COLUMNS;
    const column = FIRST_SCENARIO_COLUMN + i;
    scenarios[id] = {
      intake: cellAddress(row, c.intake),
      capacity: cellAddress(row, c.capacity),
      closing: cellAddress(row, c.closing),
      weeksToClear: cellAddress(row, c.weeksToClear),
      leadTime: cellAddress(row, c.leadTime),
      decisions: cellAddress(row, c.decisions),
      decidedLeadTime: cellAddress(row, c.decidedLeadTime),
      fromOtherWork: cellAddress(row, c.fromOtherWork),
      backlog: `${cellAddress(first, column)}:${cellAddress(last, column)}`,
    };
  });
  return {
    inputs,
    scenarios,
    weeks: `${cellAddress(first, 0)}:${cellAddress(last, 0)}`,
    tableWeeks,
    triageFte: abs(TRIAGE_FTE_ROW, 1),
  };
}

/** Where everything is for a weekly table of `tableWeeks` rows. */
export function whatIfLayout(tableWeeks: number): WhatIfLayout {
  const base = baseLayout(tableWeeks);
  const shared = sharedCapacityFor(tableWeeks, base.inputs, base.scenarios.plan.capacity, "nl");
  return {
    ...base,
    sharedCapacity: {
      at: shared.at,
      reads: shared.reads,
      inputs: shared.block.inputs,
      outputs: shared.block.outputs,
      columns: shared.block.columns,
      range: shared.block.range,
    },
    uncertaintyAt: cellAddress(shared.block.bottomRow + 1, 0),
  };
}

/** The figures the uncertainty block was simulated with, formatted for its note. */
interface FrozenPlan {
  opening: string;
  intake: string;
  capacity: string;
  weeks: string;
}

const WHAT_IF_TEXT = {
  nl: {
    sheet: "What-if",
    title: "What-if: voorraad opvolgende asielaanvragen",
    note: (date: string) =>
      `Gemaakt door de Voorraadplanner op ${date}. Typ nieuwe getallen in kolom B: alle scenario's en de gedeelde capaciteit rekenen direct mee, ook zonder de add-in.`,
    staticNote: (date: string) =>
      `Uitzondering: de onzekerheid (Monte Carlo, onderaan) bevat vaste waarden, berekend op ${date}; die rekenen niet mee.`,
    inputsTitle: "Invoer",
    inputHeader: ["Invoer", "Waarde", "Toelichting"],
    input: {
      opening: "Beginvoorraad",
      intake: "Instroom per week",
      uplift: "Opslag planningsregel",
      extra: "Extra capaciteit per week",
      triage: "Triage (Ter Apel): aandeel incompleet",
      withoutHearing: "Triage (Ter Apel): aandeel zonder gehoor",
      triagedOpening: "Getrieerd deel van de beginvoorraad",
      perFte: "Beslissingen per fte per week",
      openingSpread: "Beginvoorraad ingediend over (weken)",
      horizon: "Horizon (weken)",
      target: "Streefvoorraad",
      clearWithin: "Streefvoorraad bereiken binnen (weken)",
      planPerYear: "Huidig plan: afdoeningen per jaar",
      custom: "Eigen scenario: afdoeningen per week",
      firstWeek: "Eerste week (datum)",
    } as Record<InputId, string>,
    source: {
      opening: "uit de werkmap",
      intakeSeries: (weeks: number) => `gemiddelde instroom over ${weeks} weken uit de werkmap`,
      intakeSingle: "uit de werkmap",
      uplift: "planningsregel: instroom + opslag, vast gehouden",
      extra: "bovenop de planningsregel (scenario 2, 3 en 4), bijvoorbeeld extra fte",
      triage: (given: boolean) =>
        given
          ? "incomplete aanvragen, direct beslist in Ter Apel met extra fte"
          : "beslisnota 2023: 190 / 1390 \"niet compleet\"; direct beslist met extra fte",
      withoutHearing: "\"enkel tientallen\" zonder gehoor; de nota geeft geen aantal",
      triagedOpening: "deel van de beginvoorraad dat triage direct afhandelt (scenario 3 en 4)",
      perFte: "voor de extra fte van triage; voorbeeldcijfer",
      openingSpread: (weeks: string) => `leeftijd beginvoorraad, gelijk verdeeld; standaard voorraad / instroom = ${weeks}`,
      horizon: (max: number) => `1 tot ${max} weken`,
      target: "voor scenario 4",
      clearWithin: "scenario 4; 104 weken = 2 jaar",
      planPerYear: (given: boolean) =>
        given ? "gemiddelde capaciteit uit de werkmap × 52" : "plan 2024 uit de beslisnota",
      custom: "pas aan tijdens het overleg",
      firstWeek: "alleen voor de datums in de weektabel",
    },
    scenariosTitle: "Scenario's naast elkaar",
    comparison: [
      "Scenario",
      "Instroom per week",
      "Capaciteit per week",
      "Voorraad aan einde horizon",
      "Weken tot voorraad nul",
      "Wachttijd nieuwe aanvraag (weken)",
      "Afdoeningen per week",
      "Doorlooptijd afgedane zaken (weken, gem.)",
      "Beslissingen van ander werk (horizon)",
      "Uitleg",
    ],
    scenario: {
      plan: "1. Huidig plan",
      rule: "2. Planningsregel",
      triage: "3. Regel + triage (Ter Apel)",
      whole: "4. Heel besluit: plan + regel + triage",
      required: "5. Nodig voor streefvoorraad",
      custom: "6. Eigen scenario",
    } as Record<ScenarioId, string>,
    explanation: {
      plan: "afdoeningen per jaar / 52, elke week gelijk",
      rule: "instroom × (1 + opslag) + extra; de regel alleen ligt onder de 30 à 40 per week van nu",
      triage: "regel op de hele instroom, ingezet op wat triage overlaat (extra fte voor triage)",
      whole: "MAX(plan, regel) + extra, ingezet op wat triage overlaat: \"ter aanvulling\" op het plan",
      required: "instroom + (beginvoorraad − streefvoorraad) / termijn",
      custom: "de capaciteit uit de invoer",
    } as Record<ScenarioId, string>,
    triageFte: "Extra fte voor triage (Ter Apel)",
    triageFteNote: "getrieerde zaken per week / beslissingen per fte per week",
    never: "nooit",
    none: "n.v.t.",
    weeklyTitle: "Voorraad per week (einde week)",
    week: "Week",
    weekStart: "Begin week",
    chart: "Voorraad per week per scenario",
    cases: "Zaken",
    frozen: (date: string, plan: FrozenPlan) =>
      `Vaste waarden, berekend bij het maken van dit blad (${date}); rekenen niet mee als u de invoer wijzigt. ` +
      `Huidig plan: beginvoorraad ${plan.opening}, instroom ${plan.intake} en capaciteit ${plan.capacity} per week, ${plan.weeks} weken.`,
    randomness: (target: string) =>
      `Onzekerheid: streef = eindvoorraad van het huidige plan (${target}). De band bevat alleen het toeval van de wekelijkse instroom; capaciteit en instroomniveau liggen vast.`,
    notSimulated: (reason: string) => `Onzekerheid niet berekend: ${reason}`,
  },
  en: {
    sheet: "What-if",
    title: "What-if: backlog of subsequent asylum applications",
    note: (date: string) =>
      `Made by the Backlog Planner on ${date}. Type new figures in column B: every scenario and the shared capacity recalculate at once, also without the add-in.`,
    staticNote: (date: string) =>
      `Except the uncertainty (Monte Carlo, at the bottom): fixed values computed on ${date}, which do not recalculate.`,
    inputsTitle: "Inputs",
    inputHeader: ["Input", "Value", "Notes"],
    input: {
      opening: "Opening backlog",
      intake: "Intake per week",
      uplift: "Planning rule uplift",
      extra: "Extra capacity per week",
      triage: "Triage (Ter Apel): share incomplete",
      withoutHearing: "Triage (Ter Apel): share without a hearing",
      triagedOpening: "Triaged part of the opening backlog",
      perFte: "Decisions per fte per week",
      openingSpread: "Opening backlog filed over (weeks)",
      horizon: "Horizon (weeks)",
      target: "Target backlog",
      clearWithin: "Reach the target within (weeks)",
      planPerYear: "Current plan: decisions per year",
      custom: "Custom scenario: decisions per week",
      firstWeek: "First week (date)",
    } as Record<InputId, string>,
    source: {
      opening: "from the workbook",
      intakeSeries: (weeks: number) => `mean intake over ${weeks} weeks from the workbook`,
      intakeSingle: "from the workbook",
      uplift: "planning rule: intake + uplift, held steady",
      extra: "on top of the planning rule (scenarios 2, 3 and 4), e.g. extra staff",
      triage: (given: boolean) =>
        given
          ? "incomplete applications, decided at once in Ter Apel with extra staff"
          : "memo 2023: 190 / 1390 incomplete; decided at once with extra staff",
      withoutHearing: "\"a few tens\" without a hearing; the memo gives no number",
      triagedOpening: "part of the opening backlog triage takes out at once (scenarios 3 and 4)",
      perFte: "for triage's extra staff; example figure",
      openingSpread: (weeks: string) => `age of the opening backlog, spread evenly; default backlog / intake = ${weeks}`,
      horizon: (max: number) => `1 to ${max} weeks`,
      target: "for scenario 4",
      clearWithin: "scenario 4; 104 weeks = 2 years",
      planPerYear: (given: boolean) => (given ? "mean capacity from the workbook × 52" : "the memo's 2024 plan"),
      custom: "edit during the meeting",
      firstWeek: "only for the dates in the weekly table",
    },
    scenariosTitle: "Scenarios side by side",
    comparison: [
      "Scenario",
      "Intake per week",
      "Capacity per week",
      "Backlog at the horizon",
      "Weeks to clear",
      "Wait for a new application (weeks)",
      "Decisions per week",
      "Lead time of decided cases (weeks, mean)",
      "Decisions taken from other work (horizon)",
      "How",
    ],
    scenario: {
      plan: "1. Current plan",
      rule: "2. Planning rule",
      triage: "3. Rule + triage (Ter Apel)",
      whole: "4. Whole decision: plan + rule + triage",
      required: "5. Required for the target",
      custom: "6. Custom scenario",
    } as Record<ScenarioId, string>,
    explanation: {
      plan: "decisions per year / 52, the same every week",
      rule: "intake × (1 + uplift) + extra; the rule alone is below the 30 to 40 a week of now",
      triage: "rule on the whole intake, spent on what triage leaves (extra staff for triage)",
      whole: "MAX(plan, rule) + extra, spent on what triage leaves: added to the plan",
      required: "intake + (opening backlog − target) / weeks",
      custom: "the capacity from the inputs",
    } as Record<ScenarioId, string>,
    triageFte: "Extra staff (fte) for triage (Ter Apel)",
    triageFteNote: "triaged cases per week / decisions per fte per week",
    never: "never",
    none: "n/a",
    weeklyTitle: "Backlog per week (end of week)",
    week: "Week",
    weekStart: "Week start",
    chart: "Backlog per week by scenario",
    cases: "Cases",
    frozen: (date: string, plan: FrozenPlan) =>
      `Fixed values, computed when this sheet was made (${date}); they do not recalculate when you change the inputs. ` +
      `Current plan: opening backlog ${plan.opening}, intake ${plan.intake} and capacity ${plan.capacity} a week, ${plan.weeks} weeks.`,
    randomness: (target: string) =>
      `Uncertainty: target = the current plan's own end value (${target}). The band holds only the weekly intake's chance; capacity and the intake level are fixed.`,
    notSimulated: (reason: string) => `Uncertainty not computed: ${reason}`,
  },
} as const;

/** Characters Excel refuses in sheet names. */
const FORBIDDEN = /[:\\/?*[\]]/g;

/** First name not taken (case-insensitive, as Excel compares sheet and table names). */
function freeName(base: string, taken: readonly string[], suffix: (n: number) => string): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = base + suffix(n);
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** "What-if 2024-01-15", made unique against `taken`; ≤ 31 characters and no forbidden characters. */
export function whatIfSheetName(language: Language, createdOn: number, taken: readonly string[] = []): string {
  const base = `${WHAT_IF_TEXT[language].sheet} ${isoDate(createdOn)}`.replace(FORBIDDEN, "-").slice(0, 24);
  return freeName(base, taken, (n) => ` (${n})`);
}

/** Workbook-unique table names for this sheet, with the date in them. */
export function whatIfTableNames(
  createdOn: number,
  taken: readonly string[] = [],
): { comparison: string; weekly: string } {
  const { year, month, day } = serialToParts(createdOn);
  const stamp = `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;
  // Both names take the same suffix so a sheet's two tables stay recognisably a pair.
  const bases = [`VoorraadplannerWhatIf_${stamp}`, `VoorraadplannerWhatIfWeken_${stamp}`];
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const names = bases.map((b) => (n === 1 ? b : `${b}_${n}`));
    if (names.every((name) => !lower.has(name.toLowerCase()))) {
      return { comparison: names[0] as string, weekly: names[1] as string };
    }
  }
}

/** Mean of the first `weeks` values of a series (or the number itself). */
function meanOver(series: number | number[], weeks: number): number {
  if (typeof series === "number") return series;
  let sum = 0;
  const n = Math.min(weeks, series.length);
  for (let i = 0; i < n; i++) sum += series[i] as number;
  return n === 0 ? 0 : sum / n;
}

/** The horizon the projection uses: explicit weeks, else a series' length, else 52. */
export function horizonOf(inputs: PlanInputs): number {
  if (inputs.weeks !== undefined) return inputs.weeks;
  if (Array.isArray(inputs.intake)) return inputs.intake.length;
  if (Array.isArray(inputs.capacity)) return inputs.capacity.length;
  return DEFAULT_WEEKS;
}

/** Rounds away float noise (1600/52 × 52) so prefilled figures read as the planner typed them. */
const tidy = (x: number): number => {
  const r = Math.round(x * 1e6) / 1e6;
  return Math.abs(r - x) < 1e-9 ? r : x;
};

/** The values the input block starts with. */
export interface WhatIfPrefill {
  opening: number;
  intake: number;
  uplift: number;
  extra: number;
  triage: number;
  withoutHearing: number;
  triagedOpening: number;
  perFte: number;
  openingSpread: number;
  horizon: number;
  target: number;
  clearWithin: number;
  planPerYear: number;
  custom: number;
  firstWeek: number | null;
}

/** Prefilled input values from the current plan and the memo's defaults. */
export function whatIfPrefill(options: WhatIfSheetOptions): WhatIfPrefill {
  const { inputs } = options;
  const horizon = horizonOf(inputs);
  const intake = tidy(meanOver(inputs.intake, horizon));
  return {
    opening: inputs.opening,
    intake,
    uplift: inputs.uplift,
    extra: options.extraCapacity ?? 0,
    triage: options.triageShare ?? MEMO_TRIAGE_SHARE,
    withoutHearing: options.withoutHearingShare ?? MEMO_WITHOUT_HEARING_SHARE,
    triagedOpening: options.triagedOpeningShare ?? 0,
    perFte: options.decisionsPerFte ?? DEFAULT_DECISIONS_PER_FTE,
    // The weeks the mean intake took to build the backlog; no intake: all of it filed just before week 1.
    openingSpread: options.openingSpreadWeeks ?? (intake > 0 ? tidy(inputs.opening / intake) : 0),
    horizon,
    target: inputs.target,
    clearWithin: options.clearWithinWeeks ?? DEFAULT_CLEAR_WITHIN_WEEKS,
    planPerYear:
      options.currentPlanPerYear ??
      (inputs.capacity === undefined ? MEMO_PLAN_PER_YEAR : tidy(meanOver(inputs.capacity, horizon) * WEEKS_PER_YEAR)),
    custom: options.customCapacity ?? MEMO_SCHEDULED_PER_WEEK,
    firstWeek: inputs.firstWeek ?? null,
  };
}

type Labels = (typeof WHAT_IF_TEXT)[Language];

/** Title, notes, and the input block: labels, prefilled input cells and where each value came from. */
function inputBlocks(labels: Labels, prefill: WhatIfPrefill, options: WhatIfSheetOptions, tableWeeks: number): Block[] {
  const createdOn = isoDate(options.createdOn);
  const blocks: Block[] = [
    { at: "A1", cells: [[text(labels.title)]], style: "title" },
    // Two lines, so both print within the sheet's width on the first page.
    {
      at: "A2",
      cells: [
        [text(labels.note(createdOn))],
        [text(labels.staticNote(createdOn))],
        [text(labels.randomness(formatNumber(planEndValue(prefill), options.language)))],
      ],
      style: "note",
    },
    { at: cellAddress(INPUT_HEADER_ROW, 0), cells: [labels.inputHeader.map((h) => text(h))], style: "header" },
    { at: cellAddress(FIRST_INPUT_ROW, 0), cells: INPUT_ORDER.map((id) => [text(labels.input[id])]), style: "label" },
  ];
  const source = labels.source;
  const intakeSource = Array.isArray(options.inputs.intake) ? source.intakeSeries(prefill.horizon) : source.intakeSingle;
  const planGiven = options.currentPlanPerYear !== undefined || options.inputs.capacity !== undefined;
  const inputRows: Record<InputId, { value: Cell; format: string; source: string }> = {
    opening: { value: prefill.opening, format: "#,##0", source: source.opening },
    intake: { value: prefill.intake, format: "#,##0.0", source: intakeSource },
    uplift: { value: prefill.uplift, format: "0.0%", source: source.uplift },
    extra: { value: prefill.extra, format: "#,##0.0", source: source.extra },
    triage: { value: prefill.triage, format: "0.0%", source: source.triage(options.triageShare !== undefined) },
    withoutHearing: { value: prefill.withoutHearing, format: "0.0%", source: source.withoutHearing },
    triagedOpening: { value: prefill.triagedOpening, format: "0.0%", source: source.triagedOpening },
    perFte: { value: prefill.perFte, format: "#,##0.0##", source: source.perFte },
    openingSpread: {
      value: prefill.openingSpread,
      format: "#,##0.0",
      source: source.openingSpread(formatNumber(prefill.openingSpread, options.language)),
    },
    horizon: { value: prefill.horizon, format: "0", source: source.horizon(tableWeeks) },
    target: { value: prefill.target, format: "#,##0", source: source.target },
    clearWithin: { value: prefill.clearWithin, format: "0", source: source.clearWithin },
    planPerYear: { value: prefill.planPerYear, format: "#,##0", source: source.planPerYear(planGiven) },
    custom: { value: prefill.custom, format: "#,##0.0", source: source.custom },
    firstWeek: { value: prefill.firstWeek === null ? null : date(prefill.firstWeek), format: "yyyy-mm-dd", source: source.firstWeek },
  };
  INPUT_ORDER.forEach((id, i) => {
    const row = inputRows[id];
    blocks.push({ at: cellAddress(FIRST_INPUT_ROW + i, 1), cells: [[row.value]], numberFormat: row.format, style: "input" });
  });
  blocks.push({
    at: cellAddress(FIRST_INPUT_ROW, 2),
    cells: INPUT_ORDER.map((id) => [text(inputRows[id].source)]),
    style: "note",
  });
  blocks.push(...triageFteBlocks(labels, baseLayout(tableWeeks).inputs));
  blocks.push({ at: cellAddress(SCENARIO_TITLE_ROW, 0), cells: [[text(labels.scenariosTitle)]], style: "subtitle" });
  blocks.push({ at: cellAddress(WEEKLY_TITLE_ROW, 0), cells: [[text(labels.weeklyTitle)]], style: "subtitle" });
  return blocks;
}

/**
 * The extra fte triage (Ter Apel) needs, live: triaged cases per week ÷ decisions per fte-week.
 * Triaged cases per week: the shares of the intake, plus the triaged part of the opening backlog
 * spread over the horizon.
 */
function triageFteBlocks(labels: Labels, inputCells: Record<InputId, string>): Block[] {
  const perWeek =
    `(${inputCells.triage}+${inputCells.withoutHearing})*${inputCells.intake}` +
    `+${inputCells.triagedOpening}*${inputCells.opening}/${inputCells.horizon}`;
  return [
    { at: cellAddress(TRIAGE_FTE_ROW, 0), cells: [[text(labels.triageFte)]], style: "label" },
    {
      at: cellAddress(TRIAGE_FTE_ROW, 1),
      cells: [[formula(`IF(${inputCells.perFte}>0,(${perWeek})/${inputCells.perFte},"${labels.none}")`)]],
      style: "output",
      numberFormat: "#,##0.0",
    },
    { at: cellAddress(TRIAGE_FTE_ROW, 2), cells: [[text(labels.triageFteNote)]], style: "note" },
  ];
}

type ScenarioFormulas = Record<"opening" | "intake" | "capacity", Record<ScenarioId, string>>;

/**
 * Per scenario: the queue's opening backlog, weekly intake and capacity, each a formula on the
 * input cells. With triage (scenarios 3 and 4) the queue is what triage leaves, while the capacity
 * stays that of the full intake: triage has its own extra staff, so "de beschikbare capaciteit
 * [wordt] ingezet op de overgebleven caseload".
 */
function scenarioFormulas(inputCells: Record<InputId, string>): ScenarioFormulas {
  const { opening, intake, uplift, extra, planPerYear } = inputCells;
  const rule = `(1+${uplift})*${intake}`;
  const plan = `${planPerYear}/${WEEKS_PER_YEAR}`;
  const queueOpening = `(1-${inputCells.triagedOpening})*${opening}`;
  const queueIntake = `(1-(${inputCells.triage}+${inputCells.withoutHearing}))*${intake}`;
  const each = (value: string, triaged: string): Record<ScenarioId, string> =>
    Object.fromEntries(SCENARIOS.map((id) => [id, WITH_TRIAGE.has(id) ? triaged : value])) as Record<ScenarioId, string>;
  return {
    opening: each(opening, queueOpening),
    intake: each(intake, queueIntake),
    capacity: {
      plan,
      rule: `${rule}+${extra}`,
      triage: `${rule}+${extra}`,
      whole: `MAX(${plan},${rule})+${extra}`,
      required: `MAX(0,${intake}+(${opening}-${inputCells.target})/${inputCells.clearWithin})`,
      custom: `${inputCells.custom}`,
    },
  };
}

/**
 * The memo's lead time over the horizon, in weeks, as one formula: the mean age at decision of
 * every case decided, first in, first out, as src/engine/leadTime.ts computes it. Closed form for
 * constant rates: cases decided in week t leave at t − ½ on average, so the total lead time is
 * Σ (t − ½) × decided_t minus the summed arrival times of the first D cases (D decided in all),
 * with the opening backlog filed evenly over the spread weeks before week 1.
 */
function decidedLeadTimeFormula(
  queue: { opening: string; intake: string; capacity: string; closing: string },
  inputCells: Record<InputId, string>,
  none: string,
): string {
  const { opening, intake, capacity } = queue;
  const horizon = inputCells.horizon;
  const spread = inputCells.openingSpread;
  const decided = `(${opening}+${horizon}*${intake}-${queue.closing})`;
  // Σ backlog over weeks 1 … H−1, from the stock-flow's closed form (linear until it reaches 0).
  const n = `(${horizon}-1)`;
  const falling = `MIN(${n},INT(${opening}/(${capacity}-${intake})))`;
  const backlogSum =
    `IF(${capacity}>${intake},${falling}*${opening}-(${capacity}-${intake})*${falling}*(${falling}+1)/2,` +
    `${n}*${opening}+(${intake}-${capacity})*${n}*(${n}+1)/2)`;
  const decidedBefore = `(${n}*${opening}+${intake}*${horizon}*${n}/2-${backlogSum})`;
  const leaving = `(${horizon}*${decided}-${decidedBefore}-0.5*${decided})`;
  const fromOpening = `MIN(${decided},${opening})`;
  const arrivals =
    `(-${spread}*${fromOpening}+IF(${opening}>0,${spread}*${fromOpening}^2/(2*${opening}),0)` +
    `+IF(${intake}>0,MAX(0,${decided}-${opening})^2/(2*${intake}),0))`;
  return `IF(ROUND(${decided},9)>0,(${leaving}-${arrivals})/${decided},"${none}")`;
}

/** "$C$41:$C$144": scenario `index`'s weekly backlog column, absolute. */
function backlogColumnOf(index: number, tableWeeks: number): string {
  const column = FIRST_SCENARIO_COLUMN + index;
  return `${abs(WEEKLY_ROW + 1, column)}:${abs(WEEKLY_ROW + tableWeeks, column)}`;
}

/** The comparison table: one row per scenario, every figure a formula. */
function comparisonTable(labels: Labels, layout: BaseLayout, tableName: string): TableSpec {
  const inputCells = layout.inputs;
  const formulas = scenarioFormulas(inputCells);
  const planCapacity = layout.scenarios.plan.capacity;
  const rows: Cell[][] = SCENARIOS.map((id, i) => {
    const cells = layout.scenarios[id];
    const opening = formulas.opening[id];
    return [
      text(labels.scenario[id]),
      formula(formulas.intake[id]),
      formula(formulas.capacity[id]),
      formula(`INDEX(${backlogColumnOf(i, layout.tableWeeks)},${inputCells.horizon})`),
      // Constant rates, as the engine's weeksToClearCore: opening ÷ (capacity − intake).
      formula(
        `IF(${opening}<=0,0,IF(${cells.capacity}>${cells.intake},${opening}/(${cells.capacity}-${cells.intake}),"${labels.never}"))`,
      ),
      // Little's law at the horizon: backlog ÷ mean decisions per week, the wait for a new application.
      formula(`IF(${cells.decisions}>0,${cells.closing}/${cells.decisions},"${labels.none}")`),
      // Everything that came in and is no longer waiting was decided. ROUND to 1e-9 drops the
      // float noise of that difference, so "no decisions" reads 0 and lead time "n/a", not 1e16.
      formula(`ROUND((${opening}+${inputCells.horizon}*${cells.intake}-${cells.closing})/${inputCells.horizon},9)`),
      formula(decidedLeadTimeFormula({ opening, intake: cells.intake, capacity: cells.capacity, closing: cells.closing }, inputCells, labels.none)),
      // The Minister: "als ik 1.600 mensen naar voren ga trekken, ik 1.600 andere mensen naar achter duw".
      formula(`MAX(0,${cells.capacity}-${planCapacity})*${inputCells.horizon}`),
      text(labels.explanation[id]),
    ];
  });
  return {
    name: tableName,
    at: cellAddress(COMPARISON_ROW, 0),
    columns: labels.comparison.map((header, i) => ({
      header,
      numberFormat: ["@", "#,##0.0", "#,##0.0", "#,##0", "#,##0.0", "#,##0.0", "#,##0.0", "#,##0.0", "#,##0", "@"][i] as string,
    })),
    rows,
    style: "TableStyleMedium2",
  };
}

/** The weekly table: week, week start, and one backlog column per scenario. */
function weeklyTable(labels: Labels, layout: BaseLayout, tableName: string): TableSpec {
  const inputCells = layout.inputs;
  const openings = scenarioFormulas(inputCells).opening;
  const rows: Cell[][] = [];
  for (let k = 0; k < layout.tableWeeks; k++) {
    const row = WEEKLY_ROW + 1 + k;
    const week = cellAddress(row, 0);
    const cells: Cell[] = [k + 1, formula(`IF(${inputCells.firstWeek}="","",${inputCells.firstWeek}+7*(${week}-1))`)];
    SCENARIOS.forEach((id, i) => {
      const previous = k === 0 ? openings[id] : cellAddress(row - 1, FIRST_SCENARIO_COLUMN + i);
      const scenario = layout.scenarios[id];
      // #N/A past the horizon: charts skip it, so the lines stop where the horizon does.
      cells.push(
        formula(
          `IF(${week}>${inputCells.horizon},NA(),MAX(0,${previous}+${absolute(scenario.intake)}-${absolute(scenario.capacity)}))`,
        ),
      );
    });
    rows.push(cells);
  }
  return {
    name: tableName,
    at: cellAddress(WEEKLY_ROW, 0),
    columns: [
      { header: labels.week, numberFormat: "0" },
      { header: labels.weekStart, numberFormat: "yyyy-mm-dd" },
      ...SCENARIOS.map((id) => ({ header: labels.scenario[id], numberFormat: "#,##0.0" })),
    ],
    rows,
    style: "TableStyleLight9",
  };
}

/** Column A holds the labels of the inputs and of the shared-capacity block: wide enough to read them. */
function labelColumnWidth(blocks: readonly Block[]): number {
  return Math.max(
    40,
    ...blocks
      .filter((b) => b.style === "label")
      .flatMap((b) => b.cells.map((row) => row[0]))
      .map((cell) => (cell !== null && typeof cell === "object" && isText(cell) ? cell.text.length + 2 : 0)),
  );
}

/**
 * The what-if sheet for a meeting.
 *
 * @example
 * buildWhatIfSheet({ inputs, language: "nl", createdOn: excelDateSerial(2024, 1, 15) })
 * // → a SheetSpec named "What-if 2024-01-15" with five live scenarios
 */
export function buildWhatIfSheet(options: WhatIfSheetOptions): SheetSpec {
  const { language, createdOn } = options;
  const labels = WHAT_IF_TEXT[language];
  const prefill = whatIfPrefill(options);
  // Rows cover the horizon and scenario 4's period, so both are visible and the horizon can grow.
  const tableWeeks = Math.max(prefill.horizon, prefill.clearWithin);
  const layout = baseLayout(tableWeeks);
  const taken = options.existingNames ?? [];
  const tables = whatIfTableNames(createdOn, taken);

  const blocks = inputBlocks(labels, prefill, options, tableWeeks);
  const chart: ChartSpec = {
    kind: "line",
    title: labels.chart,
    categories: layout.weeks,
    series: SCENARIOS.map((id) => ({ name: labels.scenario[id], values: layout.scenarios[id].backlog })),
    at: cellAddress(CHART_ROW, 0),
    widthColumns: LAST_COLUMN + 1,
    heightRows: CHART_HEIGHT,
    xAxisTitle: labels.week,
    yAxisTitle: labels.cases,
  };
  const shared = buildSharedBlock(tableWeeks, layout, prefill, language);
  blocks.push(...shared.blocks);
  const uncertainty = buildFrozenUncertainty(cellAddress(shared.bottomRow + 1, 0), prefill, options);
  blocks.push(...uncertainty.blocks);

  return {
    name: whatIfSheetName(language, createdOn, taken),
    markerTable: tables.comparison,
    blocks,
    tables: [comparisonTable(labels, layout, tables.comparison), weeklyTable(labels, layout, tables.weekly)],
    charts: [chart, shared.chart, ...uncertainty.charts],
    columnWidths: { A: labelColumnWidth(shared.blocks), B: 14, C: 16, D: 16, E: 16, F: 16, G: 16, H: 16, I: 16, J: 90 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, header: `${labels.title} — ${isoDate(createdOn)}` },
  };
}

/**
 * The shared-capacity block ("gedeelde capaciteit"), one blank row below the weekly table. Its
 * formulas read the sheet's opening backlog and intake inputs and scenario 1's capacity. Its own
 * inputs keep the builder's example figures, except the week the summary reads: the horizon.
 * Its chart moves from right of the weekly rows to beside the block's inputs and summary
 * (columns D–H), so the sheet stays eight columns wide.
 */
function buildSharedBlock(
  tableWeeks: number,
  layout: BaseLayout,
  prefill: WhatIfPrefill,
  language: Language,
): SharedCapacityBlock {
  const { block } = sharedCapacityFor(tableWeeks, layout.inputs, layout.scenarios.plan.capacity, language, {
    weeks: Math.min(prefill.horizon, tableWeeks),
  });
  const firstInputRow = parseCell(block.inputs.otherBacklog).row;
  const headerRow = parseCell((block.columns.week.split(":")[0] as string).replace(/\$/g, "")).row - 1;
  const chartColumn = 3;
  const chart: ChartSpec = {
    ...block.chart,
    at: cellAddress(firstInputRow, chartColumn),
    widthColumns: LAST_COLUMN + 1 - chartColumn,
    heightRows: headerRow - firstInputRow,
  };
  return { ...block, chart };
}

/** Scenario 1's backlog at the horizon, as prefilled: the uncertainty block's target. */
export function planEndValue(prefill: WhatIfPrefill): number {
  const weeks = prefill.horizon;
  const capacity = prefill.planPerYear / WEEKS_PER_YEAR;
  return projectBacklogCore(
    prefill.opening,
    new Array<number>(weeks).fill(prefill.intake),
    new Array<number>(weeks).fill(capacity),
    new Array<number>(weeks),
  );
}

/**
 * When the simulated horizon ends, for the chance sentence: "eind 2024" when its last week ends
 * in the last seven days of a year, else "aan het eind van week 2025-W30"; without a first week
 * the block's own "in week 52".
 */
export function whenPhrase(firstWeek: number | null, weeks: number): Record<Language, string> | undefined {
  if (firstWeek === null) return undefined;
  const end = Math.floor(firstWeek) + 7 * weeks - 1;
  const { year, month, day } = serialToParts(end);
  if (month === 12 && day >= 25) return endOfYear(year);
  const week = isoWeekLabel(end);
  return { nl: `aan het eind van week ${week}`, en: `at the end of week ${week}` };
}

/**
 * The uncertainty block for the current plan as prefilled (scenario 1: opening, intake and
 * decisions per year / 52 over the horizon), Poisson intake, 10,000 runs, the given seed: static
 * values, with a note saying they were computed when the sheet was made. The generator is made
 * here from the seed, so the same options always give the same sheet.
 */
function buildFrozenUncertainty(
  at: string,
  prefill: WhatIfPrefill,
  options: WhatIfSheetOptions,
): { blocks: Block[]; charts: ChartSpec[] } {
  const { language } = options;
  const labels = WHAT_IF_TEXT[language];
  const seed = options.seed ?? DEFAULT_SEED;
  // The seed comes from code, not from a cell: a bad one is a programmer error.
  const checkedSeed = checkNumber(seed, SEED_RULE, "seed");
  if (!checkedSeed.ok) throw new RangeError(checkedSeed.error.message);
  const capacity = prefill.planPerYear / WEEKS_PER_YEAR;
  // "At least as good as planned": the target is the plan's own end value (the memo's "ongeveer 1100").
  const target = planEndValue(prefill);
  const simulation = simulateBacklog(createRng(seed), {
    opening: prefill.opening,
    intake: prefill.intake,
    capacity,
    weeks: prefill.horizon,
    runs: WHAT_IF_RUNS,
    intakeModel: { kind: "poisson" },
    target,
  });
  if (!simulation.ok) {
    return { blocks: [{ at, cells: [[text(labels.notSimulated(simulation.error.message))]], style: "warning" }], charts: [] };
  }
  const when = whenPhrase(prefill.firstWeek, prefill.horizon);
  const block = buildUncertaintyBlock(simulation.value, { at, seed, language, ...(when !== undefined && { when }) });
  const start = parseCell(at);
  const show = (x: number): string => formatNumber(x, language);
  const frozen = labels.frozen(isoDate(options.createdOn), {
    opening: show(prefill.opening),
    intake: show(prefill.intake),
    capacity: show(capacity),
    weeks: String(prefill.horizon),
  });
  // The block leaves the row between its chance sentence and its header free: the note goes there.
  const note: Block = { at: cellAddress(start.row + 2, start.column), cells: [[text(frozen)]], style: "note" };
  // The chart narrows to columns G–H. Its caption (the assumptions) would then run far past
  // column H, and LibreOffice widens the printed page for text that runs on, so the caption moves
  // up beside the chance sentence (columns B–H, two rows above the chart), where it fits.
  const caption = block.assumptions[language];
  const isCaption = (b: Block): boolean => {
    const cell = b.cells.length === 1 && b.cells[0]?.length === 1 ? b.cells[0][0] : undefined;
    return cell !== undefined && cell !== null && typeof cell === "object" && isText(cell) && cell.text === caption;
  };
  const blocks = block.blocks.map((b) => (isCaption(b) ? { ...b, at: cellAddress(start.row + 1, start.column + 1) } : b));
  const chartColumn = parseCell(block.chart.at).column;
  const chart: ChartSpec = { ...block.chart, widthColumns: Math.max(2, LAST_COLUMN + 1 - chartColumn) };
  return { blocks: [...blocks, note], charts: [chart] };
}
