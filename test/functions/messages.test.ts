import { call, column, CallResult, inLanguage } from "../helpers/functions";
import * as backlog from "../../src/functions/functions";
import * as tracks from "../../src/functions/tracks";
import * as uncertainty from "../../src/functions/uncertainty";
import { languageOf } from "../../src/functions/language";
import { argumentName, describeRuleNl, localizeMessage, showValueNl } from "../../src/functions/messages";
import { crowdingOut } from "../../src/engine/sharedCapacity";
import { InputError, MAX_WEEKS, Result } from "../../src/engine/validate";
import { preparePlan } from "../../src/engine/montecarlo/options";


const weekly = 1600 / 52;

/** Every argument error a planner can cause through the functions, one call each. */
const PLANNER_ERRORS: ReadonlyArray<readonly [string, () => unknown]> = [
  ["negative opening", () => backlog.PROJECT_BACKLOG(-5, [[25]])],
  ["text in week 14", () => backlog.PROJECT_BACKLOG(1440, column([...new Array(13).fill(25), "n.v.t."]))],
  ["blank-free boolean", () => backlog.PROJECT_BACKLOG(true, [[25]])],
  ["capacity shorter than intake", () => backlog.PROJECT_BACKLOG(1, column(new Array(52).fill(25)), column(new Array(40).fill(30)))],
  ["weeks too many", () => backlog.PROJECT_BACKLOG(1, [[25]], null as never, [[MAX_WEEKS + 1]])],
  ["intake too long", () => backlog.PROJECT_BACKLOG(0, column(new Array(MAX_WEEKS + 1).fill(1)))],
  ["weeks past the range", () => backlog.PROJECT_BACKLOG(1, column([1, 2]), null as never, [[5]])],
  ["uplift below -1", () => backlog.PLANNED_CAPACITY([[25]], [[-2]])],
  ["zero decisions", () => backlog.LEAD_TIME(100, 0)],
  ["weeks as a range", () => backlog.REQUIRED_CAPACITY(1, [[1]], 0, [[1], [2]])],
  ["a 2×2 range", () => backlog.WEEKS_TO_CLEAR(1, [[1, 2], [3, 4]], [[5]])],
  ["an empty range", () => backlog.PROJECT_BACKLOG(1, [] as never)],
  ["ragged rows", () => backlog.PROJECT_BACKLOG(1, [[1, 2], [3]] as never)],
  ["a share above 1", () => tracks.PROJECT_TRACKS([[1440]], [[25]], [[0.1, 1.2]], [[30]])],
  ["shares above 1 together", () => tracks.PROJECT_TRACKS([[1440]], [[25]], [[0.6, 0.5]], [[30]])],
  ["three shares short of 1", () => tracks.PROJECT_TRACKS([[1440]], [[25]], [[0.1, 0.2, 0.5]], [[30]])],
  ["four shares", () => tracks.PROJECT_TRACKS([[1440]], [[25]], [[0.1, 0.1, 0.1, 0.1]], [[30]])],
  ["two openings", () => tracks.PROJECT_TRACKS([[10, 10]], [[25]], [[0.1, 0.2]], [[30]])],
  ["a negative track opening", () => tracks.PROJECT_TRACKS([[10, -1, 10]], [[25]], [[0.1, 0.2]], [[30]])],
  ["moved more than there is", () => tracks.CROWDING_OUT(0, [[10]], [[40]], column([5, 50]), 2)],
  ["negative fte", () => tracks.FTE_CAPACITY(-2, 1.5)],
  ["runs below 100", () => uncertainty.BACKLOG_PERCENTILE(1440, [[25]], [[weekly]], 52, 0.5, [[99]])],
  ["runs × weeks too large", () => uncertainty.CHANCE_BELOW(1440, [[25]], [[weekly]], 520, 1100, [[1_000_000]])],
  ["a percentile in the list above 1", () => uncertainty.BACKLOG_FAN(1440, [[25]], [[weekly]], 52, [[0.1, 1.2]])],
  ["too many percentiles", () => uncertainty.BACKLOG_FAN(1440, [[25]], [[weekly]], 52, [new Array(200).fill(0.5)])],
  ["a random intake too large", () => uncertainty.CHANCE_BELOW(1440, [[1e12]], [[weekly]], 52, 1100)],
];

