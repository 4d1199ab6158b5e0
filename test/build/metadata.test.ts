import * as fs from "fs";
import * as path from "path";
import { BUILD_DIR } from "../helpers/build";
import { FUNCTION_DECLARATIONS } from "../../src/functions/declarations";

interface Parameter {
  name: string;
  optional?: boolean;
  dimensionality?: string;
  description?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
}

const metadata = JSON.parse(fs.readFileSync(path.join(BUILD_DIR, "functions.json"), "utf8")) as {
  functions: FunctionMeta[];
};
const byName = new Map(metadata.functions.map((f) => [f.name, f]));

describe("functions.json generated from the JSDoc", () => {
  test.each([
    ["PROJECT_BACKLOG", [["opening", false], ["intake", false], ["capacity", true], ["weeks", true], ["uplift", true]], "matrix"],
    ["PLANNED_CAPACITY", [["intake", false], ["uplift", true]], undefined],
    ["WEEKS_TO_CLEAR", [["opening", false], ["intake", false], ["capacity", false]], undefined],
    ["WEEKS_TO_TARGET", [["opening", false], ["intake", false], ["capacity", false], ["target", false]], undefined],
    ["REQUIRED_CAPACITY", [["opening", false], ["intake", false], ["target", false], ["weeks", false]], undefined],
    ["LEAD_TIME", [["backlog", false], ["decisions_per_week", false]], undefined],
  ] as [string, [string, boolean][], string | undefined][])("%s", (name, params, resultShape) => {
    const fn = byName.get(name);
    expect(fn).toBeDefined();
    if (!fn) return;
    expect(fn.parameters.map((p) => [p.name, p.optional === true])).toEqual(params);
    expect(fn.result.dimensionality).toBe(resultShape);
    expect(fn.description.length).toBeGreaterThan(20);
    expect(fn.parameters.every((p) => (p.description ?? "").length > 5)).toBe(true);
  });

  test("every function has a help URL into its section of the function reference, on the production host", () => {
    for (const fn of metadata.functions) {
      expect(fn.helpUrl).toMatch(new RegExp(`^https://[^/]+/.*functions\\.html#${fn.name.toLowerCase()}$`));
      expect(fn.helpUrl).not.toContain("localhost");
    }
    const reference = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "functions.md"), "utf8");
    for (const fn of metadata.functions) {
      expect(reference).toContain(`<a id="${fn.name.toLowerCase()}"></a>`);
    }
    expect(fs.existsSync(path.join(BUILD_DIR, "functions.html"))).toBe(true);
  });

  test("no hand-written functions.json is kept in the sources", () => {
    const tracked = fs.readdirSync(path.join(__dirname, "..", "..", "src", "functions"));
    expect(tracked).not.toContain("functions.json");
  });
});

/** What the JSDoc metadata and the declarations must agree on, in one comparable shape. */
function signature(fn: { name: string; parameters: Array<{ name: string; optional?: boolean }> }): string[] {
  return [fn.name, ...fn.parameters.map((p) => `${p.name}${p.optional === true ? "?" : ""}`)];
}

describe("the argument declarations agree with the JSDoc metadata", () => {
  test("the same functions, in any order", () => {
    expect(FUNCTION_DECLARATIONS.map((d) => d.id).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test.each(FUNCTION_DECLARATIONS.map((d) => [d.id, d] as const))(
    "%s: names, order, count and optional flags",
    (_id, declaration) => {
      const fn = metadata.functions.find((f) => f.id === declaration.id);
      expect(fn).toBeDefined();
      if (!fn) return;
      const declared = {
        name: declaration.id,
        parameters: declaration.arguments.map((a) => ({ name: a.name, ...(a.optional && { optional: true }) })),
      };
      expect(signature(declared)).toEqual(signature(fn));
    },
  );

  test("the comparison fails on a renamed, reordered, dropped or optional-flipped argument", () => {
    const fn = { name: "F", parameters: [{ name: "a" }, { name: "b", optional: true }] };
    const bad = [
      { name: "F", parameters: [{ name: "a" }, { name: "c", optional: true }] },
      { name: "F", parameters: [{ name: "b", optional: true }, { name: "a" }] },
      { name: "F", parameters: [{ name: "a" }] },
      { name: "F", parameters: [{ name: "a" }, { name: "b" }] },
    ];
    for (const other of bad) expect(signature(other)).not.toEqual(signature(fn));
  });

  test("only optional arguments follow an optional one; every default belongs to an optional argument", () => {
    for (const declaration of FUNCTION_DECLARATIONS) {
      const firstOptional = declaration.arguments.findIndex((a) => a.optional);
      if (firstOptional >= 0) expect(declaration.arguments.slice(firstOptional).every((a) => a.optional)).toBe(true);
      for (const a of declaration.arguments) if (a.default) expect(a.optional).toBe(true);
      for (const a of declaration.arguments) if (a.kind !== "list") expect(a.rule).toBeDefined();
    }
  });
});
