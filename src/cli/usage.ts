/** The usage of the `plan` command, written from the table of options: printed for --help and after an unknown option. */
import { SETTING_KEYS, SETTING_NAMES } from "../plan/settings";
import type { Language } from "../sheets/messages";
import { PLAN_OPTIONS } from "./optionTable";

const USAGE_TEXT = {
  nl: {
    usage: "Gebruik:",
    input: "invoer.xlsx",
    options: "opties",
    about: [
      "Leest de invoer uit de gedefinieerde namen Beginvoorraad, Instroom, Capaciteit, Opslag en EersteWeek",
      "(of OpeningBacklog, Intake, Capacity, Uplift, FirstWeek) en schrijft een kopie van de werkmap met",
      "een prognoseblad en een what-if-blad erbij. Het invoerbestand wordt nooit gewijzigd.",
    ],
    names: (names: string) => `Dezelfde instellingen kan de werkmap zelf dragen, als namen: ${names}. Een optie gaat voor een naam.`,
  },
  en: {
    usage: "Usage:",
    input: "inputs.xlsx",
    options: "options",
    about: [
      "Reads the inputs from the defined names OpeningBacklog, Intake, Capacity, Uplift and FirstWeek",
      "(or Beginvoorraad, Instroom, Capaciteit, Opslag, EersteWeek) and writes a copy of the workbook",
      "with a projection sheet and a what-if sheet added. The input file is never changed.",
    ],
    names: (names: string) => `The workbook can carry the same settings as names: ${names}. A flag overrides a name.`,
  },
} as const;

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return line === "" ? lines : [...lines, line];
}

/**
 * The usage in one language, for the command as it was started.
 *
 * @example
 * usageText("en", "npm run plan --") // "Usage: npm run plan -- [--in inputs.xlsx] [--out plan.xlsx] [options]\n…"
 */
export function usageText(language: Language, command: string): string {
  const text = USAGE_TEXT[language];
  const column = Math.max(...PLAN_OPTIONS.map((o) => o.flag.length + (o.value ? o.value[language].length + 1 : 0))) + 2;
  const lines = PLAN_OPTIONS.map((o) => {
    const spelled = [o.flag, ...(o.aliases ?? [])].join(", ");
    const left = o.value ? `${spelled} ${o.value[language]}` : spelled;
    return `  ${left.padEnd(column)}${o.help[language]}`;
  });
  // Dutch users read the Dutch name first.
  const names = SETTING_KEYS.map((key) => {
    const [english, dutch] = SETTING_NAMES[key];
    return language === "nl" ? `${dutch}/${english}` : `${english}/${dutch}`;
  }).join(", ");
  return [
    `${text.usage} ${command} [--in ${text.input}] [--out plan.xlsx] [${text.options}]`,
    "",
    ...text.about,
    "",
    ...lines,
    "",
    ...wrap(text.names(names), 100),
  ].join("\n");
}
