/**
 * Every command-line option of the `plan` command, in one table: the parser (args.ts), the usage
 * (usage.ts) and docs/cli.md follow it. Adding an option is one entry in `PLAN_OPTIONS`; a new
 * section setting (src/plan/settings.ts) needs its line in `SETTING_OPTION_TEXT`, which the
 * compiler asks for.
 */
import { GivenSettings, SETTING_FLAGS, SETTING_KEYS, SETTING_SWITCHES, SettingKey } from "../plan/settings";
import type { Language } from "../sheets/messages";
import { excelDateSerial } from "../sheets/spec";
import { CLI_TEXT } from "./cliMessages";

export interface PlanArgs {
  in?: string;
  out?: string;
  force: boolean;
  language: Language;
  help: boolean;
  /** Excel serial of --date, when given. */
  date?: number;
  /** The sections' settings given as flags (--uncertainty, --runs 5000, …), as typed. */
  settings: GivenSettings;
  /** --new-baseline: Voortgang stores the current plan as a new baseline, the old one kept under its date. */
  newBaseline?: boolean;
}

/** A sentence in the run's language, chosen once every option has been read. */
export type OptionProblem = (language: Language) => string;

export interface PlanOption {
  /** The flag as typed: `--in a.xlsx` and `--in=a.xlsx` both work. */
  flag: string;
  /** Other spellings of the same flag. */
  aliases?: readonly string[];
  /** The value's placeholder in the usage; an option without one is a switch. */
  value?: Record<Language, string>;
  /** The option's line in the usage. */
  help: Record<Language, string>;
  /** Stores the option in `args` (a switch gets ""); a bad value is returned as a sentence. */
  apply: (args: PlanArgs, value: string) => OptionProblem | undefined;
}

/** 2024-01-15 → its Excel serial; anything that is not a real calendar date (2024-13-01, 2023-02-29) → undefined. */
export function parseIsoDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC rolls 2024-13-01 into 2025 and 2024-02-30 into March: the round trip must give the same three parts.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const serial = excelDateSerial(year, month, day);
  return Number.isFinite(serial) && serial > 0 ? serial : undefined;
}

const FILE = { nl: "BESTAND", en: "FILE" };

/** The options that are not section settings. */
const BASE_OPTIONS: readonly PlanOption[] = [
  {
    flag: "--in",
    value: FILE,
    help: {
      nl: "invoerwerkmap (zonder: het voorbeeld assets/voorbeeld-invoer.xlsx); wordt nooit gewijzigd",
      en: "input workbook (default: the sample assets/voorbeeld-invoer.xlsx); never changed",
    },
    apply: (args, value) => void (args.in = value),
  },
  {
    flag: "--out",
    value: FILE,
    help: {
      nl: "uitvoerbestand (zonder: out/plan.xlsx); een bestaand bestand alleen met --force",
      en: "output file (default: out/plan.xlsx); an existing file only with --force",
    },
    apply: (args, value) => void (args.out = value),
  },
  {
    flag: "--force",
    help: { nl: "overschrijf een bestaand --out", en: "overwrite an existing --out" },
    apply: (args) => void (args.force = true),
  },
  {
    flag: "--lang",
    value: { nl: "nl|en", en: "nl|en" },
    help: {
      nl: "taal van de bladen en meldingen: nl (standaard) of en",
      en: "language of the sheets and messages: nl (default) or en",
    },
    apply: (args, value) => {
      if (value === "nl" || value === "en") args.language = value;
      else return (l) => CLI_TEXT[l].badLanguage(value);
      return undefined;
    },
  },
  {
    flag: "--new-baseline",
    help: {
      nl: "sla het huidige plan op als nieuwe basislijn voor de voortgang; de oude blijft bewaard onder zijn datum",
      en: "store the current plan as the new baseline for the progress sheet; the old one is kept under its date",
    },
    apply: (args) => void (args.newBaseline = true),
  },
  {
    flag: "--date",
    value: { nl: "JJJJ-MM-DD", en: "YYYY-MM-DD" },
    help: {
      nl: "datum van vandaag voor de bladnaam (standaard: de datum van deze computer)",
      en: "today's date for the sheet name (default: this computer's date)",
    },
    apply: (args, value) => {
      const serial = parseIsoDate(value);
      if (serial === undefined) return (l) => CLI_TEXT[l].badDate(value);
      args.date = serial;
      return undefined;
    },
  },
];

