/**
 * How wide a text is in Calibri, the font the add-in's cells are written in, so builders can size
 * columns from their text and wrap long lines themselves: neither Excel nor LibreOffice re-measures
 * a file written by a program. The advance widths are Carlito's (the metric twin of Calibri that
 * LibreOffice uses for it), in font units of 2048 per em; test/helpers/trueType.ts reads the same
 * figures from the font file, so the tests measure with a font we did not write.
 */
import type { CellStyle } from "./spec";

/** The characters of the width tables, in order: printable ASCII, then what Dutch and the sheets use. */
export const CHARACTERS =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
  "äëïöüéèóáíúàçÉ‘’“”–—…×÷≤≥→€°·±½²";

/**
 * Advance widths of the characters above, Carlito regular and bold, two characters each: the
 * width in font units as two base-64 digits (0-9, A-Z, a-z, -, _), which keeps the add-in's bundle
 * small. test/sheets/sheetRules.test.ts checks every one against the font file.
 */
const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const unpack = (packed: string): number[] =>
  Array.from({ length: packed.length / 2 }, (_, i) => DIGITS.indexOf(packed[2 * i] as string) * 64 + DIGITS.indexOf(packed[2 * i + 1] as string));
const REGULAR = unpack(
  "7FARCrFyGEMuLr749j9jFyFy7_9p85CNGEGEGEGEGEGEGEGEGEGE8a8aFyFyFyErSdIXHQH4JiFeEjKCJy84ADGeDTRNKgLCGYLYHOEjFcKYIASUGdFcE_9qCN9qFyFy9KFLGqDYGqFx9nF4Gq7M7gEZ7MPaGqGuGqGqBACXAkGqETMuDtEVCfA4ElA4FyFLFx7MGuGqFxFxGuFL7MGqFLDYFe7_7_DPDPFyS-M6FyFyFyFyS-GEAs85FyLVAm",
);
const BOLD = unpack(
  "7FARE2FyGENLMZ7U9-9-FyFy8G9p8ZDmGEGEGEGEGEGEGEGEGEGE8r8rFyFyFyErSmJPHyGyKBFdEiKPKC8YAcHWDYR-L5LfH2LzI1F8FsKvIxT0HeGeFJAPDmAPFyFy9dFpHBDPHBG7A8FBHB7t8BFN7tQ2HBHDHBHBBOCnB6HBF9NsEjFACkB0FDB0FyFpG77tHDHBG7G7HDFp7tHBFpDPFd8G8GDxDxFyS-MnFyFyFyFyS-GEAz8aFyM7Aq",
);
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
 * widthFor("Voorraad aan einde horizon", BODY_FONT) // → 25
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
