/**
 * INVENTED actual figures for the first 12 weeks of 2024, for the bundled sample workbook and the
 * worked example in docs/monitoring.md. They are NOT IND figures: made up to look plausible next
 * to the memo's plan (opening backlog 1440, intake about 25 a week, 1600 decisions in 2024 =
 * 30.77 a week). Intake runs a little above plan and decisions a little below; from week 10
 * fewer decisions push the backlog above the P90 band (a signal, not noise). The counted backlog
 * is a few cases under the flows (withdrawals, merged cases), so the unexplained column shows
 * something.
 */

/** Label for the sheet or table that holds these figures, so no one mistakes them for real data. */
export const SAMPLE_ACTUALS_TEXT = {
  nl: ["Verzonnen voorbeeldcijfers, geen IND-cijfers,", "voor de eerste 12 weken van 2024"],
  en: ["Invented sample figures, not IND data,", "for the first 12 weeks of 2024"],
} as const;

/** Actual intake (GerealiseerdeInstroom / ActualIntake), weeks 1–12 of 2024. */
const INTAKE = [27, 22, 26, 31, 24, 25, 29, 23, 28, 27, 26, 32];
/** Actual decisions (GerealiseerdeAfdoeningen / ActualDecisions), weeks 1–12 of 2024. */
const DECISIONS = [30, 31, 28, 30, 32, 29, 27, 31, 29, 26, 28, 27];
/** Counted backlog at the end of each week (GerealiseerdeVoorraad / ActualBacklog). */
const BACKLOG = [1437, 1428, 1425, 1426, 1418, 1413, 1415, 1407, 1405, 1406, 1404, 1408];

/**
 * The sample's actuals, one value per known week from week 1 (the shape `runMonitoring` takes).
 *
 * @example
 * runMonitoring(inputs, SAMPLE_ACTUALS_2024) // the Voortgang sheet of the sample
 */
export const SAMPLE_ACTUALS_2024: { intake: number[]; decisions: number[]; backlog: number[] } = {
  intake: INTAKE,
  decisions: DECISIONS,
  backlog: BACKLOG,
};
