/**
 * The result's words in Dutch and English: the headline figures, the uncertainty band, the
 * tracks, the notes under a run, and the text the pane writes on the projection sheet.
 */
import type { Language } from "../sheets/messages";
import type { TrackKey } from "./strings";

export interface ResultText {
  heading: string;
  period: string;
  closing: string;
  weeksToClear: string;
  never: string;
  /** Backlog ÷ decisions at the horizon: the wait for a new application. */
  leadTime: string;
  /** The memo's lead time: mean time waited by the cases decided over the horizon. */
  decidedLeadTime: string;
  required: (target: string, weeks: string) => string;
  /** When the plan reaches the planner's target (TargetBacklog): "Streefvoorraad 1.100 bereikt". */
  targetReached: (target: string) => string;
  weeks: (n: string) => string;
  uncertaintyHeading: string;
  band: (low: string, high: string) => string;
  bandLabel: string;
  median: string;
  tracksHeading: string;
  trackClosing: (track: string) => string;
  totalClosing: string;
  tracks: Record<TrackKey, string>;
  /** Read out after a run, with the key figure: "Voorraad aan het einde van de horizon: 1310." */
  keyFigure: (label: string, value: string) => string;
}

export const RESULT_TEXT: Record<Language, ResultText> = {
  nl: {
    heading: "Resultaat",
    period: "Periode",
    closing: "Voorraad aan het einde van de horizon",
    weeksToClear: "Weken tot de voorraad nul is",
    never: "nooit: de capaciteit is niet groter dan de instroom",
    leadTime: "Wachttijd nieuwe aanvraag aan het einde (weken)",
    decidedLeadTime: "Doorlooptijd afgedane zaken, gemiddeld (weken)",
    required: (target, weeks) => `Benodigde capaciteit per week voor een voorraad van ${target} in ${weeks} weken`,
    targetReached: (target) => `Streefvoorraad ${target} bereikt`,
    weeks: (n) => `${n} weken`,
    uncertaintyHeading: "Onzekerheid",
    band: (low, high) => `${low} – ${high}`,
    bandLabel: "Voorraad aan het einde, P10–P90",
    median: "Mediaan aan het einde (P50)",
    tracksHeading: "Sporen",
    trackClosing: (track) => `Voorraad ${track} aan het einde`,
    totalClosing: "Voorraad alle sporen samen aan het einde",
    tracks: { fast: "triage (Ter Apel)", safe: "spoor 2", regular: "spoor 4" },
    keyFigure: (label, value) => `${label}: ${value}.`,
  },
  en: {
    heading: "Result",
    period: "Period",
    closing: "Backlog at the horizon",
    weeksToClear: "Weeks to clear the backlog",
    never: "never: capacity does not exceed intake",
    leadTime: "Wait for a new application at the horizon (weeks)",
    decidedLeadTime: "Lead time of decided cases, mean (weeks)",
    required: (target, weeks) => `Required weekly capacity for a backlog of ${target} in ${weeks} weeks`,
    targetReached: (target) => `Target backlog ${target} reached`,
    weeks: (n) => `${n} weeks`,
    uncertaintyHeading: "Uncertainty",
    band: (low, high) => `${low} – ${high}`,
    bandLabel: "Backlog at the horizon, P10–P90",
    median: "Median at the horizon (P50)",
    tracksHeading: "Tracks",
    trackClosing: (track) => `Backlog ${track} at the horizon`,
    totalClosing: "Backlog of all tracks at the horizon",
    tracks: { fast: "triage (Ter Apel)", safe: "track 2", regular: "track 4" },
    keyFigure: (label, value) => `${label}: ${value}.`,
  },
};

export interface NoteText {
  manualCalculation: string;
  trimmed: (from: string, to: string) => string;
  whatIfWithoutSections: string;
}

export const NOTE_TEXT: Record<Language, NoteText> = {
  nl: {
    manualCalculation:
      "Let op: Excel rekent handmatig (Formules > Berekeningsopties). De formules op het blad worden pas bijgewerkt als u op F9 drukt. De Voorraadplanner verandert deze instelling niet.",
    trimmed: (from, to) => `${from} is een hele kolom of rij; alleen het gebruikte deel ${to} is gelezen.`,
    whatIfWithoutSections:
      "Het what-if blad bevat geen sporen (die staan op het prognoseblad). Zijn onzekerheidsblok is vast berekend voor het huidige plan: Poisson-instroom, 10.000 simulaties, startgetal 2024.",
  },
  en: {
    manualCalculation:
      "Note: Excel calculates manually (Formulas > Calculation Options). The formulas on the sheet update only when you press F9. The Backlog Planner does not change this setting.",
    trimmed: (from, to) => `${from} covers a whole column or row; only its used part ${to} was read.`,
    whatIfWithoutSections:
      "The what-if sheet holds no tracks (they are on the projection sheet). Its uncertainty block is fixed, for the current plan: Poisson intake, 10,000 runs, seed 2024.",
  },
};

/** Text the pane writes on the projection sheet: the tracks block's header, the horizon's end. */
export interface SheetText {
  tracksTitle: string;
  tracksNote: (fast: string, safe: string, regular: string, days: string) => string;
  /** Where the chance sentence says the horizon ends: "aan het eind van week 2024-W30". */
  whenWeek: (isoWeek: string) => string;
}

export const SHEET_TEXT: Record<Language, SheetText> = {
  nl: {
    tracksTitle: "Sporen: voorraad per behandelspoor",
    tracksNote: (fast, safe, regular, days) =>
      `Aandeel van de instroom: triage (Ter Apel) ${fast}, spoor 2 (veilige landen) ${safe}, spoor 4 ${regular}. Triage heeft eigen, extra capaciteit en een doorlooptijd van ${days} dagen; spoor 2 en spoor 4 delen de capaciteit van de prognose, spoor 2 eerst.`,
    whenWeek: (isoWeek) => `aan het eind van week ${isoWeek}`,
  },
  en: {
    tracksTitle: "Tracks: backlog by processing track",
    tracksNote: (fast, safe, regular, days) =>
      `Share of intake: triage (Ter Apel) ${fast}, track 2 (safe countries) ${safe}, track 4 ${regular}. Triage has its own, extra capacity and a lead time of ${days} days; tracks 2 and 4 share the projection's capacity, track 2 first.`,
    whenWeek: (isoWeek) => `at the end of week ${isoWeek}`,
  },
};
