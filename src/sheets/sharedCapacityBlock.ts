/**
 * The what-if sheet's "gedeelde capaciteit" (shared capacity) block: subsequent applications next
 * to other work, and what moving capacity from the other work does to both. Everything is a native
 * Excel formula (en-US syntax, + − × ÷ MIN MAX; INDEX only to read the chosen week), so the block
 * works where the add-in is not installed and recalculates as the planner types.
 *
 * The weekly rows repeat the engine's stock-flow: backlog = MAX(0, previous + intake − capacity),
 * which is `previous + intake − MIN(capacity, previous + intake)` without the intermediate cell.
 */
import { Block, Cell, cellAddress, ChartSpec, columnLetter, formula, parseCell, text, ValidationSpec } from "./spec";
import type { Language } from "./messages";

/** The block's own inputs, written as labelled "input" cells. */
export interface SharedCapacityValues {
  /** The other work's backlog at the start of week 1. */
  otherBacklog: number;
  /** The other work's weekly intake. */
  otherIntake: number;
  /** The other work's weekly capacity before any is moved. */
  otherCapacity: number;
  /** Decisions per week moved from the other work to subsequent applications. */
  movedCapacity: number;
  /** The week the summary reads (1 to the number of weekly rows). */
  weeks: number;
  /** Decisions per fte per week, to express capacity in staff. */
  decisionsPerFte: number;
}

/**
 * Example figures, not from the memo (it gives none for other work): the note cell says so and
 * the planner overwrites them. Steady other work (intake = capacity) makes any move show.
 */
export const DEFAULT_SHARED_CAPACITY_VALUES: SharedCapacityValues = {
  otherBacklog: 5000,
  otherIntake: 100,
  otherCapacity: 100,
  movedCapacity: 5,
  weeks: 52,
  decisionsPerFte: 1.5,
};

export interface SharedCapacityBlockOptions {
  /** Top-left cell of the block on the what-if sheet, e.g. "A40". */
  at: string;
  /** Cells on the same sheet holding the subsequent applications' inputs (one cell each, e.g. "B4"). */
  inputs: {
    /** Backlog of subsequent applications at the start of week 1. */
    opening: string;
    /** Weekly intake of subsequent applications. */
    intake: string;
    /** Weekly capacity for subsequent applications before any is moved. */
    capacity: string;
  };
  /** Starting values of the block's own input cells; example figures where omitted. */
  values?: Partial<SharedCapacityValues>;
  /** Number of weekly rows (and the chart's horizon); 104 unless given. */
  rows?: number;
  language?: Language;
  /**
   * Where the weekly columns' header goes, e.g. "Z5"; by default under the block's own inputs and
   * summary (one blank row between). The what-if sheet keeps them outside its print area.
   */
  weeklyAt?: string;
}

type InputKey = keyof SharedCapacityValues;
type OutputKey =
  | "sharedCapacity"
  | "sharedFte"
  | "subsequentWithout"
  | "subsequentWith"
  | "otherWithout"
  | "otherWith"
  | "lostDecisions"
  | "extraFte";
type ColumnKey = "week" | "subsequentWithout" | "subsequentWith" | "otherWithout" | "otherWith" | "lostDecisions" | "extraFte";

export interface SharedCapacityBlock {
  blocks: Block[];
  /** Line chart: backlog of subsequent applications and of the other work, each with and without the move. */
  chart: ChartSpec;
  /** Absolute addresses of the block's own input cells, e.g. { otherBacklog: "$B$43", … }. */
  inputs: Record<InputKey, string>;
  /** Absolute addresses of the summary cells (values at the chosen week). */
  outputs: Record<OutputKey, string>;
  /** A1 ranges of the weekly columns' data rows. */
  columns: Record<ColumnKey, string>;
  /** The A1 range the block's cells cover (the chart sits to its right); without the weekly columns when they are elsewhere. */
  range: string;
  /** 0-based first row below the block and its chart; below its summary when the weekly columns are elsewhere. */
  bottomRow: number;
}

const INPUT_KEYS: readonly InputKey[] = [
  "otherBacklog",
  "otherIntake",
  "otherCapacity",
  "movedCapacity",
  "weeks",
  "decisionsPerFte",
];
const OUTPUT_KEYS: readonly OutputKey[] = [
  "sharedCapacity",
  "sharedFte",
  "subsequentWithout",
  "subsequentWith",
  "otherWithout",
  "otherWith",
  "lostDecisions",
  "extraFte",
];
const COLUMN_KEYS: readonly ColumnKey[] = [
  "week",
  "subsequentWithout",
  "subsequentWith",
  "otherWithout",
  "otherWith",
  "lostDecisions",
  "extraFte",
];

