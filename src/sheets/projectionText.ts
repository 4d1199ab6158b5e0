/** The projection sheet's words, in Dutch and English: one table, so both languages say the same. */
import type { Language } from "./messages";

interface ProjectionText {
  title: string;
  note: (date: string, live: boolean) => string;
  /** For a horizon too long for live formulas. */
  longNote: (date: string, weeks: number) => string;
  keyFigures: string;
  figure: Record<
    "opening" | "meanIntake" | "capacityRule" | "capacity" | "decisions" | "horizon" | "closing" | "weeksToClear" | "wait" | "lead" | "target" | "required" | "targetWeek",
    string
  >;
  given: string;
  never: string;
  constantMeans: string;
  /** Beside "never": why. */
  neverWhy: string;
  weeksFormat: string;
  wholeWeeksFormat: string;
  daysFormat: string;
  upliftFormat: string;
  waitNote: string;
  leadNote: string;
  memoNote: (memoDays: string, modelDays: string) => string;
  chart: string;
  series: Record<"backlog" | "intake" | "capacity" | "decisions", string>;
  week: string;
  backlogAxis: string;
  flowAxis: string;
  columns: readonly string[];
  helpers: readonly string[];
  spreadLabel: string;
  helpersNote: string;
  unchangedLabel: string;
  fixed: (date: string) => string;
  unchanged: (date: string) => string;
  changed: (date: string) => string;
  uncertaintyTitle: string;
  tracksTitle: (sample: boolean) => string;
}

