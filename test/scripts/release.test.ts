/**
 * `npm run release` (scripts/release.js): one reproducible zip of dist/ under a folder named by
 * version, a SHA-256 list that `sha256sum -c` reads, and the refusals before anything is built.
 */
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
/* eslint-disable @typescript-eslint/no-require-imports */
const release = require("../../scripts/release.js") as {
  packRelease: (options: { distDir: string; outDir: string; name: string }) => Promise<{ zip: string; sums: string; files: number }>;
  changelogSection: (changelog: string, version: string) => string | undefined;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, "..", "..");
const sha256 = (bytes: Buffer): string => crypto.createHash("sha256").update(bytes).digest("hex");
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "release-"));
  fs.mkdirSync(path.join(dir, "dist", "assets"), { recursive: true });
  fs.writeFileSync(path.join(dir, "dist", "manifest.xml"), "<OfficeApp/>");
  fs.writeFileSync(path.join(dir, "dist", "taskpane.html"), "<!doctype html>");
  fs.writeFileSync(path.join(dir, "dist", "assets", "icon-16.png"), Buffer.from([137, 80, 78, 71]));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the zip holds every file of dist/ under backlog-planner-<version>/, and the list has the zip's and each file's SHA-256", async () => {
  const name = "backlog-planner-9.8.7";
  const packed = await release.packRelease({ distDir: path.join(dir, "dist"), outDir: path.join(dir, "release"), name });
  expect(path.basename(packed.zip)).toBe(`${name}.zip`);
  expect(path.basename(packed.sums)).toBe(`${name}.sha256`);
  const zip = await JSZip.loadAsync(fs.readFileSync(packed.zip));
  const files = Object.keys(zip.files).filter((f) => !(zip.files[f] as JSZip.JSZipObject).dir).sort();
  expect(files).toEqual([`${name}/assets/icon-16.png`, `${name}/manifest.xml`, `${name}/taskpane.html`]);
  const lines = fs.readFileSync(packed.sums, "utf8").trim().split("\n");
  expect(lines[0]).toBe(`${sha256(fs.readFileSync(packed.zip))}  ${name}.zip`);
  for (const file of files) {
    const bytes = await (zip.file(file) as JSZip.JSZipObject).async("nodebuffer");
    expect(lines).toContain(`${sha256(bytes)}  ${file}`);
  }
});

test("the same dist/ gives the same zip, byte for byte", async () => {
  const first = await release.packRelease({ distDir: path.join(dir, "dist"), outDir: path.join(dir, "a"), name: "backlog-planner-1.0.0" });
  await new Promise((r) => setTimeout(r, 2100)); // past the zip format's 2-second time resolution
  fs.utimesSync(path.join(dir, "dist", "manifest.xml"), new Date(), new Date());
  const second = await release.packRelease({ distDir: path.join(dir, "dist"), outDir: path.join(dir, "b"), name: "backlog-planner-1.0.0" });
  expect(sha256(fs.readFileSync(second.zip))).toBe(sha256(fs.readFileSync(first.zip)));
});

(process.platform === "linux" ? test : test.skip)("sha256sum -c accepts the list once the zip is unpacked beside it", async () => {
  const packed = await release.packRelease({ distDir: path.join(dir, "dist"), outDir: path.join(dir, "release"), name: "backlog-planner-1.0.0" });
  const zip = await JSZip.loadAsync(fs.readFileSync(packed.zip));
  for (const [file, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    fs.mkdirSync(path.dirname(path.join(dir, "release", file)), { recursive: true });
    fs.writeFileSync(path.join(dir, "release", file), await entry.async("nodebuffer"));
  }
  const check = spawnSync("sha256sum", ["-c", path.basename(packed.sums)], { cwd: path.join(dir, "release"), encoding: "utf8" });
  expect(check.status).toBe(0);
  expect(check.stdout.trim().split("\n")).toHaveLength(4);
});

test("CHANGELOG.md has a section for package.json's version; other versions are found or not by their heading", () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
  expect(release.changelogSection(fs.readFileSync(path.join(ROOT, "CHANGELOG.md"), "utf8"), version)).toBeDefined();
  const changelog = "# Changelog\n\n## [1.1.0] - 2027-01-01\n\n- b\n\n## [1.0.0] - 2026-12-01\n\n- a\n";
  expect(release.changelogSection(changelog, "1.0.0")).toBe("\n- a\n");
  expect(release.changelogSection(changelog, "1.1.0")).toBe("\n- b\n\n");
  expect(release.changelogSection(changelog, "1.0")).toBeUndefined();
});

test("npm run release without ADDIN_BASE_URL: one sentence, exit 2, nothing built", () => {
  const env = { ...process.env };
  delete env["ADDIN_BASE_URL"];
  const result = spawnSync(process.execPath, [path.join(ROOT, "scripts", "release.js")], { cwd: ROOT, env, encoding: "utf8" });
  expect(result.status).toBe(2);
  expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^npm run release needs ADDIN_BASE_URL/)]);
});
