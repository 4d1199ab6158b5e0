/** What the pane says: problems, Office errors and figures, in Dutch and English. Pure. */
import { officeErrorCode } from "../../src/hosts/office/officeErrors";
import { describeOfficeError } from "../../src/taskpane/officeErrorText";
import {
  describeFieldProblem,
  describeNote,
  describeRunProblem,
  describeSuccess,
  fieldOfProblem,
  intakeSourceLine,
  numberFormat,
  summaryLines,
} from "../../src/taskpane/outcomes";
import type { RunSuccess } from "../../src/hosts/office/runPlan";
import { formatNumber } from "../../src/sheets/uncertaintyBlock";
import { PROBLEM_TEXT } from "../../src/taskpane/problemText";
import { NOTE_TEXT, RESULT_TEXT, SHEET_TEXT } from "../../src/taskpane/resultText";
import {
  FIELD_KEYS,
  FIELD_TEXT,
  FORM_TEXT,
  labelOf,
  languageFor,
  PROGRESS_TEXT,
  SECTION_TEXT,
  STATUS_TEXT,
  TRACK_KEYS,
  UNCERTAINTY_KEYS,
} from "../../src/taskpane/strings";

/** Every bilingual table of the pane, by its name. */
const TEXT_TABLES = {
  FIELD_TEXT,
  FORM_TEXT,
  STATUS_TEXT,
  SECTION_TEXT,
  PROGRESS_TEXT,
  RESULT_TEXT,
  NOTE_TEXT,
  SHEET_TEXT,
  PROBLEM_TEXT,
};

/** Every leaf of a strings object, functions called with sample arguments. */
function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") return [[path, String((value as (...a: string[]) => string)("X", "Y"))]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
}

describe("strings", () => {
  it.each(Object.entries(TEXT_TABLES))("%s has every string in both languages, none empty, and they differ", (_, table) => {
    const nl = leaves(table.nl);
    const en = leaves(table.en);
    expect(nl.map(([p]) => p)).toEqual(en.map(([p]) => p));
    for (const [, s] of [...nl, ...en]) expect(s.trim()).not.toBe("");
    const differ = nl.filter(([p, s]) => en.find(([q]) => q === p)?.[1] !== s);
    expect(differ.length).toBeGreaterThanOrEqual(nl.length * 0.6);
  });

  it("labels every field", () => {
    for (const language of ["nl", "en"] as const) {
      for (const key of [...FIELD_KEYS, ...UNCERTAINTY_KEYS, ...TRACK_KEYS, "intakeModel" as const]) {
        expect(labelOf(language, key)).toBeTruthy();
      }
    }
  });

  it("names a 'use selection' button so that its visible text starts the name", () => {
    for (const language of ["nl", "en"] as const) {
      const formText = FORM_TEXT[language];
      expect(formText.useSelectionFor(FIELD_TEXT[language].intake.label)).toMatch(new RegExp(`^${formText.useSelection} `));
    }
  });

  it("follows Office's display language", () => {
    expect(languageFor("nl-NL")).toBe("nl");
    expect(languageFor("nl-BE")).toBe("nl");
    expect(languageFor("en-GB")).toBe("en");
    expect(languageFor("de-DE")).toBe("en");
    expect(languageFor(undefined)).toBe("en");
  });
});

describe("Office errors", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "Excel is nog bezig met het bewerken van een cel. Druk op Enter of Esc en probeer het opnieuw."],
    ["InactiveWorkbook", "Deze werkmap is niet meer de actieve werkmap. Klik in de werkmap en probeer het opnieuw."],
    ["AccessDenied", "Excel stond de wijziging niet toe. Misschien is het blad of de werkmap beveiligd, of alleen-lezen geopend."],
    ["RequestPayloadSizeLimitExceeded", "Het bereik is te groot om in één keer naar Excel te sturen. Kies een kleiner bereik."],
    ["InvalidSelection", "Selecteer één rechthoekig blok cellen en probeer het opnieuw."],
  ])("%s in Dutch", (code, sentence) => {
    expect(describeOfficeError({ code }, "nl")).toBe(sentence);
  });

  it("finds the code in debugInfo when the error has none of its own, and names unknown codes", () => {
    expect(officeErrorCode({ debugInfo: { code: "InactiveWorkbook" } })).toBe("InactiveWorkbook");
    expect(officeErrorCode(new Error("boom"))).toBe("Unknown");
    expect(describeOfficeError({ code: "GeneralException" }, "en")).toBe(
      "Something went wrong in Excel (GeneralException). If this appeared at once, nothing was changed; try again.",
    );
  });
});

