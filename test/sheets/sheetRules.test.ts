/**
 * Rules every sheet the add-in writes keeps, in both languages, for the sample (with both
 * sections and its actuals) and for a planner's own plans (short and long horizons):
 * - nothing is cut off: a text cell whose right-hand neighbour is filled fits its column, a text
 *   running over empty cells ends inside the print area, a header that wraps breaks between
 *   words within its row's height, and a written number fits its column (no ###). Widths are
 *   measured with Carlito's own metrics read from the font file (Calibri's metrics), not with
 *   the tables in src/sheets/textWidth.ts, which are checked against the same file;
 * - formulas every host computes: only functions of Excel 2016 and LibreOffice 7.4, never a
 *   formula in a text-formatted ("@") cell;
 * - printed text at 8 pt or more, in Excel and in LibreOffice;
 * - the planned pages within the budgets.
 */
import { isoWeekLabel } from "../../src/sheets/dates";
import { planSheets, PlannedSheet } from "../../src/plan/planSheets";
import { SectionPlan } from "../../src/plan/options";
import { sourcesOf } from "../../src/plan/sources";
import { functionNames, UNSUPPORTED_FUNCTIONS } from "../../src/hosts/xlsx/formulas";
import type { PlanInputs, RawPlanInputs } from "../../src/sheets/inputs";
import { CHART_FONT_POINTS, LIBREOFFICE_WIDER, MIN_PRINTED_POINTS, printScale, rowHeightsOf, ROW_POINTS, widthsOf } from "../../src/sheets/page";
import { SAMPLE_ACTUALS_2024 } from "../../src/sheets/sampleActuals";
import { Cell, cellAddress, CellStyle, excelDateSerial, isDate, isFormula, isText, parseCell, SheetSpec } from "../../src/sheets/spec";
import { CELL_PADDING_PIXELS, CHARACTERS, columnPixels, fontOf, textPixels } from "../../src/sheets/textWidth";
import { carlito, FontMetrics } from "../helpers/trueType";
import { SAMPLE_HISTORY_START, sampleIntakeHistory } from "../../src/cli/sampleHistory";

const JAN_1 = excelDateSerial(2024, 1, 1);
const JAN_15 = excelDateSerial(2024, 1, 15);
const SECTIONS: SectionPlan = {
  uncertainty: { model: "poisson", dispersion: 1, history: "", capacitySpread: 0, runs: 2000, seed: 2024 },
  tracks: { fastShare: 190 / 1390, safeShare: 0.2, fastLeadTimeDays: 88 },
};

/**
 * An intake history (issue 24): the sample's constructed weeks beside its own intake (a
 * comparison); the same as the plan's intake, without Intake and Capacity (the planning rule on
 * the forecast); or five years of months, the plan starting a few weeks after them.
 */
type History = "comparison" | "plan" | "monthly";

/** The sample's Invoer sheet, as the CLI reads it. */
function sample(weeks: number, history?: History): { inputs: PlanInputs; raw: RawPlanInputs } {
  const intake = new Array(weeks).fill(25);
  const capacity = new Array(weeks).fill(1600 / 52);
  const raw: RawPlanInputs = {
    opening: { address: "Invoer!B3", values: [[1440]] },
    intake: { address: `Invoer!C10:C${9 + weeks}`, values: intake.map((v) => [v]) },
    capacity: { address: `Invoer!D10:D${9 + weeks}`, values: capacity.map((v) => [v]) },
    uplift: { address: "Invoer!B4", values: [[0.1]] },
    firstWeek: { address: "Invoer!B5", values: [[JAN_1]] },
  };
  const inputs: PlanInputs = { opening: 1440, intake, capacity, uplift: 0.1, target: 0, firstWeek: JAN_1, actuals: SAMPLE_ACTUALS_2024 };
  if (history === undefined) return { inputs, raw };
  const monthly = history === "monthly";
  const counts = monthly ? Array.from({ length: 60 }, (_, m) => 110 + 15 * Math.sin((2 * Math.PI * m) / 12) - m) : sampleIntakeHistory();
  raw.intakeHistory = { address: `'Intake history'!C5:C${4 + counts.length}`, values: counts.map((v) => [v]) };
  raw.intakeHistoryStart = { address: "'Intake history'!A5", values: [[monthly ? excelDateSerial(2019, 1, 1) : SAMPLE_HISTORY_START]] };
  inputs.intakeHistory = { values: raw.intakeHistory, start: raw.intakeHistoryStart, ...(monthly && { periods: 12 }) };
  if (history === "comparison") return { inputs, raw };
  delete raw.intake;
  delete raw.capacity;
  if (history === "plan") delete raw.firstWeek;
  const planned: PlanInputs = { ...inputs, intake: [], weeks, intakeFromHistory: true };
  delete planned.capacity;
  // The monthly plan starts three weeks after its history (2024-01-01), on its first week.
  if (history === "plan") delete planned.firstWeek;
  else planned.firstWeek = excelDateSerial(2024, 1, 22);
  return { inputs: planned, raw };
}

