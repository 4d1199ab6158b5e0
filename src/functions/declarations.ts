/**
 * Every =IND.* function's arguments, declared once as data (like HyperFormula's plugin
 * `parameters`): name in English and Dutch, kind, allowed range, default, optional or not.
 *
 * The argument reader (args.ts) checks with it, the messages name arguments by it, the build
 * derives functions-nl.json from it (webpack.config.js), and the docs tests hold docs/functions.md
 * and docs/functies.md to it. The English descriptions live in the JSDoc (the metadata plugin's
 * source); the Dutch ones live here, the one translation table. A test fails when the JSDoc and
 * this table disagree on names, order or optional flags.
 *
 * Keep this file free of Office and of anything but the engine's rules: the build loads it.
 */
import { DEFAULT_RUNS, DEFAULT_SEED, PERCENTILE_RULE, RUNS_RULE, SEED_RULE } from "../engine/montecarlo/options";
import { DEFAULT_UPLIFT } from "../engine/project";
import { DEFAULT_FAST_LEAD_TIME_DAYS, FAST_LEAD_TIME_RULE, SHARE_RULE } from "../engine/tracks";
import { NON_NEGATIVE, NumberRule, POSITIVE, UPLIFT_RULE, WEEKS_RULE } from "../engine/validate";
import {
  CONFIDENCE_RULE,
  DEFAULT_CONFIDENCE,
  DEFAULT_PERIODS_PER_YEAR,
  HISTORY_RULE,
  HORIZON_RULE,
  PERIODS_PER_YEAR_RULE,
} from "../engine/forecast/rules";

/**
 * - number: one number (a 1×1 range is unwrapped, a blank counts as 0);
 * - weekly: one number for every week, or one value per week from a one-row or one-column range;
 * - list: the cells of a one-row or one-column range, left for the engine to check by position
 *   (per track, per percentile), so its message can name the position;
 * - history: the cells of a one-row or one-column range, every one a number by the rule: a
 *   blank is refused (not read as 0), and the message names its position ("history, value 5").
 */
export type ArgumentKind = "number" | "weekly" | "list" | "history";

/** Text in both languages the add-in speaks. */
export interface Bilingual {
  readonly en: string;
  readonly nl: string;
}

export interface ArgumentDeclaration {
  /** The English name, exactly as in the JSDoc `@param` (and functions.json). */
  readonly name: string;
  /** The Dutch name shown in functions-nl.json and in Dutch messages. */
  readonly nameNl: string;
  readonly kind: ArgumentKind;
  /** The allowed values; a whole number is `integer: true`. Lists are checked by the engine. */
  readonly rule?: NumberRule;
  readonly optional?: true;
  /** What an omitted optional argument means; `value` when it is one number. */
  readonly default?: Bilingual & { readonly value?: number };
  /** The Dutch parameter help (the English is the JSDoc). */
  readonly descriptionNl: string;
}

export interface FunctionDeclaration {
  /** The id and English name, as in `@customfunction`. */
  readonly id: string;
  readonly nameNl: string;
  readonly descriptionNl: string;
  readonly arguments: readonly ArgumentDeclaration[];
}

/** Week-count default shared by the projections. */
const WEEKS_FROM_RANGE: Bilingual = {
  en: "the length of the intake range, or 52",
  nl: "de lengte van het instroombereik, of 52",
};
const RUNS_DEFAULT = {
  value: DEFAULT_RUNS,
  en: "10,000",
  nl: "10.000",
} as const;
const SEED_DEFAULT = { value: DEFAULT_SEED, en: "2024", nl: "2024" } as const;

