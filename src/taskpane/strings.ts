/**
 * Every sentence the task pane shows, in Dutch and English. Messages about the planner's inputs
 * (a cell holding text, merged cells, …) live in src/sheets/messages.ts, shared with the CLI.
 */
import type { Language } from "../sheets/messages";

/** The pane's fields, in the order they appear. */
export type FieldKey = "opening" | "intake" | "capacity" | "uplift" | "horizon" | "firstWeek" | "target" | "sheetName";
export const FIELD_KEYS: readonly FieldKey[] = [
  "opening",
  "intake",
  "capacity",
  "uplift",
  "horizon",
  "firstWeek",
  "target",
  "sheetName",
];

/** Fields that can point at cells, and so have a "use selection" button. */
export const REFERENCE_FIELDS: readonly FieldKey[] = ["opening", "intake", "capacity", "uplift", "firstWeek"];

/** How weekly intake varies in the uncertainty section (the engine's intake models). */
export type IntakeModelKind = "poisson" | "overdispersed" | "history" | "fixed";
export const INTAKE_MODELS: readonly IntakeModelKind[] = ["poisson", "overdispersed", "history", "fixed"];

/** The text fields of the uncertainty and tracks sections, in the order they appear. */
export type OptionKey =
  "dispersion" | "history" | "capacitySpread" | "runs" | "seed" | "fastShare" | "safeShare" | "fastLeadTime";
export const UNCERTAINTY_KEYS: readonly OptionKey[] = ["dispersion", "history", "capacitySpread", "runs", "seed"];
export const TRACK_KEYS: readonly OptionKey[] = ["fastShare", "safeShare", "fastLeadTime"];

/** Every control a problem can point at: the inputs, the section fields and the model choice. */
export type ControlKey = FieldKey | OptionKey | "intakeModel";

export type TrackKey = "fast" | "safe" | "regular";

export interface FieldStrings {
  label: string;
  /** Shown under the field: what it may hold. */
  hint: string;
  placeholder: string;
}

export interface PaneStrings {
  /** BCP 47 tag for `<html lang>`. */
  htmlLang: string;
  title: string;
  intro: string;
  fields: Record<FieldKey, FieldStrings>;
  required: string;
  optional: string;
  useSelection: string;
  /** Accessible name of a "use selection" button: "Use selection for the intake". */
  useSelectionFor: (label: string) => string;
  run: string;
  whatIf: string;
  saveNames: string;
  inputsLegend: string;
  actionsLegend: string;
  resultHeading: string;
  working: string;
  filledFromNames: (names: string) => string;
  noNamesFound: string;
  selectionTaken: (label: string, address: string) => string;
  projectionDone: (sheet: string) => string;
  whatIfDone: (sheet: string) => string;
  namesSaved: (names: string) => string;
  nothingToSave: string;
  summary: {
    period: string;
    closing: string;
    weeksToClear: string;
    never: string;
    leadTime: string;
    required: (target: string, weeks: string) => string;
    weeks: (n: string) => string;
  };
  sections: {
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
  };
  options: Record<OptionKey, FieldStrings>;
  progress: {
    label: string;
    done: (percent: string) => string;
  };
  /** Where the chance sentence says the horizon ends: "aan het eind van week 2024-W30". */
  whenWeek: (isoWeek: string) => string;
  outcome: {
    uncertaintyHeading: string;
    band: (low: string, high: string) => string;
    bandLabel: string;
    median: string;
    tracksHeading: string;
    trackClosing: (track: string) => string;
    totalClosing: string;
    tracks: Record<TrackKey, string>;
  };
  /** Text the pane writes above the tracks table on the projection sheet. */
  tracksSheet: {
    title: string;
    note: (fast: string, safe: string, regular: string, days: string) => string;
  };
  problems: {
    missing: (label: string, names: string) => string;
    unknownName: (label: string, name: string) => string;
    unknownSheet: (label: string, sheet: string) => string;
    badReference: (label: string, text: string) => string;
    badDate: (text: string) => string;
    nameNotUsable: (label: string, name: string) => string;
    workbookProtected: string;
    sheetProtected: (sheet: string) => string;
    cellEditMode: string;
    inactiveWorkbook: string;
    accessDenied: string;
    payloadTooLarge: string;
    apiNotSupported: string;
    invalidSelection: string;
    engine: (detail: string) => string;
    unexpected: (code: string) => string;
    notANumber: (label: string, text: string) => string;
    notWhole: (label: string, text: string) => string;
    outOfRange: (label: string, text: string, min: string, max: string) => string;
    shareRange: (label: string, text: string) => string;
    sharesSum: (fast: string, safe: string, sum: string) => string;
    safeShareMissing: (label: string) => string;
    dispersionMissing: (label: string) => string;
    historyMissing: (label: string) => string;
    tooMuchWork: (label: string, runs: string, weeks: string, max: string) => string;
    historyEmpty: (label: string, address: string) => string;
    historyShape: (label: string, address: string, rows: string, columns: string) => string;
    historyMerged: (label: string, address: string) => string;
    historyCell: (label: string, address: string, got: string) => string;
    simulation: (detail: string) => string;
    inputsChanged: string;
    notFinite: (cell: string) => string;
  };
  notes: {
    manualCalculation: string;
    trimmed: (from: string, to: string) => string;
    whatIfWithoutSections: string;
  };
}

