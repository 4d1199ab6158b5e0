/**
 * The built task pane under its own Content-Security-Policy (the meta tag as shipped) with the
 * REAL Office.js from @microsoft/office-js, served for its CDN address through request routing.
 * Office.onReady must resolve and the pane must render. Every securitypolicyviolation, console
 * error, page error and outside request is collected; the test fails on any that is not on the
 * documented allow-list below.
 *
 * Allow-list (see SECURITY.md, "Office.js telemetry"): the real library, outside Office, frames
 * Microsoft's telemetry service. Nothing leaves the machine, so that frame is blocked on purpose
 * (by the CSP's default-src and by this test's routing); the pane works without it.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, BrowserContext } from "playwright-core";
import { BUILD_DIR } from "../helpers/build";

const ROOT = path.resolve(__dirname, "..", "..");
const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const TELEMETRY_HOST = "telemetryservice.firstpartyapps.oaspapps.com";

/** What may appear, each with its reason. Anything else fails the test. */
const ALLOWED: { pattern: RegExp; why: string }[] = [
  { pattern: new RegExp(`^csp frame-src https://${TELEMETRY_HOST.replace(/\./g, "\\.")}`), why: "Office.js telemetry frame, blocked on purpose" },
  { pattern: new RegExp(`^console: .*${TELEMETRY_HOST.replace(/\./g, "\\.")}.*Content Security Policy`), why: "Chromium's report of that same block" },
  { pattern: new RegExp(`^outside request refused: https://${TELEMETRY_HOST.replace(/\./g, "\\.")}/`), why: "the same frame, refused by routing" },
];

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "application/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png" };

let server: http.Server;
let baseUrl: string;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(BUILD_DIR, "taskpane.html"))) throw new Error(`no build in ${BUILD_DIR}: jest's globalSetup makes it`);
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(BUILD_DIR, path.normalize(url.pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(BUILD_DIR) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    // No CSP header: the meta tag in taskpane.html, as shipped, is the policy under test.
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "real-office-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

test("the pane loads the real Office.js under its CSP: onReady resolves, the pane renders, only the documented telemetry block appears", async () => {
  const page = await context.newPage();
  const seen: string[] = [];
  const served: string[] = [];
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`csp ${e.effectiveDirective} ${e.blockedURI}`));
  });
  page.on("console", (message) => {
    if (message.type() === "error") seen.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => seen.push(`pageerror: ${String(error)}`));
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(CDN)) {
      const file = path.join(OFFICE_DIST, new URL(url).pathname.slice(new URL(CDN).pathname.length));
      if (file.startsWith(OFFICE_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        served.push(path.relative(OFFICE_DIST, file));
        await route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? "application/octet-stream", body: fs.readFileSync(file) });
      } else {
        seen.push(`office.js file missing from the package: ${url}`);
        await route.fulfill({ status: 404, body: "" });
      }
    } else if (url.startsWith(baseUrl)) {
      await route.continue();
    } else {
      seen.push(`outside request refused: ${url}`);
      await route.abort();
    }
  });
  await page.goto(`${baseUrl}/taskpane.html`);
  const ready = await page.evaluate(
    () =>
      new Promise<{ host: unknown }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("Office.onReady did not resolve in 20 s")), 20_000);
        void Office.onReady().then((info) => {
          clearTimeout(timer);
          resolve({ host: info.host });
        });
      }),
  );
  expect(ready).toEqual({ host: null }); // outside Office: no host, but ready
  // The pane rendered: its title, its fields and its buttons are filled in.
  await page.locator("#run").filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
  expect(await page.locator("#plan-form input").count()).toBeGreaterThan(2);
  expect(await page.locator("#title").textContent()).toMatch(/Voorraadplanner|Backlog Planner/);
  // Give the library time to try whatever it tries after loading (its telemetry frame).
  await page.waitForTimeout(3000);
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  const all = [...violations, ...seen];
  const unexpected = all.filter((entry) => !ALLOWED.some((allowed) => allowed.pattern.test(entry)));
  expect(unexpected).toEqual([]);
  expect(served).toContain("office.js");
  fs.mkdirSync(path.join(ROOT, "test-output"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "test-output", "real-office-log.json"), JSON.stringify({ served, all }, null, 2));
  await page.close();
}, 90_000);
