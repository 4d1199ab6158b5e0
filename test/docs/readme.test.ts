/**
 * The README stays a page a newcomer reads (at most 12 KB) and the docs hold together: every
 * relative link in README.md, SECURITY.md, CONTRIBUTING.md, CHANGELOG.md and docs/*.md points at a
 * file inside the repository that exists, a link to a heading in one of these files points at a
 * heading (or `<a id>`) there, and every path in backticks that names a folder of the repository
 * exists (paths into ../shared/ are checked against the shared folder when it is beside the clone).
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const README_LIMIT_BYTES = 12 * 1024;

/**
 * Files other helpers add in their own branches, which the lead merges later. A link to one is
 * only checked once the file exists; until then it is skipped rather than failed.
 */
const ADDED_BY_OTHERS = ["docs/functions.md", "docs/functies.md", "docs/cli.md", "docs/monitoring.md", "docs/testing.md"];

function markdownFiles(): string[] {
  const docs = fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`);
  return ["README.md", "SECURITY.md", "CONTRIBUTING.md", "CHANGELOG.md", ...docs];
}

/** Top-level folders that builds, runs and tools write: a path into one is not a file of the repository. */
const GENERATED = new Set(["node_modules", "dist", "lib", "out", "release", "test-output", "build-ts", "coverage", "reports", ".git", ".stryker-tmp"]);

/** The repository's own top-level folders (src, test, docs, scripts, …). */
function repositoryFolders(): Set<string> {
  return new Set(
    fs
      .readdirSync(ROOT, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !GENERATED.has(e.name))
      .map((e) => e.name),
  );
}

/**
 * Spans in backticks that name a path in one of `folders` or in ../: `src/cli/plan.ts`,
 * `src/cli/plan.ts:planWorkbook` (the symbol dropped), `bench/*.bench.ts`, `../shared/domain.md`.
 */
export function backtickPaths(markdown: string, folders: Set<string>): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "");
  return [...prose.matchAll(/`([^`\n]+)`/g)]
    .map((m) => (m[1] as string).replace(/:[A-Za-z_]\w*$/, ""))
    .filter((span) => /^[\w.*-]+(\/[\w.*-]*)+$/.test(span))
    .filter((span) => {
      const first = span.split("/")[0] as string;
      return first === ".." || folders.has(first);
    });
}

/** Files under `dir` (relative, "/"-separated), for matching a glob. */
function filesUnder(dir: string, prefix = ""): string[] {
  if (!fs.existsSync(path.join(dir, prefix))) return [];
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const relative = prefix === "" ? e.name : `${prefix}/${e.name}`;
    return e.isDirectory() ? [relative, ...filesUnder(dir, relative)] : [relative];
  });
}

/** True when the path (a glob allowed) names something that exists under `base`. */
function pathExists(base: string, relative: string): boolean {
  if (!relative.includes("*")) return fs.existsSync(path.join(base, relative));
  const fixed = relative.slice(0, relative.indexOf("*")).replace(/[^/]*$/, "");
  const pattern = new RegExp(`^${relative.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\u0000").replace(/\*/g, "[^/]*").replace(/\u0000/g, ".*")}$`);
  return filesUnder(path.join(base, fixed)).some((f) => pattern.test(`${fixed}${f}`));
}

/** Link targets of `[text](target)` and `![alt](target)`, outside code blocks and code spans. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] as string);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** Every anchor a Markdown file offers: its headings (GitHub style) and its `<a id>` tags. */
function anchorsOf(markdown: string): Set<string> {
  const prose = markdown.replace(/```[\s\S]*?```/g, "");
  const headings = [...prose.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => headingAnchor(m[1] as string));
  const ids = [...prose.matchAll(/<a id="([^"]+)"/g)].map((m) => m[1] as string);
  return new Set([...headings, ...ids]);
}

test("README.md is at most 12 KB", () => {
  expect(fs.statSync(path.join(ROOT, "README.md")).size).toBeLessThanOrEqual(README_LIMIT_BYTES);
});

test("the README links every file in docs/ and the top-level docs", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const linked = new Set(linkTargets(readme).map((t) => t.split("#")[0]));
  for (const file of [...markdownFiles().filter((f) => f !== "README.md"), ...ADDED_BY_OTHERS]) {
    expect(linked).toContain(file);
  }
});

test.each(markdownFiles())("every relative link in %s resolves", (file) => {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const broken: string[] = [];
  for (const target of linkTargets(text)) {
    if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:: not ours to check offline
    const [filePart = "", anchor] = target.split("#");
    const resolved = filePart === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), filePart));
    if (resolved.startsWith("..")) {
      broken.push(`${target} (outside the repository: a clone does not have it)`);
      continue;
    }
    const full = path.join(ROOT, resolved);
    if (!fs.existsSync(full)) {
      if (!ADDED_BY_OTHERS.includes(resolved)) broken.push(`${target} (no file ${resolved})`);
      continue;
    }
    if (anchor !== undefined && resolved.endsWith(".md") && !anchorsOf(fs.readFileSync(full, "utf8")).has(anchor)) {
      broken.push(`${target} (no heading #${anchor} in ${resolved})`);
    }
  }
  expect(broken).toEqual([]);
});

const SHARED = path.resolve(ROOT, "..", "shared");

test.each(markdownFiles())("every path in backticks in %s exists", (file) => {
  const missing: string[] = [];
  for (const named of backtickPaths(fs.readFileSync(path.join(ROOT, file), "utf8"), repositoryFolders())) {
    if (named.startsWith("../shared/")) {
      // The shared folder sits beside the clone in the team's workspace and in CI, not in a clone elsewhere.
      if (fs.existsSync(SHARED) && !pathExists(SHARED, named.slice("../shared/".length))) missing.push(named);
    } else if (named.startsWith("../")) {
      missing.push(`${named} (outside the repository)`);
    } else if (!pathExists(ROOT, named)) {
      missing.push(named);
    }
  }
  expect(missing).toEqual([]);
});

test("the backtick reader finds repository paths, drops a symbol, skips code blocks and other text", () => {
  const folders = new Set(["src", "docs", "bench"]);
  const text = "See `src/cli/plan.ts:planWorkbook`, `bench/*.bench.ts`, `../shared/x.md`, `npm run plan`, `xl/workbook.xml`, `dist/`, `a / b`.\n```\n`src/in/code.ts`\n```";
  expect(backtickPaths(text, folders)).toEqual(["src/cli/plan.ts", "bench/*.bench.ts", "../shared/x.md"]);
  expect(pathExists(ROOT, "bench/*.bench.ts")).toBe(true);
  expect(pathExists(ROOT, "src/engine/**")).toBe(true);
  expect(pathExists(ROOT, "src/engine/montecarlo.ts")).toBe(false);
  expect(pathExists(ROOT, "bench/*.nothing.ts")).toBe(false);
});

test("the link reader and the anchors follow GitHub", () => {
  expect(linkTargets("see [a](docs/a.md#x), ![p](p.png) and `[no](b.md)`")).toEqual(["docs/a.md#x", "p.png"]);
  expect(headingAnchor("Uncertainty (*Onzekerheid*)")).toBe("uncertainty-onzekerheid");
  expect(headingAnchor("`npm run plan`: keeping the user's workbook intact (ExcelJS limits)")).toBe(
    "npm-run-plan-keeping-the-users-workbook-intact-exceljs-limits",
  );
  expect(headingAnchor("Three syncs, and Excel on the web's 5 MB limit")).toBe("three-syncs-and-excel-on-the-webs-5-mb-limit");
});
