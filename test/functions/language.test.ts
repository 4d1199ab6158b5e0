import { functionLanguage, languageOf } from "../../src/functions/language";

/** Runs `body` with `office` as the Office global (none when undefined). */
function withOffice<T>(office: unknown, body: () => T): T {
  const holder = globalThis as { Office?: unknown };
  const before = holder.Office;
  if (office === undefined) delete holder.Office;
  else holder.Office = office;
  try {
    return body();
  } finally {
    if (before === undefined) delete holder.Office;
    else holder.Office = before;
  }
}

describe("the language of a display language", () => {
  test("Dutch for every nl tag, whatever its case", () => {
    expect(["nl-NL", "nl-BE", "NL", "nl", "Nl-nl"].map(languageOf)).toEqual(["nl", "nl", "nl", "nl", "nl"]);
  });

  test("English for every other tag, a tag merely ending in nl, and no tag", () => {
    expect(["en-US", "en-NL", "fy-NL", "fr-FR", "", undefined].map(languageOf)).toEqual(["en", "en", "en", "en", "en", "en"]);
  });
});

describe("the language the functions speak", () => {
  test("is Office's display language", () => {
    expect(withOffice({ context: { displayLanguage: "nl-NL" } }, functionLanguage)).toBe("nl");
    expect(withOffice({ context: { displayLanguage: "en-GB" } }, functionLanguage)).toBe("en");
  });

  test("is English outside Office and while Office has no context or language yet", () => {
    expect(withOffice(undefined, functionLanguage)).toBe("en");
    expect(withOffice({}, functionLanguage)).toBe("en");
    expect(withOffice({ context: {} }, functionLanguage)).toBe("en");
  });
});
