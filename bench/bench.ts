/**
 * `npm run bench`: runs every bench/*.bench.ts in turn. Each file exports `run(): Promise<void>`
 * and prints its own figures (medians and ratios). Nothing here is asserted: machines are noisy.
 */
import * as fs from "fs";
import * as path from "path";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    console.log(`\n## ${file.replace(".bench.ts", "")}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, file)) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