const opening = {
  name: "opening",
  nameNl: "beginvoorraad",
  kind: "number",
  rule: NON_NEGATIVE,
  descriptionNl:
    "Voorraad (openstaande zaken) aan het begin van week 1, bijvoorbeeld 1440.",
} as const satisfies ArgumentDeclaration;
const intake = {
  name: "intake",
  nameNl: "instroom",
  kind: "weekly",
  rule: NON_NEGATIVE,
  descriptionNl:
    "Instroom per week: één getal voor elke week, of een kolom of rij met een getal per week.",
} as const satisfies ArgumentDeclaration;
const capacity = {
  name: "capacity",
  nameNl: "capaciteit",
  kind: "weekly",
  rule: NON_NEGATIVE,
  descriptionNl:
    "Beslissingen per week: één getal, of een bereik met een getal per week.",
} as const satisfies ArgumentDeclaration;
const reportWeek = {
  name: "weeks",
  nameNl: "weken",
  kind: "number",
  rule: WEEKS_RULE,
  descriptionNl:
    "De week waarover de functie rapporteert (1 tot 10.000), bijvoorbeeld 52.",
} as const satisfies ArgumentDeclaration;
const runs = {
  name: "runs",
  nameNl: "simulaties",
  kind: "number",
  rule: RUNS_RULE,
  optional: true,
  default: RUNS_DEFAULT,
  descriptionNl:
    "Aantal gesimuleerde verlopen (100 tot 1.000.000); standaard 10.000.",
} as const satisfies ArgumentDeclaration;
const seed = {
  name: "seed",
  nameNl: "startwaarde",
  kind: "number",
  rule: SEED_RULE,
  optional: true,
  default: SEED_DEFAULT,
  descriptionNl:
    "Startwaarde van de toevalsgenerator (een geheel getal); standaard 2024. Dezelfde startwaarde geeft altijd dezelfde uitkomst.",
} as const satisfies ArgumentDeclaration;
const decisionsPerWeek = {
  name: "decisions_per_week",
  nameNl: "beslissingen_per_week",
  kind: "number",
  rule: POSITIVE,
  descriptionNl: "Beslissingen per week (meer dan 0).",
} as const satisfies ArgumentDeclaration;

