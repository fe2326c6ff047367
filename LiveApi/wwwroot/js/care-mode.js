// 关怀版 (elder mode, after the 2021 《互联网网站适老化通用设计规范》): larger text, higher contrast, bigger touch
// targets, no motion. A classic script in every page's <head>, so the remembered choice applies before the first paint
// (no flash of the small page); it adds the switch to the page header once the document is parsed.
(() => {
  const KEY = "rt.care";
  const root = document.documentElement;
  const read = () => {
    try {
      return localStorage.getItem(KEY) === "on";
    } catch {
      return false; // storage blocked: the switch still works for this page
    }
  };
  const buttons = [];
  const apply = (on) => {
    if (on) root.dataset.care = "on";
    else delete root.dataset.care;
    buttons.forEach((b) => b.setAttribute("aria-pressed", on ? "true" : "false"));
    window.dispatchEvent(new CustomEvent("rt:care", { detail: on }));
  };
  apply(read());

  function addSwitch() {
    // Pages with the shared header put it in .header-row; the community display in its header's side column.
    const holder = document.querySelector(".site-header .header-row, .display-header .header-side");
    if (!holder || holder.querySelector(".care-toggle")) return;
    const strings = window.STRINGS ?? {};
    const button = document.createElement("button");
    button.type = "button";
    button.id = "care-toggle";
    button.className = "care-toggle";
    button.textContent = strings.careMode ?? "关怀版";
    if (strings.careModeHint) button.title = strings.careModeHint;
    buttons.push(button);
    button.setAttribute("aria-pressed", root.dataset.care === "on" ? "true" : "false");
    button.addEventListener("click", () => {
      const on = root.dataset.care !== "on";
      try {
        localStorage.setItem(KEY, on ? "on" : "off");
      } catch {
        // not remembered, still applied
      }
      apply(on);
    });
    holder.append(button);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addSwitch);
  else addSwitch();
  // Another tab switched: follow it.
  window.addEventListener("storage", (event) => { if (event.key === KEY) apply(event.newValue === "on"); });
})();
