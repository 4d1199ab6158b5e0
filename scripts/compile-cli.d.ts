/** Types for compile-cli.js (plain Node: the bin runs it before anything is compiled). */
/** Transpiles src/cli/plan.ts and every module it imports into lib/; returns the files written. */
export function compileCli(root?: string): string[];
/** True when lib/ holds the compile of exactly the sources as they are now. */
export function isCompiled(root?: string): boolean;
/** The compiled entry (lib/cli/plan.js), compiled first when lib/ is missing or stale. */
export function ensureCompiled(root?: string): string;
