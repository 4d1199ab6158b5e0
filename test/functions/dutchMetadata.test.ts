import { FunctionDeclaration } from "../../src/functions/declarations";
import { deriveDutchMetadata, dutchHelpUrl, MetadataFile } from "../../src/functions/dutchMetadata";

const LEAD: FunctionDeclaration = {
  id: "LEAD_TIME",
  nameNl: "DOORLOOPTIJD",
  descriptionNl: "Doorlooptijd in weken.",
  arguments: [
    { name: "backlog", nameNl: "voorraad", kind: "number", descriptionNl: "Zaken in voorraad." },
    { name: "decisions_per_week", nameNl: "beslissingen_per_week", kind: "number", descriptionNl: "Beslissingen per week." },
  ],
};

const FTE: FunctionDeclaration = {
  id: "FTE_CAPACITY",
  nameNl: "FTE_CAPACITEIT",
  descriptionNl: "Capaciteit van een team.",
  arguments: [{ name: "fte", nameNl: "fte", kind: "number", descriptionNl: "Medewerkers in fte." }],
};

/** functions.json as the metadata plugin writes it, cut down to two functions. */
const ENGLISH: MetadataFile = {
  allowCustomDataForDataTypeAny: true,
  functions: [
    {
      id: "LEAD_TIME",
      name: "LEAD_TIME",
      description: "Lead time in weeks.",
      helpUrl: "https://localhost:3000/functions.html#lead_time",
      result: { dimensionality: "scalar" },
      parameters: [
        { name: "backlog", description: "Cases in the backlog.", type: "any" },
        { name: "decisions_per_week", description: "Decisions per week.", type: "any", optional: true },
      ],
    },
    { id: "FTE_CAPACITY", name: "FTE_CAPACITY", parameters: [{ name: "fte", type: "any" }] },
  ],
};

describe("the Dutch help URL", () => {
  test("points at functies.html next to the English page, at the Dutch name's anchor", () => {
    expect(dutchHelpUrl("https://localhost:3000/functions.html#lead_time", "DOORLOOPTIJD")).toBe(
      "https://localhost:3000/functies.html#doorlooptijd",
    );
    expect(dutchHelpUrl("https://example.org/planner/docs/functions.html?v=2#lead_time", "FTE_CAPACITEIT")).toBe(
      "https://example.org/planner/docs/functies.html?v=2#fte_capaciteit",
    );
  });

  test("a page URL ending in a folder gets functies.html in that folder", () => {
    expect(dutchHelpUrl("https://example.org/docs/", "DOORLOOPTIJD")).toBe("https://example.org/docs/functies.html#doorlooptijd");
  });
});

describe("functions-nl.json derived from functions.json", () => {
  test("keeps ids, order and every other key; replaces names, descriptions and the help URL", () => {
    expect(deriveDutchMetadata(ENGLISH, [FTE, LEAD])).toStrictEqual({
      allowCustomDataForDataTypeAny: true,
      functions: [
        {
          id: "LEAD_TIME",
          name: "DOORLOOPTIJD",
          description: "Doorlooptijd in weken.",
          helpUrl: "https://localhost:3000/functies.html#doorlooptijd",
          result: { dimensionality: "scalar" },
          parameters: [
            { name: "voorraad", description: "Zaken in voorraad.", type: "any" },
            { name: "beslissingen_per_week", description: "Beslissingen per week.", type: "any", optional: true },
          ],
        },
        {
          id: "FTE_CAPACITY",
          name: "FTE_CAPACITEIT",
          description: "Capaciteit van een team.",
          parameters: [{ name: "fte", description: "Medewerkers in fte.", type: "any" }],
        },
      ],
    });
  });

  test("a function without a help URL gets none", () => {
    const [, fte] = deriveDutchMetadata(ENGLISH, [LEAD, FTE]).functions;
    expect(fte !== undefined && "helpUrl" in fte).toBe(false);
  });

  test("leaves the English metadata as it was", () => {
    const before = JSON.stringify(ENGLISH);
    deriveDutchMetadata(ENGLISH, [LEAD, FTE]);
    expect(JSON.stringify(ENGLISH)).toBe(before);
  });

  test("fails the build on a function the declarations miss", () => {
    expect(() => deriveDutchMetadata(ENGLISH, [LEAD])).toThrow(
      new Error("FTE_CAPACITY: no Dutch name in src/functions/declarations.ts"),
    );
  });

  test("fails the build when the parameters differ from the declaration in name or order", () => {
    const renamed = { ...LEAD, arguments: [LEAD.arguments[0], { ...FTE.arguments[0], name: "rate" }] } as FunctionDeclaration;
    expect(() => deriveDutchMetadata(ENGLISH, [renamed, FTE])).toThrow(
      new Error("LEAD_TIME: functions.json has parameters (backlog, decisions_per_week) but the declaration has (backlog, rate)"),
    );
    const swapped = { ...LEAD, arguments: [...LEAD.arguments].reverse() };
    expect(() => deriveDutchMetadata(ENGLISH, [swapped, FTE])).toThrow(
      new Error("LEAD_TIME: functions.json has parameters (backlog, decisions_per_week) but the declaration has (decisions_per_week, backlog)"),
    );
  });

  test("fails the build when a declaration has a parameter functions.json lacks", () => {
    const longer = { ...FTE, arguments: [...FTE.arguments, ...LEAD.arguments] };
    expect(() => deriveDutchMetadata(ENGLISH, [LEAD, longer])).toThrow(
      new Error("FTE_CAPACITY: functions.json has parameters (fte) but the declaration has (fte, backlog, decisions_per_week)"),
    );
  });
});
