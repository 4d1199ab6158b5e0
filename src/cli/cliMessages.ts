/** The sentences `npm run plan` prints, in Dutch and English. Input-cell problems use ../sheets/messages. */
import { INPUT_LABEL, type Language } from "../sheets/messages";
import type { NameProblem } from "../hosts/xlsx/readInputs";

export const USAGE: Record<Language, string> = {
  nl: [
    "Gebruik: npm run plan -- [--in invoer.xlsx] [--out plan.xlsx] [--force] [--lang nl|en] [--date JJJJ-MM-DD]",
    "",
    "Leest de invoer uit de gedefinieerde namen Beginvoorraad, Instroom, Capaciteit, Opslag en EersteWeek",
    "(of OpeningBacklog, Intake, Capacity, Uplift, FirstWeek) en schrijft een kopie van de werkmap met",
    "een prognoseblad en een what-if-blad erbij. Het invoerbestand wordt nooit gewijzigd.",
    "",
    "  --in     invoerwerkmap (zonder: het voorbeeld assets/voorbeeld-invoer.xlsx)",
    "  --out    uitvoerbestand (zonder: out/plan.xlsx); een bestaand bestand alleen met --force",
    "  --force  overschrijf een bestaand --out",
    "  --lang   taal van de bladen en meldingen: nl (standaard) of en",
    "  --date   datum van vandaag voor de bladnaam (standaard: de datum van deze computer)",
  ].join("\n"),
  en: [
    "Usage: npm run plan -- [--in inputs.xlsx] [--out plan.xlsx] [--force] [--lang nl|en] [--date YYYY-MM-DD]",
    "",
    "Reads the inputs from the defined names OpeningBacklog, Intake, Capacity, Uplift and FirstWeek",
    "(or Beginvoorraad, Instroom, Capaciteit, Opslag, EersteWeek) and writes a copy of the workbook",
    "with a projection sheet and a what-if sheet added. The input file is never changed.",
    "",
    "  --in     input workbook (default: the sample assets/voorbeeld-invoer.xlsx)",
    "  --out    output file (default: out/plan.xlsx); an existing file only with --force",
    "  --force  overwrite an existing --out",
    "  --lang   language of the sheets and messages: nl (default) or en",
    "  --date   today's date for the sheet name (default: this computer's date)",
  ].join("\n"),
};

/** A sentence for a problem with the workbook's defined names. */
export function describeNameProblem(problem: NameProblem, language: Language): string {
  const what = INPUT_LABEL[language][problem.input];
  switch (problem.code) {
    case "missing": {
      // Dutch users see the Dutch name first.
      const [english, dutch] = problem.names;
      return language === "nl"
        ? `De werkmap heeft geen naam voor ${what}: geef de cel(len) met ${what} de werkmapnaam ${dutch} (of ${english}).`
        : `The workbook has no name for ${what}: give the cell(s) holding ${what} the workbook-level name ${english} (or ${dutch}).`;
    }
    case "unsupported":
      return language === "nl"
        ? `De naam ${problem.name} verwijst naar '${problem.formula}'; laat hem naar één cel, kolom of rij met ${what} verwijzen.`
        : `The name ${problem.name} refers to '${problem.formula}'; make it refer to one cell, column or row holding ${what}.`;
    case "no-sheet":
      return language === "nl"
        ? `De naam ${problem.name} verwijst naar het blad '${problem.sheet}', maar dat blad bestaat niet.`
        : `The name ${problem.name} refers to the sheet '${problem.sheet}', which does not exist.`;
    case "no-result":
      return language === "nl"
        ? `${problem.address} bevat een formule zonder opgeslagen uitkomst; open de werkmap in Excel en sla hem op, zodat de uitkomst bewaard wordt.`
        : `${problem.address} holds a formula without a saved result; open the workbook in Excel and save it so the result is stored.`;
  }
}

export const CLI_TEXT = {
  nl: {
    unknownOption: (option: string) => `Onbekende optie ${option}.`,
    missingValue: (option: string) => `${option} heeft een waarde nodig.`,
    badLanguage: (value: string) => `--lang moet nl of en zijn, niet '${value}'.`,
    badDate: (value: string) => `--date moet een datum als 2024-01-15 zijn, niet '${value}'.`,
    noInput: (file: string) => `Het invoerbestand ${file} bestaat niet.`,
    sameFile: (file: string) =>
      `--out is hetzelfde bestand als --in (${file}); de invoer wordt nooit overschreven. Kies een ander uitvoerbestand.`,
    exists: (file: string) => `${file} bestaat al; geef --force om het te overschrijven, of kies een ander --out.`,
    notWorkbook: (file: string, reason: string) => `${file} is geen leesbare .xlsx-werkmap (${reason}).`,
    engine: (message: string) => `De prognose kan niet worden berekend: ${message}`,
    notFinite: (sheet: string, cell: string) =>
      `De prognose kan niet worden berekend: cel ${cell} van het blad ${sheet} zou geen eindig getal bevatten. Kijk de invoer na op uitzonderlijk grote of kleine getallen.`,
    never: "nooit",
    summary: (weeks: number, backlog: string, clear: string, file: string) =>
      `Voorraad na ${weeks} weken: ${backlog}; weken tot voorraad nul: ${clear}. Geschreven: ${file}`,
  },
  en: {
    unknownOption: (option: string) => `Unknown option ${option}.`,
    missingValue: (option: string) => `${option} needs a value.`,
    badLanguage: (value: string) => `--lang must be nl or en, not '${value}'.`,
    badDate: (value: string) => `--date must be a date like 2024-01-15, not '${value}'.`,
    noInput: (file: string) => `The input file ${file} does not exist.`,
    sameFile: (file: string) =>
      `--out is the same file as --in (${file}); the input is never overwritten. Choose another output file.`,
    exists: (file: string) => `${file} already exists; add --force to overwrite it, or choose another --out.`,
    notWorkbook: (file: string, reason: string) => `${file} is not a readable .xlsx workbook (${reason}).`,
    engine: (message: string) => `The projection cannot be computed: ${message}`,
    notFinite: (sheet: string, cell: string) =>
      `The projection cannot be computed: cell ${cell} of the sheet ${sheet} would not hold a finite number. Check the inputs for extremely large or small figures.`,
    never: "never",
    summary: (weeks: number, backlog: string, clear: string, file: string) =>
      `Backlog after ${weeks} weeks: ${backlog}; weeks to clear: ${clear}. Written: ${file}`,
  },
} as const;
