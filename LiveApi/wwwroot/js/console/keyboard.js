// The console's keyboard: j/k or ↑/↓ move between cards, a card's letter runs its action, o/d/f act on the next and
// on-air question, Shift+↑/↓ reorders the approved queue (hosts; the keyboard equivalent of dragging).
import { S, el, byId } from "../core/dom.js";
import { ACTIONS, actionsFor, columnOf } from "./cards.js";

export function setUpKeyboard(ctx) {
  const { desk } = ctx;
  function reorderByKey(q, li, up) {
    if (q.status !== "Approved" || !ctx.isHost) return;
    let after;
    if (up) {
      const previous = li.previousElementSibling;
      if (!previous) return;
      after = previous.previousElementSibling?.dataset.question ?? null;
    } else {
      const next = li.nextElementSibling;
      if (!next?.dataset.question) return;
      after = next.dataset.question;
    }
    ctx.invoke("Reorder", [q.id, after === null ? null : Number(after)], up ? S.moveUp : S.moveDown, q);
  }

  function moveFocus(from, step) {
    const all = [...document.querySelectorAll(".columns .q")];
    const index = from ? all.indexOf(from) : -1;
    const target = all[index < 0 ? 0 : Math.min(all.length - 1, Math.max(0, index + step))];
    target?.focus();
  }

  document.addEventListener("keydown", (event) => {
    if (!ctx.session || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest?.("input, textarea, select, [contenteditable], .q-panel")) return;
    const li = event.target.closest?.(".columns .q");
    const q = li ? desk.questions.get(Number(li.dataset.question)) : null;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    let handled = true;
    if (event.shiftKey && (key === "ArrowUp" || key === "ArrowDown") && q) reorderByKey(q, li, key === "ArrowUp");
    else if (key === "j" || key === "ArrowDown") moveFocus(li, 1);
    else if (key === "k" || key === "ArrowUp") moveFocus(li, -1);
    else {
      const name = q ? actionsFor(columnOf(q), q, ctx.isHost).find((n) => ACTIONS[n].key === key) : null;
      if (name) ACTIONS[name].run(ctx, q);
      else if (ctx.isHost && key === "o" && desk.nextId && desk.questions.get(desk.nextId)) ACTIONS.onAir.run(ctx, desk.questions.get(desk.nextId));
      else if (ctx.isHost && (key === "d" || key === "f") && desk.onAirId && desk.questions.get(desk.onAirId)) {
        ACTIONS[key === "d" ? "answered" : "followUp"].run(ctx, desk.questions.get(desk.onAirId));
      } else handled = false;
    }
    if (handled) event.preventDefault();
  });

  // The shortcuts, as the page lists them.
  function renderShortcuts() {
    byId("shortcuts").replaceChildren(...S.shortcuts.flatMap(([keys, what]) => [el("dt", {}, el("kbd", { text: keys })), el("dd", { text: what })]));
  }
  renderShortcuts();
}