/** The projection and closed-form functions (functions.ts). */
export const BACKLOG_FUNCTIONS = {
  PROJECT_BACKLOG: {
    id: "PROJECT_BACKLOG",
    nameNl: "PROGNOSE_VOORRAAD",
    descriptionNl:
      "Berekent de voorraad week voor week en geeft die als één kolom: de voorraad aan het eind van elke week. Zonder capaciteit plant de planningsregel (1 + opslag) × gemiddelde instroom, steeds gelijk.",
    arguments: [
      opening,
      intake,
      {
        ...capacity,
        optional: true,
        default: {
          en: "the planning rule: (1 + uplift) × mean intake",
          nl: "de planningsregel: (1 + opslag) × gemiddelde instroom",
        },
        descriptionNl:
          "Beslissingen per week: één getal of een bereik zo lang als de instroom. Laat leeg om de planningsregel toe te passen.",
      },
      {
        name: "weeks",
        nameNl: "weken",
        kind: "number",
        rule: WEEKS_RULE,
        optional: true,
        default: WEEKS_FROM_RANGE,
        descriptionNl:
          "Aantal weken (1 tot 10.000). Standaard de lengte van het instroombereik, of 52.",
      },
      {
        name: "uplift",
        nameNl: "opslag",
        kind: "number",
        rule: UPLIFT_RULE,
        optional: true,
        default: { value: DEFAULT_UPLIFT, en: "0.10", nl: "0,10" },
        descriptionNl:
          "Opslag van de planningsregel op de gemiddelde instroom; standaard 0,10. Alleen gebruikt als capaciteit leeg is.",
      },
    ],
  },
  PLANNED_CAPACITY: {
    id: "PLANNED_CAPACITY",
    nameNl: "GEPLANDE_CAPACITEIT",
    descriptionNl:
      "De vaste wekelijkse capaciteit van de planningsregel: (1 + opslag) × de gemiddelde instroom per week.",
    arguments: [
      {
        ...intake,
        descriptionNl:
          "Instroom per week: één getal, of een bereik met een getal per week (het gemiddelde telt).",
      },
      {
        name: "uplift",
        nameNl: "opslag",
        kind: "number",
        rule: UPLIFT_RULE,
        optional: true,
        default: { value: DEFAULT_UPLIFT, en: "0.10", nl: "0,10" },
        descriptionNl:
          "Opslag op de gemiddelde instroom; standaard 0,10 (de 10% uit de nota).",
      },
    ],
  },
  WEEKS_TO_CLEAR: {
    id: "WEEKS_TO_CLEAR",
    nameNl: "WEKEN_TOT_NUL",
    descriptionNl:
      "Weken tot de voorraad nul is bij gelijkblijvende aantallen: beginvoorraad ÷ (capaciteit − instroom). #N/B als de capaciteit niet boven de instroom ligt.",
    arguments: [
      { ...opening, descriptionNl: "Voorraad nu." },
      {
        ...intake,
        descriptionNl:
          "Instroom per week: één getal, of een bereik (het gemiddelde telt).",
      },
      {
        ...capacity,
        descriptionNl:
          "Beslissingen per week: één getal, of een bereik (het gemiddelde telt).",
      },
    ],
  },
  WEEKS_TO_TARGET: {
    id: "WEEKS_TO_TARGET",
    nameNl: "WEKEN_TOT_DOEL",
    descriptionNl:
      "De eerste week waarin de voorraad aan het eind van de week op of onder het doel ligt; 0 als de beginvoorraad dat al is. Met een getal per week zijn de gegeven weken de horizon; met losse getallen hoogstens 10.000 weken. #N/B als het doel niet wordt gehaald.",
    arguments: [
      opening,
      {
        ...intake,
        descriptionNl:
          "Instroom per week: één getal voor elke week, of een kolom of rij met een getal per week.",
      },
      {
        ...capacity,
        descriptionNl:
          "Beslissingen per week: één getal, of een bereik zo lang als de instroom.",
      },
      {
        name: "target",
        nameNl: "doel",
        kind: "number",
        rule: NON_NEGATIVE,
        descriptionNl: "Voorraad om te bereiken, bijvoorbeeld 1100.",
      },
    ],
  },
  REQUIRED_CAPACITY: {
    id: "REQUIRED_CAPACITY",
    nameNl: "BENODIGDE_CAPACITEIT",
    descriptionNl:
      "Vaste beslissingen per week om de voorraad in het gegeven aantal weken naar het doel te brengen: instroom + (beginvoorraad − doel) ÷ weken.",
    arguments: [
      { ...opening, descriptionNl: "Voorraad nu." },
      {
        ...intake,
        descriptionNl:
          "Instroom per week: één getal, of een bereik (het gemiddelde telt).",
      },
      {
        name: "target",
        nameNl: "doel",
        kind: "number",
        rule: NON_NEGATIVE,
        descriptionNl: "Voorraad die bereikt moet worden, bijvoorbeeld 0.",
      },
      {
        ...reportWeek,
        descriptionNl: "Week waarin het doel bereikt is (1 tot 10.000).",
      },
    ],
  },
  LEAD_TIME: {
    id: "LEAD_TIME",
    nameNl: "DOORLOOPTIJD_WEKEN",
    descriptionNl:
      "Doorlooptijd in weken volgens de wet van Little: voorraad ÷ beslissingen per week. Maal 7 voor dagen.",
    arguments: [
      {
        name: "backlog",
        nameNl: "voorraad",
        kind: "number",
        rule: NON_NEGATIVE,
        descriptionNl: "Openstaande zaken.",
      },
      decisionsPerWeek,
    ],
  },
} as const satisfies Record<string, FunctionDeclaration>;

