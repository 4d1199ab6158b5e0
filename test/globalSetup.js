// Builds the production bundle once per jest run into test-output/dist, so tests that check
// what the build emits (manifest URLs, functions.json, the browser test) share one build.
const path = require("path");
const webpack = require("webpack");

/** Where the tests' production build says it is hosted (test/helpers/build.ts has the same). */
const TEST_BASE_URL = "https://voorraadplanner.example.org/";

/** Only runs that include a test of the build pay for it (a full run always does). */
const NEEDS_BUILD = /build|manifest|metadata|e2e|browser|bundle|taskpane/;

module.exports = async function globalSetup(globalConfig) {
  const pattern = globalConfig.testPathPattern || "";
  if (pattern !== "" && !NEEDS_BUILD.test(pattern)) return;
  const makeConfig = require("../webpack.config.js");
  // The production build refuses to guess where it will be hosted: the tests name a stand-in.
  const config = await makeConfig({ baseUrl: TEST_BASE_URL }, { mode: "production" });
  config.mode = "production";
  config.output = { ...config.output, path: path.resolve(__dirname, "..", "test-output", "dist") };
  await new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
};
