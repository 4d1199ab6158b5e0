/**
 * "Wat telt het zwaarst?": a tornado for one what-if scenario, by default the whole decision
 * ("Heel besluit"). Each input moves 10% down and up, relatively (a triage share of 13.7% becomes
 * 12.3% and 15.0%), the others stay; the scenario's backlog at the horizon and its target week
 * are read for each. The rows are ordered by swing, the reference for the sheet's live formulas
 * (which order with LARGE/INDEX/MATCH and break ties by the order of SENSITIVITY_INPUTS).
 */
import { SHARE_RULE } from "./tracks";
import { checkNumber, NON_NEGATIVE, NumberRule, ok, POSITIVE, Result, UPLIFT_RULE } from "./validate";
import { checkWhatIfInputs, CheckedWhatIfInputs, scenarioOutcomeCore, ScenarioId, WhatIfInputs } from "./whatIf";

/** The inputs the tornado moves, in the order ties are broken. */
export type SensitivityInput = "intake" | "planPerYear" | "uplift" | "triageShare" | "decisionsPerFteWeek";
export const SENSITIVITY_INPUTS: readonly SensitivityInput[] = [
  "intake",
  "planPerYear",
  "uplift",
  "triageShare",
  "decisionsPerFteWeek",
];
/** −10% and +10%, relatively. */
export const DEFAULT_SENSITIVITY_STEP = 0.1;

export interface SensitivityRow {
  input: SensitivityInput;
  /** The input as given, and moved down and up (kept within what the input allows). */
  value: number;
  low: number;
  high: number;
  /** The scenario's backlog at the horizon with the input at `low` and at `high`. */
  closingLow: number;
  closingHigh: number;
  /** Its target week with the input at `low` and at `high`; null when never. */
  weekLow: number | null;
  weekHigh: number | null;
  /** |closingHigh − closingLow|: the bar's length. */
  swing: number;
  /** False when neither the backlog nor the target week moves: the sheet says so. */
  moves: boolean;
}

export interface SensitivityResult {
  scenario: ScenarioId;
  step: number;
  /** The scenario as given. */
  closing: number;
  week: number | null;
  /** Largest swing first; equal swings in the order of SENSITIVITY_INPUTS. */
  rows: SensitivityRow[];
  /** The input with the largest swing; null when no input moves the result. */
  dominant: SensitivityInput | null;
}

/** What each moved input may be: a triage share leaves room for the without-hearing share. */
function ruleFor(input: SensitivityInput, inputs: CheckedWhatIfInputs): NumberRule {
  switch (input) {
    case "uplift":
      return UPLIFT_RULE;
    case "triageShare":
      return { ...SHARE_RULE, max: 1 - inputs.withoutHearingShare };
    case "decisionsPerFteWeek":
      return POSITIVE;
    default:
      return NON_NEGATIVE;
  }
}

const within = (value: number, rule: NumberRule): number =>
  Math.min(rule.max ?? Number.POSITIVE_INFINITY, Math.max(rule.min ?? Number.NEGATIVE_INFINITY, value));

/** A result that changed by more than float noise. */
const differs = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a));

/** The tornado from checked inputs, no checks. */
export function sensitivityCore(inputs: CheckedWhatIfInputs, scenario: ScenarioId, step: number): SensitivityResult {
  const base = scenarioOutcomeCore(inputs, scenario);
  const rows = SENSITIVITY_INPUTS.map((input): SensitivityRow => {
    const value = inputs[input];
    const rule = ruleFor(input, inputs);
    const low = within(value * (1 - step), rule);
    const high = within(value * (1 + step), rule);
    const down = scenarioOutcomeCore({ ...inputs, [input]: low }, scenario);
    const up = scenarioOutcomeCore({ ...inputs, [input]: high }, scenario);
    const moves = [down, up].some((o) => differs(o.closingBacklog, base.closingBacklog) || differs(o.targetWeek, base.targetWeek));
    return {
      input,
      value,
      low,
      high,
      closingLow: down.closingBacklog,
      closingHigh: up.closingBacklog,
      weekLow: down.targetWeek,
      weekHigh: up.targetWeek,
      swing: Math.abs(up.closingBacklog - down.closingBacklog),
      moves,
    };
  });
  // Array.prototype.sort is stable: equal swings keep SENSITIVITY_INPUTS' order.
  const ordered = [...rows].sort((a, b) => b.swing - a.swing);
  const first = ordered[0] as SensitivityRow;
  return {
    scenario,
    step,
    closing: base.closingBacklog,
    week: base.targetWeek,
    rows: ordered,
    dominant: first.moves ? first.input : null,
  };
}

export interface SensitivityOptions {
  /** Default "whole", the decision the memo asks for. */
  scenario?: ScenarioId;
  /** Relative move, from 0 to 1; default 0.1. */
  step?: number;
}

/**
 * The tornado for a scenario of the what-if sheet.
 *
 * @example
 * sensitivity(memoInputs) // whole decision: intake 850 / 1075, plan 1122 / 802, triage share 980 / 945
 */
export function sensitivity(inputs: WhatIfInputs, options: SensitivityOptions = {}): Result<SensitivityResult> {
  const checked = checkWhatIfInputs(inputs);
  if (!checked.ok) return checked;
  const step = checkNumber(options.step ?? DEFAULT_SENSITIVITY_STEP, SHARE_RULE, "step");
  if (!step.ok) return step;
  return ok(sensitivityCore(checked.value, options.scenario ?? "whole", step.value));
}