export const PROJECTION_TEXT: Record<Language, ProjectionText> = {
  nl: {
    title: "Prognose voorraad opvolgende asielaanvragen",
    note: (date, live) =>
      `Gemaakt door de Voorraadplanner op ${date}. ` +
      (live
        ? "De cijfers zijn formules op de invoercellen: wijzig de invoer en de prognose rekent mee, ook zonder de add-in. "
        : "De cijfers zijn formules; invoer die in het taakvenster is getypt, staat er als getal. ") +
      "Een nieuwe prognose vervangt dit blad.",
    longNote: (date, weeks) =>
      `Gemaakt door de Voorraadplanner op ${date}. Horizon langer dan ${weeks} weken: de weekcijfers zijn getallen van die dag en rekenen niet mee.`,
    keyFigures: "Kerncijfers",
    figure: {
      opening: "Beginvoorraad",
      meanIntake: "Instroom per week (gemiddeld)",
      capacityRule: "Capaciteit per week (planningsregel)",
      capacity: "Capaciteit per week (gemiddeld)",
      decisions: "Afdoeningen per week (gemiddeld)",
      horizon: "Horizon",
      closing: "Voorraad aan einde horizon",
      weeksToClear: "Weken tot de voorraad nul is",
      wait: "Wachttijd nieuwe aanvraag",
      lead: "Doorlooptijd afgedane zaken",
      target: "Streefvoorraad (vul in)",
      required: "Capaciteit nodig voor streefvoorraad",
      targetWeek: "Streefvoorraad bereikt in week",
    },
    given: "opgegeven",
    never: "nooit",
    constantMeans: "bij constante gemiddelden",
    neverWhy: "capaciteit ≤ instroom",
    weeksFormat: '#,##0.0" weken"',
    wholeWeeksFormat: '0" weken"',
    daysFormat: '#,##0" dagen"',
    upliftFormat: '"instroom + "0%',
    waitNote:
      "Wachttijd: wat een nieuwe aanvraag aan het einde van de horizon kan verwachten, de voorraad gedeeld door de afdoeningen per week (wet van Little).",
    leadNote:
      "Doorlooptijd: hoe lang de afgedane zaken gemiddeld hebben gewacht, over de hele horizon, wie eerst komt eerst maalt; de beginvoorraad is gelijk verdeeld over de weken vóór week 1 (beginvoorraad ÷ instroom).",
    memoNote: (memoDays, modelDays) =>
      `Vergelijk met de nota: ${memoDays} dagen doorlooptijd in 2023, over alle afdoeningsgronden. Dit model geeft voor 2023 (1580 open, 1390 ingediend, 1530 afgedaan) ${modelDays} dagen: het rekent met één rij en zonder de snellere routes (spoor 2 met voorrang, buiten behandeling na 88 dagen). Lees deze doorlooptijd dus als aan de hoge kant.`,
    chart: "Voorraad en wekelijkse stromen",
    series: {
      backlog: "Voorraad (linkeras)",
      intake: "Instroom per week",
      capacity: "Capaciteit per week",
      decisions: "Afdoeningen per week",
    },
    week: "Week",
    backlogAxis: "Voorraad (zaken)",
    flowAxis: "Zaken per week",
    columns: [
      "Week",
      "Beginweek",
      "ISO-week",
      "Instroom",
      "Capaciteit",
      "Afdoeningen",
      "Voorraad eind week",
      "Wachttijd nieuwe aanvraag (weken)",
      "Doorlooptijd afgedane zaken (weken)",
    ],
    helpers: [
      "Hulp: instroom vóór de week",
      "Hulp: aankomsttijd vóór de week",
      "Hulp: afgedaan t/m de week",
      "Hulp: afgedaan na beginvoorraad",
      "Hulp: week van aankomst",
      "Hulp: som aankomsttijden",
    ],
    spreadLabel: "Beginvoorraad ingediend over (weken):",
    helpersNote: "Hulpkolommen voor de doorlooptijd van afgedane zaken; ze worden niet afgedrukt.",
    unchangedLabel: "Invoer gelijk aan die van de vaste waarden:",
    fixed: (date) => `Vaste waarden, berekend op ${date} met de invoer van dat moment: ze rekenen niet mee als de invoer verandert.`,
    unchanged: (date) => `Invoer ongewijzigd sinds de berekening op ${date}.`,
    changed: (date) => `LET OP: invoer gewijzigd na ${date}; maak een nieuwe prognose.`,
    uncertaintyTitle: "Onzekerheid (Monte Carlo)",
    tracksTitle: (sample) => (sample ? "Sporen per behandelspoor (voorbeeldinstelling)" : "Sporen per behandelspoor"),
  },
  en: {
    title: "Backlog projection, subsequent asylum applications",
    note: (date, live) =>
      `Made by the Backlog Planner on ${date}. ` +
      (live
        ? "The figures are formulas on the input cells: change the inputs and the projection follows, also without the add-in. "
        : "The figures are formulas; inputs typed into the task pane appear as numbers. ") +
      "A new projection replaces this sheet.",
    longNote: (date, weeks) =>
      `Made by the Backlog Planner on ${date}. Horizon over ${weeks} weeks: the weekly figures are numbers of that day and do not recalculate.`,
    keyFigures: "Key figures",
    figure: {
      opening: "Opening backlog",
      meanIntake: "Intake per week (mean)",
      capacityRule: "Capacity per week (planning rule)",
      capacity: "Capacity per week (mean)",
      decisions: "Decisions per week (mean)",
      horizon: "Horizon",
      closing: "Backlog at the horizon",
      weeksToClear: "Weeks until the backlog is zero",
      wait: "Wait for a new application",
      lead: "Lead time of decided cases",
      target: "Target backlog (enter)",
      required: "Capacity needed for the target",
      targetWeek: "Target reached in week",
    },
    given: "as given",
    never: "never",
    constantMeans: "at constant means",
    neverWhy: "capacity ≤ intake",
    weeksFormat: '#,##0.0" weeks"',
    wholeWeeksFormat: '0" weeks"',
    daysFormat: '#,##0" days"',
    upliftFormat: '"intake + "0%',
    waitNote: "Wait: what a new application can expect at the end of the horizon, the backlog divided by the decisions per week (Little's law).",
    leadNote:
      "Lead time: how long the decided cases waited on average over the whole horizon, first in, first out; the opening backlog is spread evenly over the weeks before week 1 (opening backlog ÷ intake).",
    memoNote: (memoDays, modelDays) =>
      `Compare the memo: a lead time of ${memoDays} days in 2023, across all grounds of decision. This model gives ${modelDays} days for 2023 (1580 open, 1390 filed, 1530 decided): it reckons with one queue and without the faster routes (track 2 first, set aside after 88 days). Read this lead time as on the high side.`,
    chart: "Backlog and weekly flows",
    series: {
      backlog: "Backlog (left axis)",
      intake: "Intake per week",
      capacity: "Capacity per week",
      decisions: "Decisions per week",
    },
    week: "Week",
    backlogAxis: "Backlog (cases)",
    flowAxis: "Cases per week",
    columns: [
      "Week",
      "Week start",
      "ISO week",
      "Intake",
      "Capacity",
      "Decisions",
      "Backlog end of week",
      "Wait for a new application (weeks)",
      "Lead time of decided cases (weeks)",
    ],
    helpers: [
      "Helper: intake before the week",
      "Helper: arrival times before the week",
      "Helper: decided to the week",
      "Helper: decided after the opening",
      "Helper: week of arrival",
      "Helper: sum of arrival times",
    ],
    spreadLabel: "Opening backlog filed over (weeks):",
    helpersNote: "Helper columns for the lead time of decided cases; they are not printed.",
    unchangedLabel: "Inputs equal to those of the fixed values:",
    fixed: (date) => `Fixed values, computed on ${date} with the inputs of that day: they do not follow when the inputs change.`,
    unchanged: (date) => `Inputs unchanged since the computation on ${date}.`,
    changed: (date) => `WARNING: inputs changed after ${date}; make a new projection.`,
    uncertaintyTitle: "Uncertainty (Monte Carlo)",
    tracksTitle: (sample) => (sample ? "Processing tracks (example setting)" : "Processing tracks"),
  },
};
