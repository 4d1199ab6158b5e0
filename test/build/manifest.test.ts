/**
 * The manifest, offline: the rules of scripts/manifest-checks.js (which `npm run validate` applies
 * to dist/manifest.xml) on the source and on the tests' production build, that those rules catch
 * what they are for, and what only the build decides (base URL, version, ?v= on the fixed names).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BUILD_DIR, TEST_BASE_URL } from "../helpers/build";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { collect, manifestProblems } = require("../../scripts/manifest-checks.js") as {
  collect: (xml: string) => { resids: string[]; ids: Map<string, string>; urls: string[] };
  manifestProblems: (xml: string, options?: { dir?: string; version?: string; production?: boolean }) => string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FIXED_NAME_FILES } = require("../../webpack.config.js") as { FIXED_NAME_FILES: string[] };

const ROOT = path.join(__dirname, "..", "..");
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const built = fs.readFileSync(path.join(BUILD_DIR, "manifest.xml"), "utf8");
const packageVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

describe("manifest.xml (checked offline; `npm run validate:online` asks Microsoft's service)", () => {
  test("the source passes every offline rule", () => {
    expect(manifestProblems(source)).toEqual([]);
  });

  test("the build passes them too, names a file of dist/ in every URL, carries package.json's version, no localhost", () => {
    expect(manifestProblems(built, { dir: BUILD_DIR, version: `${packageVersion}.0`, production: true })).toEqual([]);
  });

  test("asks for ExcelApi 1.9: the sheets' page layout (1.9), validation and secondary axes (1.8) and freeze panes (1.7)", () => {
    for (const xml of [source, built]) {
      const sets = /<Sets[^>]*>([\s\S]*?)<\/Sets>/.exec(xml)?.[1] ?? "";
      expect(sets).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
      expect(sets).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    }
  });

  test("icons come from assets/ and exist there", () => {
    const icons = collect(source).urls.filter((u) => /\.png$/.test(u));
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of icons) expect(fs.existsSync(path.join(ROOT, new URL(icon).pathname.replace(/^\//, "")))).toBe(true);
  });

  test("the build's URLs are the base URL it was given; the fixed names carry ?v=<version>, the rest no query", () => {
    for (const u of collect(built).urls) {
      expect(u.startsWith(TEST_BASE_URL)).toBe(true);
      const url = new URL(u);
      const file = url.pathname.slice(new URL(TEST_BASE_URL).pathname.length);
      expect(url.search).toBe(FIXED_NAME_FILES.includes(file) ? `?v=${packageVersion}.0` : "");
    }
    expect(built).toContain(`<Version>${packageVersion}.0</Version>`);
  });

  test.each([
    ["a resid without a resource", (x: string) => x.replace('resid="Group.Label"', 'resid="Group.Missing"'), /resid Group\.Missing names no resource/],
    ["an http URL", (x: string) => x.replace("https://localhost:3000/help.html", "http://localhost:3000/help.html"), /is not https/],
    ["a second origin", (x: string) => x.replace("https://localhost:3000/assets/icon-80.png", "https://cdn.example/icon-80.png"), /on 2 origins/],
    ["Runtimes not first", (x: string) => x.replace("<Runtimes>", "<!-- x --><AllFormFactors/><Runtimes>"), /not <Runtimes>/],
    ["a short-lived runtime", (x: string) => x.replace('lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
    ["AppDomains", (x: string) => x.replace("<Permissions>", "<AppDomains><AppDomain>https://x.example</AppDomain></AppDomains><Permissions>"), /AppDomains/],
    ["more permissions", (x: string) => x.replace("ReadWriteDocument", "ReadDocument"), /not ReadWriteDocument/],
    ["no SharedRuntime requirement", (x: string) => x.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', ""), /SharedRuntime 1\.1/],
    ["broken XML", (x: string) => x.replace("</OfficeApp>", ""), /not well-formed/],
  ])("the rules catch %s", (_what, breakIt, problem) => {
    expect(manifestProblems(breakIt(source)).join("\n")).toMatch(problem);
  });

  test("the built-file rules catch a wrong version, localhost in production, and a URL naming no file", () => {
    expect(manifestProblems(source, { version: "9.9.9.0" }).join("\n")).toMatch(/<Version> is 0\.1\.0\.0, not 9\.9\.9\.0/);
    expect(manifestProblems(source, { production: true }).join("\n")).toMatch(/points to localhost/);
    const missing = built.replace("functions-nl.json?v=", "functies-nl.json?v=");
    expect(manifestProblems(missing, { dir: BUILD_DIR }).join("\n")).toMatch(/names functies-nl\.json, which is not in/);
  });

  test("npm run validate checks dist/manifest.xml offline: passes on the build, fails on a broken one, one line per problem", () => {
    const validate = (file: string): { status: number | null; out: string } => {
      const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.js"), file], { encoding: "utf8" });
      return { status: r.status, out: r.stdout + r.stderr };
    };
    expect(validate(path.join(BUILD_DIR, "manifest.xml"))).toMatchObject({ status: 0, out: expect.stringContaining("passed the offline checks") });
    const broken = path.join(BUILD_DIR, "broken-manifest.xml");
    fs.writeFileSync(broken, built.replace('lifetime="long"', 'lifetime="short"'));
    try {
      expect(validate(broken)).toMatchObject({ status: 1, out: expect.stringMatching(/1 problem\(s\):\n {2}- the shared runtime needs/) });
    } finally {
      fs.rmSync(broken);
    }
    expect(validate(path.join(BUILD_DIR, "nothing.xml"))).toMatchObject({ status: 2, out: expect.stringContaining("does not exist: build first") });
  });
});
