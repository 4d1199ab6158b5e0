/**
 * A production build that cannot be wrong: `npm run build` refuses, in one sentence, to build
 * without a usable ADDIN_BASE_URL; the address is normalised; the development build keeps
 * localhost; the manifest's version is package.json's.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
/* eslint-disable @typescript-eslint/no-require-imports */
const { manifestVersion, productionBaseUrl } = require("../../scripts/base-url.js") as {
  productionBaseUrl: (value: string | undefined) => { ok: true; url: string } | { ok: false; message: string };
  manifestVersion: (value: string) => { ok: true; version: string } | { ok: false; message: string };
};
const makeConfig = require("../../webpack.config.js") as (
  env: Record<string, string>,
  options: { mode: string },
) => Promise<{ plugins: { patterns?: { from: string; transform?: (content: Buffer) => string }[] }[] }>;
/* eslint-enable @typescript-eslint/no-require-imports */

const source = fs.readFileSync(path.join(ROOT, "manifest.xml"));
const packageVersion = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The manifest a configuration would write, without running webpack. */
async function manifestFor(env: Record<string, string>, mode: string): Promise<string> {
  const config = await makeConfig(env, { mode });
  const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest.xml");
  return (pattern?.transform as (content: Buffer) => string)(source);
}

describe("ADDIN_BASE_URL", () => {
  test.each([
    ["https://intranet.example/voorraadplanner", "https://intranet.example/voorraadplanner/"],
    ["https://intranet.example/voorraadplanner/", "https://intranet.example/voorraadplanner/"],
    ["https://intranet.example/voorraadplanner//", "https://intranet.example/voorraadplanner/"],
    ["  https://Intranet.Example  ", "https://intranet.example/"],
    ["http://localhost:8080/addin", "http://localhost:8080/addin/"],
    ["https://localhost:3000", "https://localhost:3000/"],
  ])("%j becomes %j", (given, url) => {
    expect(productionBaseUrl(given)).toEqual({ ok: true, url });
  });

  test.each([
    [undefined, /^npm run build needs ADDIN_BASE_URL, the https address where dist\/ will be hosted/],
    ["", /^npm run build needs ADDIN_BASE_URL/],
    ["http://intranet.example/voorraadplanner/", /must start with https:\/\/ .*localhost alone/],
    ["ftp://intranet.example/", /must start with https:\/\//],
    ["intranet.example/voorraadplanner", /is not a web address/],
    ["https://intranet.example/x/?v=1", /without a query, a #fragment or a password/],
    ["https://user:secret@intranet.example/", /without a query, a #fragment or a password/],
  ])("%j is refused in one sentence", (given, message) => {
    const result = productionBaseUrl(given);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(message) });
    expect((result as { message: string }).message.match(/\. [A-Z]/g)).toBeNull();
  });

  test("the manifest version is package.json's, with a fourth number; a pre-release tag is refused", () => {
    expect(manifestVersion("1.2.3")).toEqual({ ok: true, version: "1.2.3.0" });
    expect(manifestVersion("0.10.0")).toEqual({ ok: true, version: "0.10.0.0" });
    expect(manifestVersion("1.0.0-beta.1")).toMatchObject({ ok: false, message: expect.stringContaining("no pre-release tag") });
    expect(manifestVersion("123456.0.0")).toMatchObject({ ok: false });
  });
});

describe("the build's manifest", () => {
  test("npm run build without ADDIN_BASE_URL: one sentence on stderr, exit 2, nothing built", () => {
    const env = { ...process.env };
    delete env["ADDIN_BASE_URL"];
    const result = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build.js")], { cwd: ROOT, env, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^npm run build needs ADDIN_BASE_URL/);
  });

  test("webpack's production configuration refuses too, for whoever calls it directly", async () => {
    const saved = process.env["ADDIN_BASE_URL"];
    delete process.env["ADDIN_BASE_URL"];
    try {
      await expect(makeConfig({}, { mode: "production" })).rejects.toThrow(/^npm run build needs ADDIN_BASE_URL/);
      await expect(makeConfig({ baseUrl: "http://x.example/" }, { mode: "production" })).rejects.toThrow(/must start with https/);
    } finally {
      if (saved !== undefined) process.env["ADDIN_BASE_URL"] = saved;
    }
  });

  test("production: the normalised address everywhere, package.json's version, ?v= on the names the manifest fixes", async () => {
    const xml = await manifestFor({ baseUrl: "https://intranet.example/voorraadplanner" }, "production");
    expect(xml).not.toContain("https://localhost");
    expect(xml).toContain(`<Version>${packageVersion}.0</Version>`);
    expect(xml).toContain(`"https://intranet.example/voorraadplanner/assets/icon-16.png"`);
    expect(xml).not.toContain("voorraadplannerassets");
    for (const file of ["taskpane.html", "functions.js", "functions.json", "functions-nl.json"]) {
      expect(xml).toContain(`"https://intranet.example/voorraadplanner/${file}?v=${packageVersion}.0"`);
    }
  });

  test("the development build keeps https://localhost:3000/, whatever ADDIN_BASE_URL says", async () => {
    const saved = process.env["ADDIN_BASE_URL"];
    process.env["ADDIN_BASE_URL"] = "https://intranet.example/voorraadplanner/";
    try {
      const xml = await manifestFor({}, "development");
      expect(xml).not.toContain("intranet.example");
      expect(xml).toContain(`"https://localhost:3000/taskpane.html?v=${packageVersion}.0"`);
    } finally {
      if (saved === undefined) delete process.env["ADDIN_BASE_URL"];
      else process.env["ADDIN_BASE_URL"] = saved;
    }
  });
});