/** The tracks and shared-capacity functions (tracks.ts). */
export const TRACK_FUNCTIONS = {
  PROJECT_TRACKS: {
    id: "PROJECT_TRACKS",
    nameNl: "PROGNOSE_SPOREN",
    descriptionNl:
      "Berekent de drie behandelsporen week voor week en geeft de voorraad aan het eind van elke week: een rij per week, kolommen triage (Ter Apel), spoor 2 (veilige landen, eerst bediend uit de gedeelde capaciteit) en spoor 4 (de rest).",
    arguments: [
      {
        name: "opening_by_track",
        nameNl: "beginvoorraad_per_spoor",
        kind: "list",
        descriptionNl:
          "Voorraad aan het begin van week 1: drie waarden (triage (Ter Apel), spoor 2, spoor 4), of één totaal dat naar de aandelen wordt verdeeld.",
      },
      {
        ...intake,
        descriptionNl:
          "Instroom per week van alle sporen samen: één getal, of een bereik met een getal per week.",
      },
      {
        name: "shares",
        nameNl: "aandelen",
        kind: "list",
        descriptionNl:
          "Aandeel van de instroom per spoor, elk van 0 tot 1: twee waarden (triage (Ter Apel), spoor 2; spoor 4 krijgt de rest) of drie die samen 1 zijn.",
      },
      {
        ...capacity,
        descriptionNl:
          "Beslissingen per week die spoor 2 en spoor 4 delen: één getal of een bereik zo lang als de instroom.",
      },
      {
        name: "weeks",
        nameNl: "weken",
        kind: "number",
        rule: WEEKS_RULE,
        optional: true,
        default: {
          en: "the length of the intake or capacity range, or 52",
          nl: "de lengte van het instroom- of capaciteitsbereik, of 52",
        },
        descriptionNl:
          "Aantal weken (1 tot 10.000). Standaard de lengte van het instroom- of capaciteitsbereik, of 52.",
      },
      {
        name: "fast_lead_time",
        nameNl: "doorlooptijd_triage",
        kind: "number",
        rule: FAST_LEAD_TIME_RULE,
        optional: true,
        default: {
          value: DEFAULT_FAST_LEAD_TIME_DAYS,
          en: "88 days",
          nl: "88 dagen",
        },
        descriptionNl:
          "Doorlooptijd van triage (Ter Apel) in dagen; standaard 88 (het cijfer uit de nota voor 2023 voor onvolledige aanvragen).",
      },
      {
        name: "triaged_opening_share",
        nameNl: "getrieerd_deel_beginvoorraad",
        kind: "number",
        rule: SHARE_RULE,
        optional: true,
        default: { value: 0, en: "0", nl: "0" },
        descriptionNl:
          "Getrieerd deel van de beginvoorraad, van 0 tot 1: het deel van één totaal dat triage (Ter Apel) krijgt; spoor 2 en 4 delen de rest naar hun aandelen. Standaard 0. Niet gebruikt als de beginvoorraad per spoor is gegeven.",
      },
    ],
  },
  WAIT_WEEKS: {
    id: "WAIT_WEEKS",
    nameNl: "WACHTWEKEN",
    descriptionNl:
      "Wachttijd in weken voor een zaak op deze plaats in de rij, wie eerst komt eerst maalt: positie ÷ beslissingen per week. Maal 7 voor dagen.",
    arguments: [
      {
        name: "position",
        nameNl: "positie",
        kind: "number",
        rule: NON_NEGATIVE,
        descriptionNl:
          "Zaken vóór in de rij, deze meegeteld (voor de nieuwste zaak: de voorraad), bijvoorbeeld 1440.",
      },
      {
        ...decisionsPerWeek,
        descriptionNl: "Beslissingen per week in deze rij (meer dan 0).",
      },
    ],
  },
  FTE_CAPACITY: {
    id: "FTE_CAPACITY",
    nameNl: "FTE_CAPACITEIT",
    descriptionNl:
      "Beslissingen per week uit personeel: fte × beslissingen per fte per week.",
    arguments: [
      {
        name: "fte",
        nameNl: "fte",
        kind: "number",
        rule: NON_NEGATIVE,
        descriptionNl: "Personeel in fte.",
      },
      {
        name: "decisions_per_fte_week",
        nameNl: "beslissingen_per_fte_week",
        kind: "number",
        rule: NON_NEGATIVE,
        descriptionNl: "Beslissingen die één fte per week neemt.",
      },
    ],
  },
  CROWDING_OUT: {
    id: "CROWDING_OUT",
    nameNl: "VERDRINGING",
    descriptionNl:
      "De voorraad van het andere werk na het gegeven aantal weken, als er capaciteit van naar opvolgende aanvragen gaat. Vergelijk met PROGNOSE_VOORRAAD op de eigen capaciteit voor de verdringing.",
    arguments: [
      {
        name: "other_backlog",
        nameNl: "andere_voorraad",
        kind: "number",
        rule: NON_NEGATIVE,
        descriptionNl: "De voorraad van het andere werk nu.",
      },
      {
        name: "other_intake",
        nameNl: "andere_instroom",
        kind: "weekly",
        rule: NON_NEGATIVE,
        descriptionNl:
          "Instroom per week van het andere werk: één getal, of een bereik met een getal per week.",
      },
      {
        name: "other_capacity",
        nameNl: "andere_capaciteit",
        kind: "weekly",
        rule: NON_NEGATIVE,
        descriptionNl:
          "Beslissingen per week van het andere werk vóór er capaciteit verschuift: één getal of een bereik.",
      },
      {
        name: "moved_capacity",
        nameNl: "verschoven_capaciteit",
        kind: "weekly",
        rule: NON_NEGATIVE,
        descriptionNl:
          "Beslissingen per week die naar opvolgende aanvragen gaan, hoogstens andere_capaciteit: één getal of een bereik.",
      },
      {
        ...reportWeek,
        descriptionNl: "Week waarop de voorraad gelezen wordt (1 tot 10.000).",
      },
    ],
  },
} as const satisfies Record<string, FunctionDeclaration>;