describe("messages follow Office's display language", () => {
  test("Dutch for nl-*, English otherwise (and outside Office)", () => {
    expect(["nl-NL", "nl-BE", "NL", "nl"].map(languageOf)).toEqual(["nl", "nl", "nl", "nl"]);
    expect(["en-US", "en-GB", "fr-FR", "de-DE", "", undefined].map(languageOf)).toEqual(["en", "en", "en", "en", "en", "en"]);
  });

  test("the issue's case: a negative opening backlog under Dutch Excel is #VALUE! with a Dutch message naming the argument", () => {
    for (const language of ["nl-NL", "nl-BE"]) {
      expect(inLanguage(language, () => call(() => backlog.PROJECT_BACKLOG(-5, [[25]])))).toEqual({
        code: "#VALUE!",
        message: "beginvoorraad: verwacht een getal ≥ 0, kreeg -5",
      });
    }
    expect(inLanguage("en-GB", () => call(() => backlog.PROJECT_BACKLOG(-5, [[25]])))).toEqual({
      code: "#VALUE!",
      message: "opening: expected a number ≥ 0, got -5",
    });
  });

  test.each([
    ["instroom, week 14: verwacht een getal ≥ 0, kreeg 'n.v.t.'", 1],
    ["weken: verwacht een geheel getal van 1 tot 10.000, kreeg 10001", 4],
    ["aandelen, spoor 2: verwacht een getal van 0 tot 1, kreeg 1,2", 13],
    ["verschoven_capaciteit, week 2: verwacht een getal van 0 tot 40 (andere_capaciteit), kreeg 50", 19],
    ["percentielen, waarde 2: verwacht een getal van 0 tot 1, kreeg 1,2", 23],
    ["beginvoorraad: verwacht een getal ≥ 0, kreeg WAAR", 2],
  ] as const)("%s", (message, index) => {
    const fn = (PLANNER_ERRORS[index] as readonly [string, () => unknown])[1];
    expect(inLanguage("nl-NL", () => call(fn))).toEqual({ code: "#VALUE!", message });
  });

  test.each(PLANNER_ERRORS)("%s: #VALUE! with a message in each language, naming the argument", (_name, fn) => {
    const english = inLanguage("en-US", () => call(fn));
    const dutch = inLanguage("nl-NL", () => call(fn));
    expect(english.code).toBe("#VALUE!");
    expect(dutch.code).toBe("#VALUE!");
    expect(english.message).toMatch(/^[a-z_]+(, [a-z0-9 ]+)?: \S/);
    expect(dutch.message).toMatch(/^[a-z_]+(, [a-z0-9 ]+)?: \S/);
    // No English left in the Dutch sentence: every sentence a planner can cause is translated.
    expect(dutch.message).not.toMatch(/\b(expected|got|the|range|must|weeks|track|value|intake|capacity|opening)\b/);
    expect(dutch.message).not.toBe(english.message);
  });

  test("#NUM! only for finite inputs whose result overflows; #N/A for a backlog that never clears", () => {
    const overflow: CallResult[] = [
      call(() => tracks.WAIT_WEEKS(1e308, 1e-10)),
      call(() => backlog.LEAD_TIME(1e300, 5e-324)),
      call(() => backlog.PROJECT_BACKLOG(1e308, column([1e308, 1e308]), [[0]])),
      call(() => tracks.FTE_CAPACITY(1e308, 1e308)),
    ];
    for (const result of overflow) expect(result.code).toBe("#NUM!");
    expect(inLanguage("nl-NL", () => call(() => backlog.LEAD_TIME(1e300, 5e-324)))).toEqual({
      code: "#NUM!",
      message: "beslissingen_per_week: 5e-324 is te klein voor een eindige doorlooptijd",
    });
    expect(inLanguage("nl-BE", () => call(() => backlog.WEEKS_TO_CLEAR(1440, [[25]], [[25]])))).toEqual({
      code: "#N/A",
      message: "capaciteit: 25 beslissingen per week is niet meer dan de instroom van 25, dus de voorraad raakt nooit op",
    });
  });
});

