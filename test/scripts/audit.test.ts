/**
 * `npm run audit` (scripts/audit.js): the online verdict never reads a refusal as a pass, and the
 * offline check finds a known-vulnerable version in the production tree, and none today.
 */
import * as fs from "fs";
import * as path from "path";
/* eslint-disable @typescript-eslint/no-require-imports */
const audit = require("../../scripts/audit.js") as {
  compareVersions: (a: string, b: string) => number;
  productionPackages: (lock: unknown) => { name: string; version: string; location: string }[];
  knownVulnerable: (packages: { name: string; version: string; location: string }[], advisories: unknown[]) => { name: string; advisory: { id: string } }[];
  onlineAudit: (run: () => { stdout: string }) => { verdict: string; reason?: string };
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, "..", "..");
const list = JSON.parse(fs.readFileSync(path.join(ROOT, "security", "known-vulnerable.json"), "utf8")) as { advisories: unknown[] };

test("versions compare numerically, a pre-release before its release", () => {
  expect(audit.compareVersions("3.10.2", "3.8.0")).toBe(1);
  expect(audit.compareVersions("0.2.3", "0.2.4")).toBe(-1);
  expect(audit.compareVersions("1.2.6", "1.2.6")).toBe(0);
  expect(audit.compareVersions("1.2.6-beta.1", "1.2.6")).toBe(-1);
});

test("the offline list finds a vulnerable version in the production tree, nested or not, and ignores dev packages", () => {
  const lock = {
    packages: {
      "": { name: "backlog-planner" },
      "node_modules/jszip": { version: "3.7.1" },
      "node_modules/exceljs/node_modules/tmp": { version: "0.2.3" },
      "node_modules/minimist": { version: "1.2.5", dev: true },
      "node_modules/brace-expansion": { version: "2.0.2" },
    },
  };
  const found = audit.knownVulnerable(audit.productionPackages(lock), list.advisories);
  expect(found.map((f) => `${f.name} ${f.advisory.id}`)).toEqual(["jszip CVE-2022-48285", "tmp GHSA-52f5-9888-hmc6"]);
});

test("what ships today has no version on the list", () => {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as unknown;
  const packages = audit.productionPackages(lock);
  expect(packages.map((p) => p.name)).toEqual(expect.arrayContaining(["exceljs", "jszip", "pure-rand"]));
  expect(audit.knownVulnerable(packages, list.advisories)).toEqual([]);
});

test("a refused audit is 'not performed', never a pass; high or critical advisories fail", () => {
  expect(audit.onlineAudit(() => ({ stdout: '{"statusCode":405,"error":{"code":"E405"}}' }))).toMatchObject({
    verdict: "not-performed",
    reason: "the registry's audit service refused (405)",
  });
  expect(audit.onlineAudit(() => ({ stdout: "" }))).toMatchObject({ verdict: "not-performed" });
  expect(audit.onlineAudit(() => ({ stdout: '{"metadata":{"vulnerabilities":{"high":1}}}' }))).toMatchObject({ verdict: "fail" });
  expect(audit.onlineAudit(() => ({ stdout: '{"metadata":{"vulnerabilities":{"low":2}}}' }))).toMatchObject({ verdict: "pass" });
});
