/**
 * Regenerates assets/voorbeeld-invoer.xlsx, the workbook `npm run plan` uses when given no file:
 * the memo's figures (opening backlog 1440, 25 a week, 1600 decisions a year, 10% uplift, first
 * week 2024-01-01) with the Dutch defined names. Run: npx ts-node --transpile-only scripts/make-sample.ts
 */
import * as path from "path";
import { writeSampleWorkbook } from "../src/cli/sampleWorkbook";

const file = path.join(__dirname, "..", "assets", "voorbeeld-invoer.xlsx");
writeSampleWorkbook(file)
  .then(() => console.log(`wrote ${path.relative(process.cwd(), file)}`))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
