// Console for screeners and hosts: three columns like a radio call screener (pending / approved queue / on air),
// inline actions with keyboard shortcuts, drag to reorder (hosts), phone-in entry, the moderation log, pause and
// slow mode. Roles come from the login: a screener gets no on-air, ordering or "next" controls.
import { S, el, byId, applyStrings, query, say, syncChildren, keepFocus } from "../core/dom.js";
import { formatElapsed, stateBadge } from "../core/format.js";
import { getJson, signOut, isHost as hasHostRole } from "../core/api.js";
import { connectHub, deskCall, StatusIndicator } from "../core/hub.js";
import { loadCatalogue } from "../core/catalogue.js";
import { requireSignIn, showSession } from "../core/signin.js";
import { StaffDesk } from "../console/staff-desk.js";
import { cardContent, columnOf, panelFor } from "../console/cards.js";
import { setUpCallForm } from "../console/call-form.js";
import { renderLog, loadOlderLog } from "../console/moderation-log.js";
import { setUpKeyboard } from "../console/keyboard.js";
import { showPicker } from "../console/picker.js";

applyStrings();
const programmeId = query("id");
const desk = new StaffDesk();
const cards = new Map(); // question id → { li, key, panel: { kind, node } | null }
let programme = null;
let catalogue = null;
let hub = null;
let dragging = false;

const ctx = {
  desk,
  programmeId,
  session: null,
  isHost: false,
  /** The server's text limits (maxlength of the inline forms). */
  get limits() { return catalogue.limits; },
  departmentName: (code) => catalogue?.departments.get(code) ?? code,
  /** A desk method on one question: Approve(pid, qid, ...args). */
  act: (method, q, label, ...args) => ctx.invoke(method, [q.id, ...args], label, q),
  /** Any desk method; shows the outcome; resolves true when the server accepted it. */
  async invoke(method, args, label, q) {
    say(byId("action-error"), null);
    const card = q ? cards.get(q.id)?.li : null;
    const hadFocus = Boolean(card?.contains(document.activeElement));
    const list = card?.parentElement;
    const following = card ? (card.nextElementSibling ?? card.previousElementSibling) : null;
    try {
      await deskCall(hub, method, programmeId, ...args);
      say(byId("action-message"), q ? S.actionDone(label, q.id) : label, "ok");
      if (hadFocus && ctx.columnChanges(method)) {
        // The question leaves this column: keep the keyboard in the same list, on the question that followed it.
        const target = following?.isConnected && following.parentElement === list ? following : list?.querySelector(".q:not([data-question='" + q.id + "'])");
        target?.focus();
      }
      return true;
    } catch (error) {
      say(byId("action-error"), error.message, "error");
      return false;
    }
  },
  columnChanges: (method) => ["Approve", "Reject", "Merge", "Ban", "PutOnAir", "MarkAnswered", "SendToFollowUp"].includes(method),
  openPanel(q, kind) {
    const card = cards.get(q.id);
    if (!card) return;
    const panel = panelFor(ctx, q, kind);
    card.panel = { kind, node: panel.form };
    card.li.querySelector(".q-panel").replaceChildren(panel.form);
    panel.focus();
  },
  closePanel(id, refocus = false) {
    const card = cards.get(id);
    if (!card?.panel) return;
    card.panel = null;
    card.li.querySelector(".q-panel").replaceChildren();
    if (refocus && card.li.isConnected) card.li.focus();
  },
};

// ---- rendering ------------------------------------------------------------------------------------------------
function card(q) {
  const content = cardContent(ctx, q);
  const column = columnOf(q);
  const key = [q.version, content.isNext, column, ctx.isHost, desk.rejectReasons.length].join("|");
  let entry = cards.get(q.id);
  if (!entry) {
    const li = el("li", { class: "q", data: { question: q.id }, attrs: { tabindex: "0" } });
    entry = { li, key: null, panel: null };
    cards.set(q.id, entry);
  }
  if (entry.key !== key) {
    entry.key = key;
    if (entry.panel && column === "done") entry.panel = null;
    const li = entry.li;
    li.className = ["q", "q-" + column, q.held ? "held" : "", content.isNext ? "is-next" : "", column === "onair" ? "on-air" : ""].join(" ").trim();
    li.dataset.status = q.status;
    const panelSlot = el("div", "q-panel", entry.panel?.node ?? null);
    li.replaceChildren(...[content.handle, el("div", "q-main", content.body, content.actions), panelSlot].filter(Boolean));
  }
  return entry.li;
}

function fillList(id, questions, emptyText) {
  const list = byId(id);
  keepFocus(list, () => syncChildren(list, questions.length
    ? questions.map(card)
    : [el("li", { class: "empty", text: emptyText })]));
}

