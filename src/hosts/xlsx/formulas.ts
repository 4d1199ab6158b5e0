/**
 * Formulas as the .xlsx package stores them. Excel writes a function added after Excel 2007 with
 * the `_xlfn.` prefix (MS-XLSX 2.2.3, "future functions"): `=ISOWEEKNUM(A1)` is stored as
 * `_xlfn.ISOWEEKNUM(A1)`. Without it Excel shows #NAME? until the cell is edited. Office.js takes
 * the formula as typed, so only this host adds the prefix.
 */

/**
 * Future functions of MS-XLSX 2.2.3 a planner's sheet could plausibly use. The dynamic-array
 * functions (LET, SEQUENCE, SORT, FILTER, XLOOKUP, …) are left out on purpose: the add-in never
 * writes them, since Excel 2016 and LibreOffice 7.4 cannot compute them.
 */
export const FUTURE_FUNCTIONS: ReadonlySet<string> = new Set([
  "AGGREGATE",
  "CEILING.MATH",
  "CONCAT",
  "DAYS",
  "FLOOR.MATH",
  "FORECAST.ETS",
  "FORECAST.ETS.CONFINT",
  "FORECAST.ETS.SEASONALITY",
  "FORECAST.ETS.STAT",
  "FORECAST.LINEAR",
  "FORMULATEXT",
  "IFNA",
  "IFS",
  "ISOWEEKNUM",
  "MAXIFS",
  "MINIFS",
  "MODE.SNGL",
  "NETWORKDAYS.INTL",
  "NORM.DIST",
  "NORM.INV",
  "NORM.S.DIST",
  "NORM.S.INV",
  "NUMBERVALUE",
  "PERCENTILE.EXC",
  "PERCENTILE.INC",
  "POISSON.DIST",
  "QUARTILE.EXC",
  "QUARTILE.INC",
  "RANK.AVG",
  "RANK.EQ",
  "STDEV.P",
  "STDEV.S",
  "SWITCH",
  "TEXTJOIN",
  "VAR.P",
  "VAR.S",
  "WORKDAY.INTL",
  "XOR",
]);

/** Functions Excel 2016 or LibreOffice 7.4 cannot compute: a builder must never write them. */
export const UNSUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set([
  "LET",
  "LAMBDA",
  "SEQUENCE",
  "SORT",
  "SORTBY",
  "FILTER",
  "UNIQUE",
  "XLOOKUP",
  "XMATCH",
  "RANDARRAY",
]);

/** The function names a formula calls, outside its string literals: "=IF(A1>0,MAX(1,2),\"x(\")" → IF, MAX. */
export function functionNames(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/(?<![A-Za-z0-9_.$])((?:_xlfn\.)?[A-Za-z][A-Za-z0-9.]*)\(/g)].map((m) => (m[1] as string).toUpperCase());
}

/**
 * A spec formula as the package stores it: without the leading "=", each future function with
 * `_xlfn.`, string literals untouched.
 *
 * @example
 * storedFormula('=IF(B2="","",ISOWEEKNUM(B2))') // → 'IF(B2="","",_xlfn.ISOWEEKNUM(B2))'
 */
export function storedFormula(formula: string): string {
  const body = formula.replace(/^=/, "");
  // Split into string literals (kept) and code (prefixed).
  return body
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![A-Za-z0-9_.$])([A-Za-z][A-Za-z0-9.]*)\(/g, (whole, name: string) =>
            FUTURE_FUNCTIONS.has(name.toUpperCase()) ? `_xlfn.${name}(` : whole,
          ),
    )
    .join("");
}
