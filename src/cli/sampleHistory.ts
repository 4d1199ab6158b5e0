/**
 * The sample's intake history (issue 24, item 6): a CONSTRUCTED weekly history of subsequent
 * applications for 2021–2023, not IND data. The memo gives only yearly totals (1810, 1530, 1390);
 * the weeks here add up to them exactly, ISO year by ISO year (52 weeks each, 2021-01-04 to
 * 2023-12-31). The expected intake of a week is a level × a season:
 *   - the level runs straight between the years' means (placed mid-year), set so that each year's
 *     expected total is the memo's;
 *   - the season's *shape* is borrowed from Eurostat's monthly subsequent applicants in the
 *     Netherlands, 2008–2019: each month's share of its year, averaged over the twelve years, as
 *     measured on ../shared/forecast-data/nl_asy_subsequent.csv (test/cli/sampleHistory.test.ts
 *     measures it again). Only these twelve ratios are taken, none of the counts.
 * Then Poisson counts from a fixed seed (the file is the same every time), rounded per ISO year to
 * the memo's total. The level does not wander from week to week, as real intake does: the memo
 * gives nothing to size that by, so the history shows no more than the memo says.
 * The sample keeps the memo's Intake of 25 a week, so its plan stays as it is: the forecast from
 * this history is shown beside the flat 25 as a comparison.
 */
import type ExcelJS from "exceljs";
import { createRng, dateSerial, dayOfSerial, drawPoisson, RandomGenerator } from "../engine";
import type { Language } from "../sheets/messages";
import { MARGINS_INCHES } from "../sheets/page";

/** The memo's subsequent applications per year. */
export const MEMO_YEAR_TOTALS: ReadonlyArray<{ year: number; total: number }> = [
  { year: 2021, total: 1810 },
  { year: 2022, total: 1530 },
  { year: 2023, total: 1390 },
];

/**
 * The season's shape, January to December: each month's intake ÷ its year's monthly mean,
 * averaged over 2008–2019, Eurostat subsequent applicants NL (rounded to 0.01).
 */
export const BORROWED_MONTH_SHAPE: readonly number[] = [0.98, 1.02, 0.99, 1.0, 0.93, 1.0, 0.98, 1.03, 1.07, 1.11, 0.96, 0.92];

/** Calibri on every styled cell, as the sample's other sheets: LibreOffice draws a nameless font as a serif. */
const FONT = { name: "Calibri", family: 2, size: 11 } as const;

/** Monday of ISO week 2021-W01. */
export const SAMPLE_HISTORY_START = dateSerial(2021, 1, 4);
export const SAMPLE_HISTORY_WEEKS = 52 * MEMO_YEAR_TOTALS.length;
const SEED = 2021;

/** The label beside the history, on the sheet and in the docs. */
export const SAMPLE_HISTORY_TEXT: Record<
  Language,
  { title: string; note: string; headers: [string, string, string]; total: (year: number) => string; header: string; page: string }
> = {
  nl: {
    title: "Instroomhistorie opvolgende aanvragen 2021–2023 (GECONSTRUEERD, geen IND-cijfers)",
    note:
      "Geconstrueerd voor het voorbeeld: de weken tellen per ISO-jaar op tot de jaartotalen uit de nota (1810, 1530, 1390). " +
      "De seizoensvorm is ontleend aan Eurostat-maandcijfers van opvolgende asielaanvragen in Nederland (2008–2019); het toeval per week is Poisson. " +
      "Het plan rekent met de instroom uit de nota (25 per week); de prognose uit deze historie staat er ter vergelijking naast.",
    headers: ["Week (maandag)", "ISO-week", "Instroom"],
    total: (year) => `Totaal ${year} (52 ISO-weken)`,
    header: "Instroomhistorie (geconstrueerd, geen IND-cijfers)",
    page: "pagina &P van &N",
  },
  en: {
    title: "Intake history of subsequent applications 2021–2023 (CONSTRUCTED, not IND data)",
    note:
      "Constructed for the sample: the weeks add up, per ISO year, to the memo's yearly totals (1810, 1530, 1390). " +
      "The season's shape is borrowed from Eurostat's monthly subsequent asylum applications in the Netherlands (2008–2019); the week-to-week chance is Poisson. " +
      "The plan uses the memo's intake (25 a week); the forecast from this history is shown beside it for comparison.",
    headers: ["Week (Monday)", "ISO week", "Intake"],
    total: (year) => `Total ${year} (52 ISO weeks)`,
    header: "Intake history (constructed, not IND data)",
    page: "page &P of &N",
  },
};

/** The season factor of a week: its seven days' months, averaged. */
function weekSeason(monday: number): number {
  let sum = 0;
  for (let d = 0; d < 7; d++) sum += BORROWED_MONTH_SHAPE[dayOfSerial(monday + d).month - 1] as number;
  return sum / 7;
}

/** The level in week w (0-based): straight between the anchors, placed mid-year, and on along the slope at the ends. */
function levelAt(anchors: readonly number[], w: number): number {
  const position = (w - 25.5) / 52; // 0 in the middle of the first year
  const i = Math.min(Math.max(Math.floor(position), 0), anchors.length - 2);
  const a = anchors[i] as number;
  const b = anchors[i + 1] as number;
  return a + (b - a) * (position - i);
}