/** The Monte Carlo functions (uncertainty.ts): four shared leading arguments, runs and seed last. */
export const UNCERTAINTY_FUNCTIONS = {
  BACKLOG_PERCENTILE: {
    id: "BACKLOG_PERCENTILE",
    nameNl: "VOORRAAD_PERCENTIEL",
    descriptionNl:
      "De voorraad aan het eind van de gegeven week bij een percentiel van een Monte-Carlosimulatie: de instroom per week varieert als Poisson-aankomsten rond de gegeven getallen. 0,5 is de mediaan, 0,9 een voorraad die maar in 10% van de verlopen hoger uitvalt.",
    arguments: [
      opening,
      {
        ...intake,
        descriptionNl:
          "Gemiddelde instroom per week: één getal voor elke week, of een kolom of rij met een getal per week.",
      },
      capacity,
      reportWeek,
      {
        name: "percentile",
        nameNl: "percentiel",
        kind: "number",
        rule: PERCENTILE_RULE,
        descriptionNl: "Van 0 tot 1, bijvoorbeeld 0,9 voor P90.",
      },
      runs,
      seed,
    ],
  },
  BACKLOG_FAN: {
    id: "BACKLOG_FAN",
    nameNl: "VOORRAAD_WAAIER",
    descriptionNl:
      "Monte-Carlowaaier van de voorraad: per week (rijen) de voorraad bij elk percentiel (kolommen). De instroom per week varieert als Poisson-aankomsten rond de gegeven getallen.",
    arguments: [
      opening,
      {
        ...intake,
        descriptionNl:
          "Gemiddelde instroom per week: één getal voor elke week, of een kolom of rij met een getal per week.",
      },
      capacity,
      { ...reportWeek, descriptionNl: "Aantal weken (1 tot 10.000)." },
      {
        name: "percentiles",
        nameNl: "percentielen",
        kind: "list",
        optional: true,
        default: { en: "0.1, 0.5, 0.9", nl: "0,1; 0,5; 0,9" },
        descriptionNl:
          "Percentielen van 0 tot 1, één rij of één kolom; standaard 0,1; 0,5; 0,9 (P10, P50, P90).",
      },
      runs,
      seed,
    ],
  },
  CHANCE_BELOW: {
    id: "CHANCE_BELOW",
    nameNl: "KANS_ONDER_DOEL",
    descriptionNl:
      "De kans, van 0 tot 1, dat de voorraad aan het eind van de gegeven week op of onder het doel ligt, uit een Monte-Carlosimulatie.",
    arguments: [
      opening,
      {
        ...intake,
        descriptionNl:
          "Gemiddelde instroom per week: één getal voor elke week, of een kolom of rij met een getal per week.",
      },
      capacity,
      {
        ...reportWeek,
        descriptionNl:
          "Week waarin het doel gehaald moet zijn (1 tot 10.000), bijvoorbeeld 52.",
      },
      {
        name: "target",
        nameNl: "doel",
        kind: "number",
        rule: NON_NEGATIVE,
        descriptionNl: "Voorraad om op of onder te blijven, bijvoorbeeld 1100.",
      },
      runs,
      seed,
    ],
  },
} as const satisfies Record<string, FunctionDeclaration>;

