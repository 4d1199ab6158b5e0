/**
 * The sample's `npm run plan` output printed: LibreOffice renders every sheet to PDF (A4
 * landscape, one page wide, as each sheet's page setup says) and pdftotext reads the pages
 * back. Each page is the sheet its header names. The page budgets of the issue hold, each
 * sheet's summary chart is on its first page, every page says "pagina X van Y", and no error
 * value (#N/A, #VALUE!, …, LibreOffice's Err:) or cut-off number (###) is printed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { convert, findSoffice, pdfPages } from "../helpers/libreoffice";
import { runCli } from "../cli/planHelpers";

type Sheet = "invoer" | "history" | "projection" | "whatIf" | "monitoring" | "baseline";

/** Each sheet's title, as its page header starts, and its first chart's title. */
const SHEETS: Record<"nl" | "en", Record<Sheet, { header: RegExp; chart?: string }>> = {
  nl: {
    invoer: { header: /^Invoer voor de Voorraadplanner/ },
    // The sample's constructed intake history (issue 24), an input sheet of its own.
    history: { header: /^Instroomhistorie \(geconstrueerd, geen IND-cijfers\)/ },
    projection: { header: /^Prognose voorraad opvolgende asielaanvragen/, chart: "Voorraad en wekelijkse stromen" },
    whatIf: { header: /^What-if: voorraad opvolgende asielaanvragen/, chart: "Voorraad per week per scenario" },
    monitoring: { header: /^Voortgang: plan tegen werkelijkheid/, chart: "Voorraad: plan, band P10–P90, gerealiseerd en" },
    // The first Voortgang's baseline (issue 23): fixed values, no chart.
    baseline: { header: /^Basislijn van \d{4}-\d{2}-\d{2}: het plan waartegen Voortgang meet/ },
  },
  en: {
    invoer: { header: /^Invoer voor de Voorraadplanner/ },
    history: { header: /^Instroomhistorie \(geconstrueerd, geen IND-cijfers\)/ },
    projection: { header: /^Backlog projection, subsequent asylum applications/, chart: "Backlog and weekly flows" },
    whatIf: { header: /^What-if: backlog of subsequent asylum applications/, chart: "Backlog per week by scenario" },
    monitoring: { header: /^Progress: plan against actuals/, chart: "Backlog: plan, P10–P90 band, actual and re-" },
    baseline: { header: /^Baseline of \d{4}-\d{2}-\d{2}: the plan Progress measures against/ },
  },
};

/** The history sheet: 156 weeks in one column, portrait, its header repeated (no budget in the issue; 4 pages). */
const RUNS = {
  plain: { flags: [] as string[], language: "nl" as const, budget: { invoer: 2, history: 4, projection: 3, whatIf: 3, monitoring: 3, baseline: 3 } },
  sections: { flags: ["--uncertainty", "--tracks"], language: "nl" as const, budget: { invoer: 2, history: 4, projection: 5, whatIf: 3, monitoring: 3, baseline: 3 } },
  english: { flags: ["--uncertainty", "--tracks", "--lang", "en"], language: "en" as const, budget: { invoer: 2, history: 4, projection: 5, whatIf: 3, monitoring: 3, baseline: 3 } },
};
type Run = keyof typeof RUNS;

let dir: string;
const pages = {} as Record<Run, string[]>;

beforeAll(async () => {
  findSoffice();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "print-lo-"));
  const xlsx: string[] = [];
  for (const [name, run] of Object.entries(RUNS)) {
    const out = path.join(dir, `${name}.xlsx`);
    const result = await runCli(dir, [...run.flags, "--out", out]);
    if (result.code !== 0) throw new Error(result.stderr.join("\n"));
    xlsx.push(out);
  }
  // One launch for all three: every sheet of a workbook goes into its PDF.
  const pdf = await convert(xlsx, "pdf", path.join(dir, "pdf"));
  for (const name of Object.keys(RUNS) as Run[]) pages[name] = pdfPages(path.join(pdf, `${name}.pdf`));
}, 240_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The sheet whose title heads the page (its first non-blank line is the header). */
function sheetOf(page: string, language: "nl" | "en"): Sheet {
  const head = page.split("\n").find((line) => line.trim() !== "")?.trim() ?? "";
  const found = (Object.keys(SHEETS[language]) as Sheet[]).find((sheet) => SHEETS[language][sheet].header.test(head));
  if (!found) throw new Error(`a page headed '${head}' belongs to no sheet`);
  return found;
}

describe.each(Object.keys(RUNS) as Run[])("npm run plan on the sample, %s, printed by LibreOffice", (name) => {
  const { language, budget, flags } = RUNS[name];

  test(`page budgets: Invoer ≤ ${budget.invoer}, Instroomhistorie ≤ ${budget.history}, Prognose ≤ ${budget.projection}, What-if ≤ ${budget.whatIf}, Voortgang ≤ ${budget.monitoring} (${flags.join(" ") || "no flags"})`, () => {
    const count: Record<Sheet, number> = { invoer: 0, history: 0, projection: 0, whatIf: 0, monitoring: 0, baseline: 0 };
    for (const page of pages[name]) count[sheetOf(page, language)]++;
    expect(Object.values(count).every((n) => n >= 1)).toBe(true);
    const over = (Object.keys(count) as Sheet[]).filter((sheet) => count[sheet] > budget[sheet]);
    expect({ count, over }).toEqual({ count, over: [] });
  });

  test("each sheet's summary chart on its first page; every page numbered 'pagina X van Y'", () => {
    const seen = new Set<Sheet>();
    const total = pages[name].length;
    pages[name].forEach((page, i) => {
      const sheet = sheetOf(page, language);
      const chart = SHEETS[language][sheet].chart;
      if (!seen.has(sheet) && chart !== undefined) expect(page.replace(/\s+/g, " ")).toContain(chart);
      seen.add(sheet);
      // The sample's own sheets (Invoer, Instroomhistorie) are Dutch whatever the run's language.
      const dutch = language === "nl" || sheet === "invoer" || sheet === "history";
      expect(page).toContain(dutch ? `pagina ${i + 1} van ${total}` : `page ${i + 1} of ${total}`);
    });
  });

  test("Prognose shows the forecast from the sample's constructed history beside the plan's 25 a week, as a comparison, said so on paper", () => {
    const projection = pages[name]
      .filter((page) => sheetOf(page, language) === "projection")
      .join("\n")
      .replace(/\s+/g, " ");
    const words =
      language === "nl"
        ? ["Instroomprognose ter vergelijking (niet in het plan)", "Ter vergelijking, niet in het plan", "Instroom per week: historie, prognose en interval P10–P90 (historie geconstrueerd)", "Historie ongewijzigd sinds de prognose van 2024-01-15."]
        : ["Intake forecast for comparison (not in the plan)", "For comparison, not in the plan", "Intake per week: history, forecast and P10–P90 interval (constructed history)", "History unchanged since the forecast of 2024-01-15."];
    for (const expected of words) expect(projection).toContain(expected);
  });

  test("no error value and no ### anywhere on paper", () => {
    const text = pages[name].join("\n");
    expect(text.match(/#N\/A|#VALUE!|#REF!|#NAME\?|#DIV\/0!|#NUM!|#NULL!|Err:\d+|###/g)).toBeNull();
  });
});
