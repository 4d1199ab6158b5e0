/**
 * The pane's two optional sections, uncertainty and tracks: their settings are checked in
 * ../plan/options and placed on the projection sheet by ../plan/placeSections, which `npm run
 * plan` shares. Re-exported here for the pane.
 */
export {
  checkWork,
  DEFAULT_FAST_SHARE,
  emptySectionFields,
  intakeModelOf,
  needsSlices,
  parseSections,
  PROGRESS_ABOVE_RUN_WEEKS,
  PROGRESS_ABOVE_RUNS,
  readHistory,
  SLICE_RUN_WEEKS,
  sliceRuns,
} from "../plan/options";
export type {
  OptionProblem,
  SectionFields,
  SectionPlan,
  TracksFields,
  TracksPlan,
  UncertaintyFields,
  UncertaintyPlan,
} from "../plan/options";
export { horizonPhrase, placeSections, rightmostColumn, TRACKS_TABLE } from "../plan/placeSections";
export type { PlacedSections, SectionResults } from "../plan/placeSections";