const nl: PaneStrings = {
  htmlLang: "nl",
  title: "Voorraadplanner",
  intro:
    "Kies waar de beginvoorraad, de instroom en eventueel de capaciteit staan. De Voorraadplanner maakt een prognoseblad en verandert niets aan uw eigen gegevens.",
  fields: {
    opening: {
      label: "Beginvoorraad",
      hint: "Eén cel, bijvoorbeeld Invoer!C2, of de naam Beginvoorraad.",
      placeholder: "bijv. Invoer!C2",
    },
    intake: {
      label: "Instroom per week",
      hint: "Eén kolom of rij met een getal per week, of één cel (elke week gelijk). Naam: Instroom.",
      placeholder: "bijv. Invoer!C5:C56",
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
      hint: "Standaard de lengte van de instroom, anders 52.",
      placeholder: "bijv. 52",
    },
    firstWeek: {
      label: "Eerste week",
      hint: "Een datum (2024-01-01) of een cel met een datum; geeft begindata en ISO-weken. Naam: EersteWeek.",
      placeholder: "bijv. 2024-01-01",
    },
    target: {
      label: "Streefvoorraad",
      hint: "Voor de benodigde capaciteit per week; standaard 0.",
      placeholder: "0 (standaard)",
    },
    sheetName: {
      label: "Naam van het blad",
      hint: "Leeg laten: Prognose, of What-if met de datum. Hoogstens 31 tekens, zonder : \\ / ? * [ ]. Heet een blad van u al zo, dan komt er (2) achter.",
      placeholder: "bijv. Prognose Q1",
    },
  },
  required: "verplicht",
  optional: "optioneel",
  useSelection: "Gebruik selectie",
  useSelectionFor: (label) => `Gebruik de selectie voor ${label.toLowerCase()}`,
  run: "Prognose maken",
  whatIf: "Nieuw what-if blad",
  saveNames: "Bewaar als namen",
  inputsLegend: "Invoer",
  actionsLegend: "Acties",
  resultHeading: "Resultaat",
  working: "Bezig…",
  filledFromNames: (names) => `Ingevuld vanuit de namen in deze werkmap: ${names}.`,
  noNamesFound: "Deze werkmap heeft nog geen namen voor de invoer; kies de cellen hieronder.",
  selectionTaken: (label, address) => `${label}: ${address}.`,
  projectionDone: (sheet) => `Klaar: de prognose staat op het blad ${sheet}.`,
  whatIfDone: (sheet) => `Klaar: het what-if blad ${sheet} is gemaakt.`,
  namesSaved: (names) => `Bewaard als namen in deze werkmap: ${names}. De volgende keer is één klik genoeg.`,
  nothingToSave: "Er is nog niets ingevuld om te bewaren.",
  summary: {
    period: "Periode",
    closing: "Voorraad aan het einde van de horizon",
    weeksToClear: "Weken tot de voorraad nul is",
    never: "nooit: de capaciteit is niet groter dan de instroom",
    leadTime: "Doorlooptijd aan het einde (weken)",
    required: (target, weeks) => `Benodigde capaciteit per week voor een voorraad van ${target} in ${weeks} weken`,
    weeks: (n) => `${n} weken`,
  },
  notes: {
    manualCalculation:
      "Let op: Excel rekent handmatig (Formules > Berekeningsopties). De formules op het blad worden pas bijgewerkt als u op F9 drukt. De Voorraadplanner verandert deze instelling niet.",
    trimmed: (from, to) => `${from} is een hele kolom of rij; alleen het gebruikte deel ${to} is gelezen.`,
    whatIfWithoutSections:
      "Het what-if blad bevat geen sporen (die staan op het prognoseblad). Zijn onzekerheidsblok is vast berekend voor het huidige plan: Poisson-instroom, 10.000 runs, seed 2024.",
  },
  sections: {
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
      "Verdeelt de instroom over het snelle spoor, spoor 2 (veilige landen) en spoor 4, met een tabel per spoor en een gestapelde grafiek op het prognoseblad. Spoor 2 en 4 delen de capaciteit van de prognose; het snelle spoor heeft eigen, extra mensen.",
  },
  options: {
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
      label: "Aandeel snel spoor",
      hint: "Deel van de instroom dat meteen wordt afgedaan (onvolledig, zonder gehoor): 0,187 of 18,7%. Standaard 18,7%, uit de nota: (190 + 70) ÷ 1390 in 2023.",
      placeholder: "18,7% (standaard)",
    },
    safeShare: {
      label: "Aandeel spoor 2 (veilige landen)",
      hint: "Deel van de instroom uit veilige landen van herkomst: 0,2 of 20%. Verplicht, want de nota noemt dit aandeel niet. Spoor 4 krijgt de rest.",
      placeholder: "bijv. 20%",
    },
    fastLeadTime: {
      label: "Doorlooptijd snel spoor (dagen)",
      hint: "Standaard 88 dagen: het cijfer uit de nota voor buiten behandeling gestelde aanvragen in 2023.",
      placeholder: "88 (standaard)",
    },
  },
  progress: {
    label: "Voortgang van de simulatie",
    done: (percent) => `Simulatie: ${percent} klaar`,
  },
  whenWeek: (isoWeek) => `aan het eind van week ${isoWeek}`,
  outcome: {
    uncertaintyHeading: "Onzekerheid",
    band: (low, high) => `${low} – ${high}`,
    bandLabel: "Voorraad aan het einde, P10–P90",
    median: "Mediaan aan het einde (P50)",
    tracksHeading: "Sporen",
    trackClosing: (track) => `Voorraad ${track} aan het einde`,
    totalClosing: "Voorraad alle sporen samen aan het einde",
    tracks: { fast: "snel spoor", safe: "spoor 2", regular: "spoor 4" },
  },
  tracksSheet: {
    title: "Sporen: voorraad per behandelspoor",
    note: (fast, safe, regular, days) =>
      `Aandeel van de instroom: snel spoor ${fast}, spoor 2 (veilige landen) ${safe}, spoor 4 ${regular}. Het snelle spoor heeft eigen, extra capaciteit en een doorlooptijd van ${days} dagen; spoor 2 en spoor 4 delen de capaciteit van de prognose, spoor 2 eerst.`,
  },
  problems: {
    missing: (label, names) =>
      `Vul ${label.toLowerCase()} in: selecteer de cel(len) en kies 'Gebruik selectie', typ een adres zoals Invoer!C5, of geef de naam ${names}.`,
    unknownName: (label, name) =>
      `${label}: deze werkmap heeft geen naam '${name}'. Typ een adres of een bestaande naam.`,
    unknownSheet: (label, sheet) => `${label}: deze werkmap heeft geen blad '${sheet}'.`,
    badReference: (label, text) =>
      `${label}: '${text}' is geen celadres of naam. Typ bijvoorbeeld Invoer!C5:C56, of kies 'Gebruik selectie'.`,
    badDate: (text) =>
      `Eerste week: '${text}' is geen datum. Typ bijvoorbeeld 2024-01-01 of kies een cel met een datum.`,
    nameNotUsable: (label, name) =>
      `${label}: de naam '${name}' verwijst niet naar één blok cellen of een getal. Pas de naam aan via Formules > Namen beheren.`,
    workbookProtected:
      "De werkmap is beveiligd, dus er kan geen blad bij. Hef de beveiliging op (Controleren > Werkmap beveiligen) en probeer het opnieuw.",
    sheetProtected: (sheet) =>
      `Het blad ${sheet} is beveiligd, dus de Voorraadplanner kan het niet bijwerken. Hef de beveiliging op (Controleren > Beveiliging blad opheffen) en probeer het opnieuw.`,
    cellEditMode: "Excel is nog bezig met het bewerken van een cel. Druk op Enter of Esc en probeer het opnieuw.",
    inactiveWorkbook: "Deze werkmap is niet meer de actieve werkmap. Klik in de werkmap en probeer het opnieuw.",
    accessDenied:
      "Excel stond de wijziging niet toe. Misschien is het blad of de werkmap beveiligd, of alleen-lezen geopend.",
    payloadTooLarge: "Het bereik is te groot om in één keer naar Excel te sturen. Kies een kleiner bereik.",
    apiNotSupported: "Deze versie van Excel kan dit niet. Werk Excel bij of gebruik Excel op het web.",
    invalidSelection: "Selecteer één rechthoekig blok cellen en probeer het opnieuw.",
    engine: (detail) => `De prognose kon niet worden berekend: ${detail}`,
    unexpected: (code) =>
      `Er ging iets mis in Excel (${code}). Er is niets gewijzigd als de melding direct verscheen; probeer het opnieuw.`,
    notANumber: (label, text) => `${label}: '${text}' is geen getal.`,
    notWhole: (label, text) => `${label}: ${text} is geen heel getal.`,
    outOfRange: (label, text, min, max) => `${label}: ${text} ligt niet tussen ${min} en ${max}.`,
    shareRange: (label, text) =>
      `${label}: ${text} ligt niet tussen 0 en 1. Typ een deel zoals 0,187 of een percentage zoals 18,7%.`,
    sharesSum: (fast, safe, sum) =>
      `${fast} en ${safe} zijn samen ${sum}; dat mag hoogstens 100% zijn (spoor 4 krijgt de rest).`,
    safeShareMissing: (label) =>
      `Vul ${label.toLowerCase()} in, bijvoorbeeld 0,2 of 20%. De beslisnota noemt dit aandeel niet, dus er is geen standaardwaarde.`,
    dispersionMissing: (label) =>
      `Vul de ${label.toLowerCase()} in (1 tot 1000; 1 = Poisson), of kies een ander instroommodel.`,
    historyMissing: (label) =>
      `Vul de ${label.toLowerCase()} in: selecteer de instroom van eerdere weken en kies 'Gebruik selectie', of kies een ander instroommodel.`,
    tooMuchWork: (label, runs, weeks, max) =>
      `${label}: ${runs} runs × ${weeks} weken is meer dan ${max} gesimuleerde weken. Kies minder runs of een kortere horizon.`,
    historyEmpty: (label, address) => `${label}: ${address} bevat geen getallen.`,
    historyShape: (label, address, rows, columns) =>
      `${label}: ${address} is ${rows} rijen × ${columns} kolommen; kies één kolom of één rij.`,
    historyMerged: (label, address) =>
      `${label}: ${address} bevat samengevoegde cellen; hef de samenvoeging op of kies een ander bereik.`,
    historyCell: (label, address, got) =>
      `${label}: ${address} bevat ${got}; er werd een getal van 0 of meer verwacht.`,
    simulation: (detail) => `De onzekerheid kon niet worden doorgerekend: ${detail}`,
    inputsChanged:
      "De invoer is veranderd terwijl de Voorraadplanner rekende (misschien door iemand die tegelijk in deze werkmap werkt). Er is niets geschreven; probeer het opnieuw.",
    notFinite: (cell) =>
      `De prognose kon niet worden berekend: cel ${cell} van het blad zou geen eindig getal bevatten. Kijk de invoer na op uitzonderlijk grote of kleine getallen.`,
  },
};

