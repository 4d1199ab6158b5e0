/**
 * Says an argument error in the user's language. The engine writes one English sentence,
 * "<where>: <what>", and keeps the facts (argument, week, rule, value) beside it; Dutch is built
 * from those facts where there are any, and from one table of the engine's sentences otherwise.
 * A sentence missing from the table keeps its English text behind a Dutch "where".
 */
import { InputError, listOf, NumberRule } from "../engine/validate";
import { FUNCTION_DECLARATIONS } from "./declarations";
import { FunctionLanguage } from "./language";

/** Every argument's Dutch name by its English one (the same English name means the same thing). */
const DUTCH_NAMES: ReadonlyMap<string, string> = new Map(
  FUNCTION_DECLARATIONS.flatMap((fn) => fn.arguments.map((a) => [a.name, a.nameNl] as const)),
);

/** An argument's name in the language, unchanged when it is not declared (e.g. a work type). */
export function argumentName(name: string, language: FunctionLanguage): string {
  return language === "nl" ? (DUTCH_NAMES.get(name) ?? name) : name;
}

/** English number text ("10,000", "1.2") in Dutch ("10.000", "1,2"). */
function dutchNumber(text: string): string {
  return text.replace(/-?\d[\d,]*(\.\d+)?(e[+-]?\d+)?/gi, (n) => n.replace(/[.,]/g, (c) => (c === "," ? "." : ",")));
}

/** The parts of a "where" that differ in Dutch ("week N" and "triage (Ter Apel)" do not). */
const PART_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^value (\d+)$/, "waarde $1"],
  [/^track (\d)$/, "spoor $1"],
];

/** "shares, track 2" → "aandelen, spoor 2"; "intake, week 14" → "instroom, week 14". */
function dutchWhere(where: string): string {
  const [argument, ...rest] = where.split(", ") as [string, ...string[]]; // split gives ≥ 1 part
  const parts = rest.map((part) => PART_NAMES.reduce((text, [from, to]) => text.replace(from, to), part));
  return [argumentName(argument, "nl"), ...parts].join(", ");
}

/** "a whole number from 1 to 10,000" in Dutch; "12 or 52" as "12 of 52". */
export function describeRuleNl(rule: NumberRule): string {
  if (rule.oneOf !== undefined) return listOf(rule.oneOf.map((n) => n.toLocaleString("nl-NL")), "of");
  const noun = rule.integer ? "een geheel getal" : "een getal";
  const fmt = (n: number): string => n.toLocaleString("nl-NL", { maximumFractionDigits: 15 });
  if (rule.min !== undefined && rule.max !== undefined) return `${noun} van ${fmt(rule.min)} tot ${fmt(rule.max)}`;
  if (rule.min !== undefined) return `${noun} ${rule.minExclusive ? ">" : "≥"} ${fmt(rule.min)}`;
  if (rule.max !== undefined) return `${noun} ≤ ${fmt(rule.max)}`;
  return noun;
}

/** A received value the way a Dutch planner would recognise it. */
export function showValueNl(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
  if (value === null || value === undefined) return "een lege cel";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value === Infinity ? "oneindig" : "min oneindig";
    return dutchNumber(String(value));
  }
  if (Array.isArray(value)) return "een bereik";
  return typeof value;
}

type Rewrite = (...groups: string[]) => string;
const name = (text: string): string => argumentName(text, "nl");

