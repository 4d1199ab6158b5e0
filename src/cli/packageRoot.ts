/**
 * The folder of this package (where package.json says "backlog-planner"), found by walking up from
 * a file: the same from src/cli/ under ts-node or jest as from the compiled lib/cli/.
 */
import * as fs from "fs";
import * as path from "path";

export const PACKAGE_NAME = "backlog-planner";

/**
 * @example
 * findPackageRoot(__dirname) // → "/home/me/backlog-planner"
 */
export function findPackageRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: unknown };
      if (manifest.name === PACKAGE_NAME) return dir;
    } catch {
      // No package.json here, or not ours: keep walking up.
    }
    if (path.dirname(dir) === dir) throw new Error(`No package.json of ${PACKAGE_NAME} in ${start} or any folder above it.`);
  }
}
