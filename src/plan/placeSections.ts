/**
 * The projection sheet's optional sections as the plan step hands them to the sheet builder
 * (which lays them out beside the weekly table: src/sheets/projectionSheet.ts), and the phrase
 * for when the horizon ends, used in the chance sentence. Pure.
 */
import { isoWeekLabel, serialToParts } from "../sheets/dates";
import { Language, SECTION_SHEET_TEXT } from "../sheets/messages";
import type { ProjectionSections } from "../sheets/projectionSheet";
import { endOfYear } from "../sheets/uncertaintyBlock";

export { TRACKS_TABLE } from "../sheets/projectionSheet";

/** The sections' results: the Monte Carlo run and the per-track projection, when switched on. */
export type SectionResults = ProjectionSections;

/**
 * When the horizon ends, for the chance sentence: "eind 2024" when the last week ends around
 * the turn of the year, else "aan het eind van week 2024-W30"; without a first week the
 * builder's own "in week 52".
 */
export function horizonPhrase(firstWeek: number | undefined, weeks: number): Record<Language, string> | undefined {
  if (firstWeek === undefined) return undefined;
  const lastDay = firstWeek + 7 * weeks - 1;
  const { year, month, day } = serialToParts(lastDay);
  if (month === 12 && day >= 22) return endOfYear(year);
  if (month === 1 && day <= 4) return endOfYear(year - 1);
  const week = isoWeekLabel(lastDay);
  return { nl: SECTION_SHEET_TEXT.nl.whenWeek(week), en: SECTION_SHEET_TEXT.en.whenWeek(week) };
}
