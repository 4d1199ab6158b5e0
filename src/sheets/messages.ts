/**
 * Plain-language messages about the planner's inputs, in Dutch and English. Shared by the task
 * pane and `npm run plan`; the pane's own UI strings live in src/taskpane/strings.ts.
 */
import { isoDate, isoWeekLabel } from "./dates";
import { splitAddress, type ActualsProblem, type InputProblem, type ReadingNote, type SheetNameProblem } from "./inputs";
import { parseTableReference } from "./tableReference";

export type Language = "nl" | "en";

/** How a sentence names each input ("de instroom", "the intake"); the CLI uses it too. */
export const INPUT_TEXT: Record<Language, Record<(InputProblem | ActualsProblem)["input"], string>> = {
  nl: {
    opening: "de beginvoorraad",
    intake: "de instroom",
    capacity: "de capaciteit",
    uplift: "de opslag",
    firstWeek: "de eerste week",
    horizon: "de horizon",
    target: "de streefvoorraad",
    decisionsPerFte: "het aantal beslissingen per fte per week",
    triageStaffIsNew: "of de extra fte van triage nieuw personeel zijn",
    actualIntake: "de gerealiseerde instroom",
    actualDecisions: "de gerealiseerde afdoeningen",
    actualBacklog: "de getelde voorraad",
  },
  en: {
    opening: "the opening backlog",
    intake: "the intake",
    capacity: "the capacity",
    uplift: "the uplift",
    firstWeek: "the first week",
    horizon: "the horizon",
    target: "the target backlog",
    decisionsPerFte: "the decisions per fte per week",
    triageStaffIsNew: "whether triage's extra fte are new staff",
    actualIntake: "the actual intake",
    actualDecisions: "the actual decisions",
    actualBacklog: "the counted backlog",
  },
};