/** Monitoring: the plan against what actually happened (issue 11). */
export const MONITORING_FUNCTIONS = {
  PLAN_VS_ACTUAL: {
    id: "PLAN_VS_ACTUAL",
    nameNl: "PLAN_TEGEN_WERKELIJK",
    descriptionNl:
      "Het plan tegen wat er werkelijk gebeurde, een rij per bekende week, zes kolommen: geplande voorraad, werkelijke voorraad, verschil (werkelijk − gepland), cumulatief meer instroom dan gepland, cumulatief minder afdoeningen dan gepland, en het deel dat de stromen niet verklaren (0 zonder gemeten voorraad).",
    arguments: [
      {
        ...opening,
        descriptionNl:
          "Voorraad (open zaken) aan het begin van week 1 van het plan, bijvoorbeeld 1440.",
      },
      {
        ...intake,
        name: "planned_intake",
        nameNl: "geplande_instroom",
        descriptionNl:
          "Geplande instroom per week: één getal voor elke week, of een bereik met een getal per planweek.",
      },
      {
        ...capacity,
        name: "planned_capacity",
        nameNl: "geplande_capaciteit",
        descriptionNl:
          "Geplande beslissingen per week: één getal of een bereik met een getal per planweek, bijvoorbeeld =IND.GEPLANDE_CAPACITEIT(...).",
      },
      {
        ...intake,
        name: "actual_intake",
        nameNl: "werkelijke_instroom",
        descriptionNl:
          "Werkelijke instroom per bekende week, vanaf week 1: een kolom of rij. De lengte is het aantal bekende weken.",
      },
      {
        ...intake,
        name: "actual_decisions",
        nameNl: "werkelijke_afdoeningen",
        descriptionNl:
          "Werkelijke afdoeningen per bekende week, even lang als werkelijke_instroom.",
      },
      {
        ...intake,
        name: "actual_backlog",
        nameNl: "werkelijke_voorraad",
        optional: true,
        default: {
          en: "opening + intake − decisions",
          nl: "beginvoorraad + instroom − afdoeningen",
        },
        descriptionNl:
          "Gemeten voorraad aan het eind van elke bekende week, even lang als werkelijke_instroom. Laat weg om beginvoorraad + instroom − afdoeningen te gebruiken.",
      },
    ],
  },
} as const satisfies Record<string, FunctionDeclaration>;

