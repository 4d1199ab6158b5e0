/**
 * The what-if sheet's answers per scenario to "wanneer halen we de streefvoorraad?", "hoeveel
 * mensen is dat?" and "wat doet de doorlooptijd?" (issue 23, items 1, 3 and 4): the week and date
 * (ISO week and Monday) at which each scenario reaches the target, its capacity in fte, what it
 * takes from (or frees for) other work per week in fte, everything it decides in a year beside
 * the memo's 1600, and the memo's lead time over every case decided (triage's included) in days
 * and weeks. Live native formulas on the sheet's input cells and the comparison table, as the
 * engine computes them (`whatIfScenarios`); the target week is the closed form, so it lies
 * wherever it lies, past the 104 weekly rows too (the rule alone: week 136).
 */
import { DEFAULT_FAST_LEAD_TIME_DAYS, ScenarioId, WEEKS_PER_YEAR } from "../engine";
import { isoWeekFormula, targetWeekFormula } from "./formulaText";
import type { Language } from "./messages";
import { Panel } from "./panel";
import { absoluteAddress, Block, Cell, cellAddress, formula, text } from "./spec";
import { ScenarioCells, triagedPerWeek } from "./whatIfScenarios";
import type { InputId } from "./whatIfText";

/**
 * Lines kept for each note, in either language, so the block has the same height in both and the
 * sheet's later blocks stay where `whatIfLayout` says (a longer note is a programmer's error).
 */
const NOTE_LINES = [2, 3, 3] as const;
/** Rows of the block: title, header, the six scenarios, the notes. */
export const TARGET_BLOCK_ROWS = 2 + 6 + NOTE_LINES.reduce((a, b) => a + b, 0);

/** The block's words in both languages. */
export const TARGET_BLOCK_TEXT: Record<
  Language,
  {
    title: string;
    headers: readonly string[];
    never: string;
    none: string;
    freed: string;
    notes: (memo: { days: string; replay: string; plan: string; triageDays: string }) => string[];
    /** Beside the uncertainty's headline: the whole decision's target week. */
    beside: (target: string, week: number | null, iso: string | undefined) => string;
  }
> = {
  nl: {
    title: "Streefvoorraad, mensen en doorlooptijd per scenario",
    headers: [
      "Scenario",
      "Streefvoorraad bereikt in week",
      "ISO-week",
      "Week van (maandag)",
      "Capaciteit per week (fte)",
      "Van ander werk per week (fte)",
      "Afgedaan per jaar (nota: 1600)",
      "Doorlooptijd alle zaken (dagen)",
      "Doorlooptijd alle zaken (weken)",
    ],
    never: "nooit",
    none: "n.v.t.",
    freed: "vrij",
    beside: (target, week, iso) =>
      week === null
        ? `Het heel besluit (scenario 4 van de what-if: plan, regel en triage) haalt ${target} nooit.`
        : week === 0
          ? `Het heel besluit (scenario 4 van de what-if) is al op ${target} of lager.`
          : `Het heel besluit (scenario 4 van de what-if: plan, regel en triage) haalt ${target} in week ${week}${iso === undefined ? "" : ` (${iso})`}.`,
    notes: ({ days, replay, plan, triageDays }) => [
      "Streefvoorraad bereikt: de eerste week met een voorraad van hoogstens de streefvoorraad, bij de vaste tempo's van het scenario, ook na de horizon; 0: nu al; nooit: de capaciteit is niet groter dan de instroom.",
      "Fte: capaciteit ÷ beslissingen per fte per week. Van ander werk: capaciteit + triage − huidig plan; vrij: capaciteit die vrijkomt voor ander werk. " +
        "De extra fte van triage tellen als van ander werk, tenzij 'nieuw personeel' op ja staat: een aanname, geen uitspraak van de nota (die zegt 'extra fte wanneer nodig'; de minister: 'Het is dus niet zo dat ik nog wat extra mensen voor u in de aanbieding heb').",
      `Afgedaan per jaar: wachtrij plus triage, naast de ${plan} van het plan 2024 in de nota. Doorlooptijd: gemiddelde wachttijd van alle afgedane zaken, bij triage ook de getrieerde (${triageDays} dagen, de route 'buiten behandeling'). ` +
        `Ter ijking: de nota noemt ${days} dagen voor 2023; het model herhaalt 2023 met ${replay} dagen over alle routes.`,
    ],
  },
  en: {
    title: "Target, staff and lead time per scenario",
    headers: [
      "Scenario",
      "Target reached in week",
      "ISO week",
      "Week of (Monday)",
      "Capacity per week (fte)",
      "From other work per week (fte)",
      "Decided per year (memo: 1600)",
      "Lead time of all cases (days)",
      "Lead time of all cases (weeks)",
    ],
    never: "never",
    none: "n/a",
    freed: "freed",
    beside: (target, week, iso) =>
      week === null
        ? `The whole decision (the what-if's scenario 4: plan, rule and triage) never reaches ${target}.`
        : week === 0
          ? `The whole decision (the what-if's scenario 4) is at ${target} or below already.`
          : `The whole decision (the what-if's scenario 4: plan, rule and triage) reaches ${target} in week ${week}${iso === undefined ? "" : ` (${iso})`}.`,
    notes: ({ days, replay, plan, triageDays }) => [
      "Target reached: the first week with a backlog of at most the target, at the scenario's steady rates, past the horizon too; 0: already; never: capacity does not exceed intake.",
      "Fte: capacity ÷ decisions per fte per week. From other work: capacity + triage − the current plan; freed: capacity that goes back to other work. " +
        "Triage's extra fte count as taken from other work unless 'new staff' is yes: an assumption, not the memo's statement (it says 'extra fte when needed'; the Minister: 'Het is dus niet zo dat ik nog wat extra mensen voor u in de aanbieding heb').",
      `Decided per year: the queue plus triage, beside the memo's 2024 plan of ${plan}. Lead time: the mean wait of every case decided, with triage also the triaged ones (${triageDays} days, the 'set aside' route). ` +
        `Calibration: the memo gives ${days} days for 2023; the model replays 2023 at ${replay} days over all routes.`,
    ],
  },
};

