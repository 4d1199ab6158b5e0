/**
 * The pane's keys and its words, in Dutch and English. Every bilingual table is named
 * `XXX_TEXT: Record<Language, XxxText>`, one per concern: fields, form, status, sections,
 * progress here; results and notes in resultText.ts; problems in problemText.ts. Messages about
 * the planner's inputs (a cell holding text, merged cells, …) live in src/sheets/messages.ts,
 * shared with the CLI.
 */
import type { IntakeModelKind, OptionKey } from "../plan/options";
import type { Language } from "../sheets/messages";

/** The pane's fields, in the order they appear. */
export type FieldKey =
  | "opening"
  | "intake"
  | "intakeHistory"
  | "intakeHistoryStart"
  | "historyPeriods"
  | "capacity"
  | "uplift"
  | "horizon"
  | "firstWeek"
  | "target"
  | "decisionsPerFte"
  | "triageStaffIsNew"
  | "sheetName";
export const FIELD_KEYS: readonly FieldKey[] = [
  "opening",
  "intake",
  "intakeHistory",
  "intakeHistoryStart",
  "historyPeriods",
  "capacity",
  "uplift",
  "horizon",
  "firstWeek",
  "target",
  "decisionsPerFte",
  "triageStaffIsNew",
  "sheetName",
];

/** Fields that can point at cells, and so have a "use selection" button. */
export const REFERENCE_FIELDS: readonly FieldKey[] = [
  "opening",
  "intake",
  "intakeHistory",
  "intakeHistoryStart",
  "capacity",
  "uplift",
  "firstWeek",
];

/** How weekly intake varies, and the sections' text fields: declared once, in src/plan/options.ts. */
export type { IntakeModelKind, OptionKey } from "../plan/options";
export const INTAKE_MODELS: readonly IntakeModelKind[] = ["poisson", "overdispersed", "history", "fixed"];

export const UNCERTAINTY_KEYS: readonly OptionKey[] = [
  "dispersion",
  "history",
  "capacitySpread",
  "intakeLevelSpread",
  "runs",
  "seed",
];
export const TRACK_KEYS: readonly OptionKey[] = ["fastShare", "safeShare", "fastLeadTime", "triagedOpening"];

/** Every control a problem can point at: the inputs, the section fields and the model choice. */
export type ControlKey = FieldKey | OptionKey | "intakeModel";

export type TrackKey = "fast" | "safe" | "regular";

/** A field's visible words: its label, the hint under it and the example inside it. */
export interface FieldText {
  label: string;
  /** Shown under the field: what it may hold. */
  hint: string;
  placeholder: string;
}

