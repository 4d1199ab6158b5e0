/**
 * The uncertainty section's words with a forecast intake (issue 24, item 4), Dutch and English:
 * used by `assumptionsText` and `uncertaintyPanel` (src/sheets/uncertaintyBlock.ts) when
 * `SimulationResult.intakeForecast` is set. Data only.
 */
import type { Language } from "./messages";

/**
 * The uncertainty section's assumptions with a forecast intake: the intake phrase and the level
 * phrase replace "instroom Poisson rond de geplande instroom per week" and "instroomniveau vast"
 * in `assumptionsText` (src/sheets/uncertaintyBlock.ts) when `SimulationResult.intakeForecast` is
 * set; `band` is the sentence under the fan that says what the band holds.
 */
export const FORECAST_BAND_TEXT: Record<Language, { intake: string; level: string; band: string }> = {
  nl: {
    intake: "instroom per run een eigen pad rond de prognose uit de historie, met de onzekerheid van de prognose zelf, en Poisson per week",
    level: "instroomniveau en trend onzeker zoals de prognose (een afwijking houdt weken aan)",
    band:
      "De band bevat ook de onzekerheid van de instroomprognose: elke run volgt zijn eigen instroompad rond de prognose, " +
      "met fouten in niveau en trend die weken aanhouden, zoals de prognose ze op de eigen historie maakte, " +
      "en daarbovenop het toeval per week (Poisson). De spreiding van het instroomniveau is dan niet nodig.",
  },
  en: {
    intake: "intake per run its own path around the forecast from the history, with the forecast's own uncertainty, and Poisson each week",
    level: "intake level and trend uncertain as the forecast is (an error persists for weeks)",
    band:
      "The band includes the intake forecast's uncertainty: each run follows its own intake path around the forecast, " +
      "with level and trend errors that persist over weeks, as the forecast made them on its own history, " +
      "and on top of that the week-to-week chance (Poisson). The intake level spread is then not needed.",
  },
};
