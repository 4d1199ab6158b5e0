// The dev loop's processes and files, shared by scripts/start.js and scripts/stop.js (and by
// webpack.config.js for the certificate): the dev server runs as the leader of its own process
// group (Unix) so that `npm run stop` ends it and every process it started; its id is kept in
// .dev-server.json at the repository root.
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const STATE_FILE = path.join(ROOT, ".dev-server.json");

/** Where office-addin-dev-certs keeps the localhost certificate (the same folder on every system). */
function certificatePaths(home = os.homedir()) {
  const dir = path.join(home, ".office-addin-dev-certs");
  return { dir, ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
}

/** Starts `command args` detached, as a process group of its own; its output goes to `logFile`. */
function startGroup(command, args, { cwd = ROOT, env = process.env, logFile, stateFile = STATE_FILE, extra = {} } = {}) {
  const log = fs.openSync(logFile, "a");
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", log, log], windowsHide: true });
  fs.closeSync(log);
  child.unref();
  fs.writeFileSync(stateFile, `${JSON.stringify({ pid: child.pid, started: new Date().toISOString(), logFile, ...extra }, null, 2)}\n`);
  return child;
}

/** True while a process with this id exists and is not a zombie waiting to be reaped. */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === "EPERM";
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true; // no /proc (macOS): kill(0) succeeding is all we know
  }
}

/** The ids of the process group's members (Unix, through ps); empty when ps is missing. */
function groupMembers(pgid) {
  const result = spawnSync("ps", ["-A", "-o", "pid=,pgid="], { encoding: "utf8" });
  if (result.status !== 0) return [];
  return result.stdout
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pid, group]) => group === pgid && Number.isInteger(pid))
    .map(([pid]) => pid)
    .filter(isRunning);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ends the process `pid` and every process it started: on Unix the whole process group (SIGTERM,
 * then SIGKILL after `graceMs`), on Windows the tree (taskkill /T). Resolves to the ids still
 * alive afterwards (none when it worked).
 */
async function stopTree(pid, { graceMs = 5000 } = {}) {
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
    await sleep(500);
    return isRunning(pid) ? [pid] : [];
  }
  const alive = () => [...new Set([pid, ...groupMembers(pid)])].filter(isRunning);
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    // The group is gone already, or was never a group: fall through to the checks.
  }
  for (let waited = 0; waited < graceMs && alive().length > 0; waited += 100) await sleep(100);
  if (alive().length > 0) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      for (const member of alive()) {
        try {
          process.kill(member, "SIGKILL");
        } catch {
          // already ended
        }
      }
    }
    for (let waited = 0; waited < 2000 && alive().length > 0; waited += 100) await sleep(100);
  }
  return alive();
}

/** What .dev-server.json says, or undefined when no dev server was started by `npm start`. */
function readState(stateFile = STATE_FILE) {
  try {
    return JSON.parse(fs.readFileSync(stateFile, "utf8"));
  } catch {
    return undefined;
  }
}

module.exports = { ROOT, STATE_FILE, certificatePaths, groupMembers, isRunning, readState, startGroup, stopTree };