/** The English and Dutch message of a custom function's error. */
function both(fn: () => unknown): readonly [string | undefined, string | undefined] {
  return [inLanguage("en-US", () => call(fn)).message, inLanguage("nl-NL", () => call(fn)).message];
}

/** The English and Dutch message of an engine error the custom functions cannot reach. */
function bothOf(result: Result<unknown>): readonly [string, string] {
  if (result.ok) throw new Error("expected an error");
  return [result.error.message, localizeMessage(result.error, "nl")];
}

/** An error with only a sentence, as the engine writes one without a rule. */
const sentence = (message: string): InputError => ({ kind: "range", argument: "", message });

/** Every sentence in messages.ts's table, written by the engine or the reader, and its Dutch. */
const SENTENCES: ReadonlyArray<readonly [english: string, dutch: string, produce: () => readonly [unknown, unknown]]> = [
  [
    "capacity: 25.5 decisions a week do not exceed the intake of 30.25, so the backlog never clears",
    "capaciteit: 25,5 beslissingen per week is niet meer dan de instroom van 30,25, dus de voorraad raakt nooit op",
    () => both(() => backlog.WEEKS_TO_CLEAR(1440, [[30.25]], [[25.5]])),
  ],
  [
    "capacity: 25.5 decisions a week do not exceed the intake of 30.25, so the backlog never reaches 1100.5",
    "capaciteit: 25,5 beslissingen per week is niet meer dan de instroom van 30,25, dus de voorraad daalt nooit tot 1100,5",
    () => both(() => backlog.WEEKS_TO_TARGET(1440, [[30.25]], [[25.5]], 1100.5)),
  ],
  [
    "target: the backlog does not reach 1100 within the weeks given (52)",
    "doel: de voorraad daalt binnen de gegeven weken (52) niet tot 1100",
    () => both(() => backlog.WEEKS_TO_TARGET(1440, column(new Array(52).fill(25)), [[weekly]], 1100)),
  ],
  [
    "target: the backlog does not reach 0 within 10,000 weeks",
    "doel: de voorraad daalt binnen 10.000 weken niet tot 0",
    () => both(() => backlog.WEEKS_TO_TARGET(1440, [[25]], [[25.1]], 0)),
  ],
  [
    "intake: the figures are too large to give a finite capacity",
    "instroom: de getallen zijn te groot voor een eindige uitkomst",
    () => both(() => backlog.REQUIRED_CAPACITY(1e308, [[1e308]], 0, [[1]])),
  ],
  [
    "intake: the figures are too large to add up to a finite backlog",
    "instroom: de getallen zijn te groot om op te tellen tot een eindige voorraad",
    () => both(() => backlog.PROJECT_BACKLOG(1e308, column([1e308, 1e308]), [[0]])),
  ],
  [
    "decisions_per_week: 5e-324 is too small to give a finite lead time",
    "beslissingen_per_week: 5e-324 is te klein voor een eindige doorlooptijd",
    () => both(() => backlog.LEAD_TIME(1e300, 5e-324)),
  ],
  [
    "decisions_per_week: 2.5e-7 is too small to give a finite wait",
    "beslissingen_per_week: 2,5e-7 is te klein voor een eindige wachttijd",
    () => both(() => tracks.WAIT_WEEKS(1e308, 2.5e-7)),
  ],
  [
    "decisions_per_fte_week: too small to give a finite number of fte",
    "beslissingen_per_fte_week: te klein voor een eindig aantal fte",
    () => bothOf(crowdingOut({ opening: 1000, intake: 40, capacity: 40, moved: 20, weeks: 2, decisionsPerFteWeek: 5e-324 })),
  ],
  [
    "runs: 1,000,000 runs × 520 weeks is more than 100,000,000 simulated weeks; use fewer runs or weeks",
    "simulaties: 1.000.000 simulaties × 520 weken is meer dan 100.000.000 gesimuleerde weken; kies minder simulaties of weken",
    () => both(() => uncertainty.CHANCE_BELOW(1440, [[25]], [[weekly]], 520, 1100, [[1_000_000]])),
  ],
  [
    "intake, week 1: expected at most 1,000,000 a week for a random intake, got 1000000000000",
    "instroom, week 1: verwacht hoogstens 1.000.000 per week voor een toevallige instroom, kreeg 1000000000000",
    () => both(() => uncertainty.CHANCE_BELOW(1440, [[1e12]], [[weekly]], 52, 1100)),
  ],
  [
    "percentiles: expected a list of numbers from 0 to 1",
    "percentielen: verwacht een lijst getallen van 0 tot 1",
    () => bothOf(preparePlan({ opening: 1, intake: 1, capacity: 1, percentiles: 0.5 as never })),
  ],
  [
    "percentiles: at most 100 percentiles, got 200",
    "percentielen: hoogstens 100 percentielen, kreeg 200",
    () => both(() => uncertainty.BACKLOG_FAN(1440, [[25]], [[weekly]], 52, [new Array(200).fill(0.5)])),
  ],
  [
    "capacity: has 40 weeks but intake has 52; give one number or one figure per intake week",
    "capaciteit: heeft 40 weken maar instroom heeft er 52; geef één getal of één getal per week van instroom",
    () => both(() => backlog.PROJECT_BACKLOG(1, column(new Array(52).fill(25)), column(new Array(40).fill(30)))),
  ],
  [
    "intake: has 10001 weeks; at most 10,000 are allowed",
    "instroom: heeft 10001 weken; hoogstens 10.000 zijn toegestaan",
    () => both(() => backlog.PROJECT_BACKLOG(0, column(new Array(MAX_WEEKS + 1).fill(1)))),
  ],
  [
    "weeks: 12 is longer than the intake range (10 weeks)",
    "weken: 12 is langer dan het bereik van instroom (10 weken)",
    () => both(() => backlog.PROJECT_BACKLOG(1, column(new Array(10).fill(1)), null as never, [[12]])),
  ],
  [
    "moved_capacity, week 2: expected a number from 0 to 40.5 (other_capacity, week 2), got 50.25",
    "verschoven_capaciteit, week 2: verwacht een getal van 0 tot 40,5 (andere_capaciteit, week 2), kreeg 50,25",
    () => both(() => tracks.CROWDING_OUT(0, [[10]], column([40.5, 40.5]), column([5, 50.25]), 2)),
  ],
  [
    "shares: expected two values (triage (Ter Apel), track 2) or three (triage (Ter Apel), track 2, track 4), got 10",
    "aandelen: verwacht twee waarden (triage (Ter Apel), spoor 2) of drie (triage (Ter Apel), spoor 2, spoor 4), kreeg 10",
    () => both(() => tracks.PROJECT_TRACKS([[1440]], [[25]], [new Array(10).fill(0.01)], [[30]])),
  ],
  [
    "opening_by_track: expected one total or three values (triage (Ter Apel), track 2, track 4), got 10",
    "beginvoorraad_per_spoor: verwacht één totaal of drie waarden (triage (Ter Apel), spoor 2, spoor 4), kreeg 10",
    () => both(() => tracks.PROJECT_TRACKS([new Array(10).fill(1)], [[25]], [[0.1, 0.2]], [[30]])),
  ],
  [
    "shares: the shares add up to 1.15; they must add up to at most 1",
    "aandelen: de aandelen tellen op tot 1,15; dat mag hoogstens 1 zijn",
    () => both(() => tracks.PROJECT_TRACKS([[1440]], [[25]], [[0.6, 0.55]], [[30]])),
  ],
  [
    "shares: the three shares add up to 0.8; with three values they must add up to 1 (or give two, triage (Ter Apel) and track 2, and track 4 takes the rest)",
    "aandelen: de drie aandelen tellen op tot 0,8; drie waarden moeten samen 1 zijn (of geef er twee, triage (Ter Apel) en spoor 2, en spoor 4 krijgt de rest)",
    () => both(() => tracks.PROJECT_TRACKS([[1440]], [[25]], [[0.1, 0.2, 0.5]], [[30]])),
  ],
  ["intake: the range is empty", "instroom: het bereik is leeg", () => both(() => backlog.PROJECT_BACKLOG(1, [] as never))],
  [
    "intake: the range has rows of different lengths",
    "instroom: de rijen van het bereik zijn niet even lang",
    () => both(() => backlog.PROJECT_BACKLOG(1, [[1, 2], [3]] as never)),
  ],
  [
    "intake: expected numbers, got a nested range",
    "instroom: verwacht getallen, kreeg een bereik in een bereik",
    () => both(() => backlog.PROJECT_BACKLOG(1, [[[1]], [[2]]] as never)),
  ],
  [
    "intake: expected one column or one row, got 12 rows × 10 columns",
    "instroom: verwacht één kolom of één rij, kreeg 12 rijen × 10 kolommen",
    () => both(() => backlog.PROJECT_BACKLOG(1, Array.from({ length: 12 }, () => new Array(10).fill(1)))),
  ],
  [
    "backlog: expected one number, got a range of 12 cells",
    "voorraad: verwacht één getal, kreeg een bereik van 12 cellen",
    () => both(() => backlog.LEAD_TIME(column(new Array(12).fill(1)), 5)),
  ],
];