interface Labels {
  title: string;
  note: string;
  inputs: Record<InputKey, string>;
  outputs: Record<OutputKey, string>;
  columns: Record<ColumnKey, string>;
  chart: string;
  cases: string;
}

function labelsFor(language: Language, rows: number): Labels {
  if (language === "en") {
    return {
      title: "Shared capacity: subsequent applications next to other work",
      note: "Capacity moved goes from other work (e.g. first applications) to subsequent applications. Example figures: enter your own.",
      inputs: {
        otherBacklog: "Other work: backlog at start",
        otherIntake: "Other work: intake per week",
        otherCapacity: "Other work: capacity per week (before the move)",
        movedCapacity: "Capacity moved to subsequent (per week)",
        weeks: `Week for the results (1 to ${rows})`,
        decisionsPerFte: "Decisions per fte per week",
      },
      outputs: {
        sharedCapacity: "Shared capacity per week (subsequent + other work)",
        sharedFte: "Shared capacity in fte",
        subsequentWithout: "Subsequent: backlog in that week, without the move",
        subsequentWith: "Subsequent: backlog in that week, with the move",
        otherWithout: "Other work: backlog in that week, without the move",
        otherWith: "Other work: backlog in that week, with the move",
        lostDecisions: "Other work: decisions lost up to that week",
        extraFte: "Extra fte needed so other work does not fall behind",
      },
      columns: {
        week: "Week",
        subsequentWithout: "Subsequent: backlog without move",
        subsequentWith: "Subsequent: backlog with move",
        otherWithout: "Other work: backlog without move",
        otherWith: "Other work: backlog with move",
        lostDecisions: "Other work: decisions lost",
        extraFte: "Extra fte needed (to this week)",
      },
      chart: "Crowding-out: backlogs with and without the move (example figures for other work)",
      cases: "Cases",
    };
  }
  return {
    title: "Gedeelde capaciteit: opvolgende aanvragen naast ander werk",
    note: "Verschoven capaciteit gaat van ander werk (bijv. eerste aanvragen) naar opvolgende aanvragen. Voorbeeldcijfers: vul eigen cijfers in.",
    inputs: {
      otherBacklog: "Ander werk: voorraad bij start",
      otherIntake: "Ander werk: instroom per week",
      otherCapacity: "Ander werk: capaciteit per week (vóór verschuiving)",
      movedCapacity: "Naar opvolgend verschoven capaciteit (per week)",
      weeks: `Week voor de uitkomsten (1 tot ${rows})`,
      decisionsPerFte: "Beslissingen per fte per week",
    },
    outputs: {
      sharedCapacity: "Gedeelde capaciteit per week (opvolgend + ander werk)",
      sharedFte: "Gedeelde capaciteit in fte",
      subsequentWithout: "Opvolgend: voorraad in die week, zonder verschuiving",
      subsequentWith: "Opvolgend: voorraad in die week, met verschuiving",
      otherWithout: "Ander werk: voorraad in die week, zonder verschuiving",
      otherWith: "Ander werk: voorraad in die week, met verschuiving",
      lostDecisions: "Ander werk: verdrongen beslissingen t/m die week",
      extraFte: "Extra fte nodig zodat ander werk niet achterop raakt",
    },
    columns: {
      week: "Week",
      subsequentWithout: "Opvolgend: voorraad zonder verschuiving",
      subsequentWith: "Opvolgend: voorraad met verschuiving",
      otherWithout: "Ander werk: voorraad zonder verschuiving",
      otherWith: "Ander werk: voorraad met verschuiving",
      lostDecisions: "Ander werk: verdrongen beslissingen",
      extraFte: "Extra fte nodig (t/m deze week)",
    },
    chart: "Verdringing: voorraden met en zonder verschuiving (voorbeeldcijfers ander werk)",
    cases: "Zaken",
  };
}

export const DEFAULT_SHARED_CAPACITY_ROWS = 104;
const CHART_WIDTH_COLUMNS = 9;
const CHART_HEIGHT_ROWS = 20;
/** Title, note, inputs, outputs, a blank row, then the header row. */
const HEADER_OFFSET = 2 + INPUT_KEYS.length + OUTPUT_KEYS.length + 1;

