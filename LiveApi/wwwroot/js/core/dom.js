// Small DOM helpers. Text is ALWAYS set with textContent: question text, names and server messages are never HTML.
export const S = window.STRINGS;

/** Creates an element: el("li", { class: "q", text: "…", attrs: { "aria-label": "…" }, on: { click } }, ...children). */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (typeof options === "string") options = { class: options };
  if (options.class) node.className = options.class;
  if (options.text !== undefined && options.text !== null) {
    node.textContent = String(options.text);
    // Each piece of text is its own bidi isolate: right-to-left text in a name cannot reorder what stands beside it.
    node.dir = "auto";
  }
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [name, value] of Object.entries(options.data ?? {})) node.dataset[name] = String(value);
  for (const [event, handler] of Object.entries(options.on ?? {})) node.addEventListener(event, handler);
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** Fills static text from the strings file: data-text, data-text-aria-label, data-text-placeholder, data-text-title. */
export function applyStrings(root = document) {
  root.querySelectorAll("[data-text]").forEach((node) => { node.textContent = S[node.dataset.text]; });
  root.querySelectorAll("[data-text-aria-label]").forEach((node) => node.setAttribute("aria-label", S[node.dataset.textAriaLabel]));
  root.querySelectorAll("[data-text-placeholder]").forEach((node) => node.setAttribute("placeholder", S[node.dataset.textPlaceholder]));
  root.querySelectorAll("[data-text-title]").forEach((node) => node.setAttribute("title", S[node.dataset.textTitle]));
  document.documentElement.lang = S.lang;
}

export const byId = (id) => document.getElementById(id);

export function query(name) {
  return new URLSearchParams(location.search).get(name);
}

/** Shows a message in a role=status / role=alert region; an empty message hides it. */
export function say(region, message, kind = "info") {
  region.textContent = message ?? "";
  region.dataset.kind = kind;
  region.hidden = !message;
}

/** Counts characters as people do (a Chinese character or an emoji is one), like the server's limit. */
const graphemes = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(S.lang, { granularity: "grapheme" }) : null;
export function visibleLength(text) {
  if (!graphemes) return [...text].length;
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}

/** Keeps a list's children in the given order, reusing existing nodes (so focus and open forms survive updates). */
export function syncChildren(list, nodes) {
  nodes.forEach((node, index) => {
    if (list.children[index] !== node) list.insertBefore(node, list.children[index] ?? null);
  });
  while (list.children.length > nodes.length) list.lastElementChild.remove();
}

/**
 * Runs a re-render of `container` and puts the keyboard focus back on the same control of the same item
 * (matched by data-question or data-item, and data-role) when the re-render replaced the focused node.
 */
export function keepFocus(container, rerender) {
  const active = document.activeElement;
  const inside = active && active !== document.body && container.contains(active);
  const holder = inside ? active.closest("[data-question], [data-item]") : null;
  const attribute = holder?.hasAttribute("data-question") ? "data-question" : "data-item";
  const item = holder?.getAttribute(attribute) ?? null;
  const role = inside ? active.dataset.role ?? null : null;
  rerender();
  if (!inside || container.contains(active) && document.activeElement === active) return;
  const target = item && container.querySelector(`[${attribute}="${CSS.escape(item)}"]`);
  if (!target) return;
  const control = role ? target.querySelector(`[data-role="${CSS.escape(role)}"]`) : null;
  (control && !control.disabled ? control : target).focus?.();
}

/** Loads a classic script (a library from /lib that defines a global) once; resolves when it has run. */
const scripts = new Map();
export function loadScript(src) {
  if (!scripts.has(src)) {
    scripts.set(src, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => { scripts.delete(src); reject(new Error(S.networkError)); };
      document.head.append(script);
    }));
  }
  return scripts.get(src);
}
