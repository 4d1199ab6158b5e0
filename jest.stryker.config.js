// Jest as StrykerJS runs it (`npm run mutate`): the engine and function tests only, without the
// webpack globalSetup. Every mutant reruns the tests that cover it, so the slow sheet, host,
// reliability, build, browser and LibreOffice suites (minutes per mutant on 2 cores) stay out;
// they could only kill more mutants, so the score measured here is a floor.
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  globalSetup: undefined,
  // src is a root too, so that jest can follow imports from a test to the mutated file
  // (Stryker's `enableFindRelatedTests`).
  roots: ["<rootDir>/test/engine", "<rootDir>/test/functions", "<rootDir>/src"],
  // Transpile only: Stryker's TypeScript checker already type-checks every mutant, and a runner
  // restarted after a timeout starts twice as fast.
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.stryker.json" }],
  },
};
