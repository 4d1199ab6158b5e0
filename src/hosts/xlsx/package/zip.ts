/**
 * A zip reader and writer of our own, so that the guards run on the central directory before
 * anything is inflated, and the user's parts are copied into the output as the very bytes they
 * came in (compressed data included), never inflated and deflated again.
 */
import * as zlib from "zlib";
import { DETAIL_TEXT, PACKAGE_LIMITS, PackageRefusal } from "./refusal";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The compressed bytes as stored. */
  raw: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const MB = 1024 * 1024;

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 65_535); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new PackageRefusal("corrupt", DETAIL_TEXT.noDirectory);
}

/** Where the central directory starts and how many entries it has, ZIP64 included. */
function directoryOf(view: DataView): { offset: number; count: number } {
  const end = findEndOfDirectory(view);
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const at = Number(view.getBigUint64(end - 12, true));
    if (at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_EOCD) {
      throw new PackageRefusal("corrupt", DETAIL_TEXT.zip64);
    }
    count = Number(view.getBigUint64(at + 32, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  return { offset, count };
}

/** Sizes from a ZIP64 extra field where the 32-bit ones are saturated. */
function zip64Sizes(view: DataView, extraStart: number, extraLength: number, sizes: number[]): number[] {
  const out = [...sizes];
  for (let at = extraStart; at + 4 <= extraStart + extraLength; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (let i = 0; i < out.length; i++) {
        if (out[i] === 0xffffffff && field + 8 <= at + 4 + length) {
          out[i] = Number(view.getBigUint64(field, true));
          field += 8;
        }
      }
    }
    at += 4 + length;
  }
  return out;
}

function checkSizes(entries: readonly Pick<ZipEntry, "name" | "size" | "compressedSize">[]): void {
  const { partBytes, totalBytes, ratio, ratioFloorBytes, parts } = PACKAGE_LIMITS;
  if (entries.length > parts) throw new PackageRefusal("bomb", DETAIL_TEXT.parts(entries.length));
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const unpacked = `${entry.name}: ${(entry.size / MB).toFixed(0)} MB`;
    if (entry.size > partBytes) throw new PackageRefusal("bomb", unpacked);
    if (entry.size > ratioFloorBytes && entry.size > ratio * Math.max(1, entry.compressedSize)) {
      throw new PackageRefusal("bomb", `${unpacked}, ${Math.round(entry.size / Math.max(1, entry.compressedSize))}:1`);
    }
  }
  if (total > totalBytes) throw new PackageRefusal("bomb", `${(total / MB).toFixed(0)} MB`);
}

/**
 * The entries of a zip, read from its central directory; sizes and ratios are checked before
 * any entry is inflated.
 */
export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  if (bytes.byteLength < 22) throw new PackageRefusal("corrupt", DETAIL_TEXT.tooShort);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { offset, count } = directoryOf(view);
  const entries: (Omit<ZipEntry, "raw"> & { local: number })[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL) {
      throw new PackageRefusal("corrupt", DETAIL_TEXT.directoryEntry);
    }
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString(flags & 0x800 ? "utf8" : "latin1");
    const [size, compressedSize, local] = zip64Sizes(view, at + 46 + nameLength, extraLength, [
      view.getUint32(at + 24, true),
      view.getUint32(at + 20, true),
      view.getUint32(at + 42, true),
    ]) as [number, number, number];
    if (flags & 0x1) throw new PackageRefusal("corrupt", DETAIL_TEXT.zipEncrypted(name));
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      local,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  checkSizes(entries);
  return new Map(
    entries.map(({ local, ...entry }) => [
      entry.name,
      { ...entry, raw: localData(bytes, view, local, entry.compressedSize, entry.name) },
    ]),
  );
}

function localData(bytes: Uint8Array, view: DataView, at: number, compressedSize: number, name: string): Uint8Array {
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) {
    throw new PackageRefusal("corrupt", DETAIL_TEXT.localHeader(name));
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + compressedSize > bytes.byteLength) throw new PackageRefusal("corrupt", DETAIL_TEXT.cutOff(name));
  return bytes.subarray(start, start + compressedSize);
}

/** An entry's bytes, inflated no further than its declared size, CRC checked. */
export function inflateEntry(entry: ZipEntry): Buffer {
  let data: Buffer;
  if (entry.method === 0) data = Buffer.from(entry.raw);
  else if (entry.method === 8) {
    try {
      data = zlib.inflateRawSync(entry.raw, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw new PackageRefusal("corrupt", entry.name);
    }
  } else throw new PackageRefusal("corrupt", DETAIL_TEXT.method(entry.name, entry.method));
  if (data.length !== entry.size || zlib.crc32(data) !== entry.crc) throw new PackageRefusal("corrupt", entry.name);
  return data;
}

/** An entry made from new content, deflated. */
export function newEntry(name: string, content: string | Uint8Array): ZipEntry {
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
  const raw = zlib.deflateRawSync(data);
  return { name, method: 8, crc: zlib.crc32(data), compressedSize: raw.length, size: data.length, raw };
}

/** A zip of the entries in the given order; copied entries keep their compressed bytes. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const header = (size: number, signature: number): Buffer => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const local = header(30, LOCAL);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, as the date of every part
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.compressedSize, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = header(46, CENTRAL);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.compressedSize, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.raw.buffer, entry.raw.byteOffset, entry.raw.byteLength));
    centrals.push(central, name);
    offset += 30 + name.length + entry.raw.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