/** Every text field's words: the inputs and the fields of the optional sections. */
export const FIELD_TEXT: Record<Language, Record<FieldKey | OptionKey, FieldText>> = {
  nl: {
    opening: {
      label: "Beginvoorraad",
      hint: "Eén cel, bijvoorbeeld Invoer!C2, of de naam Beginvoorraad.",
      placeholder: "bijv. Invoer!C2",
    },
    intake: {
      label: "Instroom per week",
      hint: "Eén kolom of rij met een getal per week, of één cel (elke week gelijk). Naam: Instroom. Leeg laten als u een instroomhistorie geeft: dan rekent het plan met de prognose daaruit.",
      placeholder: "bijv. Invoer!C5:C56",
    },
    intakeHistory: {
      label: "Instroomhistorie voor de prognose",
      hint: "Een kolom of rij met de instroom van eerdere weken (of maanden), oudste eerst, zonder lege cellen ertussen. Zonder instroom hierboven wordt de prognose met trend en seizoen de instroom van het plan; met instroom staat de prognose ernaast ter vergelijking. Naam: InstroomHistorie.",
      placeholder: "bijv. Historie!B2:B157",
    },
    intakeHistoryStart: {
      label: "Begin van de historie",
      hint: "De datum van de eerste week (of maand) van de historie, of een cel met die datum. Geeft de data, het seizoen op de kalender en de week na de historie. Naam: InstroomHistorieStart.",
      placeholder: "bijv. 2021-01-04",
    },
    historyPeriods: {
      label: "Perioden per jaar in de historie",
      hint: "52 voor weekcijfers (standaard) of 12 voor maandcijfers; een maandprognose wordt naar kalenderdagen over de weken verdeeld. Naam: InstroomHistoriePerioden.",
      placeholder: "52 (standaard) of 12",
    },
    capacity: {
      label: "Capaciteit per week",
      hint: "Leeg laten: dan geldt de planningsregel (instroom plus opslag). Naam: Capaciteit.",
      placeholder: "bijv. Invoer!D5:D56",
    },
    uplift: {
      label: "Opslag (%)",
      hint: "Percentage bovenop de gemiddelde instroom; standaard 10. Of een cel, naam: Opslag.",
      placeholder: "10 (standaard)",
    },
    horizon: {
      label: "Horizon (weken)",
      hint: "Standaard de lengte van de instroom, anders 52 (ook voor de prognose uit een instroomhistorie).",
      placeholder: "bijv. 52",
    },
    firstWeek: {
      label: "Eerste week",
      hint: "Een datum (2024-01-01) of een cel met een datum; geeft begindata en ISO-weken. Naam: EersteWeek.",
      placeholder: "bijv. 2024-01-01",
    },
    target: {
      label: "Streefvoorraad",
      hint: "Een getal of een cel; voor de week waarin het plan hem haalt, de kans erop en de benodigde capaciteit. Naam: Doelvoorraad.",
      placeholder: "bijv. 1100",
    },
    decisionsPerFte: {
      label: "Beslissingen per fte per week",
      hint: "Voor capaciteit in fte. Leeg: 1,5, een voorbeeldcijfer. Naam: BeslissingenPerFteWeek.",
      placeholder: "1,5 (voorbeeld)",
    },
    triageStaffIsNew: {
      label: "Extra fte triage: nieuw personeel?",
      hint: "ja of nee. Leeg: nee, ze komen van ander werk (een aanname, niet uit de nota). Naam: TriageNieuwPersoneel.",
      placeholder: "nee (standaard)",
    },
    sheetName: {
      label: "Naam van het blad",
      hint: "Leeg laten: Prognose, of What-if met de datum. Hoogstens 31 tekens, zonder : \\ / ? * [ ]. Heet een blad van u al zo, dan komt er (2) achter.",
      placeholder: "bijv. Prognose Q1",
    },
    dispersion: {
      label: "Dispersie",
      hint: "Variantie ÷ gemiddelde van de weekinstroom, van 1 tot 1000 (1 = Poisson). Nodig bij overdispersie.",
      placeholder: "bijv. 3",
    },
    history: {
      label: "Historische instroom",
      hint: "Een kolom of rij met de instroom van eerdere weken, of een naam. Elke gesimuleerde week trekt een van deze weken; lege cellen tellen niet mee.",
      placeholder: "bijv. Historie!B2:B53",
    },
    capacitySpread: {
      label: "Spreiding capaciteit",
      hint: "Variatiecoëfficiënt van de geleverde capaciteit: 0,1 of 10% is meestal binnen ±10% van het plan. Standaard 0: capaciteit zoals gepland.",
      placeholder: "0 (standaard)",
    },
    intakeLevelSpread: {
      label: "Spreiding instroomniveau",
      hint: "Onzekerheid in het niveau van de instroom: elke run trekt zijn eigen factor rond 1 (variatiecoëfficiënt), bijv. 0,1 of 10%. De jaarinstroom in de nota veranderde met −280 en −140. Standaard 0: niveau zoals gepland.",
      placeholder: "0 (standaard)",
    },
    runs: {
      label: "Aantal runs",
      hint: "100 tot 1.000.000; standaard 10.000. Boven 50.000 toont de pane de voortgang.",
      placeholder: "10.000 (standaard)",
    },
    seed: {
      label: "Startgetal (seed)",
      hint: "Een heel getal van 0 tot 4.294.967.295; standaard 2024. Zelfde startgetal, zelfde uitkomst.",
      placeholder: "2024 (standaard)",
    },
    fastShare: {
      label: "Aandeel triage (Ter Apel)",
      hint: "Deel van de instroom dat triage in Ter Apel direct afhandelt (incompleet, zonder gehoor): 0,137 of 13,7%. Standaard 13,7%, uit de nota: 190 ÷ 1390 in 2023; de 70 zaken 'niet in behandeling' zijn geen triage.",
      placeholder: "13,7% (standaard)",
    },
    safeShare: {
      label: "Aandeel spoor 2 (veilige landen)",
      hint: "Deel van de instroom uit veilige landen van herkomst: 0,2 of 20%. Verplicht, want de nota noemt dit aandeel niet. Spoor 4 krijgt de rest.",
      placeholder: "bijv. 20%",
    },
    fastLeadTime: {
      label: "Doorlooptijd triage (dagen)",
      hint: "Standaard 88 dagen: het cijfer uit de nota voor buiten behandeling gestelde aanvragen in 2023.",
      placeholder: "88 (standaard)",
    },
    triagedOpening: {
      label: "Getrieerd deel van de beginvoorraad",
      hint: "Deel van de voorraad aan het begin dat al bij triage (Ter Apel) ligt: 0,1 of 10%. Standaard 0, net als op het wat-als-blad; spoor 2 en 4 delen de rest naar hun aandelen.",
      placeholder: "0 (standaard)",
    },
  },
  en: {
    opening: {
      label: "Opening backlog",
      hint: "One cell, for example Invoer!C2, or the name OpeningBacklog.",
      placeholder: "e.g. Invoer!C2",
    },
    intake: {
      label: "Weekly intake",
      hint: "One column or row with a figure per week, or one cell (the same every week). Name: Intake. Leave empty when you give an intake history: the plan then uses its forecast.",
      placeholder: "e.g. Invoer!C5:C56",
    },
    intakeHistory: {
      label: "Past intake for the forecast",
      hint: "A column or row with the intake of past weeks (or months), oldest first, no blank cells in between. Without an intake above, the forecast with trend and season becomes the plan's intake; with one, the forecast is shown beside it for comparison. Name: IntakeHistory.",
      placeholder: "e.g. History!B2:B157",
    },
    intakeHistoryStart: {
      label: "Start of the history",
      hint: "The date of the history's first week (or month), or a cell holding it. Gives the dates, the season on the calendar and the week after the history. Name: IntakeHistoryStart.",
      placeholder: "e.g. 2021-01-04",
    },
    historyPeriods: {
      label: "Periods per year in the history",
      hint: "52 for weekly figures (the default) or 12 for monthly ones; a monthly forecast is spread over the weeks by calendar days. Name: IntakeHistoryPeriods.",
      placeholder: "52 (default) or 12",
    },
    capacity: {
      label: "Weekly capacity",
      hint: "Leave empty to apply the planning rule (intake plus uplift). Name: Capacity.",
      placeholder: "e.g. Invoer!D5:D56",
    },
    uplift: {
      label: "Uplift (%)",
      hint: "Percentage on top of the mean intake; 10 unless given. Or a cell, name: Uplift.",
      placeholder: "10 (default)",
    },
    horizon: {
      label: "Horizon (weeks)",
      hint: "Defaults to the length of the intake, or 52 (also for the forecast from an intake history).",
      placeholder: "e.g. 52",
    },
    firstWeek: {
      label: "First week",
      hint: "A date (2024-01-01) or a cell holding a date; gives week-start dates and ISO weeks. Name: FirstWeek.",
      placeholder: "e.g. 2024-01-01",
    },
    target: {
      label: "Target backlog",
      hint: "A number or a cell; for the week the plan reaches it, the chance of it and the required capacity. Name: TargetBacklog.",
      placeholder: "e.g. 1100",
    },
    decisionsPerFte: {
      label: "Decisions per fte per week",
      hint: "For capacity in fte. Empty: 1.5, an example figure. Name: DecisionsPerFteWeek.",
      placeholder: "1.5 (example)",
    },
    triageStaffIsNew: {
      label: "Triage's extra fte: new staff?",
      hint: "yes or no. Empty: no, taken from other work (an assumption, not the memo's). Name: TriageStaffIsNew.",
      placeholder: "no (default)",
    },
    sheetName: {
      label: "Sheet name",
      hint: "Leave empty for Projection, or What-if with the date. At most 31 characters, none of : \\ / ? * [ ]. If a sheet of yours already has the name, (2) is added.",
      placeholder: "e.g. Projection Q1",
    },
    dispersion: {
      label: "Dispersion",
      hint: "Variance ÷ mean of the weekly intake, from 1 to 1000 (1 = Poisson). Needed for overdispersed intake.",
      placeholder: "e.g. 3",
    },
    history: {
      label: "Intake history",
      hint: "A column or row with the intake of past weeks, or a name. Each simulated week draws one of these weeks; blank cells are left out.",
      placeholder: "e.g. History!B2:B53",
    },
    capacitySpread: {
      label: "Capacity spread",
      hint: "Coefficient of variation of the capacity delivered: 0.1 or 10% is typically within ±10% of plan. Default 0: capacity as planned.",
      placeholder: "0 (default)",
    },
    intakeLevelSpread: {
      label: "Intake level spread",
      hint: "Uncertainty in the intake level: each run draws its own factor around 1 (coefficient of variation), e.g. 0.1 or 10%. The memo's yearly intake moved by −280 and −140. Default 0: the level as planned.",
      placeholder: "0 (default)",
    },
    runs: {
      label: "Number of runs",
      hint: "100 to 1,000,000; default 10,000. Above 50,000 the pane shows its progress.",
      placeholder: "10,000 (default)",
    },
    seed: {
      label: "Seed",
      hint: "A whole number from 0 to 4,294,967,295; default 2024. The same seed gives the same result.",
      placeholder: "2024 (default)",
    },
    fastShare: {
      label: "Triage (Ter Apel) share",
      hint: "Share of intake triage in Ter Apel decides at once (incomplete, without a hearing): 0.137 or 13.7%. Default 13.7%, from the memo: 190 ÷ 1390 in 2023; the 70 cases 'not taken into consideration' are not triage.",
      placeholder: "13.7% (default)",
    },
    safeShare: {
      label: "Track 2 share (safe countries)",
      hint: "Share of intake from safe countries of origin: 0.2 or 20%. Required, as the memo does not give it. Track 4 takes the rest.",
      placeholder: "e.g. 20%",
    },
    fastLeadTime: {
      label: "Triage lead time (days)",
      hint: "Default 88 days: the memo's figure for applications set aside as incomplete in 2023.",
      placeholder: "88 (default)",
    },
    triagedOpening: {
      label: "Triaged part of the opening backlog",
      hint: "Part of the opening backlog already with triage (Ter Apel): 0.1 or 10%. Default 0, as on the what-if sheet; tracks 2 and 4 split the rest by their shares.",
      placeholder: "0 (default)",
    },
  },
};

