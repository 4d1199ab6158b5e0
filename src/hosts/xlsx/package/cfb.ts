/**
 * Tells the two kinds of Compound File Binary container a planner may hand us apart: an
 * encrypted workbook (streams "EncryptionInfo" and "EncryptedPackage") and an Excel 97-2003
 * .xls ("Workbook" or "Book"). Only the directory is read, following the FAT chain.
 */
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;

export const isCfb = (bytes: Uint8Array): boolean => SIGNATURE.every((b, i) => bytes[i] === b);

/** "encrypted", "xls", or undefined when the directory cannot be read or names neither. */
export function cfbKind(bytes: Uint8Array): "encrypted" | "xls" | undefined {
  try {
    const names = directoryNames(bytes);
    if (names.includes("EncryptionInfo") || names.includes("EncryptedPackage")) return "encrypted";
    if (names.includes("Workbook") || names.includes("Book")) return "xls";
  } catch {
    // A damaged container: the caller gives the sentence that covers both.
  }
  return undefined;
}

function directoryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 1 << view.getUint16(30, true);
  const sectorAt = (n: number): number => (n + 1) * sectorSize;
  // The FAT sectors listed in the header (the first 109 cover files up to ~7 MB with 512-byte sectors).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const sector = view.getUint32(76 + i * 4, true);
    if (sector < END_OF_CHAIN - 2) fatSectors.push(sector);
  }
  const next = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fat = fatSectors[Math.floor(sector / perSector)];
    if (fat === undefined) return END_OF_CHAIN;
    return view.getUint32(sectorAt(fat) + (sector % perSector) * 4, true);
  };
  const names: string[] = [];
  let sector = view.getUint32(48, true);
  for (let guard = 0; sector < END_OF_CHAIN - 2 && guard < 10_000; guard++) {
    for (let at = sectorAt(sector); at < sectorAt(sector) + sectorSize; at += 128) {
      const length = view.getUint16(at + 64, true);
      if (length >= 2 && length <= 64) {
        names.push(Buffer.from(bytes.subarray(at, at + length - 2)).toString("utf16le"));
      }
    }
    sector = next(sector);
  }
  return names;
}
