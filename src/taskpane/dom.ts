/**
 * The two DOM helpers every pane component uses. Elements are built with DOM calls only (no
 * innerHTML, no inline styles): the page runs under a strict Content-Security-Policy.
 */

/**
 * Creates an element with attributes and, optionally, its text.
 *
 * @example
 * createElement(document, "p", { class: "hint", id: "hint-intake" }, "One column or row …")
 */
export function createElement<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An element taskpane.html must have; a missing one is a build mistake, not a user's. */
export function elementById<T extends HTMLElement>(doc: Document, id: string): T {
  const node = doc.getElementById(id);
  if (!node) throw new Error(`taskpane.html lacks #${id}`);
  return node as T;
}

/** Opens every fold-out around `node`, so that focus moved there lands where it can be seen. */
export function unfoldAround(node: Element): void {
  for (let fold = node.closest("details"); fold; fold = fold.parentElement?.closest("details") ?? null) {
    fold.open = true;
  }
}
