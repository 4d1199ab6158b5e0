/**
 * Derives functions-nl.json from the generated functions.json and the declarations' Dutch names
 * and help texts (declarations.ts). Microsoft documents that generated metadata does not localise
 * by itself, so the build calls this (webpack.config.js); no second copy is ever edited by hand.
 * Same ids, same parameter order; only names, descriptions and help URLs change.
 */
import { FunctionDeclaration } from "./declarations";

export interface MetadataParameter {
  name: string;
  description?: string;
  [key: string]: unknown;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetadataParameter[];
  [key: string]: unknown;
}

export interface MetadataFile {
  functions: MetadataFunction[];
  [key: string]: unknown;
}

/** The page of the Dutch reference and the anchor of a function in it, from the English help URL. */
export function dutchHelpUrl(englishUrl: string, dutchName: string): string {
  const url = new URL(englishUrl);
  url.pathname = url.pathname.replace(/[^/]*$/, "functies.html");
  url.hash = dutchName.toLowerCase();
  return url.toString();
}

function translateFunction(fn: MetadataFunction, declaration: FunctionDeclaration): MetadataFunction {
  const declared = declaration.arguments.map((a) => a.name).join(", ");
  const generated = fn.parameters.map((p) => p.name).join(", ");
  if (declared !== generated) {
    throw new Error(`${fn.id}: functions.json has parameters (${generated}) but the declaration has (${declared})`);
  }
  return {
    ...fn,
    name: declaration.nameNl,
    description: declaration.descriptionNl,
    ...(fn.helpUrl !== undefined && { helpUrl: dutchHelpUrl(fn.helpUrl, declaration.nameNl) }),
    parameters: fn.parameters.map((parameter, i) => {
      const argument = declaration.arguments[i] as FunctionDeclaration["arguments"][number];
      return { ...parameter, name: argument.nameNl, description: argument.descriptionNl };
    }),
  };
}

/**
 * The Dutch metadata for the English: every function translated, or an error naming the first
 * function the declarations miss or disagree with (the build then fails).
 *
 * @example
 * deriveDutchMetadata(JSON.parse(functionsJson), FUNCTION_DECLARATIONS).functions[0].name // "PROGNOSE_VOORRAAD"
 */
export function deriveDutchMetadata(english: MetadataFile, declarations: readonly FunctionDeclaration[]): MetadataFile {
  const byId = new Map(declarations.map((d) => [d.id, d]));
  return {
    ...english,
    functions: english.functions.map((fn) => {
      const declaration = byId.get(fn.id);
      if (declaration === undefined) throw new Error(`${fn.id}: no Dutch name in src/functions/declarations.ts`);
      return translateFunction(fn, declaration);
    }),
  };
}
