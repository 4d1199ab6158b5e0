// Finds the two programs the tests start: LibreOffice (soffice), which recalculates the workbooks
// we write, and a Chromium-family browser (Chromium, Chrome, Edge), which runs the built task pane.
// Plain Node, no dependencies: `scripts/ensure-test-tools.js` (the `npm test` step before jest)
// and the tests (test/helpers/libreoffice.ts, test/helpers/chromium.ts) use this one lookup.
// Everything the lookup reads from the machine comes through `system`, so tests inject it.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");

/** The lookup per tool: override variable, names on PATH, standard install places per platform. */
const TOOLS = {
  soffice: {
    label: "LibreOffice",
    envVars: ["SOFFICE_PATH", "SOFFICE"],
    names: ["soffice", "libreoffice"],
    places: {
      linux: () => [
        "/usr/bin/soffice",
        "/usr/local/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/snap/bin/libreoffice",
      ],
      darwin: (home) => [
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        `${home}/Applications/LibreOffice.app/Contents/MacOS/soffice`,
      ],
      win32: (home, env) =>
        programFolders(env).map((dir) => `${dir}\\LibreOffice\\program\\soffice.exe`),
    },
  },
  chromium: {
    label: "a Chromium-family browser (Chromium, Chrome or Edge)",
    envVars: ["CHROMIUM_PATH"],
    names: ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "msedge"],
    places: {
      linux: () => [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/usr/bin/microsoft-edge",
        "/snap/bin/chromium",
      ],
      darwin: (home) =>
        ["Google Chrome.app/Contents/MacOS/Google Chrome", "Chromium.app/Contents/MacOS/Chromium", "Microsoft Edge.app/Contents/MacOS/Microsoft Edge"].flatMap(
          (app) => [`/Applications/${app}`, `${home}/Applications/${app}`],
        ),
      win32: (home, env) => {
        const local = env.LOCALAPPDATA ? [env.LOCALAPPDATA] : [];
        return [
          ...[...programFolders(env), ...local].map((dir) => `${dir}\\Google\\Chrome\\Application\\chrome.exe`),
          ...programFolders(env).map((dir) => `${dir}\\Microsoft\\Edge\\Application\\msedge.exe`),
          ...local.map((dir) => `${dir}\\Chromium\\Application\\chrome.exe`),
        ];
      },
    },
  },
};

/** Windows' program folders, from the environment, with the usual defaults. */
function programFolders(env) {
  const folders = [env.ProgramFiles || "C:\\Program Files", env["ProgramFiles(x86)"] || "C:\\Program Files (x86)"];
  return [...new Set(folders)];
}

/** The real machine, for the scripts and tests; tests of this file inject their own. */
function realSystem() {
  return {
    platform: process.platform,
    env: process.env,
    home: os.homedir(),
    isFile: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
    readStart: (file) => {
      try {
        const handle = fs.openSync(file, "r");
        const buffer = Buffer.alloc(2048);
        const length = fs.readSync(handle, buffer, 0, buffer.length, 0);
        fs.closeSync(handle);
        return buffer.subarray(0, length).toString("latin1");
      } catch {
        return "";
      }
    },
  };
}

/**
 * Ubuntu's `chromium-browser` deb is a shell script that only points at the snap; without the snap
 * installed it starts nothing. Such a stub does not count as a browser.
 */
function isSnapStub(file, system) {
  const start = system.readStart(file);
  return start.startsWith("#!") && /snap/i.test(start) && !system.isFile("/snap/bin/chromium");
}

/** Where PATH would find `name` (with .exe on Windows). */
function onPath(name, system) {
  const windows = system.platform === "win32";
  const separator = windows ? ";" : ":";
  const join = windows ? path.win32.join : path.posix.join;
  const dirs = (system.env.PATH || system.env.Path || "").split(separator).filter((d) => d !== "");
  const fileNames = windows ? [`${name}.exe`] : [name];
  return dirs.flatMap((dir) => fileNames.map((file) => join(dir, file)));
}

/**
 * Finds a tool. `found` is the program's path or null; `override` names an override variable that
 * points at nothing (so the caller can say so rather than silently use another program).
 * @example findTool("soffice").found // "/usr/bin/soffice"
 */
function findTool(tool, system = realSystem()) {
  const spec = TOOLS[tool];
  if (!spec) throw new Error(`unknown tool ${tool}`);
  for (const name of spec.envVars) {
    const value = system.env[name];
    if (value) return system.isFile(value) ? { found: value } : { found: null, override: `${name}=${value}` };
  }
  const places = (spec.places[system.platform] || spec.places.linux)(system.home, system.env);
  const candidates = [...spec.names.flatMap((name) => onPath(name, system)), ...places];
  const usable = (file) => system.isFile(file) && !(tool === "chromium" && isSnapStub(file, system));
  const found = candidates.find(usable);
  return { found: found === undefined ? null : found };
}