/** "b4" or "$B$4" → "$B$4": formulas keep pointing at the input when copied or filled. */
function absolute(address: string): string {
  const { row, column } = parseCell(address);
  return `$${columnLetter(column)}$${row + 1}`;
}

/** Where the block's parts are, from its top-left cell. */
interface BlockLayout {
  top: number;
  left: number;
  /** 0-based first column of the weekly columns. */
  weeklyLeft: number;
  inputRow: number;
  outputRow: number;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  inputs: Record<InputKey, string>;
  outputs: Record<OutputKey, string>;
  columns: Record<ColumnKey, string>;
  /** Relative address of a cell in the block's columns: (row, column offset from the block's left). */
  relative: (row: number, column: number) => string;
  /** The same in the weekly columns: (row, column offset from their first column). */
  weekly: (row: number, column: number) => string;
}

function blockLayout(at: string, rows: number, weeklyAt?: string): BlockLayout {
  const start = parseCell(at);
  const top = start.row;
  const left = start.column;
  const weeklyStart = weeklyAt === undefined ? { row: top + HEADER_OFFSET, column: left } : parseCell(weeklyAt);
  const weeklyLeft = weeklyStart.column;
  const absoluteAt = (row: number, column: number): string => `$${columnLetter(left + column)}$${row + 1}`;
  const absoluteWeekly = (row: number, column: number): string => `$${columnLetter(weeklyLeft + column)}$${row + 1}`;
  const inputRow = top + 2;
  const outputRow = inputRow + INPUT_KEYS.length;
  const headerRow = weeklyStart.row;
  const firstRow = headerRow + 1;
  const lastRow = headerRow + rows;
  return {
    top,
    left,
    weeklyLeft,
    inputRow,
    outputRow,
    headerRow,
    firstRow,
    lastRow,
    inputs: Object.fromEntries(INPUT_KEYS.map((key, i) => [key, absoluteAt(inputRow + i, 1)])) as Record<InputKey, string>,
    outputs: Object.fromEntries(OUTPUT_KEYS.map((key, i) => [key, absoluteAt(outputRow + i, 1)])) as Record<
      OutputKey,
      string
    >,
    columns: Object.fromEntries(
      COLUMN_KEYS.map((key, i) => [key, `${absoluteWeekly(firstRow, i)}:${absoluteWeekly(lastRow, i)}`]),
    ) as Record<ColumnKey, string>,
    relative: (row, column) => cellAddress(row, left + column),
    weekly: (row, column) => cellAddress(row, weeklyLeft + column),
  };
}

type SubsequentCells = SharedCapacityBlockOptions["inputs"];

/** The weekly rows. Each refers to the row above (relative) and to the inputs (absolute). */
function weeklyRows(layout: BlockLayout, subsequent: SubsequentCells, rows: number): Cell[][] {
  const { otherIntake, otherCapacity, movedCapacity, decisionsPerFte, otherBacklog } = layout.inputs;
  const columnIndex = (key: ColumnKey): number => COLUMN_KEYS.indexOf(key);
  const weekly: Cell[][] = [];
  for (let k = 0; k < rows; k++) {
    const row = layout.firstRow + k;
    const previous = (key: ColumnKey): string => layout.weekly(row - 1, columnIndex(key));
    const here = (key: ColumnKey): string => layout.weekly(row, columnIndex(key));
    const subsequentWithout = k === 0 ? subsequent.opening : previous("subsequentWithout");
    const subsequentWith = k === 0 ? subsequent.opening : previous("subsequentWith");
    const otherWithout = k === 0 ? otherBacklog : previous("otherWithout");
    const otherWith = k === 0 ? otherBacklog : previous("otherWith");
    const reduced = `MAX(0,${otherCapacity}-${movedCapacity})`; // moving more than the other work has leaves it nothing, not less
    const fteNow = `${here("lostDecisions")}/${decisionsPerFte}`;
    weekly.push([
      k + 1,
      formula(`=MAX(0,${subsequentWithout}+${subsequent.intake}-${subsequent.capacity})`),
      formula(`=MAX(0,${subsequentWith}+${subsequent.intake}-(${subsequent.capacity}+${movedCapacity}))`),
      formula(`=MAX(0,${otherWithout}+${otherIntake}-${otherCapacity})`),
      formula(`=MAX(0,${otherWith}+${otherIntake}-${reduced})`),
      formula(`=MIN(${otherCapacity},${otherWithout}+${otherIntake})-MIN(${reduced},${otherWith}+${otherIntake})`),
      // Running peak: staff hired from week 1 has to cover the worst week so far.
      formula(k === 0 ? `=MAX(0,${fteNow})` : `=MAX(${previous("extraFte")},${fteNow})`),
    ]);
  }
  return weekly;
}

