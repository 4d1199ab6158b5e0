/**
 * The files `npm run plan` refuses before inflating anything, each with one sentence in Dutch and
 * English. Nothing is written when one is raised; the CLI exits with code 2.
 */
import { LOCKED_STRUCTURE_TEXT, type Language } from "../../../sheets/messages";

/** Limits no real planning workbook reaches (checked on the zip's central directory). */
export const PACKAGE_LIMITS = {
  /** Unpacked size of one part. */
  partBytes: 100 * 1024 * 1024,
  /** Unpacked size of all parts together. */
  totalBytes: 250 * 1024 * 1024,
  /** Unpacked ÷ packed for a part that unpacks to more than `ratioFloorBytes`. */
  ratio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** Number of parts. */
  parts: 10_000,
} as const;

export type RefusalCode =
  | "encrypted"
  | "xls"
  | "cfb"
  | "strict"
  | "not-zip"
  | "not-workbook"
  | "corrupt"
  | "bomb"
  | "dtd"
  | "macro-as-xlsx"
  /** `<workbookProtection lockStructure="1"/>`: no sheet can be added without the owner's password. */
  | "locked-structure";

/** A detail in the planner's language; part names and sizes are the same in both. */
export type RefusalDetail = string | Readonly<Record<Language, string>>;

/** The details the package code gives, in both languages: no English inside a Dutch sentence. */
export const DETAIL_TEXT = {
  noDirectory: { nl: "geen zip-inhoudsopgave", en: "no zip directory" },
  zip64: { nl: "onleesbare ZIP64-inhoudsopgave", en: "unreadable ZIP64 directory" },
  tooShort: { nl: "te kort voor een zip-bestand", en: "too short for a zip" },
  directoryEntry: { nl: "onleesbare regel in de zip-inhoudsopgave", en: "unreadable zip directory entry" },
  noContentTypes: { nl: "geen [Content_Types].xml", en: "no [Content_Types].xml" },
  noMainDocument: { nl: "geen hoofddocument", en: "no main document" },
  missing: (part: string) => ({ nl: `${part} ontbreekt`, en: `${part} is missing` }),
  zipEncrypted: (part: string) => ({ nl: `${part} is met een zip-wachtwoord versleuteld`, en: `${part} is zip-encrypted` }),
  localHeader: (part: string) => ({ nl: `${part}: onleesbare lokale kop`, en: `${part}: unreadable local header` }),
  cutOff: (part: string) => ({ nl: `${part} is afgebroken`, en: `${part} is cut off` }),
  method: (part: string, method: number) => ({
    nl: `${part}: onbekende compressiemethode ${method}`,
    en: `${part}: unknown compression method ${method}`,
  }),
  parts: (count: number) => ({ nl: `${count} onderdelen`, en: `${count} parts` }),
} as const;

const REFUSAL_TEXT: Record<Language, Record<RefusalCode, (detail: string) => string>> = {
  nl: {
    encrypted: () =>
      "Deze werkmap is versleuteld met een wachtwoord om te openen; sla hem in Excel op zonder dat wachtwoord (Bestand > Info > Werkmap beveiligen) en probeer het opnieuw.",
    xls: () =>
      "Dit is een oud Excel 97-2003-bestand (.xls); sla het in Excel op als Excel-werkmap (.xlsx) en probeer het opnieuw.",
    cfb: () =>
      "Dit is geen .xlsx-werkmap maar een versleutelde werkmap of een oud .xls-bestand; sla het in Excel op als Excel-werkmap (.xlsx) zonder wachtwoord om te openen.",
    strict: () =>
      "Deze werkmap is opgeslagen als 'Strict Open XML'; sla hem in Excel op als gewone Excel-werkmap (.xlsx) en probeer het opnieuw.",
    "not-zip": () =>
      "Dit bestand is geen Excel-werkmap (.xlsx of .xlsm) maar bijvoorbeeld tekst of CSV; open het in Excel en sla het op als Excel-werkmap.",
    "not-workbook": (detail) =>
      `Dit is een zip-bestand maar geen Excel-werkmap (${detail}); kies een .xlsx- of .xlsm-bestand.`,
    corrupt: (detail) =>
      `Het bestand is beschadigd en kan niet als werkmap worden gelezen (${detail}); open het in Excel, sla het opnieuw op en probeer het nog eens.`,
    bomb: (detail) =>
      `Het bestand wordt te groot bij uitpakken (${detail}); een werkmap voor de planning is nooit zo groot, dus het wordt niet gelezen.`,
    dtd: (part) =>
      `Het onderdeel ${part} van de werkmap bevat een DTD of entiteitsdeclaratie, wat Excel nooit schrijft; het wordt niet gelezen.`,
    "macro-as-xlsx": () =>
      "De werkmap bevat macro's (VBA); geef een uitvoerbestand met de extensie .xlsm, want onder .xlsx weigert Excel hem te openen.",
    "locked-structure": () => LOCKED_STRUCTURE_TEXT.nl,
  },
  en: {
    encrypted: () =>
      "This workbook is encrypted with a password to open; save it in Excel without that password (File > Info > Protect Workbook) and try again.",
    xls: () =>
      "This is an old Excel 97-2003 file (.xls); save it in Excel as an Excel Workbook (.xlsx) and try again.",
    cfb: () =>
      "This is not an .xlsx workbook but an encrypted workbook or an old .xls file; save it in Excel as an Excel Workbook (.xlsx) without a password to open.",
    strict: () =>
      "This workbook is saved as 'Strict Open XML'; save it in Excel as an ordinary Excel Workbook (.xlsx) and try again.",
    "not-zip": () =>
      "This file is not an Excel workbook (.xlsx or .xlsm) but, for example, text or CSV; open it in Excel and save it as an Excel Workbook.",
    "not-workbook": (detail) => `This is a zip file but not an Excel workbook (${detail}); choose an .xlsx or .xlsm file.`,
    corrupt: (detail) =>
      `The file is damaged and cannot be read as a workbook (${detail}); open it in Excel, save it again and try again.`,
    bomb: (detail) =>
      `The file grows too large when unpacked (${detail}); no planning workbook is that large, so it is not read.`,
    dtd: (part) =>
      `The workbook part ${part} holds a DTD or entity declaration, which Excel never writes; it is not read.`,
    "macro-as-xlsx": () =>
      "The workbook holds macros (VBA); give an output file ending in .xlsm, because Excel refuses to open it as .xlsx.",
    "locked-structure": () => LOCKED_STRUCTURE_TEXT.en,
  },
};

/** A file the package code will not read or write; `sentence` is what the planner sees. */
export class PackageRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly detail: RefusalDetail = "",
  ) {
    super(REFUSAL_TEXT.en[code](typeof detail === "string" ? detail : detail.en));
    this.name = "PackageRefusal";
  }

  /** The one sentence for the planner. */
  sentence(language: Language): string {
    const detail = typeof this.detail === "string" ? this.detail : this.detail[language];
    return REFUSAL_TEXT[language][this.code](detail);
  }
}
