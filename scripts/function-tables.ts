/**
 * Rewrites the argument tables in docs/functions.md and docs/functies.md from the declarations
 * (src/functions/declarations.ts). Run: npx ts-node --transpile-only scripts/function-tables.ts
 */
import * as fs from "fs";
import * as path from "path";
import { withArgumentTables } from "../src/functions/argumentTable";
import { FUNCTION_DECLARATIONS } from "../src/functions/declarations";

const root = path.join(__dirname, "..");
for (const [file, language] of [["docs/functions.md", "en"], ["docs/functies.md", "nl"]] as const) {
  const full = path.join(root, file);
  fs.writeFileSync(full, withArgumentTables(fs.readFileSync(full, "utf8"), FUNCTION_DECLARATIONS, language));
}
