/**
 * How wide a text is in Calibri, the font the add-in's cells are written in, so builders can size
 * columns from their text and wrap long lines themselves: neither Excel nor LibreOffice re-measures
 * a file written by a program. The advance widths are Carlito's (the metric twin of Calibri that
 * LibreOffice uses for it), in font units of 2048 per em; test/helpers/trueType.ts reads the same
 * figures from the font file, so the tests measure with a font we did not write.
 */
import type { CellStyle } from "./spec";

/** The characters of the width tables, in order: printable ASCII, then what Dutch and the sheets use. */
const CHARACTERS =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
  "äëïöüéèóáíúàçÉ‘’“”–—…×÷≤≥→€°·±½²";

// prettier-ignore
const REGULAR = [
  463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791, 1038, 1038, 1038, 1038,
  1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949, 1831, 1185, 1114, 1092, 1260, 1000, 941, 1292,
  1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058, 1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628,
  791, 628, 1020, 1020, 596, 981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080,
  1076, 1076, 714, 801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020, 981, 1019, 470, 1080, 1076,
  1019, 1019, 1080, 981, 470, 1076, 981, 866, 1000, 511, 511, 857, 857, 1020, 1854, 1414, 1020, 1020, 1020, 1020,
  1854, 1038, 694, 517, 1020, 1375, 688,
];
// prettier-ignore
const BOLD = [
  463, 667, 898, 1020, 1038, 1493, 1443, 478, 638, 638, 1020, 1020, 528, 627, 547, 880, 1038, 1038, 1038, 1038,
  1038, 1038, 1038, 1038, 1038, 1038, 565, 565, 1020, 1020, 1020, 949, 1840, 1241, 1148, 1084, 1291, 999, 940, 1305,
  1292, 546, 678, 1120, 866, 1790, 1349, 1385, 1090, 1405, 1153, 968, 1014, 1337, 1211, 1856, 1128, 1064, 979, 665,
  880, 665, 1020, 1020, 615, 1011, 1099, 857, 1099, 1031, 648, 971, 1099, 503, 523, 983, 503, 1666, 1099, 1101,
  1099, 1099, 728, 817, 710, 1099, 969, 1526, 941, 970, 814, 704, 973, 704, 1020, 1011, 1031, 503, 1101, 1099,
  1031, 1031, 1101, 1011, 503, 1099, 1011, 857, 999, 528, 528, 891, 891, 1020, 1854, 1457, 1020, 1020, 1020, 1020,
  1854, 1038, 701, 548, 1020, 1415, 692,
];
const UNITS_PER_EM = 2048;
/** A character outside the tables counts as wide as a capital M: never narrower than it is. */
const UNKNOWN = 1831;

const index = new Map([...CHARACTERS].map((ch, i) => [ch, i] as const));

export interface TextFont {
  bold: boolean;
  /** Points; 11 is Calibri's default. */
  size: number;
}

export const BODY_FONT: TextFont = { bold: false, size: 11 };

/** The font each cell style is written in (src/hosts/*: title 14 pt, subtitle 12 pt, bold roles). */
export function fontOf(style: CellStyle | undefined): TextFont {
  switch (style) {
    case "title":
      return { bold: true, size: 14 };
    case "subtitle":
      return { bold: true, size: 12 };
    case "header":
    case "input":
    case "output":
    case "warning":
      return { bold: true, size: 11 };
    default:
      return BODY_FONT;
  }
}

/**
 * The text's width in screen pixels (96 dpi), unhinted: a little wider than Excel draws it, so a
 * column sized from it holds the text in Excel and in LibreOffice.
 *
 * @example
 * textPixels("1440", BODY_FONT) // → 29.7
 */
export function textPixels(text: string, font: TextFont = BODY_FONT): number {
  const widths = font.bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const i = index.get(ch);
    units += i === undefined ? UNKNOWN : (widths[i] as number);
  }
  return (units / UNITS_PER_EM) * font.size * (96 / 72);
}

/** Calibri 11's maximum digit width in pixels: Excel's unit of column width. */
export const DIGIT_PIXELS = 7;
/** Room Excel keeps between a cell's text and its borders, both sides together. */
export const CELL_PADDING_PIXELS = 6;

/**
 * Pixels of a column `width` wide, as Excel computes them from the width stored in the file.
 *
 * @example
 * columnPixels(8.43) // → 64, Excel's default column
 */
export function columnPixels(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PIXELS)) / 256) * DIGIT_PIXELS);
}

/**
 * The narrowest column width (in steps of ½) that holds the text with its padding.
 *
 * @example
 * widthFor("Voorraad aan einde horizon", BODY_FONT) // → 24.5
 */
export function widthFor(text: string, font: TextFont = BODY_FONT): number {
  const needed = textPixels(text, font) + CELL_PADDING_PIXELS;
  let width = Math.ceil((needed / DIGIT_PIXELS) * 2) / 2;
  while (columnPixels(width) < needed) width += 0.5;
  return width;
}

/** Whether the text fits in columns this wide together (the text runs on over empty neighbours). */
export function fitsWidth(text: string, font: TextFont, widths: readonly number[]): boolean {
  const pixels = widths.reduce((sum, w) => sum + columnPixels(w), 0);
  return textPixels(text, font) + CELL_PADDING_PIXELS <= pixels;
}

/**
 * Splits a text into lines that each fit `pixels` (greedy, at spaces; a word longer than a line
 * keeps its own line). Builders write one line per row, so a long note never runs past the page.
 *
 * @example
 * wrapLines("Gemaakt door de Voorraadplanner op 2024-01-15.", 150) // → ["Gemaakt door de", "Voorraadplanner op", "2024-01-15."]
 */
export function wrapLines(text: string, pixels: number, font: TextFont = BODY_FONT): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && textPixels(candidate, font) + CELL_PADDING_PIXELS > pixels) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Line height in points for a font size: Calibri 11 sets rows 15 pt high. */
export function lineHeight(size: number): number {
  return Math.ceil(size * (15 / 11) * 4) / 4;
}