/**
 * The expected intake per week: the anchors are moved until each year's expected total is the
 * memo's (a few rounds: each anchor mostly sets its own year).
 */
function expectedWeeks(): number[] {
  const shape = Array.from({ length: SAMPLE_HISTORY_WEEKS }, (_, w) => weekSeason(SAMPLE_HISTORY_START + 7 * w));
  const anchors = MEMO_YEAR_TOTALS.map((y) => y.total / 52);
  let expected: number[] = [];
  for (let round = 0; round < 100; round++) {
    expected = shape.map((f, w) => levelAt(anchors, w) * f);
    MEMO_YEAR_TOTALS.forEach(({ total }, y) => {
      const sum = expected.slice(52 * y, 52 * (y + 1)).reduce((s, v) => s + v, 0);
      anchors[y] = (anchors[y] as number) * (total / sum);
    });
  }
  return expected;
}

/** Whole numbers in proportion to `values` that add up to `total` exactly (largest remainder). */
function roundToTotal(values: readonly number[], total: number): number[] {
  const sum = values.reduce((s, v) => s + v, 0);
  const scaled = values.map((v) => (v * total) / sum);
  const whole = scaled.map(Math.floor);
  let left = total - whole.reduce((s, v) => s + v, 0);
  const order = scaled.map((v, i) => ({ i, rest: v - Math.floor(v) })).sort((x, y) => y.rest - x.rest || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    whole[i] = (whole[i] as number) + 1;
    left--;
  }
  return whole;
}

/**
 * The 156 weekly counts, oldest first, from 2021-01-04; each ISO year adds up to the memo's total.
 *
 * @example sampleIntakeHistory().slice(0, 52).reduce((a, b) => a + b) // 1810
 */
export function sampleIntakeHistory(rng: RandomGenerator = createRng(SEED)): number[] {
  const expected = expectedWeeks();
  const drawn = expected.map((mean) => drawPoisson(rng, mean));
  return MEMO_YEAR_TOTALS.flatMap(({ total }, y) => roundToTotal(drawn.slice(52 * y, 52 * (y + 1)), total));
}

/** "2021-W01" for week w (0-based) of the history: every ISO year here has 52 weeks. */
const isoWeek = (w: number): string => `${2021 + Math.floor(w / 52)}-W${String((w % 52) + 1).padStart(2, "0")}`;

/** The sheet's name: not "History", which Excel keeps for itself. */
export const SAMPLE_HISTORY_SHEET: Record<Language, string> = { nl: "Instroomhistorie", en: "Intake history" };

/**
 * Adds the constructed history to a workbook as its own sheet, labelled, with the names the plan
 * reads: InstroomHistorie and InstroomHistorieStart (or IntakeHistory, IntakeHistoryStart).
 * For `makeSampleWorkbook` (src/cli/sampleWorkbook.ts).
 */
export function addSampleHistory(wb: ExcelJS.Workbook, language: Language): void {
  const text = SAMPLE_HISTORY_TEXT[language];
  const sheet = SAMPLE_HISTORY_SHEET[language];
  const ws = wb.addWorksheet(sheet);
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 12;
  ws.getCell("A1").value = text.title;
  ws.getCell("A1").font = { ...FONT, bold: true, size: 14, color: { argb: "FFC00000" } };
  ws.getCell("A2").value = text.note;
  ws.getCell("A2").alignment = { wrapText: true, vertical: "top" };
  ws.mergeCells("A2:F2");
  ws.getRow(2).height = 75;
  const header = 4;
  text.headers.forEach((h, i) => {
    ws.getCell(header, i + 1).value = h;
    ws.getCell(header, i + 1).font = { ...FONT, bold: true };
  });
  const counts = sampleIntakeHistory();
  counts.forEach((count, w) => {
    const row = ws.getRow(header + 1 + w);
    row.getCell(1).value = SAMPLE_HISTORY_START + 7 * w;
    row.getCell(1).numFmt = "yyyy-mm-dd";
    row.getCell(2).value = isoWeek(w);
    row.getCell(3).value = count;
  });
  MEMO_YEAR_TOTALS.forEach(({ year }, y) => {
    ws.getCell(header + y, 5).value = text.total(year);
    ws.getCell(header + y, 6).value = counts.slice(52 * y, 52 * (y + 1)).reduce((s, v) => s + v, 0);
  });
  ws.getColumn(5).width = 26;
  const first = header + 1;
  const last = header + counts.length;
  const quoted = `'${sheet}'`;
  const [values, start] = language === "nl" ? ["InstroomHistorie", "InstroomHistorieStart"] : ["IntakeHistory", "IntakeHistoryStart"];
  wb.definedNames.add(`${quoted}!$C$${first}:$C$${last}`, values);
  wb.definedNames.add(`${quoted}!$A$${first}`, start);
  // Printed like the add-in's sheets: A4, one page wide (portrait: a long column), "constructed" on every page.
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: "portrait",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { ...MARGINS_INCHES },
    printArea: `A$1:F$${last}`,
    printTitlesRow: `${header}:${header}`,
  } as ExcelJS.PageSetup;
  ws.headerFooter = { oddHeader: `&L${text.header}`, oddFooter: `&R${text.page}` } as ExcelJS.HeaderFooter;
}
