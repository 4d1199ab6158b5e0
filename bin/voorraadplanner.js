#!/usr/bin/env node
// The `plan` command as a command of its own (package.json "bin"; `npm run plan` runs this file
// too). It runs the compiled JavaScript in lib/, compiling it first when it is missing or stale.
const path = require("path");

const root = path.resolve(__dirname, "..");
let entry;
try {
  entry = require(path.join(root, "scripts", "compile-cli.js")).ensureCompiled(root);
} catch (error) {
  process.stderr.write(
    `The plan command could not be compiled (${error instanceof Error ? error.message : String(error)}); run npm ci, then npm run build:cli.\n`,
  );
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .catch(() => {}); // main() reports its own failures and sets the exit code
