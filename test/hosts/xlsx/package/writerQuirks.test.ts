/**
 * Each writer's quirk, in a file built the way that writer builds it (or the real file itself, from
 * ../shared/real-workbooks): openpyxl's formulas saved without a result, LibreOffice 5's content
 * types with Overrides only, Excel's and LibreOffice's date1904, ClosedXML's byte-order mark, a
 * calculation chain, and a damaged file refused in plain Dutch.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { planWorkbook } from "../../../../src/cli/plan";
import { openPackage } from "../../../../src/hosts/xlsx/package/opcPackage";
import { locksStructure } from "../../../../src/hosts/xlsx/package/workbookPart";
import { writeXlsxSheets } from "../../../../src/hosts/xlsx";
import type { Language } from "../../../../src/sheets/messages";
import { JAN_15 } from "../../../cli/planHelpers";
import { makeOpenpyxlWorkbook } from "../../../fixtures/openpyxlWorkbook";
import { convert, readSheetCsv } from "../../../helpers/libreoffice";
import { checkPackageLinks } from "../../../helpers/ooxmlSchema";
import { partBytes } from "../../../helpers/packageParts";
import { REAL_WORKBOOKS, TWO_NAMES, withNames } from "../../../helpers/realWorkbooks";

/** CSV of every sheet with each cell as LibreOffice shows it (dates in their number format). */
const CSV_AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

const real = (file: string): Buffer => fs.readFileSync(path.join(REAL_WORKBOOKS, file));

async function edited(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file(part)?.async("string")) as string;
  const changed = edit(xml);
  if (changed === xml) throw new Error(`the edit of ${part} changed nothing`);
  zip.file(part, changed);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function plan(input: Buffer, language: Language = "nl"): Promise<Awaited<ReturnType<typeof planWorkbook>>> {
  return planWorkbook(input, { language, createdOn: JAN_15 });
}