/** Errors with a rule: the Dutch is rebuilt from the rule and the value, the where part by part. */
const RULE_ERRORS: ReadonlyArray<readonly [english: string, dutch: string, fn: () => unknown]> = [
  [
    "percentiles, value 12: expected a number from 0 to 1, got 1.2",
    "percentielen, waarde 12: verwacht een getal van 0 tot 1, kreeg 1,2",
    () => uncertainty.BACKLOG_FAN(1440, [[25]], [[weekly]], 52, [[...new Array(11).fill(0.5), 1.2]]),
  ],
  [
    "shares, triage (Ter Apel): expected a number from 0 to 1, got 1.2",
    "aandelen, triage (Ter Apel): verwacht een getal van 0 tot 1, kreeg 1,2",
    () => tracks.PROJECT_TRACKS([[1440]], [[25]], [[1.2, 0.1]], [[30]]),
  ],
  [
    "shares, track 2: expected a number from 0 to 1, got -0.5",
    "aandelen, spoor 2: verwacht een getal van 0 tot 1, kreeg -0,5",
    () => tracks.PROJECT_TRACKS([[1440]], [[25]], [[0.1, -0.5]], [[30]]),
  ],
  [
    "opening_by_track, track 4: expected a number ≥ 0, got -1.5",
    "beginvoorraad_per_spoor, spoor 4: verwacht een getal ≥ 0, kreeg -1,5",
    () => tracks.PROJECT_TRACKS([[10, 10, -1.5]], [[25]], [[0.1, 0.2]], [[30]]),
  ],
  [
    "weeks: expected a whole number from 1 to 10,000, got 0.5",
    "weken: verwacht een geheel getal van 1 tot 10.000, kreeg 0,5",
    () => backlog.PROJECT_BACKLOG(1, [[25]], null as never, [[0.5]]),
  ],
  [
    "decisions_per_week: expected a number > 0, got 0",
    "beslissingen_per_week: verwacht een getal > 0, kreeg 0",
    () => backlog.LEAD_TIME(100, 0),
  ],
];

