/**
 * The argument table of a function's reference page, in English (docs/functions.md) or Dutch
 * (docs/functies.md), written from its declaration so the docs say what the reader checks.
 * `npx ts-node --transpile-only scripts/function-tables.ts` rewrites the tables in both files;
 * a test fails when a table is out of date.
 */
import { describeRule } from "../engine/validate";
import { ArgumentDeclaration, FunctionDeclaration } from "./declarations";
import { describeRuleNl } from "./messages";

type DocsLanguage = "en" | "nl";

const HEADER: Record<DocsLanguage, string> = {
  en: "| argument | takes | allowed | if omitted |\n| --- | --- | --- | --- |",
  nl: "| argument | neemt | toegestaan | als leeg gelaten |\n| --- | --- | --- | --- |",
};

const KIND: Record<DocsLanguage, Record<ArgumentDeclaration["kind"], string>> = {
  en: {
    number: "one number",
    weekly: "one number, or one per week",
    list: "one row or one column",
    history: "one row or one column, no blanks",
  },
  nl: {
    number: "één getal",
    weekly: "één getal, of één per week",
    list: "één rij of één kolom",
    history: "één rij of één kolom, zonder lege cellen",
  },
};

const REQUIRED: Record<DocsLanguage, string> = { en: "required", nl: "verplicht" };
const PER_VALUE: Record<DocsLanguage, string> = { en: "see below", nl: "zie hieronder" };

function row(argument: ArgumentDeclaration, language: DocsLanguage): string {
  const name = language === "nl" ? argument.nameNl : argument.name;
  const rule = argument.rule;
  const allowed = rule === undefined ? PER_VALUE[language] : language === "nl" ? describeRuleNl(rule) : describeRule(rule);
  const omitted = argument.optional ? (argument.default?.[language] ?? "—") : REQUIRED[language];
  return `| \`${name}\` | ${KIND[language][argument.kind]} | ${allowed} | ${omitted} |`;
}

/** The Markdown table of a function's arguments, one row per argument in declared order. */
export function argumentTable(declaration: FunctionDeclaration, language: DocsLanguage): string {
  return [HEADER[language], ...declaration.arguments.map((a) => row(a, language))].join("\n");
}

/** The marker pair around a function's table in the docs. */
export function tableMarkers(declaration: FunctionDeclaration): { start: string; end: string } {
  return { start: `<!-- arguments ${declaration.id} -->`, end: `<!-- /arguments ${declaration.id} -->` };
}

/** The docs text with every function's table between its markers rewritten from the declarations. */
export function withArgumentTables(markdown: string, declarations: readonly FunctionDeclaration[], language: DocsLanguage): string {
  let text = markdown;
  for (const declaration of declarations) {
    const { start, end } = tableMarkers(declaration);
    const from = text.indexOf(start);
    const to = text.indexOf(end, from);
    if (from === -1 || to === -1) continue;
    text = `${text.slice(0, from + start.length)}\n${argumentTable(declaration, language)}\n${text.slice(to)}`;
  }
  return text;
}
