/** The sentences `npm run plan` prints, in Dutch and English. Input-cell problems use ../sheets/messages; the usage is usage.ts. */
import { formatNumber } from "../sheets/uncertaintyBlock";
import { dataOnlyReference, INPUT_TEXT, type Language } from "../sheets/messages";
import { describeIntakeHistoryProblem, HISTORY_INPUT_TEXT } from "../sheets/historyMessages";
import type { IntakeHistoryProblem } from "../sheets/intakeHistory";
import type { NameProblem } from "../hosts/xlsx";
import { SETTING_FLAGS, SETTING_NAMES, SettingKey, SettingProblem, SettingSource } from "../plan/settings";

/** A sentence for a problem with the workbook's defined names. */
export function describeNameProblem(problem: NameProblem, language: Language): string {
  const what =
    problem.input in SETTING_NAMES
      ? SETTING_TEXT[language][problem.input as SettingKey]
      : problem.input in HISTORY_INPUT_TEXT[language]
        ? HISTORY_INPUT_TEXT[language][problem.input as IntakeHistoryProblem["input"]]
        : INPUT_TEXT[language][problem.input as keyof (typeof INPUT_TEXT)["nl"]];
  switch (problem.code) {
    case "missing": {
      // Dutch users see the Dutch name first.
      const [english, dutch] = problem.names;
      // The intake may also come from a history's forecast (issue 24).
      const orHistory =
        problem.input !== "intake"
          ? ""
          : language === "nl"
            ? ", of geef een instroomhistorie de naam InstroomHistorie (of IntakeHistory): dan rekent het plan met de prognose daaruit"
            : ", or give an intake history the name IntakeHistory (or InstroomHistorie): the plan then uses its forecast";
      return language === "nl"
        ? `De werkmap heeft geen naam voor ${what}: geef de cel(len) met ${what} de werkmapnaam ${dutch} (of ${english})${orHistory}.`
        : `The workbook has no name for ${what}: give the cell(s) holding ${what} the workbook-level name ${english} (or ${dutch})${orHistory}.`;
    }
    case "unsupported":
      return language === "nl"
        ? `De naam ${problem.name} verwijst naar '${problem.formula}'; laat hem naar één cel, kolom of rij met ${what} verwijzen.`
        : `The name ${problem.name} refers to '${problem.formula}'; make it refer to one cell, column or row holding ${what}.`;
    case "no-sheet":
      return language === "nl"
        ? `De naam ${problem.name} verwijst naar het blad '${problem.sheet}', maar dat blad bestaat niet.`
        : `The name ${problem.name} refers to the sheet '${problem.sheet}', which does not exist.`;
    case "no-result":
      return language === "nl"
        ? `${problem.address} bevat een formule zonder opgeslagen uitkomst; open de werkmap in Excel en sla hem op, zodat de uitkomst bewaard wordt.`
        : `${problem.address} holds a formula without a saved result; open the workbook in Excel and save it so the result is stored.`;
    case "not-one-cell":
      return language === "nl"
        ? `De naam ${problem.name} verwijst naar ${problem.address}; laat hem naar één cel met ${what} verwijzen.`
        : `The name ${problem.name} refers to ${problem.address}; make it refer to one cell holding ${what}.`;
    default:
      return describeReadingProblem(problem, what, language);
  }
}