/** The usage line of each section setting; its flag comes from src/plan/settings.ts. */
const SETTING_OPTION_TEXT: Record<SettingKey, { value?: Record<Language, string>; help: Record<Language, string> }> = {
  uncertainty: {
    help: {
      nl: "zet de onzekerheid (Monte Carlo-waaier) op het prognoseblad",
      en: "add the uncertainty (Monte Carlo fan) to the projection sheet",
    },
  },
  runs: {
    value: { nl: "N", en: "N" },
    help: { nl: "aantal simulaties, 100 tot 1.000.000 (standaard 10.000)", en: "number of simulated runs, 100 to 1,000,000 (default 10,000)" },
  },
  seed: {
    value: { nl: "N", en: "N" },
    help: {
      nl: "startgetal van de toevalsgenerator: dezelfde seed, dezelfde uitkomst (standaard 2024)",
      en: "seed of the random generator: same seed, same figures (default 2024)",
    },
  },
  intakeLevelSpread: {
    value: { nl: "X", en: "X" },
    help: { nl: "spreiding van het instroomniveau per run, 0,1 of 10% (standaard 0)", en: "spread of the intake level per run, 0.1 or 10% (default 0)" },
  },
  target: {
    value: { nl: "N", en: "N" },
    help: {
      nl: "doelvoorraad aan het einde (standaard 0; de onzekerheid vraagt zonder doel naar de eigen eindvoorraad van het plan)",
      en: "target backlog at the horizon (default 0; without one the uncertainty asks about the plan's own end value)",
    },
  },
  tracks: {
    help: {
      nl: "zet de sporen (voorraad per behandelspoor) op het prognoseblad",
      en: "add the tracks (backlog by processing track) to the projection sheet",
    },
  },
  fastShare: {
    value: { nl: "X", en: "X" },
    help: {
      nl: "aandeel triage (Ter Apel) van de instroom, 0,137 of 13,7% (standaard 13,7%)",
      en: "triage (Ter Apel) share of intake, 0.137 or 13.7% (default 13.7%)",
    },
  },
  safeShare: {
    value: { nl: "X", en: "X" },
    help: { nl: "aandeel spoor 2 (veilige landen), verplicht bij --tracks", en: "track 2's (safe countries) share, required with --tracks" },
  },
  fastLeadTime: {
    value: { nl: "DAGEN", en: "DAYS" },
    help: { nl: "doorlooptijd triage (Ter Apel) in dagen (standaard 88)", en: "triage (Ter Apel) lead time in days (default 88)" },
  },
  triagedOpening: {
    value: { nl: "X", en: "X" },
    help: {
      nl: "getrieerd deel van de beginvoorraad, 0,1 of 10% (standaard 0)",
      en: "triaged part of the opening backlog, 0.1 or 10% (default 0)",
    },
  },
  weeks: {
    value: { nl: "N", en: "N" },
    help: {
      nl: "horizon in weken (standaard de lengte van de instroom; met een instroomhistorie zonder instroom 52)",
      en: "horizon in weeks (default the intake's length; with an intake history and no intake, 52)",
    },
  },
  decisionsPerFte: {
    value: { nl: "X", en: "X" },
    help: {
      nl: "beslissingen per fte per week, voor capaciteit in fte (standaard 1,5, een voorbeeldcijfer)",
      en: "decisions per fte per week, for capacity in fte (default 1.5, an example figure)",
    },
  },
  triageStaffIsNew: {
    help: {
      nl: "de extra fte van triage zijn nieuw personeel (standaard: genomen van ander werk, een aanname)",
      en: "triage's extra fte are new staff (default: taken from other work, an assumption)",
    },
  },
  historyPeriods: {
    value: { nl: "52|12", en: "52|12" },
    help: {
      nl: "perioden per jaar van de instroomhistorie (InstroomHistorie): 52 voor weken (standaard) of 12 voor maanden",
      en: "periods per year of the intake history (IntakeHistory): 52 for weeks (default) or 12 for months",
    },
  },
};

/** A section setting as a flag: its value is kept as typed and checked later, with the workbook's own names. */
function settingOption(key: SettingKey): PlanOption {
  const flag = SETTING_FLAGS[key];
  const isSwitch = SETTING_SWITCHES.includes(key);
  const text = SETTING_OPTION_TEXT[key];
  return {
    flag,
    ...(!isSwitch && { value: text.value ?? { nl: "X", en: "X" } }),
    help: text.help,
    apply: (args, value) => void (args.settings[key] = { value: isSwitch ? true : value, source: { flag } }),
  };
}

const HELP_OPTION: PlanOption = {
  flag: "--help",
  aliases: ["-h"],
  help: { nl: "deze uitleg (in de taal van --lang)", en: "this usage (in the language of --lang)" },
  apply: (args) => void (args.help = true),
};

/** Every option of the `plan` command, in the order the usage lists them. */
export const PLAN_OPTIONS: readonly PlanOption[] = [...BASE_OPTIONS, ...SETTING_KEYS.map(settingOption), HELP_OPTION];
