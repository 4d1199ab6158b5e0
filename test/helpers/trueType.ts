/**
 * Advance widths straight from a TrueType font file (cmap format 4 and hmtx), so the tests can
 * measure text with a font we did not write: Carlito, the metric twin of Calibri that LibreOffice
 * uses for Calibri on Linux. Only what measuring needs; no shaping, no kerning (spreadsheets
 * measure cell text without kerning).
 */
import * as fs from "fs";

export interface FontMetrics {
  unitsPerEm: number;
  /** Advance width in font units of a character, or undefined when the font lacks it. */
  advance: (ch: string) => number | undefined;
}

/** The fonts-crosextra-carlito files `npm test` installs on Debian. */
export const CARLITO = {
  regular: "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
  bold: "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf",
  italic: "/usr/share/fonts/truetype/crosextra/Carlito-Italic.ttf",
  boldItalic: "/usr/share/fonts/truetype/crosextra/Carlito-BoldItalic.ttf",
} as const;

function tables(data: DataView): Map<string, number> {
  const count = data.getUint16(4);
  const out = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...[0, 1, 2, 3].map((k) => data.getUint8(record + k)));
    out.set(tag, data.getUint32(record + 8));
  }
  return out;
}

/** Unicode (BMP) → glyph id from the first format-4 subtable of the cmap. */
function cmapFormat4(data: DataView, cmap: number): (code: number) => number {
  const subtables = data.getUint16(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const offset = cmap + data.getUint32(cmap + 4 + 8 * i + 4);
    if (data.getUint16(offset) !== 4) continue;
    const segments = data.getUint16(offset + 6) / 2;
    const ends = offset + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const ranges = deltas + 2 * segments;
    return (code) => {
      for (let s = 0; s < segments; s++) {
        if (code > data.getUint16(ends + 2 * s)) continue;
        const start = data.getUint16(starts + 2 * s);
        if (code < start) return 0;
        const delta = data.getInt16(deltas + 2 * s);
        const range = data.getUint16(ranges + 2 * s);
        if (range === 0) return (code + delta) & 0xffff;
        const glyph = data.getUint16(ranges + 2 * s + range + 2 * (code - start));
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error("no format-4 cmap subtable");
}

/**
 * Reads a .ttf file's metrics.
 *
 * @example
 * readFontMetrics(CARLITO.regular).advance("0") // 1038 of 2048 units per em
 */
export function readFontMetrics(file: string): FontMetrics {
  const bytes = fs.readFileSync(file);
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const t = tables(data);
  const need = (tag: string): number => {
    const at = t.get(tag);
    if (at === undefined) throw new Error(`${file} has no ${tag} table`);
    return at;
  };
  const unitsPerEm = data.getUint16(need("head") + 18);
  const longMetrics = data.getUint16(need("hhea") + 34);
  const hmtx = need("hmtx");
  const glyphOf = cmapFormat4(data, need("cmap"));
  return {
    unitsPerEm,
    advance: (ch) => {
      const glyph = glyphOf(ch.codePointAt(0) ?? 0);
      if (glyph === 0) return undefined;
      // Glyphs past the long metrics share the last advance width.
      return data.getUint16(hmtx + 4 * Math.min(glyph, longMetrics - 1));
    },
  };
}

/**
 * Carlito's metrics for a cell's font (bold, italic), or a sentence naming the package when the
 * font is not installed (`npm test` installs it with LibreOffice on Debian and Ubuntu).
 */
export function carlito(face: { bold: boolean; italic: boolean }): FontMetrics {
  const file = face.bold ? (face.italic ? CARLITO.boldItalic : CARLITO.bold) : face.italic ? CARLITO.italic : CARLITO.regular;
  if (!fs.existsSync(file)) {
    throw new Error(`The tests measure text with Carlito (Calibri's metrics), which is not installed: apt-get install fonts-crosextra-carlito (${file} is missing).`);
  }
  return readFontMetrics(file);
}
