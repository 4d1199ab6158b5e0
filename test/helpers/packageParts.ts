/**
 * Compares two packages part by part with JSZip (not the project's zip code): which user parts
 * came back byte for byte, and whether an edited part only added to the original.
 */
import JSZip from "jszip";

export async function partBytes(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async("nodebuffer"));
  return out;
}

type Tag = { name: string; attributes: Map<string, string>; text?: string };

function tags(xml: string): Tag[] {
  const out: Tag[] = [];
  for (const m of xml.matchAll(/<([\w:.-]+)((?:"[^"]*"|'[^']*'|[^'">])*)\/?>|>([^<]+)</g)) {
    if (m[1] === undefined) {
      if ((m[3] ?? "").trim()) out.push({ name: "#text", attributes: new Map(), text: m[3] as string });
      continue;
    }
    const attributes = new Map([...(m[2] ?? "").matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1] as string, a[2] as string]));
    out.push({ name: m[1], attributes });
  }
  return out;
}

/**
 * Problems if `after` does not hold every start tag and text of `before`, in order, with the
 * same attributes (a `count` may grow, and `fullCalcOnLoad` may be added: both are additions).
 * The add-in's own earlier sheets may be named in `droppable` (names of elements' `name`
 * attribute or relationship ids) for a rerun.
 */
export function additionProblems(before: string, after: string, droppable: (tag: Tag) => boolean = () => false): string[] {
  const want = tags(before);
  const have = tags(after);
  let j = 0;
  const problems: string[] = [];
  for (const tag of want) {
    if (droppable(tag)) continue;
    while (j < have.length && !sameTag(tag, have[j] as Tag)) j++;
    if (j === have.length) {
      problems.push(`missing or changed: <${tag.name} ${[...tag.attributes].map(([k, v]) => `${k}="${v}"`).join(" ")}>${tag.text ?? ""}`);
      j = 0;
    } else j++;
  }
  return problems;
}

function sameTag(a: Tag, b: Tag): boolean {
  if (a.name !== b.name || a.text !== b.text) return false;
  for (const [key, value] of a.attributes) {
    const other = b.attributes.get(key);
    if (key === "count") continue;
    if (other !== value) return false;
  }
  return true;
}