interface Case {
  name: string;
  weeks: number;
  sections?: SectionPlan;
  sample: boolean;
  history?: History;
}

const CASES: Case[] = [
  { name: "the sample with --uncertainty --tracks", weeks: 52, sections: SECTIONS, sample: true, history: "comparison" },
  { name: "a planner's 52 weeks", weeks: 52, sample: false },
  { name: "a planner's 13 weeks", weeks: 13, sections: SECTIONS, sample: false },
  { name: "a planner's 156 weeks", weeks: 156, sections: SECTIONS, sample: false },
  { name: "a planner's 52 weeks from an intake history", weeks: 52, sample: false, history: "plan" },
  { name: "a planner's 26 weeks from a monthly history", weeks: 26, sections: SECTIONS, sample: false, history: "monthly" },
];

const built = new Map<string, PlannedSheet[]>();
beforeAll(async () => {
  for (const c of CASES) {
    for (const language of ["nl", "en"] as const) {
      const { inputs, raw } = sample(c.weeks, c.history);
      const planned = await planSheets(inputs, {
        language,
        createdOn: JAN_15,
        sheets: ["projection", "whatIf", "monitoring"],
        sources: sourcesOf(raw),
        sample: c.sample,
        ...(c.sections !== undefined && { sections: c.sections }),
      });
      if (!planned.ok) throw new Error(`${c.name}: ${JSON.stringify(planned.problem)}`);
      // The cases with a history have its forecast, as a comparison or as the plan's intake.
      expect(planned.intakeForecast?.use).toBe(c.history === undefined ? undefined : c.history === "comparison" ? "comparison" : "plan");
      built.set(`${c.name}, ${language}`, planned.sheets);
    }
  }
}, 60_000);

const each = (): [string, PlannedSheet][] => [...built].flatMap(([name, sheets]) => sheets.map((s): [string, PlannedSheet] => [`${name}: ${s.spec.name}`, s]));

/** Every written cell with its style and number format, by "row,column" (0-based). */
interface Placed {
  cell: Cell;
  style: CellStyle | undefined;
  format: string | undefined;
  /** A header: its text wraps between words. */
  wraps: boolean;
}

function placed(spec: SheetSpec): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const block of spec.blocks) {
    const start = parseCell(block.at);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const format = Array.isArray(block.numberFormat) ? block.numberFormat[c] : block.numberFormat;
        out.set(`${start.row + r},${start.column + c}`, { cell, style: block.style, format, wraps: block.style === "header" });
      }),
    );
  }
  for (const table of spec.tables) {
    const start = parseCell(table.at);
    table.columns.forEach((column, c) => {
      out.set(`${start.row},${start.column + c}`, { cell: { text: column.header }, style: "header", format: undefined, wraps: true });
      table.rows.forEach((row, r) =>
        out.set(`${start.row + 1 + r},${start.column + c}`, { cell: row[c] ?? null, style: undefined, format: column.numberFormat, wraps: false }),
      );
    });
  }
  return out;
}

/** Pixels of a text in a cell's font, from the font file: bold for the bold styles, italic for notes. */
function measure(text: string, style: CellStyle | undefined): number {
  const font = fontOf(style);
  const metrics: FontMetrics = carlito({ bold: font.bold, italic: style === "note" });
  let units = 0;
  for (const ch of text) units += metrics.advance(ch) ?? metrics.unitsPerEm;
  return (units / metrics.unitsPerEm) * font.size * (96 / 72);
}

/** A number as its format shows it, near enough to measure: grouping, decimals, %, quoted units. */
function shown(value: number, format: string | undefined): string {
  const f = format ?? "General";
  if (f === "General") return String(Math.round(value * 1e6) / 1e6);
  const percent = f.includes("%");
  const decimals = /\.(0+)/.exec(f)?.[1]?.length ?? 0;
  const number = (percent ? value * 100 : value).toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: f.includes("#,##"),
  });
  const units = [...f.matchAll(/"([^"]*)"/g)].map((m) => m[1]).join("");
  return `${number}${percent ? "%" : ""}${units}`;
}