describe("problems", () => {
  it("puts an input problem in a sentence that starts with a capital", () => {
    const problem = { kind: "input" as const, problem: { code: "empty" as const, input: "opening" as const } };
    expect(describeRunProblem(problem, "en")).toBe("The opening backlog is empty; fill in the opening backlog.");
    expect(describeRunProblem(problem, "nl")).toBe("De beginvoorraad is leeg; vul de beginvoorraad in.");
    expect(fieldOfProblem(problem)).toBe("opening");
  });

  it("describes protection in both languages", () => {
    const problem = { kind: "placement" as const, problem: { code: "sheet-protected" as const, sheet: "Prognose" } };
    expect(describeRunProblem(problem, "nl")).toContain("Het blad Prognose is beveiligd");
    expect(describeRunProblem(problem, "en")).toContain("The sheet Prognose is protected");
    expect(fieldOfProblem(problem)).toBeUndefined();
  });

  it("asks for a missing input with its convention names", () => {
    expect(describeFieldProblem({ kind: "missing", field: "opening" }, "nl")).toBe(
      "Vul beginvoorraad in: selecteer de cel(len) en kies 'Gebruik selectie', typ een adres zoals Invoer!C5, of geef de naam Beginvoorraad (of OpeningBacklog).",
    );
  });

  it("a missing intake may be an intake history instead, in both languages", () => {
    expect(describeFieldProblem({ kind: "missing", field: "intake" }, "nl")).toMatch(
      /of geef de naam Instroom \(of Intake\)\. Of vul de instroomhistorie voor de prognose in \(naam InstroomHistorie\): dan rekent het plan met de prognose daaruit\.$/,
    );
    expect(describeFieldProblem({ kind: "missing", field: "intake" }, "en")).toMatch(
      /\. Or fill in the past intake for the forecast \(name IntakeHistory\): the plan then uses its forecast\.$/,
    );
    expect(describeFieldProblem({ kind: "missing", field: "opening" }, "en")).not.toContain("history");
  });

  it("says where the intake came from when the workbook has an intake history, and nothing without", () => {
    const source = { nl: "Instroom: prognose uit de instroomhistorie (…)", en: "Intake: forecast from the intake history (…)" };
    const withForecast = { intakeForecast: { source } } as unknown as RunSuccess;
    expect(intakeSourceLine(withForecast, "nl")).toBe(source.nl);
    expect(intakeSourceLine(withForecast, "en")).toBe(source.en);
    expect(intakeSourceLine({} as RunSuccess, "en")).toBeUndefined();
  });

  it("explains notes", () => {
    expect(describeNote({ kind: "trimmed", from: "Invoer!C:C", to: "Invoer!C5:C56" }, "en")).toBe(
      "Invoer!C:C covers a whole column or row; only its used part Invoer!C5:C56 was read.",
    );
  });
});

