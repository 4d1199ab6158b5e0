/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  globalSetup: "<rootDir>/test/globalSetup.js",
  testMatch: ["**/*.test.ts"],
  // Browser and LibreOffice tests start real programs; give them room on a 2-core machine.
  testTimeout: 120000,
};
