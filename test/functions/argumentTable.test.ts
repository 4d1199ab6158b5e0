import { argumentTable, tableMarkers, withArgumentTables } from "../../src/functions/argumentTable";
import { FUNCTION_DECLARATIONS, FunctionDeclaration } from "../../src/functions/declarations";

/** A small function with one argument of every sort a table row can show. */
const CLEAR: FunctionDeclaration = {
  id: "CLEAR_TIME",
  nameNl: "WEGWERKTIJD",
  descriptionNl: "Weken tot de voorraad weg is.",
  arguments: [
    { name: "opening", nameNl: "beginvoorraad", kind: "number", rule: { min: 0 }, descriptionNl: "" },
    {
      name: "weeks",
      nameNl: "weken",
      kind: "weekly",
      rule: { min: 1, max: 10_000, integer: true },
      optional: true,
      default: { value: 52, en: "52, or the intake's length", nl: "52, of de lengte van de instroom" },
      descriptionNl: "",
    },
    { name: "cap", nameNl: "plafond", kind: "number", rule: { max: 2.5 }, optional: true, descriptionNl: "" },
    { name: "percentiles", nameNl: "percentielen", kind: "list", descriptionNl: "" },
  ],
};

const OTHER: FunctionDeclaration = {
  id: "OTHER",
  nameNl: "ANDERE",
  descriptionNl: "",
  arguments: [{ name: "fte", nameNl: "fte", kind: "number", rule: { min: 0, minExclusive: true }, descriptionNl: "" }],
};

const ENGLISH_TABLE = [
  "| argument | takes | allowed | if omitted |",
  "| --- | --- | --- | --- |",
  "| `opening` | one number | a number ≥ 0 | required |",
  "| `weeks` | one number, or one per week | a whole number from 1 to 10,000 | 52, or the intake's length |",
  "| `cap` | one number | a number ≤ 2.5 | — |",
  "| `percentiles` | one row or one column | see below | required |",
].join("\n");

const DUTCH_TABLE = [
  "| argument | neemt | toegestaan | als leeg gelaten |",
  "| --- | --- | --- | --- |",
  "| `beginvoorraad` | één getal | een getal ≥ 0 | verplicht |",
  "| `weken` | één getal, of één per week | een geheel getal van 1 tot 10.000 | 52, of de lengte van de instroom |",
  "| `plafond` | één getal | een getal ≤ 2,5 | — |",
  "| `percentielen` | één rij of één kolom | zie hieronder | verplicht |",
].join("\n");

describe("a function's argument table", () => {
  test("in English: one row per argument in declared order, with its kind, rule and default", () => {
    expect(argumentTable(CLEAR, "en")).toBe(ENGLISH_TABLE);
  });

  test("in Dutch: the Dutch names, kinds, rules and defaults", () => {
    expect(argumentTable(CLEAR, "nl")).toBe(DUTCH_TABLE);
  });

  test("a function without arguments is the header alone", () => {
    expect(argumentTable({ ...CLEAR, arguments: [] }, "en")).toBe("| argument | takes | allowed | if omitted |\n| --- | --- | --- | --- |");
  });
});

describe("the table's markers in the docs", () => {
  test("name the function's id", () => {
    expect(tableMarkers(CLEAR)).toEqual({ start: "<!-- arguments CLEAR_TIME -->", end: "<!-- /arguments CLEAR_TIME -->" });
  });
});

describe("rewriting the tables in a docs page", () => {
  const section = (id: string, body: string): string => `<!-- arguments ${id} -->\n${body}\n<!-- /arguments ${id} -->`;

  test("replaces whatever stands between each function's markers, keeping the text around them", () => {
    const markdown = `# Functions\n\n${section("CLEAR_TIME", "old table")}\n\ntext\n${section("OTHER", "| stale |")}\nend`;
    expect(withArgumentTables(markdown, [CLEAR, OTHER], "en")).toBe(
      `# Functions\n\n${section("CLEAR_TIME", ENGLISH_TABLE)}\n\ntext\n` +
        `${section("OTHER", "| argument | takes | allowed | if omitted |\n| --- | --- | --- | --- |\n| `fte` | one number | a number > 0 | required |")}\nend`,
    );
  });

  test("writes the Dutch table into the Dutch page, also when the page starts with the marker", () => {
    expect(withArgumentTables(section("CLEAR_TIME", ""), [CLEAR], "nl")).toBe(section("CLEAR_TIME", DUTCH_TABLE));
  });

  test("is stable: rewriting an up-to-date page changes nothing", () => {
    const page = `intro\n${section("CLEAR_TIME", ENGLISH_TABLE)}\n`;
    expect(withArgumentTables(page, [CLEAR], "en")).toBe(page);
  });

  test("leaves a page alone for a function without markers, and still rewrites the others", () => {
    const markdown = `intro\n${section("OTHER", "old")}\n`;
    expect(withArgumentTables("no tables here", [CLEAR], "en")).toBe("no tables here");
    expect(withArgumentTables(markdown, [CLEAR, OTHER], "nl")).toBe(
      `intro\n${section("OTHER", "| argument | neemt | toegestaan | als leeg gelaten |\n| --- | --- | --- | --- |\n| `fte` | één getal | een getal > 0 | verplicht |")}\n`,
    );
  });

  test("leaves a page alone when only one marker is there or the end marker comes first", () => {
    const { start, end } = tableMarkers(CLEAR);
    for (const markdown of [`a\n${end}\nb`, `a\n${start}\nb`, `${end}\nold\n${start}`]) {
      expect(withArgumentTables(markdown, [CLEAR], "en")).toBe(markdown);
    }
  });
});

describe("the declared defaults in the tables", () => {
  test("an omitted weeks says it follows the intake range, in both languages", () => {
    const project = FUNCTION_DECLARATIONS.find((d) => d.id === "PROJECT_BACKLOG") as FunctionDeclaration;
    expect(argumentTable(project, "en")).toContain("| the length of the intake range, or 52 |");
    expect(argumentTable(project, "nl")).toContain("| de lengte van het instroombereik, of 52 |");
  });
});
