/**
 * The plan against the actuals, computed by the plan step for the monitoring sheet: the plan is
 * the projection the run writes (the planning rule's capacity included), so the two sheets agree.
 * Pure: the engine in, a MonitorResult out.
 */
import { monitorPlan, MonitorResult, MonitorSimulationOptions, Result } from "../engine";
import type { PlanInputs } from "../sheets/inputs";
import { runProjection } from "./figures";

/** The actual figures as the run reads them: one value per known week from week 1. */
export interface MonitoringActuals {
  intake: number[];
  decisions: number[];
  backlog?: number[];
}

/**
 * Runs the monitoring on checked plan inputs.
 *
 * @example
 * const monitored = runMonitoring(inputs, SAMPLE_ACTUALS_2024);
 * if (monitored.ok) buildMonitoringSheet({ result: monitored.value, language: "nl", firstWeek: inputs.firstWeek });
 */
export function runMonitoring(
  inputs: PlanInputs,
  actuals: MonitoringActuals,
  // With an intake forecast (forecastMonitoring), the band is drawn around it, as the plan's is.
  options: Pick<MonitorSimulationOptions, "seed" | "runs" | "intakeForecast"> = {},
): Result<MonitorResult> {
  const projection = runProjection(inputs);
  if (!projection.ok) return projection;
  const rows = projection.value.rows;
  return monitorPlan({
    opening: inputs.opening,
    plannedIntake: rows.map((row) => row.intake),
    plannedCapacity: rows.map((row) => row.capacity),
    actualIntake: actuals.intake,
    actualDecisions: actuals.decisions,
    ...(actuals.backlog !== undefined && { actualBacklog: actuals.backlog }),
    ...options,
  });
}
