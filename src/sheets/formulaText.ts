/**
 * Small formula pieces several sheets share: a whole number as text (grouped as the sheets group
 * it, without TEXT's locale-dependent format codes), an ISO week label of a date, and the target
 * week's closed form (docs/decisions.md, issue 23). Each returns en-US formula text, no "=".
 */
import type { Language } from "./messages";

/**
 * A whole number as text in a formula, as `formatNumber` writes it: grouped from five digits
 * (12.500 / 12,500), below a million. TEXT(x,"#,##0") would read its format in the user's
 * locale, so the digits are put together by hand.
 *
 * @example
 * wholeText("$B$3", "nl") // → IF(ROUND(ABS($B$3),0)>=10000,INT(…)&"."&RIGHT(…),ROUND(ABS($B$3),0)&"")
 */
export function wholeText(ref: string, language: Language): string {
  const rounded = `ROUND(ABS(${ref}),0)`;
  const group = language === "nl" ? "." : ",";
  return `IF(${rounded}>=10000,INT(${rounded}/1000)&"${group}"&RIGHT("00"&MOD(${rounded},1000),3),${rounded}&"")`;
}

/** A signed whole number as text: "-112" or "112". */
export function signedWholeText(ref: string, language: Language): string {
  return `IF(ROUND(${ref},0)<0,"-","")&${wholeText(ref, language)}`;
}

/**
 * The ISO week of a date as "2025-W07": the year of the week's Thursday and ISOWEEKNUM (Excel
 * 2013+, LibreOffice 5.1+; the .xlsx host writes it with its _xlfn prefix).
 */
export function isoWeekFormula(date: string): string {
  return `YEAR(${date}-WEEKDAY(${date},2)+4)&"-W"&TEXT(ISOWEEKNUM(${date}),"00")`;
}

/**
 * The first week whose backlog is at most `target` at constant rates, as the engine's
 * `weeksToTargetCore`: 0 when the opening already is, `never` (a quoted text) when capacity does
 * not exceed intake. "At most" allows 1e-9 of the target, so 1440 at 25 in and 27.5 out lands on
 * 1100 in week 136, not 137. Works beyond any weekly table: it is a closed form.
 *
 * @example
 * targetWeekFormula("$B$3", "$B$4", "$C$20", "$B$13", "nooit")
 */
export function targetWeekFormula(opening: string, intake: string, capacity: string, target: string, never: string): string {
  // Written out, not 1E-9: HyperFormula (and a reader) parses it either way as a plain decimal.
  const slack = `0.000000001*MAX(1,${target})`;
  return (
    `IF(${opening}<=${target}+${slack},0,IF(${capacity}>${intake},` +
    `ROUNDUP((${opening}-${target}-${slack})/(${capacity}-${intake}),0),"${never}"))`
  );
}