async function planned(input: Buffer, language: Language = "nl"): Promise<Extract<Awaited<ReturnType<typeof planWorkbook>>, { ok: true }>> {
  const result = await plan(input, language);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe("openpyxl: a formula saved without a result is refused, naming its cell, in every input", () => {
  const SHEET = "xl/worksheets/sheet1.xml";
  /** openpyxl (with lxml) writes a formula as <f>…</f><v></v>; without lxml as <v />; some writers leave <v> out. */
  const NO_RESULT = {
    empty: (formula: string) => `<f>${formula}</f><v></v>`,
    selfClosing: (formula: string) => `<f>${formula}</f><v />`,
    missing: (formula: string) => `<f>${formula}</f>`,
  };
  const SENTENCE = (cell: string): string =>
    `${cell} bevat een formule zonder opgeslagen uitkomst; open de werkmap in Excel en sla hem op, zodat de uitkomst bewaard wordt.`;

  test.each(Object.entries(NO_RESULT))("the opening backlog as %s: refused, not 'is leeg'", async (_, form) => {
    const input = await edited(await makeOpenpyxlWorkbook(), SHEET, (xml) =>
      xml.replace(`<c r="B1" t="n"><v>1200</v></c>`, `<c r="B1">${form("1000+200")}</c>`),
    );
    expect(await plan(input)).toEqual({ ok: false, message: SENTENCE("Sheet!B1") });
  });

  test.each(Object.entries(NO_RESULT))(
    "the intake's last week as %s: refused, where the horizon silently shrank to 51 weeks",
    async (_, form) => {
      const input = await edited(await makeOpenpyxlWorkbook(), SHEET, (xml) =>
        xml.replace(/<c r="B54" t="n"><v>\d+<\/v><\/c>/, `<c r="B54">${form("B53+1")}</c>`),
      );
      expect(await plan(input)).toEqual({ ok: false, message: SENTENCE("Sheet!B54") });
    },
  );

  test("the first such cell is named, in an intake range with two", async () => {
    const input = await edited(await makeOpenpyxlWorkbook(), SHEET, (xml) =>
      xml
        .replace(/<c r="B20" t="n"><v>\d+<\/v><\/c>/, `<c r="B20">${NO_RESULT.empty("B19")}</c>`)
        .replace(/<c r="B10" t="n"><v>\d+<\/v><\/c>/, `<c r="B10">${NO_RESULT.selfClosing("B9")}</c>`),
    );
    expect(await plan(input, "en")).toEqual({
      ok: false,
      message: "Sheet!B10 holds a formula without a saved result; open the workbook in Excel and save it so the result is stored.",
    });
  });

  test("the actuals and a setting as well", async () => {
    const rows = `<row r="60"><c r="A60" t="n"><v>24</v></c><c r="B60" t="n"><v>30</v></c><c r="C60">${NO_RESULT.empty("5*2")}</c></row>`;
    const base = await edited(await makeOpenpyxlWorkbook(), SHEET, (xml) => xml.replace("</sheetData>", `${rows}</sheetData>`));
    const named = async (names: Record<string, string>): Promise<Buffer> => withNames(base, names);
    expect(await plan(await named({ ActualIntake: "'Sheet'!$A$60", ActualDecisions: "'Sheet'!$C$60" }))).toEqual({
      ok: false,
      message: SENTENCE("Sheet!C60"),
    });
    expect(await plan(await named({ Simulaties: "'Sheet'!$C$60" }))).toEqual({ ok: false, message: SENTENCE("Sheet!C60") });
  });

  test("Excel's own empty text result (t=\"str\", <v></v>) is a result: read as blank, as Excel shows it", async () => {
    const input = await edited(await makeOpenpyxlWorkbook(), SHEET, (xml) =>
      xml.replace(/<c r="B54" t="n"><v>\d+<\/v><\/c>/, `<c r="B54" t="str"><f>IF(A54&gt;52,"",25)</f><v></v></c>`),
    );
    expect((await planned(input)).projection.rows).toHaveLength(51);
  });
});

describe("LibreOffice 5: [Content_Types].xml with Overrides only, no Default for .rels", () => {
  test.each(["30_libreoffice51.xlsx", "31_libreoffice53.xlsx", "24_ns_prefix.xlsx"])(
    "%s: every part the plan adds is typed, and a rerun leaves no Override without its part",
    async (file) => {
      const input = await withNames(real(file), TWO_NAMES);
      const inputParts = new Set((await partBytes(input)).keys());
      const types = async (bytes: Buffer): Promise<string> =>
        (await (await JSZip.loadAsync(bytes)).file("[Content_Types].xml")?.async("string")) ?? "";
      expect(await types(input)).not.toMatch(/Extension="rels"/);
      const first = (await planned(input)).xlsx;
      const rerun = (await planned(first)).xlsx;
      for (const output of [first, rerun]) {
        expect(await checkPackageLinks(output)).toEqual([]);
        const parts = new Set((await partBytes(output)).keys());
        const overrides = [...(await types(output)).matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1] as string);
        expect(overrides.filter((part) => !parts.has(part))).toEqual([]);
        // The new sheets' and drawings' relationships parts each have their Override.
        const newRels = [...parts].filter((p) => /_rels\/.*\.rels$/.test(p) && !inputParts.has(p));
        expect(newRels.length).toBeGreaterThan(0);
        for (const rels of newRels) expect(overrides).toContain(rels);
      }
    },
  );
});

