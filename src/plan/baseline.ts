/**
 * The baseline in the plan step (issue 23): which of the workbook's tables is the baseline in
 * force, the baseline read back from its cells, and a new baseline from the plan being made.
 * Host-neutral: the hosts read the table's cells and hand them here.
 */
import { Baseline, checkBaseline, makeBaseline, ProjectionResult, Result } from "../engine";
import { BASELINE_COLUMNS, BASELINE_TABLE_PREFIX } from "../sheets/baselineSheet";
import { excelDateSerial } from "../sheets/spec";
import type { PlanInputs } from "../sheets/inputs";

const TABLE = new RegExp(`^${BASELINE_TABLE_PREFIX}(\\d{4})(\\d{2})(\\d{2})(?:_(\\d+))?$`, "i");

/** The day a baseline table was made, from its name; undefined when the name is not one of ours. */
function madeOnOf(tableName: string): number | undefined {
  const m = TABLE.exec(tableName);
  if (!m) return undefined;
  const serial = excelDateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  return Number.isFinite(serial) ? serial : undefined;
}

/**
 * The baseline in force among the workbook's table names: the newest `VoorraadplannerBasislijn…`
 * (by the date in its name; on the same day, the last made). Undefined when there is none.
 *
 * @example
 * activeBaselineTable(["VoorraadplannerVoortgang", "VoorraadplannerBasislijn20240115", "VoorraadplannerBasislijn20240401"])
 * // → "VoorraadplannerBasislijn20240401"
 */
export function activeBaselineTable(tableNames: readonly string[]): string | undefined {
  let best: { name: string; day: number; n: number } | undefined;
  for (const name of tableNames) {
    const day = madeOnOf(name);
    if (day === undefined) continue;
    const n = Number(TABLE.exec(name)?.[4] ?? 1);
    if (!best || day > best.day || (day === best.day && n > best.n)) best = { name, day, n };
  }
  return best?.name;
}

/** A cell of the table as a number; a blank as null. */
const numberOf = (value: unknown): number | null | undefined =>
  value === null || value === undefined || value === "" ? null : typeof value === "number" ? value : undefined;

/**
 * The baseline from its table's data rows as read (columns as `BASELINE_COLUMNS`; week 0 holds
 * the opening backlog), checked. A cell that is not a number gives one sentence naming the table.
 */
export function baselineFromTable(tableName: string, rows: readonly (readonly unknown[])[]): Result<Baseline> {
  const madeOn = madeOnOf(tableName);
  const bad = (message: string): Result<Baseline> => ({
    ok: false,
    error: { kind: "shape", argument: "baseline", message: `baseline ${tableName}: ${message}` },
  });
  if (madeOn === undefined) return bad("the table's name does not carry the day it was made");
  const [opening, ...weekRows] = rows;
  const openingBacklog = numberOf(opening?.[BASELINE_COLUMNS.indexOf("backlog")]);
  if (numberOf(opening?.[0]) !== 0 || typeof openingBacklog !== "number") return bad("week 0 with the opening backlog is missing");
  const weeks = [];
  for (const row of weekRows) {
    const [week, , intake, capacity, decisions, backlog] = row.map(numberOf);
    if ([week, intake, capacity, decisions, backlog].some((v) => typeof v !== "number")) {
      return bad(`week ${String(row[0])} holds a cell that is not a number`);
    }
    weeks.push({ week, intake, capacity, decisions, backlog } as Baseline["weeks"][number]);
  }
  const first = numberOf(weekRows[0]?.[1]);
  return checkBaseline({ madeOn, firstWeek: typeof first === "number" ? first : null, opening: openingBacklog, inputs: {}, weeks });
}

/** The plan being made, as a baseline dated `madeOn`, with its inputs for the record. */
export function baselineOfPlan(inputs: PlanInputs, projection: ProjectionResult, madeOn: number): Result<Baseline> {
  const rows = projection.rows;
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const record: Record<string, number> = {
    Opening: inputs.opening,
    MeanIntake: mean(rows.map((r) => r.intake)),
    MeanCapacity: mean(rows.map((r) => r.capacity)),
    Uplift: inputs.uplift,
    Weeks: rows.length,
    ...(inputs.targetGiven === true && { TargetBacklog: inputs.target }),
  };
  return makeBaseline({
    opening: inputs.opening,
    intake: rows.map((r) => r.intake),
    capacity: rows.map((r) => r.capacity),
    madeOn,
    firstWeek: inputs.firstWeek ?? null,
    inputs: record,
  });
}
