import * as fs from "fs";
import * as path from "path";
import { BUILD_DIR } from "../helpers/build";

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

  test("every function has a help URL into the README's section for it, on the production host", () => {
    for (const fn of metadata.functions) {
      expect(fn.helpUrl).toMatch(new RegExp(`^https://[^/]+/.*help\\.html#${fn.name.toLowerCase()}$`));
      expect(fn.helpUrl).not.toContain("localhost");
    }
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    for (const fn of metadata.functions) {
      expect(readme).toContain(`<a id="${fn.name.toLowerCase()}"></a>`);
    }
  });

  test("no hand-written functions.json is kept in the sources", () => {
    const tracked = fs.readdirSync(path.join(__dirname, "..", "..", "src", "functions"));
    expect(tracked).not.toContain("functions.json");
  });
});
