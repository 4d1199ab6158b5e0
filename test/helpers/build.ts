import * as path from "path";

/** Where test/globalSetup.js put the production build for this jest run. */
export const BUILD_DIR = path.resolve(__dirname, "..", "..", "test-output", "dist");