/** The memo's lead time: the mean age at decision of the cases decided (issue 14). */
export const LEAD_TIME_FUNCTIONS = {
  DECIDED_LEAD_TIME: {
    id: "DECIDED_LEAD_TIME",
    nameNl: "DOORLOOPTIJD_AFGEDAAN",
    descriptionNl:
      "Gemiddelde doorlooptijd in weken van de zaken die binnen de horizon worden afgedaan, wie het eerst komt het eerst: de 'gemiddelde doorlooptijd van het afdoen' uit de nota (343 dagen in 2023). Maal 7 voor dagen. #N/B als niets wordt afgedaan.",
    arguments: [
      opening,
      intake,
      {
        ...capacity,
        descriptionNl:
          "Beslissingen per week: één getal, of een bereik zo lang als de instroom.",
      },
      {
        name: "weeks",
        nameNl: "weken",
        kind: "number",
        rule: WEEKS_RULE,
        optional: true,
        default: WEEKS_FROM_RANGE,
        descriptionNl:
          "Aantal weken (1 tot 10.000). Standaard de lengte van een bereik, of 52.",
      },
      {
        name: "opening_spread_weeks",
        nameNl: "beginvoorraad_over_weken",
        kind: "number",
        rule: NON_NEGATIVE,
        optional: true,
        default: {
          en: "opening ÷ mean intake",
          nl: "beginvoorraad ÷ gemiddelde instroom",
        },
        descriptionNl:
          "De beginvoorraad is gelijkmatig ingediend over zoveel weken vóór week 1. Standaard beginvoorraad ÷ gemiddelde instroom.",
      },
    ],
  },
} as const satisfies Record<string, FunctionDeclaration>;

/** The intake forecast from history (issue 24). */
export const FORECAST_FUNCTIONS = {
  FORECAST_INTAKE: {
    id: "FORECAST_INTAKE",
    nameNl: "PROGNOSE_INSTROOM",
    descriptionNl:
      "Voorspelt de instroom uit de historie, met trend en seizoen, en geeft per periode drie kolommen: de prognose (de middelste uitkomst), de ondergrens en de bovengrens van het interval. Nooit onder 0.",
    arguments: [
      {
        name: "history",
        nameNl: "historie",
        kind: "history",
        rule: HISTORY_RULE,
        descriptionNl:
          "Instroom per week of per maand, oudste eerst, zonder lege cellen: één kolom of één rij met minstens 6 getallen.",
      },
      {
        name: "horizon",
        nameNl: "horizon",
        kind: "number",
        rule: HORIZON_RULE,
        descriptionNl: "Aantal perioden na de historie om te voorspellen (1 tot 10.000), bijvoorbeeld 52.",
      },
      {
        name: "periods_per_year",
        nameNl: "perioden_per_jaar",
        kind: "number",
        rule: PERIODS_PER_YEAR_RULE,
        optional: true,
        default: { value: DEFAULT_PERIODS_PER_YEAR, en: "52 (weeks)", nl: "52 (weken)" },
        descriptionNl: "52 voor weken (standaard) of 12 voor maanden: de lengte van het seizoen.",
      },
      {
        name: "confidence",
        nameNl: "betrouwbaarheid",
        kind: "number",
        rule: CONFIDENCE_RULE,
        optional: true,
        default: { value: DEFAULT_CONFIDENCE, en: "0.8 (P10 to P90)", nl: "0,8 (P10 tot P90)" },
        descriptionNl:
          "Deel van de uitkomsten binnen het interval, van 0,5 tot 0,99; standaard 0,8 (P10 tot P90).",
      },
    ],
  },
} as const satisfies Record<string, FunctionDeclaration>;

/** Every declared function, by id: the build and the tests walk this list. */
export const FUNCTION_DECLARATIONS: readonly FunctionDeclaration[] = [
  ...Object.values(BACKLOG_FUNCTIONS),
  ...Object.values(TRACK_FUNCTIONS),
  ...Object.values(UNCERTAINTY_FUNCTIONS),
  ...Object.values(MONITORING_FUNCTIONS),
  ...Object.values(LEAD_TIME_FUNCTIONS),
  ...Object.values(FORECAST_FUNCTIONS),
];
