/**
 * The catalogue rows for files `npm run plan` refuses before inflating anything (docs/reliability.md,
 * "Workbook files"): one test per row, named by its id. Each proves what the planner sees (one
 * sentence on stderr, exit code 2) and that nothing was written.
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { PACKAGE_LIMITS } from "../../src/hosts/xlsx/package/refusal";
import { newEntry, readZip, writeZip, ZipEntry } from "../../src/hosts/xlsx/package/zip";
import { runCli, SAMPLE, sha } from "../cli/planHelpers";
import { makeRichWorkbook } from "../fixtures/richWorkbook";
import { REAL_REFUSE } from "../helpers/realWorkbooks";

const MB = 1024 * 1024;
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "package-refusal-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run plan -- --in <bytes> --out out.xlsx --lang en` and checks nothing was written. */
async function refused(bytes: Uint8Array, name = "in.xlsx", out = "out.xlsx"): Promise<string> {
  fs.writeFileSync(path.join(dir, name), bytes);
  const before = sha(path.join(dir, name));
  const run = await runCli(dir, ["--in", name, "--out", out, "--lang", "en", "--date", "2024-01-15"]);
  expect(run.code).toBe(2);
  expect(run.stdout).toEqual([]);
  expect(run.stderr).toHaveLength(1);
  expect(fs.readdirSync(dir)).toEqual([name]);
  expect(sha(path.join(dir, name))).toBe(before);
  return run.stderr[0] as string;
}

/** A Compound File Binary container with the given stream names in its directory (512-byte sectors). */
function compoundFile(streams: string[]): Buffer {
  const sector = 512;
  const file = Buffer.alloc(sector * 3);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  file.writeUInt16LE(0x3e, 24);
  file.writeUInt16LE(3, 26);
  file.writeUInt16LE(0xfffe, 28);
  file.writeUInt16LE(9, 30); // 2^9 = 512-byte sectors
  file.writeUInt16LE(6, 32);
  file.writeUInt32LE(1, 44); // one FAT sector
  file.writeUInt32LE(1, 48); // the directory starts at sector 1
  file.fill(0xff, 76, 512);
  file.writeUInt32LE(0, 76); // FAT at sector 0
  const fat = sector * 1; // sector 0 starts after the header
  file.fill(0xff, fat, fat + sector);
  file.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  file.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: end of the directory chain
  const directory = sector * 2;
  ["Root Entry", ...streams].forEach((name, i) => {
    const at = directory + i * 128;
    const encoded = Buffer.from(`${name}\0`, "utf16le");
    encoded.copy(file, at);
    file.writeUInt16LE(encoded.length, at + 64);
    file[at + 66] = i === 0 ? 5 : 2;
  });
  return file;
}