/** "<where>: <what>" → [where, what]. */
const parts = (message: string): readonly [string, string] => {
  const split = message.indexOf(": ");
  return [message.slice(0, split), message.slice(split + 2)];
};

describe("every sentence the engine and the reader write, word for word in Dutch", () => {
  test.each(SENTENCES)("%s", (english, dutch, produce) => {
    expect(produce()).toEqual([english, dutch]);
  });

  test.each(RULE_ERRORS)("%s", (english, dutch, fn) => {
    expect(both(fn)).toEqual([english, dutch]);
  });

  test.each(SENTENCES)("only the whole sentence is translated: words before it keep it English (%s)", (english, dutch) => {
    const [where, what] = parts(english);
    const [dutchWhere] = parts(dutch);
    expect(localizeMessage(sentence(`${where}: so ${what}`), "nl")).toBe(`${dutchWhere}: so ${what}`);
  });

  // The three-shares sentence goes on after what the table matches, so only it may be followed by more.
  test.each(SENTENCES.filter(([english]) => !english.includes("the three shares")))(
    "only the whole sentence is translated: words after it keep it English (%s)",
    (english, dutch) => {
      const [where, what] = parts(english);
      const [dutchWhere] = parts(dutch);
      expect(localizeMessage(sentence(`${where}: ${what} today`), "nl")).toBe(`${dutchWhere}: ${what} today`);
    },
  );
});

