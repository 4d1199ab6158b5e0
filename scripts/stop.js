// `npm run stop`: ends the dev server `npm start` began and every process it started (the whole
// process group on Unix, the process tree on Windows), then, on Windows and Mac, removes the
// sideloaded add-in from desktop Excel. Exit 1 names any process that would not end.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { ROOT, STATE_FILE, groupMembers, isRunning, readState, stopTree } = require("./dev-process");

async function stop({ stateFile = STATE_FILE, platform = process.platform, log = console.log, error = console.error } = {}) {
  const state = readState(stateFile);
  let code = 0;
  if (state === undefined) {
    log("No dev server from npm start is running (there is no .dev-server.json).");
  } else if (!isRunning(state.pid)) {
    log(`The dev server (process ${state.pid}) had ended already.`);
    fs.rmSync(stateFile, { force: true });
  } else {
    const members = platform === "win32" ? [state.pid] : [...new Set([state.pid, ...groupMembers(state.pid)])];
    const left = await stopTree(state.pid);
    if (left.length > 0) {
      error(`These processes of the dev server did not end: ${left.join(", ")}; end them by hand (kill -9 ${left.join(" ")}).`);
      code = 1;
    } else {
      log(`Stopped the dev server: ${members.length} process${members.length === 1 ? "" : "es"} (group ${state.pid}).`);
      fs.rmSync(stateFile, { force: true });
    }
  }
  if (platform === "win32" || platform === "darwin") {
    // Removes the sideloaded manifest from desktop Excel; its own dev-server bookkeeping is empty.
    const cli = path.join(path.dirname(require.resolve("office-addin-debugging/package.json")), "cli.js");
    spawnSync(process.execPath, [cli, "stop", path.join(ROOT, "manifest.xml")], { cwd: ROOT, stdio: "inherit" });
  }
  return code;
}

module.exports = { stop };

if (require.main === module) stop().then((code) => (process.exitCode = code));