/** The form around the fields: title, intro, tags, buttons and the error summary. */
export interface FormText {
  /** BCP 47 tag for `<html lang>`. */
  htmlLang: string;
  title: string;
  intro: string;
  inputsLegend: string;
  required: string;
  optional: string;
  /** The intake's tag: required unless an intake history gives the forecast instead. */
  requiredOrHistory: string;
  useSelection: string;
  /** Accessible name of a "use selection" button; starts with its visible text. */
  useSelectionFor: (label: string) => string;
  run: string;
  whatIf: string;
  /** The monitoring sheet: the plan against the actuals (Voortgang). */
  monitoring: string;
  /** Voortgang against a new baseline: today's plan stored, the old baseline kept. */
  newBaseline: string;
  saveNames: string;
  /** Heading of the error summary at the top of the form. */
  errorSummary: string;
}

export const FORM_TEXT: Record<Language, FormText> = {
  nl: {
    htmlLang: "nl",
    title: "Voorraadplanner",
    intro:
      "Kies waar de beginvoorraad, de instroom en eventueel de capaciteit staan. De Voorraadplanner maakt een prognoseblad en verandert niets aan uw eigen gegevens.",
    inputsLegend: "Invoer",
    required: "verplicht",
    optional: "optioneel",
    requiredOrHistory: "verplicht, of een historie",
    useSelection: "Gebruik selectie",
    useSelectionFor: (label) => `Gebruik selectie voor ${label.toLowerCase()}`,
    run: "Prognose maken",
    whatIf: "Nieuw what-if blad",
    monitoring: "Voortgang",
    newBaseline: "Nieuwe basislijn",
    saveNames: "Bewaar als namen",
    errorSummary: "Er is een probleem",
  },
  en: {
    htmlLang: "en",
    title: "Backlog Planner",
    intro:
      "Choose where the opening backlog, the intake and, if you have it, the capacity are. The Backlog Planner makes a projection sheet and never changes your own data.",
    inputsLegend: "Inputs",
    required: "required",
    optional: "optional",
    requiredOrHistory: "required, or a history",
    useSelection: "Use selection",
    useSelectionFor: (label) => `Use selection for the ${label.toLowerCase()}`,
    run: "Make projection",
    whatIf: "New what-if sheet",
    monitoring: "Progress",
    newBaseline: "New baseline",
    saveNames: "Save as names",
    errorSummary: "There is a problem",
  },
};

