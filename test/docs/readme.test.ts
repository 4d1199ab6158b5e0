/**
 * The README stays a page a newcomer reads (at most 12 KB) and the docs hold together: every
 * relative link in README.md, SECURITY.md, CONTRIBUTING.md and docs/*.md points at a file that
 * exists, and a link to a heading in one of these files points at a heading (or `<a id>`) there.
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
  return ["README.md", "SECURITY.md", "CONTRIBUTING.md", ...docs];
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

test("the link reader and the anchors follow GitHub", () => {
  expect(linkTargets("see [a](docs/a.md#x), ![p](p.png) and `[no](b.md)`")).toEqual(["docs/a.md#x", "p.png"]);
  expect(headingAnchor("Uncertainty (*Onzekerheid*)")).toBe("uncertainty-onzekerheid");
  expect(headingAnchor("`npm run plan`: keeping the user's workbook intact (ExcelJS limits)")).toBe(
    "npm-run-plan-keeping-the-users-workbook-intact-exceljs-limits",
  );
  expect(headingAnchor("Three syncs, and Excel on the web's 5 MB limit")).toBe("three-syncs-and-excel-on-the-webs-5-mb-limit");
});