/** The Linux distribution family from /etc/os-release text: "debian", "ubuntu", "fedora" or "". */
function linuxFamily(osRelease) {
  const field = (key) => (new RegExp(`^${key}=["']?([^"'\\n]*)`, "m").exec(osRelease) || [])[1] || "";
  const ids = `${field("ID")} ${field("ID_LIKE")}`.toLowerCase().split(/\s+/);
  if (ids.includes("ubuntu")) return "ubuntu";
  if (ids.includes("debian")) return "debian";
  if (ids.includes("fedora") || ids.includes("rhel")) return "fedora";
  return "";
}

/**
 * Debian/Ubuntu packages for the missing tools. Ubuntu has no chromium deb (only a stub for the
 * snap), so there the browser comes from the snap store.
 */
function aptPackages(missing, family) {
  const packages = [];
  if (missing.includes("chromium") && family !== "ubuntu") packages.push("chromium");
  // With Carlito (Calibri's metrics) LibreOffice lays out and pages the sheets as Excel does;
  // the print tests read its PDFs with pdftotext (poppler-utils).
  if (missing.includes("soffice")) packages.push("libreoffice-calc-nogui", "fonts-crosextra-carlito", "poppler-utils");
  if (packages.length > 0) packages.push("fonts-dejavu-core");
  return packages;
}

/**
 * The one command that installs the missing tools on this system.
 * @example installCommand(["soffice"], { platform: "darwin" }) // "brew install --cask libreoffice"
 */
function installCommand(missing, { platform, family = "", isRoot = false }) {
  const want = (tool) => missing.includes(tool);
  if (platform === "darwin") {
    const casks = [want("soffice") ? "libreoffice" : "", want("chromium") ? "google-chrome" : ""].filter(Boolean);
    return `brew install --cask ${casks.join(" ")}`;
  }
  if (platform === "win32") {
    const ids = [want("soffice") ? "TheDocumentFoundation.LibreOffice" : "", want("chromium") ? "Google.Chrome" : ""].filter(Boolean);
    return ids.map((id) => `winget install -e --id ${id}`).join(" && ");
  }
  const sudo = isRoot ? "" : "sudo ";
  if (family === "fedora") {
    const packages = [want("chromium") ? "chromium" : "", want("soffice") ? "libreoffice-calc" : ""].filter(Boolean);
    return `${sudo}dnf install -y ${packages.join(" ")}`;
  }
  const commands = [];
  const packages = aptPackages(missing, family);
  if (packages.length > 0) commands.push(`${sudo}apt-get install -y --no-install-recommends ${packages.join(" ")}`);
  if (family === "ubuntu" && want("chromium")) commands.push(`${sudo}snap install chromium`);
  return commands.join(" && ");
}

/**
 * The one sentence for a missing tool: what is missing and the command that installs it.
 * @example missingSentence(["chromium"], { platform: "win32" })
 */
function missingSentence(missing, context, overrides = []) {
  const labels = missing.map((tool) => TOOLS[tool].label).join(" and ");
  const wrong = overrides.length > 0 ? ` (${overrides.join(", ")} points to no file)` : "";
  return (
    `The tests need ${labels}, which ${missing.length > 1 ? "were" : "was"} not found${wrong}: ` +
    `install ${missing.length > 1 ? "them" : "it"} with \`${installCommand(missing, context)}\`, ` +
    `or set ${missing.map((tool) => TOOLS[tool].envVars[0]).join(" / ")} to the program.`
  );
}

/** This machine's context for `installCommand`: platform, Linux family, root. */
function systemContext(system = realSystem()) {
  let osRelease = "";
  if (system.platform === "linux") {
    try {
      osRelease = fs.readFileSync("/etc/os-release", "utf8");
    } catch {
      osRelease = "";
    }
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return { platform: system.platform, family: linuxFamily(osRelease), isRoot };
}

/**
 * The tool's path, or an Error whose message is the one sentence with the install command.
 * @example requireTool("chromium") // "/usr/bin/chromium"
 */
function requireTool(tool, system = realSystem()) {
  const result = findTool(tool, system);
  if (result.found) return result.found;
  const overrides = result.override ? [result.override] : [];
  throw new Error(missingSentence([tool], systemContext(system), overrides));
}

module.exports = { TOOLS, findTool, requireTool, installCommand, missingSentence, aptPackages, linuxFamily, systemContext, realSystem };