/** The status line: what the pane is doing or has just done. */
export interface StatusText {
  working: string;
  filledFromNames: (names: string) => string;
  noNamesFound: string;
  selectionTaken: (label: string, address: string) => string;
  projectionDone: (sheet: string) => string;
  whatIfDone: (sheet: string) => string;
  monitoringDone: (sheet: string) => string;
  /** Which baseline Voortgang compared with (issue 23). */
  baseline: (sheet: string, day: string, made: boolean) => string;
  namesSaved: (names: string) => string;
  nothingToSave: string;
}

export const STATUS_TEXT: Record<Language, StatusText> = {
  nl: {
    working: "Bezig…",
    filledFromNames: (names) => `Ingevuld vanuit de namen in deze werkmap: ${names}.`,
    noNamesFound: "Deze werkmap heeft nog geen namen voor de invoer; kies de cellen hieronder.",
    selectionTaken: (label, address) => `${label}: ${address}.`,
    projectionDone: (sheet) => `Klaar: de prognose staat op het blad ${sheet}.`,
    whatIfDone: (sheet) => `Klaar: het what-if blad ${sheet} is gemaakt.`,
    monitoringDone: (sheet) => `Klaar: de voortgang tegen het plan staat op het blad ${sheet}.`,
    baseline: (sheet, day, made) =>
      made
        ? `Het plan van vandaag (${day}) is vastgelegd als basislijn op het blad ${sheet}.`
        : `Vergeleken met de basislijn van ${day} (blad ${sheet}).`,
    namesSaved: (names) => `Bewaard als namen in deze werkmap: ${names}. De volgende keer is één klik genoeg.`,
    nothingToSave: "Er is nog niets ingevuld om te bewaren.",
  },
  en: {
    working: "Working…",
    filledFromNames: (names) => `Filled in from the names in this workbook: ${names}.`,
    noNamesFound: "This workbook has no names for the inputs yet; choose the cells below.",
    selectionTaken: (label, address) => `${label}: ${address}.`,
    projectionDone: (sheet) => `Done: the projection is on the sheet ${sheet}.`,
    whatIfDone: (sheet) => `Done: the what-if sheet ${sheet} was made.`,
    monitoringDone: (sheet) => `Done: progress against the plan is on the sheet ${sheet}.`,
    baseline: (sheet, day, made) =>
      made
        ? `Today's plan (${day}) is stored as the baseline on the sheet ${sheet}.`
        : `Compared with the baseline of ${day} (sheet ${sheet}).`,
    namesSaved: (names) => `Saved as names in this workbook: ${names}. Next time one click is enough.`,
    nothingToSave: "Nothing has been filled in to save yet.",
  },
};

