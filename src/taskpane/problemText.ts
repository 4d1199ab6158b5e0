/**
 * What the pane says about a problem, in Dutch and English: a field left empty or wrong, a
 * protected sheet, an Excel error. Each sentence names the field or cell and what to do.
 */
import { LOCKED_STRUCTURE_TEXT, type Language } from "../sheets/messages";

export interface ProblemText {
  missing: (label: string, names: string) => string;
  /** Added to `missing` for the intake: an intake history can take its place (issue 24). */
  orHistory: (historyLabel: string) => string;
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
  /** An intake level spread typed while the intake comes from a history's forecast. */
  forecastLevelSpread: (label: string) => string;
  /** The overdispersed or history intake model chosen while the intake comes from a forecast. */
  forecastModel: (label: string, model: string) => string;
  simulation: (detail: string) => string;
  inputsChanged: string;
  notFinite: (cell: string) => string;
  /** The baseline in force cannot be read back (issue 23). */
  baseline: (table: string) => string;
}

export const PROBLEM_TEXT: Record<Language, ProblemText> = {
  nl: {
    missing: (label, names) =>
      `Vul ${label.toLowerCase()} in: selecteer de cel(len) en kies 'Gebruik selectie', typ een adres zoals Invoer!C5, of geef de naam ${names}.`,
    orHistory: (historyLabel) =>
      ` Of vul de ${historyLabel.toLowerCase()} in (naam InstroomHistorie): dan rekent het plan met de prognose daaruit.`,
    unknownName: (label, name) =>
      `${label}: deze werkmap heeft geen naam '${name}'. Typ een adres of een bestaande naam.`,
    unknownSheet: (label, sheet) => `${label}: deze werkmap heeft geen blad '${sheet}'.`,
    badReference: (label, text) =>
      `${label}: '${text}' is geen celadres of naam. Typ bijvoorbeeld Invoer!C5:C56, of kies 'Gebruik selectie'.`,
    badDate: (text) =>
      `Eerste week: '${text}' is geen datum. Typ bijvoorbeeld 2024-01-01 of kies een cel met een datum.`,
    nameNotUsable: (label, name) =>
      `${label}: de naam '${name}' verwijst niet naar één blok cellen of een getal. Pas de naam aan via Formules > Namen beheren.`,
    // The same sentence as `npm run plan` gives.
    workbookProtected: LOCKED_STRUCTURE_TEXT.nl,
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
      `${label}: ${text} ligt niet tussen 0 en 1. Typ een deel zoals 0,137 of een percentage zoals 13,7%.`,
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
    forecastLevelSpread: (label) =>
      `${label}: laat dit veld leeg. De instroom komt uit de prognose van de instroomhistorie, en de onzekerheid van de prognose neemt de plaats in van de spreiding van het instroomniveau.`,
    forecastModel: (label, model) =>
      `${label}: ${model} kan niet samen met een instroom uit de prognose van de instroomhistorie, die zijn eigen onzekerheid meebrengt; kies Poisson (of Vast).`,
    simulation: (detail) => `De onzekerheid kon niet worden doorgerekend: ${detail}`,
    inputsChanged:
      "De invoer is veranderd terwijl de Voorraadplanner rekende (misschien door iemand die tegelijk in deze werkmap werkt). Er is niets geschreven; probeer het opnieuw.",
    notFinite: (cell) =>
      `De prognose kon niet worden berekend: cel ${cell} van het blad zou geen eindig getal bevatten. Kijk de invoer na op uitzonderlijk grote of kleine getallen.`,
    baseline: (table) =>
      `De basislijn in de tabel ${table} is niet te lezen (een cel is geen getal, of de weken staan niet op volgorde); herstel de tabel, of leg met Nieuwe basislijn een nieuwe vast. Er is niets geschreven.`,
  },
  en: {
    missing: (label, names) =>
      `Fill in the ${label.toLowerCase()}: select the cell(s) and choose 'Use selection', type an address such as Invoer!C5, or define the name ${names}.`,
    orHistory: (historyLabel) =>
      ` Or fill in the ${historyLabel.toLowerCase()} (name IntakeHistory): the plan then uses its forecast.`,
    unknownName: (label, name) => `${label}: this workbook has no name '${name}'. Type an address or an existing name.`,
    unknownSheet: (label, sheet) => `${label}: this workbook has no sheet '${sheet}'.`,
    badReference: (label, text) =>
      `${label}: '${text}' is not a cell address or a name. Type for example Invoer!C5:C56, or choose 'Use selection'.`,
    badDate: (text) =>
      `First week: '${text}' is not a date. Type for example 2024-01-01 or choose a cell holding a date.`,
    nameNotUsable: (label, name) =>
      `${label}: the name '${name}' does not refer to one block of cells or a number. Change it in Formulas > Name Manager.`,
    workbookProtected: LOCKED_STRUCTURE_TEXT.en,
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
      `${label}: ${text} is not between 0 and 1. Type a share such as 0.137 or a percentage such as 13.7%.`,
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
    forecastLevelSpread: (label) =>
      `${label}: leave this field empty. The intake comes from the intake history's forecast, and the forecast's own uncertainty takes the place of the intake level spread.`,
    forecastModel: (label, model) =>
      `${label}: ${model} cannot go with an intake from the intake history's forecast, which brings its own uncertainty; choose Poisson (or Fixed).`,
    simulation: (detail) => `The uncertainty could not be calculated: ${detail}`,
    inputsChanged:
      "The inputs changed while the Backlog Planner was working (perhaps someone else is editing this workbook). Nothing was written; run it again.",
    notFinite: (cell) =>
      `The projection could not be calculated: cell ${cell} of the sheet would not hold a finite number. Check the inputs for extremely large or small figures.`,
    baseline: (table) =>
      `The baseline in the table ${table} cannot be read (a cell is not a number, or the weeks are out of order); repair the table, or store a new one with New baseline. Nothing was written.`,
  },
};
