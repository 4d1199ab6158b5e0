/**
 * Runs LibreOffice headless to recalculate and export workbooks: a spreadsheet engine that is not
 * ours. Each run gets a fresh user profile so parallel runs do not collide. A missing soffice is
 * a failure with the install command, never a skip: `npm test` finds or installs LibreOffice first.
 */
import { execFile, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { requireTool } from "../../scripts/find-tools";

/**
 * The soffice binary, or an error with the install command for this system. One lookup for
 * `npm test`'s first step and the tests: scripts/find-tools.js (`SOFFICE_PATH` first).
 * @example execFile(findSoffice(), ["--version"])
 */
export function findSoffice(): string {
  return requireTool("soffice");
}

/** Every sheet to its own CSV, UTF-8, values as numbers (not as shown), on LibreOffice ≥ 7.2. */
export const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * Converts files in ONE soffice launch (launches take seconds). Returns the output folder.
 * LibreOffice recalculates formulas without cached results while loading.
 */
export async function convert(files: string[], filter: string, outDir?: string): Promise<string> {
  const soffice = findSoffice();
  const out = outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "lo-out-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          "--headless",
          "--norestore",
          "--convert-to",
          filter,
          "--outdir",
          out,
          ...files,
        ],
        { timeout: 180_000 },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`soffice failed: ${error.message}\n${stdout}\n${stderr}`));
          else resolve();
        },
      );
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return out;
}

/** One CSV line into fields (RFC 4180 quoting, as LibreOffice writes it). */
function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i] as string;
    if (quoted) {
      if (ch === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && content[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A sheet exported by `convert(…, CSV_ALL_SHEETS)`: "<basename>-<sheet name>.csv". */
export function readSheetCsv(outDir: string, workbookFile: string, sheet: string): string[][] {
  const base = path.basename(workbookFile).replace(/\.[^.]+$/, "");
  const file = path.join(outDir, `${base}-${sheet}.csv`);
  if (!fs.existsSync(file)) {
    throw new Error(`LibreOffice wrote no ${path.basename(file)}; it wrote: ${fs.readdirSync(outDir).join(", ")}`);
  }
  return parseCsv(fs.readFileSync(file, "utf8"));
}

/** The value at an A1 address in a parsed CSV ("" when outside it). */
export function csvCell(rows: string[][], address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not an address: ${address}`);
  const column = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return rows[Number(m[2]) - 1]?.[column] ?? "";
}

/**
 * The text of each page of a PDF, by pdftotext (poppler-utils, which `npm test` installs with
 * LibreOffice on Debian and Ubuntu), laid out as on the page.
 *
 * @example
 * pdfPages("plan.pdf")[0] // "Invoer voor de Voorraadplanner …"
 */
export function pdfPages(file: string): string[] {
  const result = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  if (result.error) throw new Error(`The print tests read PDFs with pdftotext, which was not found: apt-get install poppler-utils (${result.error.message}).`);
  if (result.status !== 0) throw new Error(`pdftotext failed on ${file}: ${result.stderr}`);
  const pages = result.stdout.split("\f");
  if (pages[pages.length - 1]?.trim() === "") pages.pop();
  return pages;
}
