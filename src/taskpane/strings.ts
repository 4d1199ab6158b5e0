/**
 * Every sentence the task pane shows, in Dutch and English. Messages about the planner's inputs
 * (a cell holding text, merged cells, …) live in src/sheets/messages.ts, shared with the CLI.
 */
import type { Language } from "../sheets/messages";

/** The pane's fields, in the order they appear. */
export type FieldKey = "opening" | "intake" | "capacity" | "uplift" | "horizon" | "firstWeek" | "target";
export const FIELD_KEYS: readonly FieldKey[] = [
  "opening",
  "intake",
  "capacity",
  "uplift",
  "horizon",
  "firstWeek",
  "target",
];

/** Fields that can point at cells, and so have a "use selection" button. */
export const REFERENCE_FIELDS: readonly FieldKey[] = ["opening", "intake", "capacity", "uplift", "firstWeek"];

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
  notes: {
    manualCalculation: string;
    trimmed: (from: string, to: string) => string;
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
  },
};

export const STRINGS: Record<Language, PaneStrings> = { nl, en };

/** Dutch for a Dutch Office ("nl-NL", "nl-BE"), English otherwise. */
export function languageFor(displayLanguage: string | undefined): Language {
  return (displayLanguage ?? "").toLowerCase().startsWith("nl") ? "nl" : "en";
}

/** Capitalises the first letter of a sentence that starts with a label ("de instroom …"). */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