/** The sample with some parts replaced, zipped by JSZip. */
async function sampleWith(parts: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function sampleText(part: string): Promise<string> {
  return (await JSZip.loadAsync(fs.readFileSync(SAMPLE))).file(part)?.async("string") ?? "";
}

describe("workbook files npm run plan refuses (exit 2, one sentence, nothing written)", () => {
  test("16a encrypted workbook (password to open): a CFB container with EncryptionInfo", async () => {
    const message = await refused(compoundFile(["EncryptionInfo", "EncryptedPackage"]));
    expect(message).toBe(
      "This workbook is encrypted with a password to open; save it in Excel without that password (File > Info > Protect Workbook) and try again.",
    );
  });

  test("16b .xls (BIFF): a CFB container with a Workbook stream", async () => {
    expect(await refused(compoundFile(["Workbook", "\u0005SummaryInformation"]), "oud.xls")).toBe(
      "This is an old Excel 97-2003 file (.xls); save it in Excel as an Excel Workbook (.xlsx) and try again.",
    );
  });

  test("16c a damaged CFB container gets the sentence that covers both", async () => {
    const broken = compoundFile(["Workbook"]);
    broken.writeUInt32LE(0xfffffffd, 48); // the directory points nowhere
    expect(await refused(broken)).toMatch(/^This is not an \.xlsx workbook but an encrypted workbook or an old \.xls file;/);
  });

  test("16d Strict Open XML", async () => {
    const strict = await sampleWith({
      "_rels/.rels": (await sampleText("_rels/.rels")).replace(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
      ),
      "xl/workbook.xml": (await sampleText("xl/workbook.xml")).replace(
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main",
      ),
    });
    expect(await refused(strict)).toBe(
      "This workbook is saved as 'Strict Open XML'; save it in Excel as an ordinary Excel Workbook (.xlsx) and try again.",
    );
  });

  test("16e a zip that is not a workbook (a Word document, a zip of files)", async () => {
    const word = new JSZip();
    word.file(
      "[Content_Types].xml",
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    );
    word.file(
      "_rels/.rels",
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    );
    word.file("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
    expect(await refused(await word.generateAsync({ type: "nodebuffer" }))).toBe(
      "This is a zip file but not an Excel workbook (application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml); choose an .xlsx or .xlsm file.",
    );
    const plain = new JSZip();
    plain.file("notes.txt", "week;instroom");
    expect(await refused(await plain.generateAsync({ type: "nodebuffer" }))).toMatch(/^This is a zip file but not an Excel workbook \(no \[Content_Types\]\.xml\)/);
  });

  test("16f a corrupt zip: cut off, or a part whose data does not match its checksum", async () => {
    const sample = fs.readFileSync(SAMPLE);
    expect(await refused(sample.subarray(0, Math.floor(sample.length / 2)))).toMatch(
      /^The file is damaged and cannot be read as a workbook \(no zip directory\);/,
    );
    // Flip bytes inside the deflated data of the workbook part, found through the local header.
    const damaged = Buffer.from(sample);
    const name = Buffer.from("xl/workbook.xml");
    const at = damaged.indexOf(name);
    const dataStart = at + name.length + damaged.readUInt16LE(at - 2);
    for (let i = 4; i < 24; i++) damaged[dataStart + i] = (damaged[dataStart + i] as number) ^ 0x5a;
    expect(await refused(damaged)).toMatch(/^The file is damaged and cannot be read as a workbook \(xl\/workbook\.xml\);/);
  });

  test("16g a zip bomb is refused from the declared sizes, before anything is inflated", async () => {
    // One unreferenced 800 MB part of zeros, as a new user tried it: a real deflate stream of
    // 200 copies of a 4 MB block (each block refers only to itself), about 800 KB packed.
    const block = zlib.deflateRawSync(Buffer.alloc(4 * MB), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const data = Buffer.concat([...new Array<Buffer>(200).fill(block), Buffer.from([0x03, 0x00])]);
    let crc = 0;
    const zeros = Buffer.alloc(4 * MB);
    for (let i = 0; i < 200; i++) crc = zlib.crc32(zeros, crc);
    const sample = readZip(fs.readFileSync(SAMPLE));
    const filler: ZipEntry = { name: "xl/media/filler.bin", method: 8, crc, compressedSize: data.length, size: 800 * MB, raw: data };
    const bomb = writeZip([...sample.values(), filler]);
    expect(bomb.length).toBeLessThan(MB);
    expect(await refused(bomb)).toBe(
      "The file grows too large when unpacked (xl/media/filler.bin: 800 MB); no planning workbook is that large, so it is not read.",
    );
    const bytes = writeZip([...sample.values(), newEntry("xl/media/filler.bin", "placeholder")]);
    // A ratio beyond 200:1 on a part below the size limit.
    const dense = forgeSize(bytes, "xl/media/filler.bin", 50 * 1024 * 1024, 100 * 1024);
    expect(await refused(dense)).toMatch(/\(xl\/media\/filler\.bin: 50 MB, 512:1\)/);
    // A part whose data inflates past the size it declares is cut off at that size: corrupt.
    const liar = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
    liar.file("xl/media/filler.bin", Buffer.alloc(64 * 1024));
    const liarBytes = await liar.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const lying = forgeSize(liarBytes, "xl/media/filler.bin", 100, undefined);
    // Unreferenced parts are never inflated; the guard still refuses nothing here, and the plan
    // goes on, the part copied byte for byte.
    fs.writeFileSync(path.join(dir, "liar.xlsx"), lying);
    const ok = await runCli(dir, ["--in", "liar.xlsx", "--out", "plan.xlsx", "--date", "2024-01-15"]);
    expect(ok.code).toBe(0);
    fs.rmSync(path.join(dir, "liar.xlsx"));
    fs.rmSync(path.join(dir, "plan.xlsx"));
    expect(PACKAGE_LIMITS).toEqual({ partBytes: 104857600, totalBytes: 262144000, ratio: 200, ratioFloorBytes: 1048576, parts: 10000 });
  });

  test("16h XML with a DTD or entity declaration is refused, never expanded", async () => {
    const workbook = await sampleText("xl/workbook.xml");
    const withEntities = workbook.replace(
      /^(<\?xml[^>]*\?>)/,
      `$1<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`,
    );
    expect(await refused(await sampleWith({ "xl/workbook.xml": withEntities }))).toBe(
      "The workbook part xl/workbook.xml holds a DTD or entity declaration, which Excel never writes; it is not read.",
    );
  });

  test("16i a workbook with macros is not written under an .xlsx name", async () => {
    expect(await refused(await makeRichWorkbook({ macro: true }), "macros.xlsm", "plan.xlsx")).toBe(
      "The workbook holds macros (VBA); give an output file ending in .xlsm, because Excel refuses to open it as .xlsx.",
    );
  });

  test("16j a workbook whose structure is locked (lockStructure): refused before its names are read", async () => {
    const locked = fs.readFileSync(path.join(REAL_REFUSE, "x02_protected_structure.xlsx"));
    expect(await refused(locked)).toBe(
      "This workbook's structure is protected, so no sheet can be added. Lift the protection in Excel (Review > Protect Workbook, with its owner's password) and try again.",
    );
  });
});

/** Rewrites the uncompressed size (and optionally the compressed size) of one entry in both headers. */
function forgeSize(zip: Buffer, name: string, size: number, compressedSize: number | undefined): Buffer {
  const out = Buffer.from(zip);
  const encoded = Buffer.from(name);
  for (let at = out.indexOf(encoded); at >= 0; at = out.indexOf(encoded, at + 1)) {
    if (out.readUInt32LE(at - 30) === 0x04034b50) {
      out.writeUInt32LE(size, at - 30 + 22);
      if (compressedSize !== undefined) out.writeUInt32LE(compressedSize, at - 30 + 18);
    } else if (out.readUInt32LE(at - 46) === 0x02014b50) {
      out.writeUInt32LE(size, at - 46 + 24);
      if (compressedSize !== undefined) out.writeUInt32LE(compressedSize, at - 46 + 20);
    }
  }
  return out;
}
