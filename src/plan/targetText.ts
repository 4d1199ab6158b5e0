/**
 * When the plan reaches the planner's target, in words, for the CLI's summary line and the pane's
 * result (issue 23, item 1): the week, its ISO week and Monday, and "bij constante gemiddelden"
 * when the week lies past the weekly series (found at the series' mean intake and capacity).
 */
import { isoDate, isoWeekLabel } from "../sheets/dates";
import type { Language } from "../sheets/messages";
import type { TargetReached } from "./figures";

/** The words, one table per concern (docs/decisions.md, issue 10). */
export const TARGET_TEXT: Record<
  Language,
  {
    label: (target: string) => string;
    week: (week: number) => string;
    dated: (iso: string, monday: string) => string;
    continued: (weeks: number) => string;
    already: string;
    never: string;
  }
> = {
  nl: {
    label: (target) => `streefvoorraad ${target}`,
    week: (week) => `in week ${week}`,
    dated: (iso, monday) => ` (${iso}, week van ${monday})`,
    continued: (weeks) => `, bij constante gemiddelden na week ${weeks}`,
    already: "nu al bereikt",
    never: "nooit bereikt",
  },
  en: {
    label: (target) => `target backlog ${target}`,
    week: (week) => `in week ${week}`,
    dated: (iso, monday) => ` (${iso}, week of ${monday})`,
    continued: (weeks) => `, at constant averages after week ${weeks}`,
    already: "reached already",
    never: "never reached",
  },
};

/**
 * The week in words, without the target: "in week 59 (2025-W07, week van 2025-02-10), bij
 * constante gemiddelden na week 52"; "nu al bereikt"; "nooit bereikt, bij constante gemiddelden na week 52".
 *
 * @example
 * targetWeekPhrase({ target: 1100, week: 59, continued: true, seriesWeeks: 52, monday: 45698 }, "nl")
 * // → "in week 59 (2025-W07, week van 2025-02-10), bij constante gemiddelden na week 52"
 */
export function targetWeekPhrase(reached: TargetReached, language: Language): string {
  const words = TARGET_TEXT[language];
  const tail = reached.continued ? words.continued(reached.seriesWeeks) : "";
  if (reached.week === 0) return words.already;
  if (reached.week === null) return `${words.never}${tail}`;
  const dated = reached.monday === null ? "" : words.dated(isoWeekLabel(reached.monday), isoDate(reached.monday));
  return `${words.week(reached.week)}${dated}${tail}`;
}

/**
 * The target (formatted as the caller formats its numbers) and its week, as the CLI's summary
 * line has it: "streefvoorraad 1.100 in week 59 (2025-W07, week van 2025-02-10), bij constante
 * gemiddelden na week 52".
 */
export function targetSentence(reached: TargetReached, language: Language, target: string): string {
  const words = TARGET_TEXT[language];
  const phrase = targetWeekPhrase(reached, language);
  const joined = reached.week === null || reached.week === 0 ? `: ${phrase}` : ` ${phrase}`;
  return `${words.label(target)}${joined}`;
}
