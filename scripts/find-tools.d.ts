/** Types for find-tools.js (plain Node, shared by `npm test`'s first step and the tests). */
export type Tool = "soffice" | "chromium";

export interface ToolSystem {
  platform: string;
  env: Record<string, string | undefined>;
  home: string;
  isFile: (file: string) => boolean;
  readStart: (file: string) => string;
}

export interface FindToolResult {
  found: string | null;
  override?: string;
}

export interface InstallContext {
  platform: string;
  family?: string;
  isRoot?: boolean;
}

export const TOOLS: Record<Tool, { label: string; envVars: string[]; names: string[] }>;
export function findTool(tool: Tool, system?: ToolSystem): FindToolResult;
export function requireTool(tool: Tool, system?: ToolSystem): string;
export function installCommand(missing: Tool[], context: InstallContext): string;
export function missingSentence(missing: Tool[], context: InstallContext, overrides?: string[]): string;
export function aptPackages(missing: Tool[], family: string): string[];
export function linuxFamily(osRelease: string): string;
export function systemContext(system?: ToolSystem): Required<InstallContext>;
export function realSystem(): ToolSystem;
