// Mutation testing of the engine and the custom functions: `npm run mutate`, or one file with
// `npm run mutate -- --mutate src/engine/project.ts`. Not part of `npm test` or CI: the whole
// scope takes over an hour on 2 cores. Scores and equivalent mutants: docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: {
    projectType: "custom",
    configFile: "jest.stryker.config.js",
    // Per mutant, load only the test files that import the mutated file (through any chain).
    enableFindRelatedTests: true,
  },
  checkers: ["typescript"],
  // The checker compiles src/engine and src/functions only ("a mutant that compiles" means the
  // product compiles); the project's tsconfig also holds the tests, the bench and Office's types,
  // which made every check several times slower.
  tsconfigFile: "tsconfig.stryker.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: ["src/engine/**/*.ts", "src/functions/**/*.ts"],
  coverageAnalysis: "perTest",
  concurrency: 2,
  // A mutant that loops forever costs this much beyond 1.5 × its tests' own time, plus a restarted
  // runner; 5 s is still far above the noise of a 2-core machine.
  timeoutMS: 5000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