/** "'Invoer' en 'Oud'" / "'Invoer' and 'Oud'". */
function listed(items: readonly string[], language: Language): string {
  const quoted = items.map((item) => `'${item}'`);
  if (quoted.length < 2) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${language === "nl" ? "en" : "and"} ${quoted.at(-1) as string}`;
}

/** The sentences for names that point where nothing can be read: other workbooks, chart sheets, tables. */
function describeReadingProblem(
  problem: Extract<
    NameProblem,
    { code: "other-workbook" | "not-worksheet" | "sheet-scoped" | "no-table" | "no-column" | "not-table-data" }
  >,
  what: string,
  language: Language,
): string {
  const nl = language === "nl";
  switch (problem.code) {
    case "other-workbook":
      return nl
        ? `De naam ${problem.name} verwijst naar een andere werkmap ('${problem.formula}'); de Voorraadplanner leest alleen deze werkmap. Zet ${what} in deze werkmap en laat de naam daarnaar verwijzen.`
        : `The name ${problem.name} refers to another workbook ('${problem.formula}'); the Backlog Planner reads only this workbook. Put ${what} in this workbook and make the name refer to it.`;
    case "not-worksheet": {
      const chart = problem.kind === "chartsheet";
      return nl
        ? `De naam ${problem.name} verwijst naar het blad '${problem.sheet}', maar dat is ${chart ? "een grafiekblad" : "een blad"} zonder cellen; laat hem naar de cellen met ${what} op een werkblad verwijzen.`
        : `The name ${problem.name} refers to the sheet '${problem.sheet}', which is ${chart ? "a chart sheet" : "a sheet"} without cells; make it refer to the cells holding ${what} on a worksheet.`;
    }
    case "sheet-scoped":
      return nl
        ? `De naam ${problem.name} bestaat alleen per blad (op de bladen ${listed(problem.sheets, language)}), niet voor de hele werkmap, dus het is niet duidelijk welke bedoeld is. Maak hem werkmapbreed: verwijder de bladnamen in Formules > Namen beheren en maak de naam opnieuw met als bereik 'Werkmap'.`
        : `The name ${problem.name} exists only per sheet (on the sheets ${listed(problem.sheets, language)}), not for the whole workbook, so it is unclear which one is meant. Make it workbook-wide: delete the sheet-level names in Formulas > Name Manager and create the name again with the scope 'Workbook'.`;
    case "no-table":
      return nl
        ? `De naam ${problem.name} verwijst naar de tabel ${problem.table}, maar die bestaat niet in deze werkmap.`
        : `The name ${problem.name} refers to the table ${problem.table}, which does not exist in this workbook.`;
    case "no-column":
      return nl
        ? `De naam ${problem.name} verwijst naar de kolom '${problem.column}' van de tabel ${problem.table}, maar die tabel heeft alleen de kolommen ${listed(problem.columns, language)}.`
        : `The name ${problem.name} refers to the column '${problem.column}' of the table ${problem.table}, which only has the columns ${listed(problem.columns, language)}.`;
    case "not-table-data": {
      const example = dataOnlyReference(problem.formula, language);
      return nl
        ? `De naam ${problem.name} verwijst naar '${problem.formula}' en neemt daarmee de kop- of totaalrij van een tabel mee, waar geen weekcijfers staan; laat hem naar alleen de gegevens van een kolom verwijzen, zoals ${example}.`
        : `The name ${problem.name} refers to '${problem.formula}', which takes in a table's header or totals row, where there are no weekly figures; make it refer to a column's data only, such as ${example}.`;
    }
  }
}

/** What each setting is, in a sentence. */
const SETTING_TEXT: Record<Language, Record<SettingKey, string>> = {
  nl: {
    uncertainty: "de onzekerheid aan of uit",
    runs: "het aantal simulaties",
    seed: "het startgetal",
    intakeLevelSpread: "de spreiding van het instroomniveau",
    target: "de doelvoorraad",
    tracks: "de sporen aan of uit",
    fastShare: "het aandeel triage (Ter Apel)",
    safeShare: "het aandeel spoor 2",
    fastLeadTime: "de doorlooptijd van triage (Ter Apel)",
    triagedOpening: "het getrieerde deel van de beginvoorraad",
    historyPeriods: "het aantal perioden per jaar van de instroomhistorie",
    weeks: "de horizon in weken",
    decisionsPerFte: "het aantal beslissingen per fte per week",
    triageStaffIsNew: "of de extra fte van triage nieuw personeel zijn",
  },
  en: {
    uncertainty: "the uncertainty on or off",
    runs: "the number of runs",
    seed: "the seed",
    intakeLevelSpread: "the intake level spread",
    target: "the target backlog",
    tracks: "the tracks on or off",
    fastShare: "the triage (Ter Apel) share",
    safeShare: "track 2's share",
    fastLeadTime: "the triage (Ter Apel) lead time",
    triagedOpening: "the triaged part of the opening backlog",
    historyPeriods: "the intake history's periods per year",
    weeks: "the horizon in weeks",
    decisionsPerFte: "the decisions per fte per week",
    triageStaffIsNew: "whether triage's extra fte are new staff",
  },
};

/** "--runs" or "de naam Simulaties" / "the name Runs". */
function sourceText(source: SettingSource, language: Language): string {
  if ("flag" in source) return source.flag;
  return language === "nl" ? `de naam ${source.name}` : `the name ${source.name}`;
}

/** "--safe-share (of de naam AandeelSpoor2)": where a setting can be given. */
function whereToGive(key: SettingKey, language: Language): string {
  const [english, dutch] = SETTING_NAMES[key];
  return language === "nl"
    ? `${SETTING_FLAGS[key]} (of de naam ${dutch} of ${english})`
    : `${SETTING_FLAGS[key]} (or the name ${english} or ${dutch})`;
}

/**
 * One sentence for a wrong setting, naming the flag or defined name it came from.
 *
 * @example
 * describeSettingProblem({ kind: "switch", source: { name: "Sporen" }, text: "misschien" }, "nl")
 * // → "De naam Sporen moet WAAR of ONWAAR (of 1 of 0) zijn, niet 'misschien'."
 */
export function describeSettingProblem(problem: SettingProblem, language: Language): string {
  const nl = language === "nl";
  if (problem.kind !== "option") {
    const source = sourceText(problem.source, language);
    const subject = source.charAt(0).toUpperCase() + source.slice(1);
    if (problem.kind === "switch")
      return nl
        ? `${subject} moet WAAR of ONWAAR (of 1 of 0) zijn, niet '${problem.text}'.`
        : `${subject} must be TRUE or FALSE (or 1 or 0), not '${problem.text}'.`;
    if (problem.kind === "weeks")
      return nl
        ? `${subject} moet een heel aantal weken zijn, 1 of meer, niet '${problem.text}'.`
        : `${subject} must be a whole number of weeks, 1 or more, not '${problem.text}'.`;
    if (problem.kind === "decisions-per-fte")
      return nl
        ? `${subject} moet een aantal beslissingen per fte per week groter dan 0 zijn, bijvoorbeeld 1,5, niet '${problem.text}'.`
        : `${subject} must be a number of decisions per fte per week above 0, for example 1.5, not '${problem.text}'.`;
    return nl
      ? `${subject} moet een aantal zaken van 0 of meer zijn, niet '${problem.text}'.`
      : `${subject} must be a number of cases, 0 or more, not '${problem.text}'.`;
  }
  const option = problem.problem;
  // The intake history's sentences name its cells themselves.
  if (option.kind === "intake-history") return describeIntakeHistoryProblem(option.problem, language);
  if (option.kind === "forecast-level-spread" || option.kind === "forecast-model") return describeForecastConflict(option, problem.source, language);
  const key = option.field as SettingKey;
  const named = problem.source !== undefined ? sourceText(problem.source, language) : whereToGive(key, language);
  const subject = named.charAt(0).toUpperCase() + named.slice(1);
  const number = (value: number): string => formatNumber(value, language);
  switch (option.kind) {
    case "not-a-number":
      return nl ? `${subject}: '${option.text}' is geen getal.` : `${subject}: '${option.text}' is not a number.`;
    case "not-whole":
      return nl
        ? `${subject}: '${option.text}' is geen geheel getal.`
        : `${subject}: '${option.text}' is not a whole number.`;
    case "out-of-range":
      return nl
        ? `${subject} moet tussen ${number(option.min)} en ${number(option.max)} liggen, niet '${option.text}'.`
        : `${subject} must be between ${number(option.min)} and ${number(option.max)}, not '${option.text}'.`;
    case "share-range":
      return nl
        ? `${subject} moet een aandeel van 0 tot 1 zijn (of 0% tot 100%), niet '${option.text}'.`
        : `${subject} must be a share from 0 to 1 (or 0% to 100%), not '${option.text}'.`;
    case "shares-sum":
      return nl
        ? `Het aandeel triage (Ter Apel) en het aandeel spoor 2 zijn samen ${number(option.sum * 100)}%, meer dan 100%; verlaag ${named}.`
        : `The triage (Ter Apel) share and track 2's share add up to ${number(option.sum * 100)}%, more than 100%; lower ${named}.`;
    case "required":
      return nl
        ? `De sporen hebben het aandeel spoor 2 (veilige landen) nodig: geef ${whereToGive("safeShare", language)}, bijvoorbeeld 0,2 of 20%.`
        : `The tracks need track 2's (safe countries) share: give ${whereToGive("safeShare", language)}, for example 0.2 or 20%.`;
    case "too-much-work":
      return nl
        ? `${number(option.runs)} simulaties van ${option.weeks} weken is meer dan ${number(option.max)} simulatieweken; verlaag ${named}.`
        : `${number(option.runs)} runs of ${option.weeks} weeks is more than ${number(option.max)} run-weeks; lower ${named}.`;
    case "history-cells":
      // The command line has no history intake model; the pane reads it.
      return nl ? `De instroomhistorie is niet bruikbaar (${option.address}).` : `The intake history is not usable (${option.address}).`;
    case "history-periods":
      return nl
        ? `${subject} moet 52 (weekcijfers) of 12 (maandcijfers) zijn, niet '${option.text}'.`
        : `${subject} must be 52 (weekly figures) or 12 (monthly figures), not '${option.text}'.`;
  }
}