/** The summary cells: values at the week the planner picks. */
function summaryFormulas(layout: BlockLayout, subsequent: SubsequentCells): Record<OutputKey, string> {
  const { otherCapacity, decisionsPerFte, weeks } = layout.inputs;
  const pick = (key: ColumnKey): string => `INDEX(${layout.columns[key]},${weeks})`;
  return {
    sharedCapacity: `=${subsequent.capacity}+${otherCapacity}`,
    sharedFte: `=(${subsequent.capacity}+${otherCapacity})/${decisionsPerFte}`,
    subsequentWithout: `=${pick("subsequentWithout")}`,
    subsequentWith: `=${pick("subsequentWith")}`,
    otherWithout: `=${pick("otherWithout")}`,
    otherWith: `=${pick("otherWith")}`,
    // The extra backlog equals the decisions lost so far.
    lostDecisions: `=${pick("otherWith")}-${pick("otherWithout")}`,
    extraFte: `=${pick("extraFte")}`,
  };
}

/**
 * Builds the shared-capacity block. Layout from `at` (row offsets):
 * 0 title; 1 note; 2–7 own inputs (label | value); 8–15 summary (label | formula); 16 blank;
 * 17 header; 18… one row per week with 7 columns (week, subsequent backlog without/with the
 * move, other work's backlog without/with, lost decisions, extra fte to date). The line chart
 * sits one column right of the weekly columns, level with the header row.
 *
 * @example
 * buildSharedCapacityBlock({ at: "A40", inputs: { opening: "B4", intake: "B5", capacity: "B6" } })
 * // inputs.otherBacklog === "$B$42"; weekly rows A58:G161
 */