/** The engine's and the reader's own sentences (after "<where>: ") in Dutch. */
const DUTCH_SENTENCES: ReadonlyArray<readonly [RegExp, Rewrite]> = [
  [
    /^(\S+) decisions a week do not exceed the intake of (\S+), so the backlog never clears$/,
    (c, i) => `${c} beslissingen per week is niet meer dan de instroom van ${i}, dus de voorraad raakt nooit op`,
  ],
  [
    /^(\S+) decisions a week do not exceed the intake of (\S+), so the backlog never reaches (\S+)$/,
    (c, i, t) => `${c} beslissingen per week is niet meer dan de instroom van ${i}, dus de voorraad daalt nooit tot ${t}`,
  ],
  [
    /^the backlog does not reach (\S+) within the weeks given \((\d+)\)$/,
    (t, n) => `de voorraad daalt binnen de gegeven weken (${n}) niet tot ${t}`,
  ],
  [
    /^the backlog does not reach (\S+) within (\S+) weeks$/,
    (t, w) => `de voorraad daalt binnen ${w} weken niet tot ${t}`,
  ],
  [
    /^the figures are too large to give a finite (capacity|lead time)$/,
    () => "de getallen zijn te groot voor een eindige uitkomst",
  ],
  [
    /^the figures are too large to add up to a finite backlog$/,
    () => "de getallen zijn te groot om op te tellen tot een eindige voorraad",
  ],
  [
    /^(\S+) is too small to give a finite (lead time|wait)$/,
    (x, what) => `${x} is te klein voor een eindige ${what === "wait" ? "wachttijd" : "doorlooptijd"}`,
  ],
  [/^too small to give a finite number of fte$/, () => "te klein voor een eindig aantal fte"],
  [
    /^(\S+) runs × (\S+) weeks is more than (\S+) simulated weeks; use fewer runs or weeks$/,
    (r, w, m) => `${r} simulaties × ${w} weken is meer dan ${m} gesimuleerde weken; kies minder simulaties of weken`,
  ],
  [
    /^expected at most (\S+) a week for a random intake, got (\S+)$/,
    (m, g) => `verwacht hoogstens ${m} per week voor een toevallige instroom, kreeg ${g}`,
  ],
  [/^expected a list of numbers from 0 to 1$/, () => "verwacht een lijst getallen van 0 tot 1"],
  [/^at most (\S+) percentiles, got (\S+)$/, (m, g) => `hoogstens ${m} percentielen, kreeg ${g}`],
  [
    /^has (\d+) weeks but (\S+) has (\d+); give one number or one figure per \S+ week$/,
    (n, other, m) =>
      `heeft ${n} weken maar ${name(other)} heeft er ${m}; geef één getal of één getal per week van ${name(other)}`,
  ],
  [/^has (\d+) weeks; at most (\S+) are allowed$/, (n, m) => `heeft ${n} weken; hoogstens ${m} zijn toegestaan`],
  [
    /^(\S+) is longer than the (\S+) range \((\d+) weeks\)$/,
    (w, other, n) => `${w} is langer dan het bereik van ${name(other)} (${n} weken)`,
  ],
  [
    /^expected a number from 0 to (\S+) \((.+)\), got (\S+)$/,
    (w, whole, p) => `verwacht een getal van 0 tot ${w} (${dutchWhere(whole)}), kreeg ${p}`,
  ],
  [
    /^expected two values \(triage \(Ter Apel\), track 2\) or three \(triage \(Ter Apel\), track 2, track 4\), got (\d+)$/,
    (n) => `verwacht twee waarden (triage (Ter Apel), spoor 2) of drie (triage (Ter Apel), spoor 2, spoor 4), kreeg ${n}`,
  ],
  [
    /^expected one total or three values \(triage \(Ter Apel\), track 2, track 4\), got (\d+)$/,
    (n) => `verwacht één totaal of drie waarden (triage (Ter Apel), spoor 2, spoor 4), kreeg ${n}`,
  ],
  [
    /^the shares add up to (\S+); they must add up to at most 1$/,
    (s) => `de aandelen tellen op tot ${s}; dat mag hoogstens 1 zijn`,
  ],
  [
    /^the three shares add up to (\S+); with three values they must add up to 1/,
    (s) =>
      `de drie aandelen tellen op tot ${s}; drie waarden moeten samen 1 zijn (of geef er twee, triage (Ter Apel) en spoor 2, en spoor 4 krijgt de rest)`,
  ],
  [
    // Stryker disable next-line Regex: equivalent, Dutch wording only: the engine writes this sentence whole, never inside a longer one
    /^nothing is decided within the horizon, so there is no lead time$/,
    () => "binnen de horizon wordt niets afgedaan, dus er is geen doorlooptijd",
  ],
  [/^the range is empty$/, () => "het bereik is leeg"],
  [/^the range has rows of different lengths$/, () => "de rijen van het bereik zijn niet even lang"],
  [/^expected numbers, got a nested range$/, () => "verwacht getallen, kreeg een bereik in een bereik"],
  [
    /^expected one column or one row, got (\d+) rows × (\d+) columns$/,
    (r, c) => `verwacht één kolom of één rij, kreeg ${r} rijen × ${c} kolommen`,
  ],
  [/^expected one number, got a range of (\d+) cells$/, (n) => `verwacht één getal, kreeg een bereik van ${n} cellen`],
  [/^needs at least (\d+) values, got (\d+)$/, (n, g) => `heeft minstens ${n} waarden nodig, kreeg er ${g}`],
  [/^has (\d+) values; at most (\S+) are allowed$/, (n, m) => `heeft ${n} waarden; hoogstens ${m} zijn toegestaan`],
];

/** The error's sentence in the language: English as the engine wrote it, Dutch rebuilt. */
export function localizeMessage(error: InputError, language: FunctionLanguage): string {
  if (language === "en") return error.message;
  const split = error.message.indexOf(": ");
  if (split < 0) return error.message;
  const where = dutchWhere(error.message.slice(0, split));
  const what = error.message.slice(split + 2);
  if (error.rule !== undefined)
    return `${where}: verwacht ${describeRuleNl(error.rule)}, kreeg ${showValueNl(error.got)}`;
  for (const [pattern, rewrite] of DUTCH_SENTENCES) {
    const match = pattern.exec(what);
    if (match) return `${where}: ${rewrite(...match.slice(1).map(dutchNumber))}`;
  }
  return `${where}: ${what}`;
}