/**
 * A setting that the forecast intake replaces: the intake level spread (the forecast's own
 * uncertainty takes its place) or an intake model other than Poisson. The command line has no
 * intake model choice, so that one only comes from the pane; the sentence is the same.
 */
function describeForecastConflict(
  option: Extract<SettingProblem, { kind: "option" }>["problem"] & { kind: "forecast-level-spread" | "forecast-model" },
  source: SettingSource | undefined,
  language: Language,
): string {
  const nl = language === "nl";
  if (option.kind === "forecast-model") {
    return nl
      ? "De instroom komt uit de prognose van de instroomhistorie, met de eigen onzekerheid van de prognose; kies daarbij het instroommodel Poisson (of Vast), niet een ander."
      : "The intake comes from the intake history's forecast, with the forecast's own uncertainty; choose the Poisson (or Fixed) intake model with it, not another.";
  }
  const named = source !== undefined ? sourceText(source, language) : whereToGive("intakeLevelSpread", language);
  return nl
    ? `De instroom komt uit de prognose van de instroomhistorie, en de onzekerheid van de prognose neemt de plaats in van de spreiding van het instroomniveau; laat ${named} weg (of geef zelf de instroom).`
    : `The intake comes from the intake history's forecast, and the forecast's own uncertainty takes the place of the intake level spread; leave out ${named} (or give the intake yourself).`;
}

