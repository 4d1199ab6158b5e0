// `npm test` runs this before jest: it finds LibreOffice and a Chromium-family browser (see
// find-tools.js). When one is missing and we are root on Debian/Ubuntu, it installs it from the
// system's packages without asking anything; otherwise it stops at once with one sentence naming
// the install command for this system. Plain Node, no dependencies; never prompts (no stdin).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const { findTool, aptPackages, missingSentence, realSystem, systemContext } = require("./find-tools");

/**
 * What to do about the missing tools: nothing, install with apt-get (and snap on Ubuntu), or stop.
 * @example decide({ missing: ["soffice"], context: { platform: "linux", family: "debian", isRoot: true }, hasAptGet: true, hasSnap: false })
 */
function decide({ missing, context, hasAptGet, hasSnap, overrides = [] }) {
  if (missing.length === 0) return { action: "none" };
  const canApt = context.platform === "linux" && context.isRoot && hasAptGet && overrides.length === 0;
  const packages = canApt ? aptPackages(missing, context.family) : [];
  // Ubuntu's browser is a snap; without snapd the user has to choose a browser themselves.
  const needsSnap = context.family === "ubuntu" && missing.includes("chromium");
  if (canApt && (!needsSnap || hasSnap)) return { action: "install", packages, snap: needsSnap ? ["chromium"] : [] };
  return { action: "stop", sentence: missingSentence(missing, context, overrides) };
}

/** The real machine: programs, the package managers, and the console. */
function realDeps() {
  const system = realSystem();
  return {
    system,
    context: systemContext(system),
    hasProgram: (program) =>
      ["/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin", "/snap/bin"].some((dir) => fs.existsSync(`${dir}/${program}`)),
    run: (command, args) => {
      console.log(`ensure-test-tools: ${command} ${args.join(" ")}`);
      const result = spawnSync(command, args, {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
      return result.status === 0;
    },
    report: (sentence) => console.error(sentence),
  };
}

function missingNow(system) {
  const results = ["soffice", "chromium"].map((tool) => [tool, findTool(tool, system)]);
  return {
    missing: results.filter(([, r]) => !r.found).map(([tool]) => tool),
    overrides: results.map(([, r]) => r.override).filter(Boolean),
  };
}

/**
 * Finds the tools, installs what is missing where `decide` allows, and looks again.
 * Returns the exit code: 0 when both are there in the end.
 * @example process.exit(ensureTestTools())
 */
function ensureTestTools(deps = realDeps()) {
  const { system, context, hasProgram, run, report } = deps;
  const first = missingNow(system);
  const plan = decide({ ...first, context, hasAptGet: hasProgram("apt-get"), hasSnap: hasProgram("snap") });
  if (plan.action === "none") return 0;
  if (plan.action === "stop") {
    report(plan.sentence);
    return 1;
  }
  const installed =
    (plan.packages.length === 0 ||
      (run("apt-get", ["update", "-q"]) && run("apt-get", ["install", "-y", "-q", "--no-install-recommends", ...plan.packages]))) &&
    plan.snap.every((name) => run("snap", ["install", name]));
  const after = missingNow(system);
  if (!installed || after.missing.length > 0) {
    report(missingSentence(after.missing.length > 0 ? after.missing : first.missing, context, after.overrides));
    return 1;
  }
  return 0;
}

if (require.main === module) process.exit(ensureTestTools());

module.exports = { decide, ensureTestTools };