export function buildSharedCapacityBlock(options: SharedCapacityBlockOptions): SharedCapacityBlock {
  const rows = options.rows ?? DEFAULT_SHARED_CAPACITY_ROWS;
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a whole number ≥ 1, got ${rows}`);
  const values: SharedCapacityValues = { ...DEFAULT_SHARED_CAPACITY_VALUES, ...options.values };
  const labels = labelsFor(options.language ?? "nl", rows);
  const layout = blockLayout(options.at, rows, options.weeklyAt);
  const { relative, weekly, top, inputRow, outputRow, headerRow, firstRow, lastRow, columns } = layout;
  const subsequent: SubsequentCells = {
    opening: absolute(options.inputs.opening),
    intake: absolute(options.inputs.intake),
    capacity: absolute(options.inputs.capacity),
  };
  const summary = summaryFormulas(layout, subsequent);

  const blocks: Block[] = [
    { at: relative(top, 0), cells: [[text(labels.title)]], style: "subtitle" },
    { at: relative(top + 1, 0), cells: [[text(labels.note)]], style: "note" },
    { at: relative(inputRow, 0), cells: INPUT_KEYS.map((key) => [text(labels.inputs[key])]), style: "label" },
    { at: relative(inputRow, 1), cells: INPUT_KEYS.map((key) => [values[key]]), style: "input", numberFormat: "#,##0.0##" },
    { at: relative(outputRow, 0), cells: OUTPUT_KEYS.map((key) => [text(labels.outputs[key])]), style: "label" },
    {
      at: relative(outputRow, 1),
      cells: OUTPUT_KEYS.map((key) => [formula(summary[key])]),
      style: "output",
      numberFormat: "#,##0.0",
    },
    { at: weekly(headerRow, 0), cells: [COLUMN_KEYS.map((key) => text(labels.columns[key]))], style: "header" },
    {
      at: weekly(firstRow, 0),
      cells: weeklyRows(layout, subsequent, rows),
      numberFormat: ["0", "#,##0.0", "#,##0.0", "#,##0.0", "#,##0.0", "#,##0.00", "#,##0.00"],
    },
  ];

  const chart: ChartSpec = {
    kind: "line",
    title: labels.chart,
    categories: columns.week.split("$").join(""),
    series: (["subsequentWithout", "subsequentWith", "otherWithout", "otherWith"] as const).map((key) => ({
      name: labels.columns[key],
      values: columns[key].split("$").join(""),
    })),
    at: weekly(headerRow, COLUMN_KEYS.length + 1),
    widthColumns: CHART_WIDTH_COLUMNS,
    heightRows: CHART_HEIGHT_ROWS,
    xAxisTitle: labels.columns.week,
    yAxisTitle: labels.cases,
  };

  return {
    blocks,
    chart,
    inputs: layout.inputs,
    outputs: layout.outputs,
    columns,
    range: options.weeklyAt === undefined ? `${relative(top, 0)}:${weekly(lastRow, COLUMN_KEYS.length - 1)}` : `${relative(top, 0)}:${relative(outputRow + OUTPUT_KEYS.length - 1, 1)}`,
    bottomRow: options.weeklyAt === undefined ? Math.max(lastRow + 1, headerRow + CHART_HEIGHT_ROWS) : outputRow + OUTPUT_KEYS.length,
  };
}

/** What the block's own inputs may hold, in words for Excel's prompt and its refusal. */
const INPUT_HELP_TEXT: Record<Language, Record<InputKey, { title: string; prompt: string }> & { error: string; weeksError: (rows: number) => string; perFte: string }> = {
  nl: {
    otherBacklog: { title: "Ander werk: voorraad", prompt: "Open zaken van het andere werk (bijvoorbeeld eerste aanvragen) bij de start. Voorbeeldcijfer: vul het eigen cijfer in." },
    otherIntake: { title: "Ander werk: instroom", prompt: "Instroom per week van het andere werk. Voorbeeldcijfer." },
    otherCapacity: { title: "Ander werk: capaciteit", prompt: "Capaciteit per week van het andere werk vóór de verschuiving. Voorbeeldcijfer." },
    movedCapacity: { title: "Verschoven capaciteit", prompt: "Beslissingen per week die van het andere werk naar de opvolgende aanvragen gaan." },
    weeks: { title: "Week voor de uitkomsten", prompt: "De week waarvan de uitkomsten hieronder de stand geven." },
    decisionsPerFte: { title: "Beslissingen per fte per week", prompt: "Om capaciteit in fte uit te drukken. Voorbeeldcijfer." },
    error: "Typ een getal van 0 of meer.",
    weeksError: (rows) => `Typ een heel weeknummer van 1 tot ${rows}.`,
    perFte: "Typ een aantal beslissingen per fte per week groter dan 0.",
  },
  en: {
    otherBacklog: { title: "Other work: backlog", prompt: "Open cases of the other work (e.g. first applications) at the start. Example figure: enter your own." },
    otherIntake: { title: "Other work: intake", prompt: "The other work's intake per week. Example figure." },
    otherCapacity: { title: "Other work: capacity", prompt: "The other work's capacity per week before the move. Example figure." },
    movedCapacity: { title: "Capacity moved", prompt: "Decisions per week moved from the other work to subsequent applications." },
    weeks: { title: "Week for the results", prompt: "The week whose standing the results below give." },
    decisionsPerFte: { title: "Decisions per fte per week", prompt: "To express capacity in staff. Example figure." },
    error: "Type a number of 0 or more.",
    weeksError: (rows) => `Type a whole week number from 1 to ${rows}.`,
    perFte: "Type a number of decisions per fte per week above 0.",
  },
};

/**
 * Data validation for the block's own input cells: numbers of 0 or more, the week a whole number
 * from 1 to the weekly rows, decisions per fte above 0.
 */
export function sharedCapacityValidations(block: SharedCapacityBlock, rows: number, language: Language = "nl"): ValidationSpec[] {
  const help = INPUT_HELP_TEXT[language];
  return INPUT_KEYS.map((key): ValidationSpec => {
    const range = block.inputs[key].replace(/\$/g, "");
    if (key === "weeks") return { range, kind: "whole", min: 1, max: rows, ...help[key], error: help.weeksError(rows) };
    if (key === "decisionsPerFte") return { range, kind: "decimal", min: 0.001, ...help[key], error: help.perFte };
    return { range, kind: "decimal", min: 0, ...help[key], error: help.error };
  });
}