export const CLI_TEXT = {
  nl: {
    unknownOption: (option: string) => `Onbekende optie ${option}.`,
    missingValue: (option: string) => `${option} heeft een waarde nodig.`,
    badLanguage: (value: string) => `--lang moet nl of en zijn, niet '${value}'.`,
    badDate: (value: string) => `--date moet een datum als 2024-01-15 zijn, niet '${value}'.`,
    noInput: (file: string) => `Het invoerbestand ${file} bestaat niet.`,
    sameFile: (file: string) =>
      `--out is hetzelfde bestand als --in (${file}); de invoer wordt nooit overschreven. Kies een ander uitvoerbestand.`,
    exists: (file: string) => `${file} bestaat al; geef --force om het te overschrijven, of kies een ander --out.`,
    notWorkbook: (file: string, reason: string) => `${file} is geen leesbare .xlsx-werkmap (${reason}).`,
    engine: (message: string) => `De prognose kan niet worden berekend: ${message}`,
    notFinite: (sheet: string, cell: string) =>
      `De prognose kan niet worden berekend: cel ${cell} van het blad ${sheet} zou geen eindig getal bevatten. Kijk de invoer na op uitzonderlijk grote of kleine getallen.`,
    never: "nooit",
    summary: (weeks: number, backlog: string, clear: string, file: string, target = "") =>
      `Voorraad na ${weeks} weken: ${backlog}; weken tot voorraad nul: ${clear}${target === "" ? "" : `; ${target}`}. Geschreven: ${file}`,
    uncertainty: (low: string, median: string, high: string, runs: string, seed: number) =>
      `Onzekerheid: voorraad aan het einde P10–P90 ${low} – ${high}, mediaan ${median} (${runs} simulaties, startgetal ${seed}).`,
    tracks: (fast: string, safe: string, regular: string) =>
      `Sporen: voorraad aan het einde triage (Ter Apel) ${fast}, spoor 2 ${safe}, spoor 4 ${regular}.`,
    monitoring: (sheet: string, week: number, actual: string, difference: string, end: string, atPace: string) =>
      `Voortgang (blad ${sheet}): week ${week}, gerealiseerde voorraad ${actual}, ${difference} t.o.v. plan; herprognose voorraad aan het einde ${end} bij geplande capaciteit, ${atPace} in het huidige tempo.`,
    baseline: (sheet: string, day: string, made: boolean) =>
      made
        ? `Basislijn: het plan van vandaag (${day}) is vastgelegd op het blad ${sheet}; volgende runs op dit bestand vergelijken daarmee.`
        : `Basislijn: vergeleken met het plan van ${day} (blad ${sheet}); --new-baseline legt het plan van vandaag vast.`,
    badBaseline: (table: string) =>
      `De basislijn in de tabel ${table} is niet te lezen (een cel is geen getal, of de weken staan niet op volgorde); herstel de tabel, of leg met --new-baseline een nieuwe vast.`,
    sampleActuals: "Let op: verzonnen voorbeeldcijfers, geen IND-cijfers.",
    exampleSetting: "Let op: het aandeel spoor 2 is een voorbeeldwaarde, niet uit de nota.",
    constructedHistory: "Let op: de historie van het voorbeeld is geconstrueerd uit de jaartotalen van de nota, geen IND-cijfers.",
  },
  en: {
    unknownOption: (option: string) => `Unknown option ${option}.`,
    missingValue: (option: string) => `${option} needs a value.`,
    badLanguage: (value: string) => `--lang must be nl or en, not '${value}'.`,
    badDate: (value: string) => `--date must be a date like 2024-01-15, not '${value}'.`,
    noInput: (file: string) => `The input file ${file} does not exist.`,
    sameFile: (file: string) =>
      `--out is the same file as --in (${file}); the input is never overwritten. Choose another output file.`,
    exists: (file: string) => `${file} already exists; add --force to overwrite it, or choose another --out.`,
    notWorkbook: (file: string, reason: string) => `${file} is not a readable .xlsx workbook (${reason}).`,
    engine: (message: string) => `The projection cannot be computed: ${message}`,
    notFinite: (sheet: string, cell: string) =>
      `The projection cannot be computed: cell ${cell} of the sheet ${sheet} would not hold a finite number. Check the inputs for extremely large or small figures.`,
    never: "never",
    summary: (weeks: number, backlog: string, clear: string, file: string, target = "") =>
      `Backlog after ${weeks} weeks: ${backlog}; weeks to clear: ${clear}${target === "" ? "" : `; ${target}`}. Written: ${file}`,
    uncertainty: (low: string, median: string, high: string, runs: string, seed: number) =>
      `Uncertainty: backlog at the horizon P10–P90 ${low} – ${high}, median ${median} (${runs} runs, seed ${seed}).`,
    tracks: (fast: string, safe: string, regular: string) =>
      `Tracks: backlog at the horizon triage (Ter Apel) ${fast}, track 2 ${safe}, track 4 ${regular}.`,
    monitoring: (sheet: string, week: number, actual: string, difference: string, end: string, atPace: string) =>
      `Progress (sheet ${sheet}): week ${week}, actual backlog ${actual}, ${difference} against plan; re-forecast backlog at the horizon ${end} at the planned capacity, ${atPace} at the current pace.`,
    baseline: (sheet: string, day: string, made: boolean) =>
      made
        ? `Baseline: today's plan (${day}) is stored on the sheet ${sheet}; later runs on this file compare with it.`
        : `Baseline: compared with the plan of ${day} (sheet ${sheet}); --new-baseline stores today's plan.`,
    badBaseline: (table: string) =>
      `The baseline in the table ${table} cannot be read (a cell is not a number, or the weeks are out of order); repair the table, or store a new one with --new-baseline.`,
    sampleActuals: "Note: invented sample figures, not IND data.",
    exampleSetting: "Note: track 2's share is an example value, not from the memo.",
    constructedHistory: "Note: the sample's history is constructed from the memo's yearly totals, not IND data.",
  },
} as const;