describe("ClosedXML: a byte-order mark on a part the plan rewrites is kept", () => {
  test("[Content_Types].xml and the workbook part start with EF BB BF before and after", async () => {
    const input = await withNames(real("25_closedxml.xlsx"), TWO_NAMES);
    const before = await partBytes(input);
    expect([...(before.get("[Content_Types].xml") as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const after = await partBytes((await planned(input)).xlsx);
    expect([...(after.get("[Content_Types].xml") as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Only one mark: the text itself does not start with another U+FEFF.
    expect((after.get("[Content_Types].xml") as Buffer).subarray(3, 8).toString("utf8")).toBe("<?xml");
  });

  test("a UTF-16 part stays UTF-16 (its declaration says so)", async () => {
    const input = await withNames(real("22_apache_poi.xlsx"), TWO_NAMES);
    const zip = await JSZip.loadAsync(input);
    const xml = (await zip.file("[Content_Types].xml")?.async("string")) as string;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), "utf16le")]);
    zip.file("[Content_Types].xml", utf16);
    const output = (await planned(await zip.generateAsync({ type: "nodebuffer" }))).xlsx;
    const written = (await partBytes(output)).get("[Content_Types].xml") as Buffer;
    expect([...written.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(written.subarray(2).toString("utf16le")).toContain("worksheet+xml");
  });
});

describe("the 1904 date system: dates read and written in the workbook's own system", () => {
  const DAY_1904 = 43_830; // Monday 2024-01-01, counted from 1904-01-01

  test("Excel's date1904 workbook: FirstWeek Monday 2024-01-01 gives 2024-W01 labels and dates LibreOffice shows as 2024-01-01", async () => {
    const input = await withNames(real("14_excel_1904.xlsx"), { ...TWO_NAMES, FirstWeek: String(DAY_1904) });
    const result = await planned(input);
    expect(result.inputs.firstWeek).toBe(45_292);
    expect(result.notes).toEqual([]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "date1904-"));
    try {
      const file = path.join(dir, "plan.xlsx");
      fs.writeFileSync(file, result.xlsx);
      const out = await convert([file], CSV_AS_SHOWN, path.join(dir, "csv"));
      const rows = readSheetCsv(out, file, "Prognose");
      const week1 = rows.find((r) => r[0] === "1" && /^\d{4}-\d{2}-\d{2}$/.test(r[1] ?? ""));
      expect(week1?.slice(1, 3)).toEqual(["2024-01-01", "2024-W01"]);
      const week52 = rows.find((r) => r[0] === "52" && /^\d{4}-\d{2}-\d{2}$/.test(r[1] ?? ""));
      expect(week52?.slice(1, 3)).toEqual(["2024-12-23", "2024-W52"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test.each([
    // The file says so itself in A3: "should be 27 October 2017 21:00".
    ["14_excel_1904.xlsx", "DateSystems", "A2", 1, "2017-10-27", "27 October 2017 21:00", "2017-W43"],
    ["20_libreoffice_1904.xlsx", "Sheet1", "A1", 0, "2021-01-01", "2021-01-01", "2020-W53"],
  ])("%s: FirstWeek = %s!%s is the day LibreOffice shows in that cell", async (file, sheet, cell, row, day, shownByLibreOffice, isoWeek) => {
    const input = await withNames(real(file), { ...TWO_NAMES, FirstWeek: `${sheet}!$${cell[0]}$${cell.slice(1)}` });
    const result = await planned(input);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "date1904-"));
    try {
      const files = [path.join(dir, "in.xlsx"), path.join(dir, "plan.xlsx")];
      fs.writeFileSync(files[0] as string, input);
      fs.writeFileSync(files[1] as string, result.xlsx);
      const out = await convert(files, CSV_AS_SHOWN, path.join(dir, "csv"));
      // LibreOffice shows the user's cell in its own format; the plan's week 1 starts that day.
      expect(readSheetCsv(out, files[0] as string, sheet)[row]?.[0]).toBe(shownByLibreOffice);
      const week1 = readSheetCsv(out, files[1] as string, "Prognose").find((r) => r[0] === "1" && /^\d{4}-\d{2}-\d{2}$/.test(r[1] ?? ""));
      expect(week1?.slice(1, 3)).toEqual([day, isoWeek]);
      // A Friday, not a Monday: said, with what the tool does with it.
      expect(result.notes).toEqual([
        `De eerste week (${sheet}!${cell}) begint op vrijdag ${day}, niet op een maandag; de Voorraadplanner houdt die dag aan: elke week loopt van vrijdag tot en met donderdag en heet naar de ISO-week waarin hij begint (${isoWeek}).`,
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  test("a first week saved by the pane as DATE(2024,1,1) is that day in either system", async () => {
    for (const file of ["14_excel_1904.xlsx", "22_apache_poi.xlsx"]) {
      const input = await withNames(real(file), { ...TWO_NAMES, FirstWeek: "DATE(2024,1,1)" });
      expect((await planned(input)).inputs.firstWeek).toBe(45_292);
    }
  });

  test("a date cell written by the plan into the 1904 workbook holds the 1904 serial", async () => {
    const input = await withNames(real("20_libreoffice_1904.xlsx"), { ...TWO_NAMES, FirstWeek: String(DAY_1904) });
    const written = openPackage((await planned(input)).xlsx);
    // The what-if's first-week input is a date value: 1462 days less than the 1900 serial. (Prognose's
    // dates are formulas on the workbook's own FirstWeek, right in either system; the LibreOffice
    // test above reads them.)
    const part = written.sheets.find((s) => s.name.startsWith("What-if"))?.part as string;
    expect(written.text(part)).toMatch(new RegExp(`<c r="B\\d+"[^>]*><v>${DAY_1904}</v></c>`));
    expect(written.text(part)).not.toContain(`<v>${DAY_1904 + 1462}</v>`);
  });
});

describe("the workbook structure: locked or not", () => {
  test.each([
    ['<workbookProtection lockStructure="1"/>', true],
    ['<workbookProtection lockStructure="true" workbookPassword="CC3D"/>', true],
    ['<workbookProtection lockStructure="0"/>', false],
    ['<workbookProtection lockWindows="1"/>', false],
    ["<workbookProtection/>", false],
  ])("%s locks it: %p", async (element, locked) => {
    // openpyxl writes an empty <workbookProtection/>: the element is put in its place.
    const openpyxl = real("26_openpyxl.xlsx");
    const input = element === "<workbookProtection/>" ? openpyxl : await edited(openpyxl, "xl/workbook.xml", (xml) => xml.replace("<workbookProtection/>", element));
    expect(locksStructure(openPackage(input))).toBe(locked);
    const result = await plan(await withNames(input, TWO_NAMES));
    expect(result.ok).toBe(!locked);
    // The writer refuses it on its own too, whoever calls it.
    if (locked) await expect(writeXlsxSheets(input, [])).rejects.toThrow("This workbook's structure is protected");
    else await expect(writeXlsxSheets(input, [])).resolves.toMatchObject({ sheetNames: [] });
  });
});

describe("a calculation chain", () => {
  const CHAIN = "xl/calcChain.xml";

  test("is kept byte for byte on a rerun while it lists no cell of the replaced sheet, and dropped once it does", async () => {
    const input = await withNames(real("02_pivots.xlsx"), TWO_NAMES);
    const first = (await planned(input)).xlsx;
    const chain = (await partBytes(input)).get(CHAIN) as Buffer;
    expect((await partBytes((await planned(first)).xlsx)).get(CHAIN)).toEqual(chain);
    // As after Excel saved the first output: the chain lists a formula cell of our sheet.
    const ours = openPackage(first).sheets.find((s) => s.name === "Prognose")?.sheetId as string;
    const stale = await edited(first, CHAIN, (xml) => xml.replace(/<\/calcChain>/, `<c r="B13" i="${ours}"/></calcChain>`));
    const rerun = (await planned(stale)).xlsx;
    expect((await partBytes(rerun)).has(CHAIN)).toBe(false);
    expect(await checkPackageLinks(rerun)).toEqual([]);
  });
});

describe("a damaged file is refused in the planner's language, with no English inside a Dutch sentence", () => {
  test("a zip without its directory", async () => {
    const bytes = await withNames(real("26_openpyxl.xlsx"), TWO_NAMES);
    const cut = bytes.subarray(0, bytes.length - 200);
    expect(await plan(Buffer.from(cut))).toEqual({
      ok: false,
      message:
        "Het bestand is beschadigd en kan niet als werkmap worden gelezen (geen zip-inhoudsopgave); open het in Excel, sla het opnieuw op en probeer het nog eens.",
    });
    expect(await plan(Buffer.from(cut), "en")).toMatchObject({ message: expect.stringContaining("(no zip directory)") });
  });

  test("a missing part", async () => {
    const zip = await JSZip.loadAsync(await withNames(real("26_openpyxl.xlsx"), TWO_NAMES));
    zip.remove("xl/workbook.xml");
    expect(await plan(await zip.generateAsync({ type: "nodebuffer" }))).toEqual({
      ok: false,
      message:
        "Het bestand is beschadigd en kan niet als werkmap worden gelezen (xl/workbook.xml ontbreekt); open het in Excel, sla het opnieuw op en probeer het nog eens.",
    });
  });
});