/** What the block reads from the rest of the sheet. */
export interface TargetBlockOptions {
  language: Language;
  /** 0-based row of the block's title; the block spans columns A–I. */
  row: number;
  widths: Record<string, number>;
  /** Absolute addresses of the what-if sheet's input cells. */
  inputs: Record<InputId, string>;
  /** Each scenario's comparison-table cells. */
  scenarios: Record<ScenarioId, ScenarioCells>;
  /** Each scenario's queue opening backlog, as a formula on the inputs. */
  openings: Record<ScenarioId, string>;
  /** Scenarios with triage (their queue is what triage leaves). */
  triaged: ReadonlySet<ScenarioId>;
  /** The scenario labels, in order. */
  labels: Record<ScenarioId, string>;
  order: readonly ScenarioId[];
  /** The words "ja"/"yes" that mark triage's fte as new staff. */
  yes: string;
  /** Figures for the notes, formatted: the memo's 343 days, the model's 2023 replay, the memo's 1600. */
  memo: { days: string; replay: string; plan: string };
}

/** Where each scenario's figures are, for tests and the sheets' own sentences. */
export interface TargetCells {
  week: string;
  iso: string;
  monday: string;
  fte: string;
  fromOtherWorkFte: string;
  decidedPerYear: string;
  leadTimeDays: string;
  leadTimeWeeks: string;
}

export interface TargetBlock {
  blocks: Block[];
  groups: [number, number][];
  /** 0-based first row below the block. */
  bottomRow: number;
  cells: Record<ScenarioId, TargetCells>;
}

/** The number formats of the columns after the scenario's name. */
function formats(language: Language): string[] {
  const freed = TARGET_BLOCK_TEXT[language].freed;
  // The ISO week is text (left-aligned): a few spaces keep it clear of the week number beside it.
  return ["0", '0;-0;0;"   "@', "yyyy-mm-dd", "#,##0.0", `#,##0.0;"${freed} "#,##0.0;0.0`, "#,##0", "#,##0", "#,##0.0"];
}

