// `npm start`: the development loop. Starts the webpack dev server on https://localhost:3000 in the
// background (its own process group; `npm run stop` ends it and everything it started), waits
// until it answers, then sideloads the add-in into desktop Excel where Microsoft's tools can
// (Windows, Mac) and otherwise prints the steps for Excel on the web. The exit code tells the
// truth: 0 when the dev server answers (and, on Windows and Mac, the sideload worked), 1 with the
// reason when it does not.
const { spawnSync } = require("child_process");
const fs = require("fs");
const https = require("https");
const path = require("path");
const { ROOT, STATE_FILE, certificatePaths, isRunning, readState, startGroup, stopTree } = require("./dev-process");

const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const PANE_URL = `https://localhost:${PORT}/taskpane.html`;
const LOG_FILE = path.join(ROOT, ".dev-server.log");
const MANIFEST = path.join(ROOT, "manifest.xml");

/** Microsoft's sideloading (office-addin-debugging) drives desktop Excel on these systems only. */
const canSideload = (platform) => platform === "win32" || platform === "darwin";

/** The steps for Excel on the web, where any system can use the add-in from the dev server. */
function webSideloadSteps(platform, certs = certificatePaths()) {
  const why = canSideload(platform)
    ? "To use it in Excel on the web as well:"
    : `Excel cannot be sideloaded on ${platform}: Microsoft's tools drive desktop Excel on Windows and Mac only. To use the add-in in Excel on the web:`;
  return [
    why,
    `  1. Let your browser trust the dev certificate once: import ${certs.ca} as a certificate authority`,
    "     (Chromium: Settings > Privacy and security > Security > Manage certificates > Authorities > Import;",
    "     Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import),",
    `     then open ${PANE_URL}: it must load without a certificate warning.`,
    "  2. Open a workbook in Excel on the web (OneDrive or SharePoint).",
    "  3. Insert > Office Add-ins (in newer versions Home > Add-ins > More Add-ins) > My Add-ins >",
    `     Upload My Add-in, and choose ${MANIFEST}.`,
    "  4. The Voorraadplanner button appears on the Home tab, and =IND. functions in the cells.",
    "     The browser keeps the sideloaded manifest until its cache is cleared.",
    "npm run stop ends the dev server.",
  ].join("\n");
}

/** True once the dev server answers for the pane's page. */
function answers(url) {
  return new Promise((resolve) => {
    const request = https.get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("error", () => resolve(false));
    request.on("timeout", () => request.destroy());
  });
}

/** The last meaningful line of the dev server's log: the reason it stopped. */
function lastLogLine(file) {
  try {
    const lines = fs.readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter(Boolean);
    return lines.reverse().find((l) => /error|unable|cannot|EADDRINUSE|EACCES/i.test(l)) ?? lines[0] ?? "(no output)";
  } catch {
    return "(no output)";
  }
}

/**
 * Starts `command args` as the dev server and waits until `url` answers. Resolves to
 * { ok: true, pid } or { ok: false, reason } (a process that ended or never answered is stopped).
 */
async function startDevServer({ command, args, url, timeoutMs = 180000, stateFile = STATE_FILE, logFile = LOG_FILE, env = process.env }) {
  fs.writeFileSync(logFile, "");
  const child = startGroup(command, args, { env, logFile, stateFile, extra: { url } });
  let exited = false;
  child.on("exit", () => (exited = true));
  for (let waited = 0; waited < timeoutMs; waited += 1000) {
    if (await answers(url)) return { ok: true, pid: child.pid };
    if (exited || !isRunning(child.pid)) {
      fs.rmSync(stateFile, { force: true });
      return { ok: false, reason: `the dev server stopped before it answered: ${lastLogLine(logFile)} (log: ${logFile})` };
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await stopTree(child.pid);
  fs.rmSync(stateFile, { force: true });
  return { ok: false, reason: `the dev server did not answer at ${url} within ${timeoutMs / 1000} s (log: ${logFile})` };
}

/** The localhost certificate: made and trusted by Microsoft's tool on Windows and Mac, made here (no sudo) elsewhere. */
async function ensureCertificate(platform) {
  const devCerts = require("office-addin-dev-certs");
  if (canSideload(platform)) {
    if (!devCerts.verifyCertificates()) await devCerts.ensureCertificatesAreInstalled(); // may ask to trust it, in this window
    return;
  }
  const files = certificatePaths();
  if ([files.ca, files.cert, files.key].every((f) => fs.existsSync(f))) return;
  fs.rmSync(files.dir, { recursive: true, force: true });
  await devCerts.generateCertificates(files.ca, files.cert, files.key);
}

async function main(platform = process.platform) {
  const state = readState();
  if (state && isRunning(state.pid)) {
    console.log(`The dev server started by npm start is running already (process ${state.pid}); npm run stop ends it.`);
  } else {
    try {
      await ensureCertificate(platform);
    } catch (error) {
      console.error(`npm start cannot start the dev server: the localhost certificate could not be made (${error instanceof Error ? error.message : error}).`);
      return 1;
    }
    if (await answers(PANE_URL)) {
      console.error(`npm start cannot start the dev server: another program already answers on port ${PORT}; stop it first.`);
      return 1;
    }
    console.log(`Starting the dev server on https://localhost:${PORT}/ (the first build takes about a minute) …`);
    const webpackCli = require.resolve("webpack-cli/bin/cli.js");
    const started = await startDevServer({ command: process.execPath, args: [webpackCli, "serve", "--mode", "development"], url: PANE_URL });
    if (!started.ok) {
      console.error(`npm start failed: ${started.reason}.`);
      return 1;
    }
    console.log(`The dev server answers at ${PANE_URL} (process group ${started.pid}; npm run stop ends it).`);
  }
  if (!canSideload(platform)) {
    console.log(webSideloadSteps(platform));
    return 0;
  }
  return sideloadDesktop(platform);
}

/** Microsoft's sideloading into desktop Excel; the dev server is ours already, so it only sideloads. */
function sideloadDesktop(platform) {
  const cli = path.join(path.dirname(require.resolve("office-addin-debugging/package.json")), "cli.js");
  const result = spawnSync(process.execPath, [cli, "start", MANIFEST, "desktop", "--app", "excel"], { cwd: ROOT, encoding: "utf8" });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  process.stdout.write(output);
  // office-addin-debugging reports some failures on its output and still exits 0: read both.
  if (result.status !== 0 || /Unable to sideload|Unable to start|not supported/i.test(output)) {
    console.error("Sideloading into desktop Excel failed (see above); the dev server still runs.");
    console.error(webSideloadSteps(platform));
    return 1;
  }
  return 0;
}

module.exports = { answers, canSideload, startDevServer, webSideloadSteps };

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(`npm start failed: ${error instanceof Error ? error.message : error}`);
      process.exitCode = 1;
    },
  );
}