describe("summary", () => {
  const outcome = {
    ok: true,
    kind: "projection",
    sheetName: "Prognose",
    inputs: { opening: 1440, intake: 25, uplift: 0.1, target: 0 },
    summary: { closingBacklog: 1140, meanIntake: 25, meanCapacity: 30.77, meanDecisions: 30.77, weeksToClear: 249.6, leadTimeWeeks: 37.05, decidedLeadTimeWeeks: 57.48 },
    weeks: 104,
    requiredCapacity: 38.846,
  } as unknown as RunSuccess;

  it("shows numbers in the planner's locale", () => {
    expect(summaryLines(outcome, "nl", "nl-NL").map((l) => l.value)).toEqual(["1140", "249,6", "37,1", "57,5", "38,8"]);
    expect(summaryLines(outcome, "en", "en-US").map((l) => l.value)).toEqual(["1140", "249.6", "37.1", "57.5", "38.8"]);
    expect(summaryLines(outcome, "en", "en-US")[2]?.label).toBe("Wait for a new application at the horizon (weeks)");
    expect(summaryLines(outcome, "en", "en-US")[3]?.label).toBe("Lead time of decided cases, mean (weeks)");
    expect(summaryLines(outcome, "en", "en-US")[4]?.label).toBe("Required weekly capacity for a backlog of 0 in 104 weeks");
  });

  it("names the week the planner's target is reached, with its ISO week and Monday, at constant averages past the series", () => {
    const withTarget = {
      ...outcome,
      summary: { ...outcome.summary, target: { target: 1100, week: 59, continued: true, seriesWeeks: 52, monday: 45698 } },
    } as unknown as RunSuccess;
    expect(summaryLines(withTarget, "nl", "nl-NL").at(-1)).toEqual({
      label: "Streefvoorraad 1100 bereikt",
      value: "in week 59 (2025-W07, week van 2025-02-10), bij constante gemiddelden na week 52",
    });
    expect(summaryLines(withTarget, "en", "en-US").at(-1)).toEqual({
      label: "Target backlog 1100 reached", // the pane groups from five digits, as its other figures
      value: "in week 59 (2025-W07, week of 2025-02-10), at constant averages after week 52",
    });
    // Without a target of the planner's, no such line.
    expect(summaryLines(outcome, "nl", "nl-NL")).toHaveLength(5);
  });

  it("says 'never' when the backlog does not clear", () => {
    const never = { ...outcome, summary: { ...outcome.summary, weeksToClear: Infinity, leadTimeWeeks: null, decidedLeadTimeWeeks: null } } as RunSuccess;
    const lines = summaryLines(never, "en", "en-US");
    expect(lines[1]?.value).toBe("never: capacity does not exceed intake");
    expect(lines[2]?.value).toBe("–");
    expect(lines[3]?.value).toBe("–");
  });
});

describe("dates in the summary", () => {
  it("shows the period in the planner's locale when a first week is known", () => {
    const outcome = {
      inputs: { opening: 1440, intake: 25, uplift: 0.1, target: 0, firstWeek: 45292 },
      summary: { closingBacklog: 1310, meanIntake: 25, meanCapacity: 27.5, meanDecisions: 27.5, weeksToClear: 576, leadTimeWeeks: 47.6 },
      weeks: 52,
      requiredCapacity: 52.7,
    } as unknown as RunSuccess;
    expect(summaryLines(outcome, "nl", "nl-NL")[0]).toEqual({ label: "Periode", value: "1 jan 2024 – 29 dec 2024" });
    expect(summaryLines(outcome, "en", "en-US")[0]).toEqual({ label: "Period", value: "Jan 1, 2024 – Dec 29, 2024" });
  });
});

describe("numbers", () => {
  it("groups digits as the sheets do: from five digits on, in each language's own marks", () => {
    for (const value of [0, 7.5, 1300, 1310.25, 12_500, 1_000_000, 4_294_967_295]) {
      expect(numberFormat("nl-NL", 1).format(value)).toBe(formatNumber(value, "nl"));
      expect(numberFormat("en-US", 1).format(value)).toBe(formatNumber(value, "en"));
    }
    expect(numberFormat("nl-NL", 0).format(12_500)).toBe("12.500");
    expect(numberFormat("en-US", 0).format(1300)).toBe("1300");
  });
});

describe("the progress run (Voortgang)", () => {
  test("a finished run names the Voortgang sheet, in each language", () => {
    const outcome = { kind: "monitoring", sheetName: "Voortgang" } as RunSuccess;
    expect(describeSuccess(outcome, "nl")).toBe("Klaar: de voortgang tegen het plan staat op het blad Voortgang.");
    expect(describeSuccess({ ...outcome, sheetName: "Progress" }, "en")).toBe(
      "Done: progress against the plan is on the sheet Progress.",
    );
  });

  test("a problem with the actuals is its own sentence, without the projection's prefix", () => {
    const message = "Invoer!G5:G6 has 2 weeks of actual decisions, but the actual intake has 3 weeks.";
    expect(describeRunProblem({ kind: "actuals", message }, "en")).toBe(message);
  });
});
