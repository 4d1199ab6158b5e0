// The help pages the build puts beside the add-in: README as help.html (the manifest's support
// page), the function references where every helpUrl points (functions.html, functies.html),
// and every other page they link to, so that no link on a deployed page leads nowhere.
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");

/** Where each Markdown page lands in dist/ (posix paths); a page not named here is not deployed. */
function pageTargets() {
  const targets = new Map([
    ["README.md", { to: "help.html", language: "en", title: "Backlog Planner — help" }],
    ["docs/functions.md", { to: "functions.html", language: "en", title: "Backlog Planner — functions" }],
    ["docs/functies.md", { to: "functies.html", language: "nl", title: "Voorraadplanner — functies" }],
  ]);
  for (const file of ["CHANGELOG.md", "CONTRIBUTING.md", "SECURITY.md"]) {
    targets.set(file, { to: file.replace(/\.md$/, ".html"), language: "en", title: `Backlog Planner — ${file.slice(0, -3)}` });
  }
  for (const file of fs.readdirSync(path.join(ROOT, "docs")).sort()) {
    const from = `docs/${file}`;
    if (file.endsWith(".md") && !targets.has(from)) {
      targets.set(from, { to: from.replace(/\.md$/, ".html"), language: "en", title: `Backlog Planner — ${file.slice(0, -3)}` });
    }
  }
  return targets;
}

/** Files copied as they are: the pictures the pages show, and the licence as plain text. */
function plainFiles() {
  const pictures = fs.readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".png"));
  return new Map([["LICENSE", "LICENSE.txt"], ...pictures.map((f) => [`docs/${f}`, `docs/${f}`])]);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

/** A link on the page at `from` (a repository path) as it must read in dist/: its target's built name. */
function builtHref(href, from, targets, plain) {
  if (/^[a-z]+:|^#|^\/\//i.test(href)) return href;
  const [file, anchor] = href.split("#");
  const source = path.posix.normalize(path.posix.join(path.posix.dirname(from), file));
  const built = targets.get(source)?.to ?? plain.get(source);
  if (built === undefined) return undefined;
  const own = targets.get(from).to;
  const relative = path.posix.relative(path.posix.dirname(own), built);
  return anchor === undefined ? relative : `${relative}#${anchor}`;
}

/** One Markdown page as a complete HTML page, its links and headings as they are in dist/. */
function renderPage(from, targets = pageTargets(), plain = plainFiles()) {
  const { Marked } = require("marked");
  const { language, title } = targets.get(from);
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${slug(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  const body = marked
    .parse(fs.readFileSync(path.join(ROOT, from), "utf8"))
    .replace(/(href|src)="([^"]*)"/g, (whole, attribute, href) => {
      const built = builtHref(href, from, targets, plain);
      if (built === undefined) throw new Error(`${from} links to ${href}, which the build does not deploy.`);
      return `${attribute}="${built}"`;
    });
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${title}</title>` +
    "<style>body{font-family:Segoe UI,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}" +
    "code,pre{background:#f3f3f3}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}img{max-width:100%}</style>" +
    `</head><body>${body}</body></html>`
  );
}

/** CopyWebpackPlugin patterns for every help page and the files they show or link. */
function helpPagePatterns() {
  const targets = pageTargets();
  const plain = plainFiles();
  return [
    ...[...targets].map(([from, { to }]) => ({ from, to, transform: () => renderPage(from, targets, plain) })),
    ...[...plain].map(([from, to]) => ({ from, to })),
  ];
}

module.exports = { helpPagePatterns, renderPage, slug };
