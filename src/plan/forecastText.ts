/**
 * The intake forecast in words, Dutch and English, for the sheets (issue 24): where the plan's
 * intake came from (history span, method, season, interval) and what the uncertainty band then
 * holds. Data only: the sheet builders place them.
 */
import { isoDate } from "../sheets/dates";
import type { Language } from "../sheets/messages";
import { formatNumber } from "../sheets/uncertaintyBlock";
import type { PlanIntakeForecast } from "./intakeForecast";

// The band's words live with the uncertainty block that uses them; re-exported for the plan step's callers.
export { FORECAST_BAND_TEXT } from "../sheets/forecastBandText";

const TREND_TEXT: Record<Language, Record<"none" | "linear" | "damped", (phi: string) => string>> = {
  nl: {
    none: () => "een niveau zonder trend (ETS(A,N,N))",
    linear: () => "niveau en trend (ETS(A,A,N))",
    damped: (phi) => `niveau en een uitdovende trend (ETS(A,Ad,N), φ ${phi})`,
  },
  en: {
    none: () => "a level without trend (ETS(A,N,N))",
    linear: () => "level and trend (ETS(A,A,N))",
    damped: (phi) => `level and a damped trend (ETS(A,Ad,N), φ ${phi})`,
  },
};

/** The season in words: its length and the share kept, or why there is none. */
function seasonText(forecast: PlanIntakeForecast, language: Language): string {
  const { model, history } = forecast;
  const nl = language === "nl";
  const monthly = history.periodsPerYear === 12;
  if (model.season.length <= 1 || model.seasonKept <= 0) {
    const short = history.values.length < 2 * history.periodsPerYear;
    if (short) return nl ? "geen seizoen (minder dan twee jaar historie)" : "no season (less than two years of history)";
    return nl ? "geen seizoen (het patroon herhaalde zich niet vaak genoeg)" : "no season (the pattern did not repeat consistently enough)";
  }
  const kept = `${formatNumber(Math.round(model.seasonKept * 100), language)}%`;
  const length = monthly ? (nl ? "12 maanden" : "12 months") : nl ? "52 weken" : "52 weeks";
  return nl ? `seizoen van ${length} (${kept} van het gemeten patroon behouden)` : `a season of ${length} (${kept} of the measured pattern kept)`;
}

/** "156 weken, 2021-01-04 t/m 2023-12-31, Invoer!F10:F165". */
function spanText(forecast: PlanIntakeForecast, language: Language): string {
  const { history } = forecast;
  const nl = language === "nl";
  const n = history.values.length;
  const unit = history.periodsPerYear === 12 ? (nl ? (n === 1 ? "maand" : "maanden") : n === 1 ? "month" : "months") : nl ? "weken" : "weeks";
  const dates =
    history.start !== undefined && history.lastDay !== undefined
      ? `, ${isoDate(history.start)} ${nl ? "t/m" : "to"} ${isoDate(history.lastDay)}`
      : "";
  return `${formatNumber(n, language)} ${unit}${dates}, ${history.address}`;
}

/**
 * "Instroom: prognose uit de instroomhistorie (156 weken, 2021-01-04 t/m 2023-12-31,
 * Invoer!F10:F165): niveau en een uitdovende trend (ETS(A,Ad,N), φ 0,9), seizoen van 52 weken
 * (40% van het gemeten patroon behouden); interval 80% (P10–P90); gemiddeld 24,3 per week."
 * With the planner's own Intake it says the forecast is a comparison.
 */
export function describeForecastSource(forecast: PlanIntakeForecast, language: Language): string {
  const nl = language === "nl";
  const { smoothing } = forecast.model;
  const phi = smoothing.phi.toFixed(2);
  const method = TREND_TEXT[language][smoothing.trend](nl ? phi.replace(".", ",") : phi);
  const interval = `${formatNumber(forecast.confidence * 100, language)}%`;
  const mean = formatNumber(forecast.meanWeekly, language);
  const gap =
    forecast.gap === 0
      ? ""
      : nl
        ? `; het plan begint ${forecast.gap} ${forecast.history.periodsPerYear === 12 ? "maanden" : "weken"} na de historie`
        : `; the plan starts ${forecast.gap} ${forecast.history.periodsPerYear === 12 ? "months" : "weeks"} after the history`;
  const body = nl
    ? `prognose uit de instroomhistorie (${spanText(forecast, language)}): ${method}, ${seasonText(forecast, language)}; interval ${interval} (P10–P90); gemiddeld ${mean} per week${gap}.`
    : `forecast from the intake history (${spanText(forecast, language)}): ${method}, ${seasonText(forecast, language)}; ${interval} interval (P10–P90); ${mean} a week on average${gap}.`;
  if (forecast.use === "plan") return `${nl ? "Instroom" : "Intake"}: ${body}`;
  return nl
    ? `Ter vergelijking, niet in het plan (dat rekent met de opgegeven instroom): ${body}`
    : `For comparison, not in the plan (which uses the intake given): ${body}`;
}
