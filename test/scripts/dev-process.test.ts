/**
 * The dev loop's process handling on this machine's real processes: `npm run stop` ends the
 * process it started and every process that one started (the old stop ended only the `sh`
 * wrapper and left webpack serving on port 3000), and `npm start` says why when the dev server
 * does not come up, with a non-zero result.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
/* eslint-disable @typescript-eslint/no-require-imports */
const devProcess = require("../../scripts/dev-process.js") as {
  startGroup: (command: string, args: string[], options: { logFile: string; stateFile: string }) => { pid: number };
  isRunning: (pid: number) => boolean;
};
const { stop } = require("../../scripts/stop.js") as {
  stop: (options: { stateFile: string; platform: string; log: (l: string) => void; error: (l: string) => void }) => Promise<number>;
};
const start = require("../../scripts/start.js") as {
  startDevServer: (options: { command: string; args: string[]; url: string; timeoutMs: number; stateFile: string; logFile: string }) => Promise<
    { ok: true; pid: number } | { ok: false; reason: string }
  >;
  webSideloadSteps: (platform: string) => string;
  canSideload: (platform: string) => boolean;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const unix = process.platform !== "win32";
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dev-process-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A process that starts a child, which starts a grandchild (as `npm run dev-server` → sh → webpack does); all record their ids. */
const TREE = `
const { spawn } = require("child_process");
const fs = require("fs");
const [pids, depth] = [process.argv[1], Number(process.argv[2])];
fs.appendFileSync(pids, process.pid + "\\n");
if (depth > 0) spawn(process.execPath, ["-e", require("fs").readFileSync(process.argv[3], "utf8"), pids, String(depth - 1), process.argv[3]], { stdio: "ignore" });
setInterval(() => {}, 1000);
`;

async function until(check: () => boolean, ms = 10000): Promise<void> {
  for (let waited = 0; waited < ms && !check(); waited += 100) await new Promise((r) => setTimeout(r, 100));
}

(unix ? test : test.skip)("npm run stop ends the dev server's whole process tree, and removes its record", async () => {
  const script = path.join(dir, "tree.js");
  const pidsFile = path.join(dir, "pids");
  fs.writeFileSync(script, TREE);
  const stateFile = path.join(dir, "state.json");
  devProcess.startGroup(process.execPath, ["-e", TREE, pidsFile, "2", script], { logFile: path.join(dir, "log"), stateFile });
  await until(() => fs.existsSync(pidsFile) && fs.readFileSync(pidsFile, "utf8").trim().split("\n").length === 3);
  const pids = fs.readFileSync(pidsFile, "utf8").trim().split("\n").map(Number);
  expect(pids).toHaveLength(3);
  expect(pids.every(devProcess.isRunning)).toBe(true);

  const lines: string[] = [];
  const code = await stop({ stateFile, platform: "linux", log: (l) => lines.push(l), error: (l) => lines.push(l) });
  expect(code).toBe(0);
  expect(lines).toEqual([`Stopped the dev server: 3 processes (group ${pids[0]}).`]);
  await until(() => !pids.some(devProcess.isRunning), 3000);
  expect(pids.filter(devProcess.isRunning)).toEqual([]);
  expect(fs.existsSync(stateFile)).toBe(false);
});

test("npm run stop with nothing started says so and succeeds", async () => {
  const lines: string[] = [];
  const code = await stop({ stateFile: path.join(dir, "none.json"), platform: "linux", log: (l) => lines.push(l), error: (l) => lines.push(l) });
  expect(code).toBe(0);
  expect(lines).toEqual(["No dev server from npm start is running (there is no .dev-server.json)."]);
});

test("a dev server that stops before it answers: npm start gives its reason, not success", async () => {
  const stateFile = path.join(dir, "state.json");
  const result = await start.startDevServer({
    command: process.execPath,
    args: ["-e", 'console.error("Error: listen EADDRINUSE: address already in use 127.0.0.1:3000"); process.exit(1)'],
    url: "https://127.0.0.1:9/taskpane.html",
    timeoutMs: 20000,
    stateFile,
    logFile: path.join(dir, "log"),
  });
  expect(result).toMatchObject({ ok: false, reason: expect.stringContaining("stopped before it answered: Error: listen EADDRINUSE") });
  expect(fs.existsSync(stateFile)).toBe(false);
});

test("where Excel cannot be sideloaded, the steps for Excel on the web say why and what to do", () => {
  expect(start.canSideload("linux")).toBe(false);
  expect(start.canSideload("win32")).toBe(true);
  const steps = start.webSideloadSteps("linux");
  expect(steps).toMatch(/^Excel cannot be sideloaded on linux: /);
  expect(steps).toContain("Upload My Add-in");
  expect(steps).toContain(path.join(os.homedir(), ".office-addin-dev-certs", "ca.crt"));
  expect(steps).toMatch(/npm run stop ends the dev server\.$/);
});
