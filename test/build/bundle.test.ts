import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { BUILD_DIR } from "../helpers/build";

/** Nothing leaves the machine: the shipped JavaScript makes no network calls to any host. */
const scripts = fs.readdirSync(BUILD_DIR).filter((f) => f.endsWith(".js"));

/** The script and stylesheet addresses taskpane.html loads from its own folder. */
function ownFiles(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)[^>]*\b(?:src|href)=["']?([^"'\s>]+)/g)]
    .map((m) => m[1] as string)
    .filter((u) => !/^https?:/.test(u));
}

describe("production bundle", () => {
  test("holds the task pane and functions scripts", () => {
    expect(scripts).toContain("functions.js");
    expect(scripts.filter((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(1);
  });

  test("what the page loads is named by its content; functions.js, whose name the manifest fixes, carries its content hash as ?v=", () => {
    const own = ownFiles(fs.readFileSync(path.join(BUILD_DIR, "taskpane.html"), "utf8"));
    expect(own).toHaveLength(3);
    for (const address of own) {
      const [file = "", query] = address.split("?");
      expect(fs.existsSync(path.join(BUILD_DIR, file))).toBe(true);
      if (file === "functions.js") {
        const hash = crypto.createHash("sha256").update(fs.readFileSync(path.join(BUILD_DIR, file))).digest("hex").slice(0, 8);
        expect(query).toBe(`v=${hash}`);
      } else {
        expect(file).toMatch(/^taskpane\.[0-9a-f]{8}\.(js|css)$/);
        expect(query).toBeUndefined();
      }
    }
  });

  test.each(scripts)("%s calls no network API", (file) => {
    const code = fs.readFileSync(path.join(BUILD_DIR, file), "utf8");
    for (const api of [/\bfetch\s*\(/, /XMLHttpRequest/, /WebSocket/, /sendBeacon/, /EventSource/, /importScripts/]) {
      expect(code).not.toMatch(api);
    }
  });

  test.each(scripts)("%s names no host to talk to", (file) => {
    const code = fs.readFileSync(path.join(BUILD_DIR, file), "utf8");
    // XML namespace URIs are identifiers, not addresses: the only URLs allowed in the code.
    const urls = (code.match(/(?:https?|wss?):\/\/[^\s"'`)]+/g) ?? []).filter(
      (u) => !/^http:\/\/schemas\.(openxmlformats|microsoft)\.com\//.test(u) && !u.startsWith("http://www.w3.org/"),
    );
    expect(urls).toEqual([]);
  });

  test("the task pane page loads no script but its own and Office.js from Microsoft's CDN", () => {
    const html = fs.readFileSync(path.join(BUILD_DIR, "taskpane.html"), "utf8");
    const sources = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1] as string);
    expect(sources.length).toBeGreaterThanOrEqual(2);
    for (const src of sources) {
      expect(/^https?:/.test(src) ? src : "self").toMatch(/^(self|https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js)$/);
    }
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
  });

  test("taskpane.html carries a Content-Security-Policy: own scripts and Office.js only, no eval, connect only to self", () => {
    const html = fs.readFileSync(path.join(BUILD_DIR, "taskpane.html"), "utf8");
    const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(csp).toBeDefined();
    const directives = new Map(
      (csp ?? "").split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name as string, values];
      }),
    );
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
  });
});
