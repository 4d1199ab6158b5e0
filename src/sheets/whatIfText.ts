/** The what-if sheet's words, in Dutch and English: one table, so both languages say the same. */
import type { ScenarioId } from "../engine/whatIf";
import type { Language } from "./messages";

export type InputId =
  | "opening"
  | "intake"
  | "uplift"
  | "extra"
  | "triage"
  | "withoutHearing"
  | "triagedOpening"
  | "perFte"
  | "triageStaff"
  | "openingSpread"
  | "horizon"
  | "target"
  | "clearWithin"
  | "planPerYear"
  | "custom"
  | "firstWeek";

export type { ScenarioId };

/** The figures the uncertainty block was simulated with, formatted for its note. */
export interface FrozenPlan {
  opening: string;
  intake: string;
  capacity: string;
  weeks: string;
}

/** What a planner may type into one input, in words for Excel's prompt and its refusal. */
export interface InputHelp {
  /** At most 32 characters (Excel's limit on a validation title); the input's label when absent. */
  title?: string;
  /** Shown when the cell is selected: where the value comes from and what it may be; the label and its note when absent. */
  prompt?: string;
  /** Shown when a value is refused; the language's `anyNumber` when absent. */
  error?: string;
}

export const WHAT_IF_TEXT = {
  nl: {
    sheet: "What-if",
    title: "What-if: voorraad opvolgende asielaanvragen",
    note: (date: string) =>
      `Gemaakt door de Voorraadplanner op ${date}. Typ nieuwe getallen in kolom B: alles rekent direct mee, ook zonder de add-in, behalve de onzekerheid. Klik op een invoercel voor uitleg.`,
    inputHeader: ["Invoer", "Waarde", "Toelichting"],
    input: {
      opening: "Beginvoorraad",
      intake: "Instroom per week",
      uplift: "Opslag planningsregel",
      extra: "Extra capaciteit per week",
      triage: "Triage (Ter Apel): aandeel incompleet",
      withoutHearing: "Triage (Ter Apel): aandeel zonder gehoor",
      triagedOpening: "Getrieerd deel van de beginvoorraad",
      perFte: "Beslissingen per fte per week",
      triageStaff: "Extra fte triage: nieuw personeel?",
      openingSpread: "Beginvoorraad ingediend over (weken)",
      horizon: "Horizon (weken)",
      target: "Streefvoorraad",
      clearWithin: "Streefvoorraad bereiken binnen (weken)",
      planPerYear: "Huidig plan: afdoeningen per jaar",
      custom: "Eigen scenario: afdoeningen per week",
      firstWeek: "Eerste week (datum)",
    } as Record<InputId, string>,
    /** Short notes beside the inputs; the prompt of each cell says more. */
    source: {
      opening: "uit de werkmap",
      intakeSeries: (weeks: number) => `gemiddelde van ${weeks} weken uit de werkmap`,
      intakeSingle: "uit de werkmap",
      uplift: "instroom + opslag, vast gehouden",
      extra: "bij scenario 2, 3 en 4",
      triage: (given: boolean) => (given ? "incompleet, direct beslist" : "nota 2023: 190 van 1390"),
      withoutHearing: "nota: geen aantal",
      triagedOpening: "triage neemt dit direct af",
      perFte: (example: boolean) => (example ? "voorbeeldcijfer" : "uit de werkmap"),
      triageStaff: "nee: van ander werk (aanname)",
      openingSpread: (weeks: string) => `voorraad ÷ instroom = ${weeks}`,
      horizon: (max: number) => `1 tot ${max} weken`,
      target: (given: boolean) => (given ? "Doelvoorraad; scenario 5, streefweken" : "geen doelvoorraad gegeven"),
      clearWithin: "scenario 5; 104 = 2 jaar",
      planPerYear: (given: boolean) => (given ? "capaciteit werkmap × 52" : "plan 2024 uit de nota"),
      custom: "pas aan in het overleg",
      firstWeek: "alleen voor de datums",
    },
    help: {
      intake: { prompt: "Nieuwe opvolgende aanvragen per week. De nota: zo'n 25 per week." },
      uplift: { prompt: "De planningsregel: 10% meer afdoeningen per week dan de instroom, vast gehouden. Van -100% tot 1000%.", error: "Typ een percentage van -100% tot 1000%, bijvoorbeeld 10%." },
      triage: { title: "Aandeel incompleet (triage)", prompt: "Deel van de instroom dat incompleet is en in Ter Apel direct wordt beslist, met extra fte. De nota, 2023: 190 van 1390 = 13,7%.", error: "Typ een aandeel van 0% tot 100%; samen met het aandeel zonder gehoor hoogstens 100%." },
      withoutHearing: { title: "Aandeel zonder gehoor (triage)", prompt: "Deel van de instroom dat zonder gehoor wordt beslist. De nota spreekt van 'enkel tientallen' per jaar, zonder aantal.", error: "Typ een aandeel van 0% tot 100%; samen met het aandeel incompleet hoogstens 100%." },
      triagedOpening: { title: "Getrieerd deel beginvoorraad", prompt: "Deel van de beginvoorraad dat triage direct afhandelt (scenario 3 en 4). Van 0% tot 100%.", error: "Typ een aandeel van 0% tot 100%." },
      perFte: { prompt: "Voor alle capaciteit in fte en de extra fte van triage. 1,5 is een voorbeeldcijfer: vul het eigen cijfer in. Meer dan 0.", error: "Typ een aantal beslissingen per fte per week groter dan 0." },
      triageStaff: { title: "Triage-fte nieuw personeel?", prompt: "ja: de extra fte van triage zijn nieuw personeel. nee (standaard): ze komen van ander werk, een aanname; de nota zegt 'extra fte wanneer nodig', de minister 'ik heb geen extra mensen in de aanbieding'.", error: "Kies ja of nee." },
      target: { prompt: "De streefvoorraad: voor scenario 5 en de week waarin elk scenario hem haalt. Uit de naam Doelvoorraad van de werkmap, als die er is.", error: "Typ een getal van 0 of meer." },
      openingSpread: { title: "Beginvoorraad ingediend over", prompt: "Over hoeveel weken de beginvoorraad is ingediend (de leeftijd van de voorraad), gelijk verdeeld; standaard voorraad ÷ instroom." },
      horizon: { prompt: "Aantal weken van de scenario's. De weektabel rechts heeft zoveel rijen als het grootste toegestane getal." },
      clearWithin: { title: "Streefvoorraad bereiken binnen", prompt: "In hoeveel weken scenario 5 de streefvoorraad bereikt; 104 weken = 2 jaar.", error: "Typ een heel aantal weken van 1 tot 10.000." },
      planPerYear: { title: "Huidig plan per jaar", prompt: "Afdoeningen per jaar in het huidige plan; de nota: 1600 in 2024." },
      custom: { title: "Eigen scenario per week", prompt: "Afdoeningen per week van het eigen scenario; nu gepland: 30 à 40 per week." },
      firstWeek: { prompt: "Datum van de eerste week (maandag), alleen voor de datums in de weektabel. Mag leeg blijven.", error: "Typ een datum, bijvoorbeeld 1-1-2024." },
    } as Partial<Record<InputId, InputHelp>>,
    anyNumber: "Typ een getal van 0 of meer.",
    horizonError: (max: number) => `Typ een heel aantal weken van 1 tot ${max}.`,
    scenariosTitle: "Scenario's naast elkaar",
    comparison: [
      "Scenario",
      "Instroom per week",
      "Capaciteit per week",
      "Voorraad aan einde horizon",
      "Weken tot voorraad nul",
      "Wachttijd nieuwe aanvraag (weken)",
      "Afdoeningen per week",
      "Doorlooptijd afgedane zaken (weken, gem.)",
      "Beslissingen van ander werk (horizon)",
    ],
    scenario: {
      plan: "1. Huidig plan",
      rule: "2. Planningsregel",
      triage: "3. Regel + triage (Ter Apel)",
      whole: "4. Heel besluit: plan + regel + triage",
      required: "5. Nodig voor streefvoorraad",
      custom: "6. Eigen scenario",
    } as Record<ScenarioId, string>,
    explanation: {
      plan: "afdoeningen per jaar ÷ 52, elke week gelijk",
      rule: "instroom × (1 + opslag) + extra; minder dan de 30 à 40 van nu",
      triage: "de regel, ingezet op wat triage overlaat (triage heeft eigen fte)",
      whole: "hoogste van plan en regel + extra, na triage (\"ter aanvulling\")",
      required: "instroom + (beginvoorraad − streefvoorraad) ÷ termijn",
      custom: "de capaciteit uit de invoer",
    } as Record<ScenarioId, string>,
    chartNote: (weeks: number) =>
      `De grafiek toont de ${weeks} weken van de horizon bij het maken van dit blad: een kortere horizon laat de lijnen eerder stoppen; een langere staat in de weektabel rechts, niet in de grafiek.`,
    triageFte: "Extra fte voor triage (Ter Apel)",
    triageFteNote: "getrieerd per week ÷ beslissingen per fte",
    never: "nooit",
    none: "n.v.t.",
    yes: "ja",
    no: "nee",
    freed: "vrij",
    weeklyTitle: "Voorraad per week (einde week); lege cellen: na de horizon",
    helpersTitle: "Grafiekhulp: #N/A na de horizon (de grafiek slaat het over)",
    week: "Week",
    weekStart: "Beginweek",
    chart: "Voorraad per week per scenario",
    cases: "Voorraad (zaken)",
    frozen: (date: string, plan: FrozenPlan) =>
      `Vaste waarden, berekend bij het maken van dit blad (${date}); ze rekenen niet mee als u de invoer wijzigt. ` +
      `Huidig plan: beginvoorraad ${plan.opening}, instroom ${plan.intake} en capaciteit ${plan.capacity} per week, ${plan.weeks} weken.`,
    uncertaintyTitle: "Onzekerheid: voorraad per week (Monte Carlo, vaste waarden)",
    notSimulated: (reason: string) => `Onzekerheid niet berekend: ${reason}`,
  },
  en: {
    sheet: "What-if",
    title: "What-if: backlog of subsequent asylum applications",
    note: (date: string) =>
      `Made by the Backlog Planner on ${date}. Type new figures in column B: everything recalculates at once, also without the add-in, except the uncertainty. Click an input cell for help.`,
    inputHeader: ["Input", "Value", "Notes"],
    input: {
      opening: "Opening backlog",
      intake: "Intake per week",
      uplift: "Planning rule uplift",
      extra: "Extra capacity per week",
      triage: "Triage (Ter Apel): share incomplete",
      withoutHearing: "Triage (Ter Apel): share without a hearing",
      triagedOpening: "Triaged part of the opening backlog",
      perFte: "Decisions per fte per week",
      triageStaff: "Triage's extra fte: new staff?",
      openingSpread: "Opening backlog filed over (weeks)",
      horizon: "Horizon (weeks)",
      target: "Target backlog",
      clearWithin: "Reach the target within (weeks)",
      planPerYear: "Current plan: decisions per year",
      custom: "Custom scenario: decisions per week",
      firstWeek: "First week (date)",
    } as Record<InputId, string>,
    source: {
      opening: "from the workbook",
      intakeSeries: (weeks: number) => `mean of ${weeks} weeks, workbook`,
      intakeSingle: "from the workbook",
      uplift: "intake + uplift, held steady",
      extra: "in scenarios 2, 3 and 4",
      triage: (given: boolean) => (given ? "incomplete, decided at once" : "memo 2023: 190 of 1390"),
      withoutHearing: "memo: no number",
      triagedOpening: "triage takes it out at once",
      perFte: (example: boolean) => (example ? "example figure" : "from the workbook"),
      triageStaff: "no: from other work (assumed)",
      openingSpread: (weeks: string) => `backlog ÷ intake = ${weeks}`,
      horizon: (max: number) => `1 to ${max} weeks`,
      target: (given: boolean) => (given ? "TargetBacklog; scenario 5, target weeks" : "no target backlog given"),
      clearWithin: "scenario 5; 104 = 2 years",
      planPerYear: (given: boolean) => (given ? "workbook capacity × 52" : "the memo's 2024 plan"),
      custom: "edit in the meeting",
      firstWeek: "only for the dates",
    },
    help: {
      intake: { prompt: "New subsequent applications per week. The memo: about 25 a week." },
      uplift: { prompt: "The planning rule: 10% more decisions per week than the intake, held steady. From -100% to 1000%.", error: "Type a percentage from -100% to 1000%, for example 10%." },
      triage: { title: "Share incomplete (triage)", prompt: "Share of intake that is incomplete and decided at once in Ter Apel, with extra staff. The memo, 2023: 190 of 1390 = 13.7%.", error: "Type a share from 0% to 100%; with the share without a hearing at most 100%." },
      withoutHearing: { title: "Share without hearing (triage)", prompt: "Share of intake decided without a hearing. The memo speaks of 'a few tens' a year, without a number.", error: "Type a share from 0% to 100%; with the incomplete share at most 100%." },
      triagedOpening: { title: "Triaged part of opening", prompt: "Part of the opening backlog that triage takes out at once (scenarios 3 and 4). From 0% to 100%.", error: "Type a share from 0% to 100%." },
      perFte: { prompt: "For all capacity in fte and triage's extra staff. 1.5 is an example figure: enter your own. More than 0.", error: "Type a number of decisions per fte per week above 0." },
      triageStaff: { title: "Triage's fte new staff?", prompt: "yes: triage's extra fte are new staff. no (default): they come from other work, an assumption; the memo says 'extra fte when needed', the Minister 'I have no extra people on offer'.", error: "Choose yes or no." },
      target: { prompt: "The target backlog: for scenario 5 and the week each scenario reaches it. From the workbook's name TargetBacklog, when it has one.", error: "Type a number of 0 or more." },
      openingSpread: { title: "Opening backlog filed over", prompt: "Over how many weeks the opening backlog was filed (its age), spread evenly; by default backlog ÷ intake." },
      horizon: { prompt: "Weeks of the scenarios. The weekly table on the right has as many rows as the largest number allowed." },
      clearWithin: { prompt: "In how many weeks scenario 5 reaches the target; 104 weeks = 2 years.", error: "Type a whole number of weeks from 1 to 10,000." },
      planPerYear: { prompt: "Decisions per year in the current plan; the memo: 1600 in 2024." },
      custom: { title: "Custom scenario per week", prompt: "Decisions per week of the custom scenario; scheduled now: 30 to 40 a week." },
      firstWeek: { prompt: "Date of the first week (a Monday), only for the dates in the weekly table. May stay blank.", error: "Type a date, for example 2024-01-01." },
    } as Partial<Record<InputId, InputHelp>>,
    anyNumber: "Type a number of 0 or more.",
    horizonError: (max: number) => `Type a whole number of weeks from 1 to ${max}.`,
    scenariosTitle: "Scenarios side by side",
    comparison: [
      "Scenario",
      "Intake per week",
      "Capacity per week",
      "Backlog at the horizon",
      "Weeks to clear",
      "Wait for a new application (weeks)",
      "Decisions per week",
      "Lead time of decided cases (weeks, mean)",
      "Decisions taken from other work (horizon)",
    ],
    scenario: {
      plan: "1. Current plan",
      rule: "2. Planning rule",
      triage: "3. Rule + triage (Ter Apel)",
      whole: "4. Whole decision: plan + rule + triage",
      required: "5. Required for the target",
      custom: "6. Custom scenario",
    } as Record<ScenarioId, string>,
    explanation: {
      plan: "decisions per year ÷ 52, the same every week",
      rule: "intake × (1 + uplift) + extra; below the 30 to 40 of now",
      triage: "the rule, spent on what triage leaves (triage has its own staff)",
      whole: "the higher of plan and rule, + extra, after triage",
      required: "intake + (opening backlog − target) ÷ weeks",
      custom: "the capacity from the inputs",
    } as Record<ScenarioId, string>,
    chartNote: (weeks: number) =>
      `The chart shows the ${weeks} weeks of the horizon when this sheet was made: a shorter horizon ends the lines earlier; a longer one is in the weekly table on the right, not in the chart.`,
    triageFte: "Extra staff (fte) for triage (Ter Apel)",
    triageFteNote: "triaged per week ÷ decisions per fte",
    never: "never",
    none: "n/a",
    yes: "yes",
    no: "no",
    freed: "freed",
    weeklyTitle: "Backlog per week (end of week); blank cells: past the horizon",
    helpersTitle: "Chart helper: #N/A past the horizon (the chart skips it)",
    week: "Week",
    weekStart: "Week start",
    chart: "Backlog per week by scenario",
    cases: "Backlog (cases)",
    frozen: (date: string, plan: FrozenPlan) =>
      `Fixed values, computed when this sheet was made (${date}); they do not recalculate when you change the inputs. ` +
      `Current plan: opening backlog ${plan.opening}, intake ${plan.intake} and capacity ${plan.capacity} a week, ${plan.weeks} weeks.`,
    uncertaintyTitle: "Uncertainty: backlog per week (Monte Carlo, fixed values)",
    notSimulated: (reason: string) => `Uncertainty not computed: ${reason}`,
  },
} as const;

export type WhatIfLabels = (typeof WHAT_IF_TEXT)[Language];