/** One scenario's row at `at`'s cells: its name, then the eight figures, each a formula. */
function scenarioRow(id: ScenarioId, options: TargetBlockOptions, at: TargetCells): Cell[] {
  const { inputs, scenarios, language } = options;
  const words = TARGET_BLOCK_TEXT[language];
  const cells = scenarios[id];
  const abs = absoluteAddress;
  const { week } = at;
  const first = inputs.firstWeek;
  const dated = `OR(NOT(ISNUMBER(${week})),N(${week})<1,${first}="")`;
  const monday = `(${first}+7*(${week}-1))`;
  const triaged = options.triaged.has(id);
  const perWeek = triaged ? triagedPerWeek(inputs) : "0";
  const h = inputs.horizon;
  const queueLead = abs(cells.decidedLeadTime);
  const queueDecided = `${abs(cells.decisions)}*${h}`;
  // The memo's lead time over every case decided: the queue's (FIFO), and with triage its
  // intake at triage's own lead time and its part of the opening after (spread + horizon) ÷ 2 weeks.
  const openingPart = `${inputs.triagedOpening}*${inputs.opening}`;
  const triageIntake = `(${inputs.triage}+${inputs.withoutHearing})*${inputs.intake}*${h}`;
  const days = triaged
    ? `IF(IF(ISNUMBER(${queueLead}),${queueDecided},0)+${triageIntake}+${openingPart}>0,` +
      `(IF(ISNUMBER(${queueLead}),${queueDecided}*${queueLead}*7,0)+${triageIntake}*${DEFAULT_FAST_LEAD_TIME_DAYS}+${openingPart}*(${inputs.openingSpread}+${h})/2*7)/` +
      `(IF(ISNUMBER(${queueLead}),${queueDecided},0)+${triageIntake}+${openingPart}),"${words.none}")`
    : `IF(ISNUMBER(${queueLead}),${queueLead}*7,"${words.none}")`;
  return [
    text(options.labels[id]),
    formula(targetWeekFormula(options.openings[id], abs(cells.intake), abs(cells.capacity), inputs.target, words.never)),
    formula(`IF(${dated},"",${isoWeekFormula(monday)})`),
    formula(`IF(${dated},"",${monday})`),
    formula(`${abs(cells.capacity)}/${inputs.perFte}`),
    formula(`${abs(cells.fromOtherWork)}/${h}/${inputs.perFte}`),
    formula(`(${abs(cells.decisions)}+${perWeek})*${WEEKS_PER_YEAR}`),
    formula(days),
    // Days ÷ 7, or the same "n.v.t." when nothing was decided.
    formula(`IF(ISNUMBER(${at.leadTimeDays}),${at.leadTimeDays}/7,"${words.none}")`),
  ];
}

/**
 * The block at `row`: title, the table of figures per scenario (kept on one page), and its notes.
 *
 * @example
 * const block = buildTargetBlock({ language: "nl", row: 70, widths, inputs, scenarios, … });
 * sheet.blocks.push(...block.blocks);
 */
export function buildTargetBlock(options: TargetBlockOptions): TargetBlock {
  const { language, widths } = options;
  const words = TARGET_BLOCK_TEXT[language];
  const panel = new Panel({ column: 0, columns: 9, widths }, options.row);
  const firstRow = options.row + 2;
  const cells = {} as Record<ScenarioId, TargetCells>;
  const at = (r: number, c: number): string => absoluteAddress(cellAddress(r, c));
  const rows = options.order.map((id, i) => {
    const r = firstRow + i;
    cells[id] = {
      week: at(r, 1),
      iso: at(r, 2),
      monday: at(r, 3),
      fte: at(r, 4),
      fromOtherWorkFte: at(r, 5),
      decidedPerYear: at(r, 6),
      leadTimeDays: at(r, 7),
      leadTimeWeeks: at(r, 8),
    };
    return scenarioRow(id, options, cells[id]);
  });
  panel.section(() => {
    panel.subtitle(words.title);
    panel.grid(words.headers, rows, formats(language));
  });
  const triageDays = String(DEFAULT_FAST_LEAD_TIME_DAYS);
  words.notes({ ...options.memo, triageDays }).forEach((note, i) => {
    const start = panel.row;
    const reserved = NOTE_LINES[i] ?? 1;
    // Without widths (whatIfLayout asks for the cells only) nothing is wrapped or written.
    if (Object.keys(widths).length > 0) panel.lines(note);
    if (panel.row - start > reserved) throw new Error(`the target block's note ${i + 1} takes ${panel.row - start} lines, more than ${reserved}`);
    panel.row = start + reserved;
  });
  const bottomRow = options.row + TARGET_BLOCK_ROWS;
  if (panel.row !== bottomRow) throw new Error("the target block's rows moved");
  return { blocks: panel.blocks, groups: [[options.row, TARGET_BLOCK_ROWS]], bottomRow, cells };
}