/** The optional sections' switches, fold-outs and model choice. */
export interface SectionText {
  uncertaintyLegend: string;
  uncertaintyToggle: string;
  uncertaintyToggleHint: string;
  uncertaintySettings: string;
  intakeModel: string;
  intakeModelHint: string;
  models: Record<IntakeModelKind, string>;
  tracksSummary: string;
  tracksToggle: string;
  tracksToggleHint: string;
}

export const SECTION_TEXT: Record<Language, SectionText> = {
  nl: {
    uncertaintyLegend: "Onzekerheid",
    uncertaintyToggle: "Onzekerheid doorrekenen",
    uncertaintyToggleHint:
      "Rekent de prognose vele keren door met toevallige instroom (Monte Carlo): een waaiergrafiek (P10–P90, mediaan en plan) op het prognoseblad en de kans dat de streefvoorraad gehaald wordt.",
    uncertaintySettings: "Instellingen onzekerheid",
    intakeModel: "Instroommodel",
    intakeModelHint:
      "Poisson: aanvragen komen onafhankelijk binnen. Overdispersie: meer spreiding dan Poisson. Historie: weken uit uw eigen verleden. Vast: alleen de capaciteit varieert.",
    models: {
      poisson: "Poisson (standaard)",
      overdispersed: "Overdispersie (negatief binomiaal)",
      history: "Historie (uit een bereik)",
      fixed: "Vast (geen toeval in de instroom)",
    },
    tracksSummary: "Sporen",
    tracksToggle: "Sporen doorrekenen",
    tracksToggleHint:
      "Verdeelt de instroom over triage (Ter Apel), spoor 2 (veilige landen) en spoor 4, met een tabel per spoor en een gestapelde grafiek op het prognoseblad. Spoor 2 en 4 delen de capaciteit van de prognose; triage heeft eigen, extra mensen.",
  },
  en: {
    uncertaintyLegend: "Uncertainty",
    uncertaintyToggle: "Include uncertainty",
    uncertaintyToggleHint:
      "Runs the projection many times with random intake (Monte Carlo): a fan chart (P10–P90, median and plan) on the projection sheet and the chance of reaching the target backlog.",
    uncertaintySettings: "Uncertainty settings",
    intakeModel: "Intake model",
    intakeModelHint:
      "Poisson: applications arrive independently. Overdispersed: more spread than Poisson. History: weeks from your own past. Fixed: only capacity varies.",
    models: {
      poisson: "Poisson (default)",
      overdispersed: "Overdispersed (negative binomial)",
      history: "History (from a range)",
      fixed: "Fixed (no randomness in intake)",
    },
    tracksSummary: "Tracks",
    tracksToggle: "Include tracks",
    tracksToggleHint:
      "Splits the intake over triage (Ter Apel), track 2 (safe countries) and track 4, with a table per track and a stacked chart on the projection sheet. Tracks 2 and 4 share the projection's capacity; triage has its own, extra staff.",
  },
};

export interface ProgressText {
  label: string;
  done: (percent: string) => string;
}

export const PROGRESS_TEXT: Record<Language, ProgressText> = {
  nl: {
    label: "Voortgang van de simulatie",
    done: (percent) => `Simulatie: ${percent} klaar`,
  },
  en: {
    label: "Simulation progress",
    done: (percent) => `Simulation: ${percent} done`,
  },
};

/** Dutch for a Dutch Office ("nl-NL", "nl-BE"), English otherwise. */
export function languageFor(displayLanguage: string | undefined): Language {
  return (displayLanguage ?? "").toLowerCase().startsWith("nl") ? "nl" : "en";
}

/**
 * The label of any control: an input, a section field or the intake model choice.
 *
 * @example
 * labelOf("nl", "intake") // "Instroom per week"
 */
export function labelOf(language: Language, key: ControlKey): string {
  if (key === "intakeModel") return SECTION_TEXT[language].intakeModel;
  return FIELD_TEXT[language][key].label;
}

/** Capitalises the first letter of a sentence that starts with a label ("de instroom …"). */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
