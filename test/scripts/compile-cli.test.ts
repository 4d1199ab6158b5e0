/**
 * The plan command's compile (scripts/compile-cli.js) on a small package of its own: what it
 * compiles, when lib/ counts as stale, and that the compiled JavaScript runs.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compileCli, ensureCompiled, isCompiled } from "../../scripts/compile-cli";

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "compile-cli-"));
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write("tsconfig.json", JSON.stringify({ compilerOptions: { target: "ES2019", module: "commonjs", esModuleInterop: true } }));
  write("src/cli/plan.ts", 'import { weeks } from "../engine";\nimport type { Unused } from "./types";\nexport const answer = (): number => weeks(2);\nexport type T = Unused;\n');
  write("src/cli/types.ts", "export type Unused = number;\n");
  write("src/engine/index.ts", 'export { weeks } from "./weeks";\n');
  write("src/engine/weeks.ts", "export const weeks = (years: number): number => years * 52;\n");
  write("src/taskpane/pane.ts", "export const notReached = true;\n");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test("compiles the entry and everything it imports, nothing else, into lib/ mirroring src/", () => {
  const written = compileCli(root).map((f) => path.relative(root, f)).sort();
  expect(written).toEqual(["lib/cli/plan.js", "lib/cli/types.js", "lib/engine/index.js", "lib/engine/weeks.js"].map((f) => path.normalize(f)));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiled = require(path.join(root, "lib", "cli", "plan.js")) as { answer: () => number };
  expect(compiled.answer()).toBe(104);
  expect(fs.existsSync(path.join(root, "lib", "taskpane"))).toBe(false);
});

test("lib/ is stale once a source changes or disappears, and ensureCompiled compiles it again", () => {
  expect(isCompiled(root)).toBe(false);
  ensureCompiled(root);
  expect(isCompiled(root)).toBe(true);
  fs.writeFileSync(path.join(root, "src/engine/weeks.ts"), "export const weeks = (years: number): number => years * 53 + 0;\n");
  expect(isCompiled(root)).toBe(false);
  const entry = ensureCompiled(root);
  expect(isCompiled(root)).toBe(true);
  expect(fs.readFileSync(path.join(root, "lib/engine/weeks.js"), "utf8")).toContain("years * 53 + 0");
  expect(entry).toBe(path.join(root, "lib", "cli", "plan.js"));
  fs.rmSync(path.join(root, "src/cli/types.ts"));
  expect(isCompiled(root)).toBe(false);
});

test("an unresolvable relative import is a clear error naming the file", () => {
  fs.writeFileSync(path.join(root, "src/cli/plan.ts"), 'import { x } from "./missing";\nexport const y = x;\n');
  expect(() => compileCli(root)).toThrow(/src[\\/]cli[\\/]plan\.ts: cannot find \.\/missing/);
});