const en: PaneStrings = {
  htmlLang: "en",
  title: "Backlog Planner",
  intro:
    "Choose where the opening backlog, the intake and, if you have it, the capacity are. The Backlog Planner makes a projection sheet and never changes your own data.",
  fields: {
    opening: {
      label: "Opening backlog",
      hint: "One cell, for example Invoer!C2, or the name OpeningBacklog.",
      placeholder: "e.g. Invoer!C2",
    },
    intake: {
      label: "Weekly intake",
      hint: "One column or row with a figure per week, or one cell (the same every week). Name: Intake.",
      placeholder: "e.g. Invoer!C5:C56",
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
      hint: "Defaults to the length of the intake, or 52.",
      placeholder: "e.g. 52",
    },
    firstWeek: {
      label: "First week",
      hint: "A date (2024-01-01) or a cell holding a date; gives week-start dates and ISO weeks. Name: FirstWeek.",
      placeholder: "e.g. 2024-01-01",
    },
    target: {
      label: "Target backlog",
      hint: "For the required weekly capacity; 0 unless given.",
      placeholder: "0 (default)",
    },
    sheetName: {
      label: "Sheet name",
      hint: "Leave empty for Projection, or What-if with the date. At most 31 characters, none of : \\ / ? * [ ]. If a sheet of yours already has the name, (2) is added.",
      placeholder: "e.g. Projection Q1",
    },
  },
  required: "required",
  optional: "optional",
  useSelection: "Use selection",
  useSelectionFor: (label) => `Use the selection for the ${label.toLowerCase()}`,
  run: "Make projection",
  whatIf: "New what-if sheet",
  saveNames: "Save as names",
  inputsLegend: "Inputs",
  actionsLegend: "Actions",
  resultHeading: "Result",
  working: "Working…",
  filledFromNames: (names) => `Filled in from the names in this workbook: ${names}.`,
  noNamesFound: "This workbook has no names for the inputs yet; choose the cells below.",
  selectionTaken: (label, address) => `${label}: ${address}.`,
  projectionDone: (sheet) => `Done: the projection is on the sheet ${sheet}.`,
  whatIfDone: (sheet) => `Done: the what-if sheet ${sheet} was made.`,
  namesSaved: (names) => `Saved as names in this workbook: ${names}. Next time one click is enough.`,
  nothingToSave: "Nothing has been filled in to save yet.",
  summary: {
    period: "Period",
    closing: "Backlog at the horizon",
    weeksToClear: "Weeks to clear the backlog",
    never: "never: capacity does not exceed intake",
    leadTime: "Lead time at the horizon (weeks)",
    required: (target, weeks) => `Required weekly capacity for a backlog of ${target} in ${weeks} weeks`,
    weeks: (n) => `${n} weeks`,
  },
  notes: {
    manualCalculation:
      "Note: Excel calculates manually (Formulas > Calculation Options). The formulas on the sheet update only when you press F9. The Backlog Planner does not change this setting.",
    trimmed: (from, to) => `${from} covers a whole column or row; only its used part ${to} was read.`,
    whatIfWithoutSections:
      "The what-if sheet holds no tracks (they are on the projection sheet). Its uncertainty block is fixed, for the current plan: Poisson intake, 10,000 runs, seed 2024.",
  },
  sections: {
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
      "Splits the intake over the fast track, track 2 (safe countries) and track 4, with a table per track and a stacked chart on the projection sheet. Tracks 2 and 4 share the projection's capacity; the fast track has its own, extra staff.",
  },
  options: {
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
      label: "Fast-track share",
      hint: "Share of intake decided at once (incomplete, without a hearing): 0.187 or 18.7%. Default 18.7%, from the memo: (190 + 70) ÷ 1390 in 2023.",
      placeholder: "18.7% (default)",
    },
    safeShare: {
      label: "Track 2 share (safe countries)",
      hint: "Share of intake from safe countries of origin: 0.2 or 20%. Required, as the memo does not give it. Track 4 takes the rest.",
      placeholder: "e.g. 20%",
    },
    fastLeadTime: {
      label: "Fast-track lead time (days)",
      hint: "Default 88 days: the memo's figure for applications set aside as incomplete in 2023.",
      placeholder: "88 (default)",
    },
  },
  progress: {
    label: "Simulation progress",
    done: (percent) => `Simulation: ${percent} done`,
  },
  whenWeek: (isoWeek) => `at the end of week ${isoWeek}`,
  outcome: {
    uncertaintyHeading: "Uncertainty",
    band: (low, high) => `${low} – ${high}`,
    bandLabel: "Backlog at the horizon, P10–P90",
    median: "Median at the horizon (P50)",
    tracksHeading: "Tracks",
    trackClosing: (track) => `Backlog ${track} at the horizon`,
    totalClosing: "Backlog of all tracks at the horizon",
    tracks: { fast: "fast track", safe: "track 2", regular: "track 4" },
  },
  tracksSheet: {
    title: "Tracks: backlog by processing track",
    note: (fast, safe, regular, days) =>
      `Share of intake: fast track ${fast}, track 2 (safe countries) ${safe}, track 4 ${regular}. The fast track has its own, extra capacity and a lead time of ${days} days; tracks 2 and 4 share the projection's capacity, track 2 first.`,
  },
  problems: {
    missing: (label, names) =>
      `Fill in the ${label.toLowerCase()}: select the cell(s) and choose 'Use selection', type an address such as Invoer!C5, or define the name ${names}.`,
    unknownName: (label, name) => `${label}: this workbook has no name '${name}'. Type an address or an existing name.`,
    unknownSheet: (label, sheet) => `${label}: this workbook has no sheet '${sheet}'.`,
    badReference: (label, text) =>
      `${label}: '${text}' is not a cell address or a name. Type for example Invoer!C5:C56, or choose 'Use selection'.`,
    badDate: (text) =>
      `First week: '${text}' is not a date. Type for example 2024-01-01 or choose a cell holding a date.`,
    nameNotUsable: (label, name) =>
      `${label}: the name '${name}' does not refer to one block of cells or a number. Change it in Formulas > Name Manager.`,
    workbookProtected:
      "The workbook is protected, so no sheet can be added. Unprotect it (Review > Protect Workbook) and try again.",
    sheetProtected: (sheet) =>
      `The sheet ${sheet} is protected, so the Backlog Planner cannot update it. Unprotect it (Review > Unprotect Sheet) and try again.`,
    cellEditMode: "Excel is still editing a cell. Press Enter or Esc, then try again.",
    inactiveWorkbook: "This workbook is no longer the active one. Click in the workbook and try again.",
    accessDenied: "Excel did not allow the change. The sheet or workbook may be protected, or opened read-only.",
    payloadTooLarge: "The range is too large to send to Excel in one go. Choose a smaller range.",
    apiNotSupported: "This version of Excel cannot do this. Update Excel or use Excel on the web.",
    invalidSelection: "Select one rectangular block of cells and try again.",
    engine: (detail) => `The projection could not be calculated: ${detail}`,
    unexpected: (code) =>
      `Something went wrong in Excel (${code}). If this appeared at once, nothing was changed; try again.`,
    notANumber: (label, text) => `${label}: '${text}' is not a number.`,
    notWhole: (label, text) => `${label}: ${text} is not a whole number.`,
    outOfRange: (label, text, min, max) => `${label}: ${text} is not between ${min} and ${max}.`,
    shareRange: (label, text) =>
      `${label}: ${text} is not between 0 and 1. Type a share such as 0.187 or a percentage such as 18.7%.`,
    sharesSum: (fast, safe, sum) =>
      `${fast} and ${safe} add up to ${sum}; together they may be at most 100% (track 4 takes the rest).`,
    safeShareMissing: (label) =>
      `Fill in the ${label.toLowerCase()}, for example 0.2 or 20%. The decision memo does not give this share, so there is no default.`,
    dispersionMissing: (label) =>
      `Fill in the ${label.toLowerCase()} (1 to 1000; 1 = Poisson), or choose another intake model.`,
    historyMissing: (label) =>
      `Fill in the ${label.toLowerCase()}: select the intake of past weeks and choose 'Use selection', or choose another intake model.`,
    tooMuchWork: (label, runs, weeks, max) =>
      `${label}: ${runs} runs × ${weeks} weeks is more than ${max} simulated weeks. Choose fewer runs or a shorter horizon.`,
    historyEmpty: (label, address) => `${label}: ${address} holds no figures.`,
    historyShape: (label, address, rows, columns) =>
      `${label}: ${address} is ${rows} rows × ${columns} columns; choose one column or one row.`,
    historyMerged: (label, address) =>
      `${label}: ${address} contains merged cells; unmerge them or choose another range.`,
    historyCell: (label, address, got) => `${label}: ${address} contains ${got}; a number of 0 or more was expected.`,
    simulation: (detail) => `The uncertainty could not be calculated: ${detail}`,
    inputsChanged:
      "The inputs changed while the Backlog Planner was working (perhaps someone else is editing this workbook). Nothing was written; run it again.",
    notFinite: (cell) =>
      `The projection could not be calculated: cell ${cell} of the sheet would not hold a finite number. Check the inputs for extremely large or small figures.`,
  },
};

export const STRINGS: Record<Language, PaneStrings> = { nl, en };

/** Dutch for a Dutch Office ("nl-NL", "nl-BE"), English otherwise. */
export function languageFor(displayLanguage: string | undefined): Language {
  return (displayLanguage ?? "").toLowerCase().startsWith("nl") ? "nl" : "en";
}

/** The label of any control: an input, a section field or the intake model choice. */
export function labelOf(S: PaneStrings, key: ControlKey): string {
  if (key === "intakeModel") return S.sections.intakeModel;
  if (key in S.fields) return S.fields[key as FieldKey].label;
  return S.options[key as OptionKey].label;
}

/** Capitalises the first letter of a sentence that starts with a label ("de instroom …"). */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
