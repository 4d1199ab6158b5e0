/**
 * The language the =IND.* functions speak: Office's display language, Dutch for nl-*, English
 * otherwise (the pane and the CLI choose the same way). Read on every call, never at import, so
 * the functions load outside Office too.
 */
export type FunctionLanguage = "en" | "nl";

/** "nl-NL", "nl-BE", "NL" → "nl"; anything else → "en". */
export function languageOf(displayLanguage: string | undefined): FunctionLanguage {
  return displayLanguage?.toLowerCase().startsWith("nl") === true ? "nl" : "en";
}

/** The display language of the running Office, English outside Office. */
export function functionLanguage(): FunctionLanguage {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return languageOf(office?.context?.displayLanguage);
}
