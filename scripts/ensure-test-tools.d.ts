/** Types for ensure-test-tools.js. */
import type { InstallContext, Tool, ToolSystem } from "./find-tools";

export interface DecideOptions {
  missing: Tool[];
  context: InstallContext;
  hasAptGet: boolean;
  hasSnap: boolean;
  overrides?: string[];
}

export type Decision =
  | { action: "none" }
  | { action: "install"; packages: string[]; snap: string[] }
  | { action: "stop"; sentence: string };

export function decide(options: DecideOptions): Decision;

export interface EnsureDeps {
  system: ToolSystem;
  context: InstallContext;
  hasProgram: (program: string) => boolean;
  run: (command: string, args: string[]) => boolean;
  report: (sentence: string) => void;
}

export function ensureTestTools(deps?: EnsureDeps): number;
