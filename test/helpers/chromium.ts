/**
 * The Chromium-family browser (Chromium, Chrome or Edge) the browser tests drive with
 * playwright-core. One lookup for `npm test`'s first step and the tests: scripts/find-tools.js
 * (`CHROMIUM_PATH` first). A missing browser is a failure naming the install command, never a skip.
 */
import { requireTool } from "../../scripts/find-tools";

/**
 * The browser's path, or an error with the install command for this system.
 * @example chromium.launch({ executablePath: findChromium() })
 */
export function findChromium(): string {
  return requireTool("chromium");
}