function shown(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** An uplift as the planner knows it: 0.1 → "10%"; anything else as shown in a cell. */
function percent(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? `${Math.round(value * 1000) / 10}%` : shown(value);
}

/** One sentence saying what is wrong and where. */
export function describeProblem(problem: InputProblem | ActualsProblem, language: Language): string {
  const text = sentenceFor(problem, language);
  // Without an address the sentence starts with a label ("the target backlog …"): capitalise it.
  // An address is left as Excel spells it ("invoer!C14" stays lower case).
  return problem.address === undefined ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** What every sentence about one input problem is built from. */
interface SentenceParts {
  problem: InputProblem | ActualsProblem;
  /** The cell or range, or the input's label when there is no address. */
  where: string;
  what: string;
  detail: Record<string, unknown>;
  got: string;
}

function sentenceFor(problem: InputProblem | ActualsProblem, language: Language): string {
  const parts: SentenceParts = {
    problem,
    where: problem.address ?? INPUT_TEXT[language][problem.input],
    what: INPUT_TEXT[language][problem.input],
    detail: problem.detail ?? {},
    got: shown(problem.got),
  };
  return language === "nl" ? dutchSentence(parts) : englishSentence(parts);
}

function dutchSentence({ problem, where, what, detail, got }: SentenceParts): string {
  switch (problem.code) {
    case "text":
      return `${where} bevat de tekst ${got}; er werd een getal verwacht.`;
    case "boolean":
      return `${where} bevat ${got}; er werd een getal verwacht.`;
    case "error-value":
      return `${where} bevat de foutwaarde ${String(problem.got)}; er werd een getal verwacht.`;
    case "negative":
      return `${where} bevat ${got}; er werd een getal van 0 of meer verwacht.`;
    case "not-finite":
      return `${where} bevat geen eindig getal.`;
    case "empty":
      return `${where} is leeg; vul ${what} in.`;
    case "shape":
      return `${where} is ${detail["rows"]} rijen × ${detail["columns"]} kolommen; kies één kolom of één rij voor ${what}.`;
    case "merged":
      return `${where} bevat samengevoegde cellen; hef de samenvoeging op of kies een ander bereik voor ${what}.`;
    case "not-a-date":
      return `${where} bevat ${got}, geen datum; typ een echte datum (bijvoorbeeld 1-1-2024) als eerste week.`;
    case "uplift-range":
      return `${problem.address ? `${problem.address}: d` : "D"}e opslag moet -100% of meer zijn, niet ${percent(problem.got)}.`;
    case "horizon-range":
      return `De horizon moet een heel aantal weken van 1 tot ${detail["max"]} zijn, niet ${got}.`;
    case "horizon-too-long":
      return `${where} heeft ${detail["weeks"]} weken; er mogen er hoogstens ${detail["max"]} zijn.`;
    case "length-mismatch":
      return `${where} heeft ${detail["capacity"]} weken capaciteit, maar de instroom heeft ${detail["intake"]} weken.`;
    case "too-large":
      return `${where}: de getallen zijn te groot om op te tellen tot een eindige voorraad.`;
    case "actuals-incomplete":
      return `${where} geeft ${what}, maar voor de voortgang zijn de gerealiseerde instroom (GerealiseerdeInstroom) en de gerealiseerde afdoeningen (GerealiseerdeAfdoeningen) allebei nodig.`;
    case "actuals-length":
      return `${where} heeft ${detail["weeks"]} weken ${what.replace(/^de /, "")}, maar de gerealiseerde instroom heeft ${detail["intake"]} weken; geef voor elke bekende week alle cijfers.`;
    case "actuals-too-long":
      return `${where} heeft ${detail["weeks"]} weken, meer dan de ${detail["plan"]} weken van het plan.`;
    case "no-actuals":
      return "Er zijn geen gerealiseerde cijfers: geef de kolommen met de instroom en de afdoeningen per week de namen GerealiseerdeInstroom en GerealiseerdeAfdoeningen.";
    case "not-positive":
      return `${where} bevat ${got}; er werd een getal groter dan 0 verwacht, bijvoorbeeld 1,5 beslissingen per fte per week.`;
    case "not-yes-no":
      return `${where} bevat ${got}; typ ja of nee (of WAAR of ONWAAR) voor ${what}.`;
  }
}

function englishSentence({ problem, where, what, detail, got }: SentenceParts): string {
  switch (problem.code) {
    case "text":
      return `${where} contains the text ${got}; a number was expected.`;
    case "boolean":
      return `${where} contains ${got}; a number was expected.`;
    case "error-value":
      return `${where} contains the error value ${String(problem.got)}; a number was expected.`;
    case "negative":
      return `${where} contains ${got}; a number of 0 or more was expected.`;
    case "not-finite":
      return `${where} does not contain a finite number.`;
    case "empty":
      return `${where} is empty; fill in ${what}.`;
    case "shape":
      return `${where} is ${detail["rows"]} rows × ${detail["columns"]} columns; choose one column or one row for ${what}.`;
    case "merged":
      return `${where} contains merged cells; unmerge them or choose another range for ${what}.`;
    case "not-a-date":
      return `${where} contains ${got}, not a date; type a real date (for example 2024-01-01) as the first week.`;
    case "uplift-range":
      return `${problem.address ? `${problem.address}: t` : "T"}he uplift must be -100% or more, not ${percent(problem.got)}.`;
    case "horizon-range":
      return `The horizon must be a whole number of weeks from 1 to ${detail["max"]}, not ${got}.`;
    case "horizon-too-long":
      return `${where} has ${detail["weeks"]} weeks; at most ${detail["max"]} are allowed.`;
    case "length-mismatch":
      return `${where} has ${detail["capacity"]} weeks of capacity, but the intake has ${detail["intake"]} weeks.`;
    case "too-large":
      return `${where}: the figures are too large to add up to a finite backlog.`;
    case "actuals-incomplete":
      return `${where} gives ${what}, but monitoring needs both the actual intake (ActualIntake) and the actual decisions (ActualDecisions).`;
    case "actuals-length":
      return `${where} has ${detail["weeks"]} weeks of ${what.replace(/^the /, "")}, but the actual intake has ${detail["intake"]} weeks; give every figure for each known week.`;
    case "actuals-too-long":
      return `${where} has ${detail["weeks"]} weeks, more than the plan's ${detail["plan"]} weeks.`;
    case "no-actuals":
      return "There are no actual figures: name the columns with the weekly intake and decisions ActualIntake and ActualDecisions.";
    case "not-positive":
      return `${where} contains ${got}; a number above 0 was expected, for example 1.5 decisions per fte per week.`;
    case "not-yes-no":
      return `${where} contains ${got}; type yes or no (or TRUE or FALSE) for ${what}.`;
  }
}

/** One sentence saying why a typed sheet name cannot be used, quoting it as typed. */
export function describeSheetNameProblem(problem: SheetNameProblem, language: Language): string {
  const name = `“${problem.name}”`;
  if (language === "nl") {
    switch (problem.code) {
      case "too-long":
        return `De bladnaam ${name} heeft ${problem.length} tekens; Excel staat er hoogstens 31 toe.`;
      case "bad-character":
        return `De bladnaam ${name} bevat ${problem.character}; Excel staat : \\ / ? * [ en ] niet toe in een bladnaam.`;
      case "apostrophe":
        return `De bladnaam ${name} begint of eindigt met een apostrof ('); dat staat Excel niet toe.`;
      case "reserved":
        return `${name} is een naam die Excel voor zichzelf houdt; kies een andere bladnaam.`;
    }
  }
  switch (problem.code) {
    case "too-long":
      return `The sheet name ${name} has ${problem.length} characters; Excel allows at most 31.`;
    case "bad-character":
      return `The sheet name ${name} contains ${problem.character}; Excel does not allow : \\ / ? * [ or ] in a sheet name.`;
    case "apostrophe":
      return `The sheet name ${name} starts or ends with an apostrophe ('), which Excel does not allow.`;
    case "reserved":
      return `${name} is a name Excel keeps for itself; choose another sheet name.`;
  }
}

/** Texts of the projection sheet's optional sections that the section blocks do not write themselves. */
export const SECTION_SHEET_TEXT: Record<
  Language,
  {
    /** When the horizon ends, for the chance sentence: "aan het eind van week 2024-W30". */
    whenWeek: (isoWeek: string) => string;
  }
> = {
  nl: { whenWeek: (isoWeek) => `aan het eind van week ${isoWeek}` },
  en: { whenWeek: (isoWeek) => `at the end of week ${isoWeek}` },
};

/**
 * A workbook whose structure is locked (Review > Protect Workbook, `lockStructure`): no sheet can
 * be added. One sentence for `npm run plan` and the pane alike.
 */
export const LOCKED_STRUCTURE_TEXT: Record<Language, string> = {
  nl: "De structuur van deze werkmap is beveiligd, dus er kan geen blad bij. Hef de beveiliging op in Excel (Controleren > Werkmap beveiligen, met het wachtwoord van de eigenaar) en probeer het opnieuw.",
  en: "This workbook's structure is protected, so no sheet can be added. Lift the protection in Excel (Review > Protect Workbook, with its owner's password) and try again.",
};

const WEEKDAY_TEXT: Record<Language, readonly string[]> = {
  nl: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

/**
 * One sentence for something the reading did that the planner should know: headers skipped, a
 * sheet-level name used, a first week that is not a Monday (which day, and what the tool does).
 *
 * @example
 * describeReadingNote({ kind: "not-monday", serial: 45294, weekday: 3 }, "en")
 * // → "The first week starts on Wednesday 2024-01-03, not on a Monday; each week runs from Wednesday to Tuesday, …"
 */
export function describeReadingNote(note: ReadingNote, language: Language): string {
  const nl = language === "nl";
  switch (note.kind) {
    case "headers-skipped": {
      // The cells are on the sheet `from` names: their own address is enough.
      const cells = splitAddress(note.cells).range;
      const to = splitAddress(note.to).range;
      const texts = note.texts.map((t) => `'${t}'`).join(", ");
      return nl
        ? `In ${note.from} ${note.cells.includes(":") ? "zijn" : "is"} ${cells} (${texts}) als kop gelezen en overgeslagen; de cijfers komen uit ${to}.`
        : `In ${note.from}, ${cells} (${texts}) ${note.cells.includes(":") ? "were" : "was"} read as a header and skipped; the figures come from ${to}.`;
    }
    case "sheet-scoped":
      return nl
        ? `De naam ${note.name} geldt alleen op het blad '${note.sheet}'; omdat er geen andere is, is hij gebruikt. Maak hem werkmapbreed (Formules > Namen beheren, bereik 'Werkmap') als hij voor de hele werkmap bedoeld is.`
        : `The name ${note.name} applies only to the sheet '${note.sheet}'; as there is no other, it was used. Make it workbook-wide (Formulas > Name Manager, scope 'Workbook') if it is meant for the whole workbook.`;
    case "not-monday": {
      const days = WEEKDAY_TEXT[language];
      const day = days[note.weekday - 1] as string;
      const last = days[(note.weekday + 5) % 7] as string;
      const where = note.address === undefined ? "" : ` (${note.address})`;
      return nl
        ? `De eerste week${where} begint op ${day} ${isoDate(note.serial)}, niet op een maandag; de Voorraadplanner houdt die dag aan: elke week loopt van ${day} tot en met ${last} en heet naar de ISO-week waarin hij begint (${isoWeekLabel(note.serial)}).`
        : `The first week${where} starts on ${day} ${isoDate(note.serial)}, not on a Monday; the Backlog Planner keeps that day: each week runs from ${day} to ${last} and is named after the ISO week it starts in (${isoWeekLabel(note.serial)}).`;
    }
  }
}

/** The heading above the reading notes on a sheet. */
export const READING_NOTES_TEXT: Record<Language, string> = {
  nl: "Bij het lezen van de invoer",
  en: "Reading the inputs",
};

/**
 * The data-only form of a structured reference, for a sentence that asks for it:
 * "Planning[[#All],[Instroom]]" → "Planning[Instroom]"; "Tabel[Kolom]" when there is no column.
 */
export function dataOnlyReference(text: string, language: Language): string {
  const reference = parseTableReference(text);
  const table = reference?.table ?? text.slice(0, Math.max(0, text.indexOf("[")));
  const column = reference?.columns?.[0];
  const escaped = column === undefined ? (language === "nl" ? "Kolom" : "Column") : column.replace(/(['#[\]])/g, "'$1");
  return `${table || (language === "nl" ? "Tabel" : "Table")}[${escaped}]`;
}

/** The pane's sentences for a field that names a table, a column or another workbook (`label` is the field's). */
export const TABLE_FIELD_TEXT: Record<
  Language,
  {
    unknownTable: (label: string, table: string) => string;
    unknownColumn: (label: string, table: string, column: string) => string;
    notData: (label: string, text: string) => string;
    otherWorkbook: (label: string, name: string) => string;
  }
> = {
  nl: {
    unknownTable: (label, table) => `${label}: deze werkmap heeft geen tabel '${table}'.`,
    unknownColumn: (label, table, column) => `${label}: de tabel ${table} heeft geen kolom '${column}'.`,
    notData: (label, text) =>
      `${label}: '${text}' neemt de kop- of totaalrij van een tabel mee, en daar staan geen weekcijfers; kies alleen de gegevens van een kolom, zoals ${dataOnlyReference(text, "nl")}.`,
    otherWorkbook: (label, name) =>
      `${label}: de naam '${name}' verwijst naar een andere werkmap; de Voorraadplanner leest alleen deze werkmap. Zet de cijfers in deze werkmap.`,
  },
  en: {
    unknownTable: (label, table) => `${label}: this workbook has no table '${table}'.`,
    unknownColumn: (label, table, column) => `${label}: the table ${table} has no column '${column}'.`,
    notData: (label, text) =>
      `${label}: '${text}' takes in a table's header or totals row, which holds no weekly figures; choose a column's data only, such as ${dataOnlyReference(text, "en")}.`,
    otherWorkbook: (label, name) =>
      `${label}: the name '${name}' refers to another workbook; the Backlog Planner reads only this workbook. Put the figures in this workbook.`,
  },
};
