import { call, column, CallResult } from "../helpers/functions";
import * as backlog from "../../src/functions/functions";
import * as tracks from "../../src/functions/tracks";
import * as uncertainty from "../../src/functions/uncertainty";
import { languageOf } from "../../src/functions/language";
import { MAX_WEEKS } from "../../src/engine";

/** Runs `body` as if Office's display language were `displayLanguage`. */
function inLanguage<T>(displayLanguage: string, body: () => T): T {
  const holder = globalThis as { Office?: unknown };
  const before = holder.Office;
  holder.Office = { context: { displayLanguage } };
  try {
    return body();
  } finally {
    if (before === undefined) delete holder.Office;
    else holder.Office = before;
  }
}

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
