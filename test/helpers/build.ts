import * as path from "path";

/** Where test/globalSetup.js put the production build for this jest run. */
export const BUILD_DIR = path.resolve(__dirname, "..", "..", "test-output", "dist");

/** The stand-in address the tests' production build is made for (test/globalSetup.js). */
export const TEST_BASE_URL = "https://voorraadplanner.example.org/";
