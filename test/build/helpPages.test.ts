import * as fs from "fs";
import * as path from "path";
import { BUILD_DIR } from "../helpers/build";

/** Every HTML page in the build, as a path inside it. */
function pages(dir = BUILD_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pages(full);
    return entry.name.endsWith(".html") ? [path.relative(BUILD_DIR, full)] : [];
  });
}

/** The ids a page can be linked to: headings' and the references' <a id> (the build drops quotes). */
const ids = (html: string): Set<string> => new Set([...html.matchAll(/\bid=["']?([^"'\s>]+)/g)].map((m) => m[1] as string));

describe("the deployed help pages", () => {
  const all = pages();

  test("help.html, both function references and the pages they link are built", () => {
    for (const page of ["help.html", "functions.html", "functies.html", "docs/sheets.html", "docs/cli.html"]) {
      expect(all).toContain(page);
    }
  });

  test("every link and picture on every page leads to a file of the build, and every #anchor to an id on it", () => {
    const broken: string[] = [];
    for (const page of all) {
      const html = fs.readFileSync(path.join(BUILD_DIR, page), "utf8");
      for (const [, href] of html.matchAll(/\b(?:href|src)=["']?([^"'\s>]*)/g)) {
        if (href === undefined || /^[a-z]+:|^\/\//i.test(href)) continue;
        const [address, anchor] = href.split("#") as [string, string | undefined];
        const file = address.split("?")[0] as string;
        const target = file === "" ? page : path.join(path.dirname(page), file);
        const full = path.join(BUILD_DIR, target);
        if (!fs.existsSync(full)) broken.push(`${page}: ${href} (no file)`);
        else if (anchor !== undefined && !ids(fs.readFileSync(full, "utf8")).has(anchor)) broken.push(`${page}: ${href} (no id)`);
      }
    }
    expect(broken).toEqual([]);
  });

  test("headings carry GitHub's anchors, so README's links into a section work once built", () => {
    const help = fs.readFileSync(path.join(BUILD_DIR, "help.html"), "utf8");
    expect(help).toMatch(/<h2 id=["']?functions-at-a-glance["']?>/);
    expect(help).toMatch(/href=["']?docs\/cli\.html#options\b/);
    expect(fs.readFileSync(path.join(BUILD_DIR, "docs", "sheets.html"), "utf8")).toMatch(/<img[^>]*src=["']?sheet-invoer\.png/);
  });
});