const filled = (p: Placed | undefined): boolean =>
  p !== undefined && p.cell !== null && !(typeof p.cell === "object" && isText(p.cell) && p.cell.text === "");

describe("the width tables are Carlito's, from the font file", () => {
  test("every character, regular and bold", () => {
    for (const bold of [false, true]) {
      const metrics = carlito({ bold, italic: false });
      for (const ch of CHARACTERS) {
        const font = { bold, size: 11 };
        expect(textPixels(ch, font)).toBeCloseTo((((metrics.advance(ch) as number) / metrics.unitsPerEm) * 11 * 96) / 72, 9);
      }
    }
  });
});

describe("nothing is cut off", () => {
  test("a text with a filled neighbour fits its column; a text over empty cells ends inside the print area; a header wraps between words within its row", () => {
    const problems: string[] = [];
    for (const [name, sheet] of each()) {
      const spec = sheet.spec;
      const cells = placed(spec);
      const widths = spec.columnWidths ?? {};
      const heights = rowHeightsOf(spec);
      const area = (spec.print?.area ?? "A1:A1").split(":").map((a) => parseCell(a)) as [{ row: number; column: number }, { row: number; column: number }];
      const px = (column: number): number => columnPixels(widths[cellAddress(0, column).replace(/\d+/, "")] ?? 8.43);
      // Cells under a chart count as filled: a text running under a chart is hidden by it.
      const underChart = (row: number, column: number): boolean =>
        spec.charts.some((chart) => {
          const at = parseCell(chart.at);
          return row >= at.row && row < at.row + chart.heightRows && column >= at.column && column < at.column + chart.widthColumns;
        });
      for (const [key, p] of cells) {
        const [row, column] = key.split(",").map(Number) as [number, number];
        const where = `${name} ${cellAddress(row, column)}`;
        if (typeof p.cell === "number") {
          const text = shown(p.cell, p.format);
          if (measure(text, p.style) + CELL_PADDING_PIXELS > px(column)) problems.push(`${where}: ${text} shows as ###`);
          continue;
        }
        if (p.cell === null || typeof p.cell !== "object" || !isText(p.cell) || p.cell.text === "") continue;
        const text = p.cell.text;
        if (p.wraps) {
          const words = text.split(" ");
          const long = words.find((word) => measure(word, p.style) + CELL_PADDING_PIXELS > px(column));
          if (long !== undefined) problems.push(`${where}: the header word '${long}' of '${text}' is cut`);
          // Lines as the header wraps, greedily, against the row's height.
          let lines = 1;
          let line = "";
          for (const word of words) {
            const next = line === "" ? word : `${line} ${word}`;
            if (line !== "" && measure(next, p.style) + CELL_PADDING_PIXELS > px(column)) {
              lines++;
              line = word;
            } else line = next;
          }
          const points = heights[row + 1] ?? ROW_POINTS;
          if (lines * ROW_POINTS > points + 0.01) problems.push(`${where}: '${text}' wraps into ${lines} lines, its row holds ${points / ROW_POINTS}`);
          continue;
        }
        const needed = measure(text, p.style) + CELL_PADDING_PIXELS;
        const next = `${row},${column + 1}`;
        if (filled(cells.get(next)) || underChart(row, column + 1)) {
          if (needed > px(column)) problems.push(`${where}: '${text}' is cut by its neighbour`);
          continue;
        }
        // Runs over the empty cells to its right: inside the print area when it starts there.
        if (row < area[0].row || row > area[1].row || column > area[1].column) continue;
        let room = px(column);
        let c = column + 1;
        while (room < needed && c <= area[1].column && !filled(cells.get(`${row},${c}`)) && !underChart(row, c)) room += px(c++);
        if (room < needed) problems.push(`${where}: '${text}' runs past ${c > area[1].column ? "the print area" : "a filled cell"}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** Functions of Excel 2016 that LibreOffice 7.4 computes too: the only ones a builder writes. */
const HOST_FUNCTIONS = new Set([
  "ABS", "AND", "AVERAGE", "DATE", "IF", "INDEX", "INT", "ISNA", "ISNUMBER", "ISOWEEKNUM", "LARGE", "MATCH", "MAX", "MIN", "MOD",
  "N", "NA", "NOT", "OR", "RIGHT", "ROUND", "ROUNDUP", "SUM", "SUMIFS", "SUMPRODUCT", "TEXT", "WEEKDAY", "YEAR",
  // The forecast's check numbers the history's cells: ROW down a column, COLUMN along a row.
  "ROW", "COLUMN",
]);

describe("formulas every host computes", () => {
  test("only functions of Excel 2016 and LibreOffice 7.4; no formula in a text-formatted cell", () => {
    const used = new Set<string>();
    const problems: string[] = [];
    for (const [name, sheet] of each()) {
      for (const [key, p] of placed(sheet.spec)) {
        if (p.cell === null || typeof p.cell !== "object" || !isFormula(p.cell)) continue;
        const [row, column] = key.split(",").map(Number) as [number, number];
        for (const fn of functionNames(p.cell.formula)) used.add(fn);
        // Excel keeps a formula typed into a text-formatted cell as text, uncomputed.
        if (p.format === "@") problems.push(`${name} ${cellAddress(row, column)}: a formula in a text cell`);
      }
      for (const rule of sheet.spec.conditionalFormats ?? []) for (const fn of functionNames(rule.formula)) used.add(fn);
    }
    expect(problems).toEqual([]);
    expect([...used].filter((fn) => UNSUPPORTED_FUNCTIONS.has(fn))).toEqual([]);
    expect([...used].filter((fn) => !HOST_FUNCTIONS.has(fn)).sort()).toEqual([]);
    // The live ISO week (Excel 2013+, LibreOffice 5.1+) is among them.
    expect(used.has("ISOWEEKNUM")).toBe(true);
    expect(isoWeekLabel(JAN_1)).toBe("2024-W01");
  });

  test("dates are typed date cells, never text", () => {
    for (const [, sheet] of each()) {
      for (const [, p] of placed(sheet.spec)) {
        if (p.cell !== null && typeof p.cell === "object" && isDate(p.cell)) expect(p.format ?? "").toMatch(/yyyy|d/);
        if (p.cell !== null && typeof p.cell === "object" && isText(p.cell)) expect(p.cell.text).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });
});

describe("printed on A4 landscape, one page wide", () => {
  test("text and charts at 8 pt or more, in Excel and in LibreOffice (which prints ~6% smaller)", () => {
    for (const [name, sheet] of each()) {
      const spec = sheet.spec;
      const right = parseCell((spec.print?.area ?? "").split(":")[1] as string).column;
      const excel = printScale(widthsOf(spec.columnWidths ?? {}, 0, right));
      const libreOffice = excel / LIBREOFFICE_WIDER;
      for (const [label, points] of [["cells", 11], ["charts", CHART_FONT_POINTS]] as const) {
        if (points * libreOffice < MIN_PRINTED_POINTS) throw new Error(`${name}: ${label} print at ${(points * libreOffice).toFixed(2)} pt in LibreOffice`);
      }
    }
  });

  test("the planned pages keep the issue's budgets: Prognose ≤ 3 (≤ 5 with sections), Voortgang ≤ 3, What-if ≤ 3, for the sample's 52 weeks", () => {
    for (const [name, sheets] of built) {
      if (!name.includes("52 weeks") && !name.includes("sample")) continue;
      const withSections = name.includes("sample");
      const pages = Object.fromEntries(sheets.map((s) => [s.kind, (s.spec.print?.breaksBefore?.length ?? 0) + 1]));
      const budget = { projection: withSections ? 5 : 3, whatIf: 3, monitoring: 3 };
      const over = Object.entries(pages).filter(([kind, n]) => n > budget[kind as keyof typeof budget]);
      expect({ name, over }).toEqual({ name, over: [] });
    }
  });

  test("every sheet has its header, footer and print area; Prognose and Voortgang repeat and freeze the table's header; the what-if freezes no rows", () => {
    for (const [name, sheet] of each()) {
      const print = sheet.spec.print;
      expect(print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true });
      expect(print?.made).toMatch(name.includes(", nl") ? /^gemaakt op 2024-01-15$/ : /^made on 2024-01-15$/);
      if (sheet.kind === "whatIf") expect(sheet.spec.freeze?.rows ?? 0).toBe(0);
      else if (sheet.kind === "baseline") {
        // The baseline (issue 23): its weekly table's header, under its inputs, repeated and frozen.
        const rows = sheet.spec.freeze?.rows ?? 0;
        expect(rows).toBeGreaterThan(4);
        expect(print?.titleRows).toEqual({ first: rows, last: rows });
      } else {
        expect(print?.titleRows).toEqual({ first: 4, last: 4 });
        expect(sheet.spec.freeze).toEqual({ rows: 4, columns: 0 });
      }
    }
  });
});