function renderHeader() {
  const status = desk.status;
  if (programme) {
    document.title = S.consolePageTitle(programme.title);
    byId("console-title").textContent = S.labelled(S.consoleTitle, programme.title);
  }
  byId("programme-state").replaceChildren(...(status || programme ? [stateBadge(status?.programmeState ?? programme.state)] : []));
  byId("desk-counts").textContent = status ? S.counts(status.counts) : "";
  byId("viewer-count").textContent = status ? S.viewers(status.viewers) : "";
  byId("paused-badge").hidden = !status?.paused;
  if (status && ctx.isHost) {
    byId("pause-toggle").textContent = status.paused ? S.resume : S.pause;
    byId("pause-toggle").className = status.paused ? "ok" : "";
    const slow = byId("slow-mode");
    const choices = [...new Set([0, 10, 30, 60, 120, 300, status.slowModeSeconds])].sort((a, b) => a - b);
    if (slow.options.length !== choices.length || Number(slow.value) !== status.slowModeSeconds) {
      slow.replaceChildren(...choices.map((s) => new Option(s ? S.slowSeconds(s) : S.slowOff, s)));
      slow.value = String(status.slowModeSeconds);
    }
  }
}

function render() {
  renderHeader();
  const pending = desk.pending();
  const approved = desk.approved();
  const done = desk.done();
  byId("pending-count").textContent = S.columnCount(pending.length);
  byId("approved-count").textContent = S.columnCount(approved.length);
  byId("done-count").textContent = S.columnCount(done.length);
  fillList("pending", pending, S.pendingEmpty);
  if (!dragging) fillList("approved", approved, S.approvedEmpty);
  fillList("onair", desk.onAir(), S.onAirEmpty);
  fillList("done", done, S.doneEmpty);
  // Forget cards of questions no longer shown anywhere.
  for (const [id, entry] of cards) if (!entry.li.isConnected) cards.delete(id);
  renderLog(desk);
}

// Waiting times and the on-air timer tick without re-rendering.
setInterval(() => {
  document.querySelectorAll(".tick[data-since]").forEach((node) => {
    node.textContent = S[node.dataset.format](formatElapsed(node.dataset.since));
  });
}, 1000);

// ---- host controls and drag to reorder ------------------------------------------------------------------------
function setUpHostControls() {
  byId("host-controls").hidden = false;
  byId("pause-toggle").addEventListener("click", () =>
    ctx.invoke(desk.status?.paused ? "Resume" : "Pause", [], desk.status?.paused ? S.resume : S.pause));
  byId("slow-mode").addEventListener("change", (event) =>
    ctx.invoke("SetSlowMode", [Number(event.target.value)], S.labelled(S.slowModeLabel, event.target.selectedOptions[0].text)));
  Sortable.create(byId("approved"), {
    handle: ".drag-handle",
    draggable: ".q",
    animation: 120,
    onStart: () => { dragging = true; },
    onEnd: async (event) => {
      dragging = false;
      if (event.oldIndex === event.newIndex) return render();
      const id = Number(event.item.dataset.question);
      const after = event.item.previousElementSibling?.dataset.question;
      await ctx.invoke("Reorder", [id, after ? Number(after) : null], S.logAction.reorder, desk.questions.get(id));
      render();
    },
  });
}

// ---- start ----------------------------------------------------------------------------------------------------
async function main() {
  const session = ctx.session = await requireSignIn();
  ctx.isHost = hasHostRole(session);
  showSession(session);
  if (!programmeId) return showPicker(session);

  try {
    [programme, catalogue] = await Promise.all([getJson(`/api/programmes/${encodeURIComponent(programmeId)}`), loadCatalogue()]);
  } catch (error) {
    return say(byId("page-error"), error.status === 404 ? S.notFoundProgramme : error.message, "error");
  }
  byId("console").hidden = false;
  byId("screener-note").hidden = ctx.isHost;
  setUpKeyboard(ctx);
  render();

  hub = connectHub("/hubs/desk", {
    token: () => session.accessToken,
    onUnauthorized: () => { signOut(); location.reload(); },
    indicator: new StatusIndicator(byId("connection")),
  });
  hub.on("StaffDeskChanged", (patch) => {
    if (patch.programmeId !== programmeId) return;
    desk.applyPatch(patch);
    render();
  });
  hub.subscribe(async () => {
    let snapshot;
    desk.beginSync();
    try {
      snapshot = await deskCall(hub, "Moderate", programmeId);
    } catch (error) {
      if (error.kind !== "Forbidden" && error.kind !== "Unauthorized") throw error;
      say(byId("page-error"), S.notModerator + " " + error.message, "error");
      byId("console").hidden = true;
      await hub.stop();
      return;
    }
    desk.replace(snapshot);
    programme = await getJson(`/api/programmes/${encodeURIComponent(programmeId)}`).catch(() => programme);
    render();
  });
  if (ctx.isHost) setUpHostControls();
  setUpCallForm({ hub, programmeId, catalogue });
  byId("log-more").addEventListener("click", () => loadOlderLog(ctx));
  await hub.start();
}

main();