describe("the where of a Dutch message", () => {
  test("translates the argument and whole parts only: a week, value or track with other words stays", () => {
    const dutch = (where: string): string => localizeMessage(sentence(`${where}: the range is empty`), "nl");
    expect(dutch("percentiles, value 2")).toBe("percentielen, waarde 2: het bereik is leeg");
    expect(dutch("percentiles, the value 2")).toBe("percentielen, the value 2: het bereik is leeg");
    expect(dutch("percentiles, value 2 of 3")).toBe("percentielen, value 2 of 3: het bereik is leeg");
    expect(dutch("shares, my track 2")).toBe("aandelen, my track 2: het bereik is leeg");
    expect(dutch("shares, track 24")).toBe("aandelen, track 24: het bereik is leeg");
    expect(dutch("first_applications, week 3")).toBe("first_applications, week 3: het bereik is leeg");
  });

  test("a sentence with an empty where is still translated", () => {
    expect(localizeMessage(sentence(": the range is empty"), "nl")).toBe(": het bereik is leeg");
  });
});

describe("a message the table does not know", () => {
  test("keeps its English sentence behind the Dutch where", () => {
    expect(localizeMessage(sentence("capacity, week 3: a sentence nobody translated"), "nl")).toBe(
      "capaciteit, week 3: a sentence nobody translated",
    );
  });

  test("without a where is left as it is", () => {
    expect(localizeMessage(sentence("the range is empty"), "nl")).toBe("the range is empty");
  });

  test("in English every message is the engine's own", () => {
    const error: InputError = { kind: "range", argument: "opening", rule: { min: 0 }, got: -5, message: "opening: expected a number ≥ 0, got -5" };
    expect(localizeMessage(error, "en")).toBe("opening: expected a number ≥ 0, got -5");
    expect(localizeMessage(sentence("intake: the range is empty"), "en")).toBe("intake: the range is empty");
  });
});

describe("argument names", () => {
  test("are the declared Dutch name in Dutch, the English name in English, unchanged when undeclared", () => {
    expect(argumentName("opening", "nl")).toBe("beginvoorraad");
    expect(argumentName("opening", "en")).toBe("opening");
    expect(argumentName("first_applications", "nl")).toBe("first_applications");
  });
});

describe("a rule in Dutch", () => {
  test.each([
    [{ min: 1, max: 10_000, integer: true }, "een geheel getal van 1 tot 10.000"],
    [{ min: 0, max: 1 }, "een getal van 0 tot 1"],
    [{ min: 0 }, "een getal ≥ 0"],
    [{ min: -1, integer: true }, "een geheel getal ≥ -1"],
    [{ min: 0, minExclusive: true }, "een getal > 0"],
    [{ min: 0.000001 }, "een getal ≥ 0,000001"],
    [{ max: 2.5 }, "een getal ≤ 2,5"],
    [{ max: 12_500, integer: true }, "een geheel getal ≤ 12.500"],
    [{ integer: true }, "een geheel getal"],
    [{}, "een getal"],
  ] as const)("%j is %s", (rule, text) => {
    expect(describeRuleNl(rule)).toBe(text);
  });
});

describe("a received value in Dutch", () => {
  test.each([
    ["n.v.t.", "'n.v.t.'"],
    [true, "WAAR"],
    [false, "ONWAAR"],
    [null, "een lege cel"],
    [undefined, "een lege cel"],
    [Number.NaN, "NaN"],
    [Infinity, "oneindig"],
    [-Infinity, "min oneindig"],
    [0, "0"],
    [10_000, "10000"],
    [1.5, "1,5"],
    [-2.5e-7, "-2,5e-7"],
    [1e21, "1e+21"],
    [[[1]], "een bereik"],
    [{}, "object"],
  ] as const)("%p is shown as %s", (value, text) => {
    expect(showValueNl(value)).toBe(text);
  });
});
