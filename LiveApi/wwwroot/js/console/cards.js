// One question card of the console: what the screener / host needs to decide, the buttons their role allows, and
// an inline panel (reject reason, edit, merge target, note, ban confirmation). Question text is always textContent.
import { S, el } from "../core/dom.js";
import { formatElapsed, statusBadge, formatTime } from "../core/format.js";
import { sourceIcon } from "../core/icons.js";

/**
 * Actions by column. `key` is the keyboard shortcut (documented on the page); `host` marks host-only actions.
 * `run(ctx, q)` is called with the console's context (act, openPanel …).
 */
export const ACTIONS = {
  approve: { label: () => S.approve, key: "a", style: "ok", run: (c, q) => c.act("Approve", q, S.approve) },
  reject: { label: () => S.reject, key: "r", run: (c, q) => c.openPanel(q, "reject") },
  edit: { label: () => S.edit, key: "e", run: (c, q) => c.openPanel(q, "edit") },
  merge: { label: () => S.merge, key: "m", run: (c, q) => c.openPanel(q, "merge") },
  note: { label: () => S.note, key: "t", run: (c, q) => c.openPanel(q, "note") },
  ban: { label: () => S.ban, run: (c, q) => c.openPanel(q, "ban") },
  next: {
    label: (c, q) => (c.desk.nextId === q.id ? S.unmarkNext : S.markNext), key: "n", host: true,
    run: (c, q) => c.invoke("MarkNext", [c.desk.nextId === q.id ? null : q.id], c.desk.nextId === q.id ? S.unmarkNext : S.markNext, q),
  },
  onAir: { label: () => S.putOnAir, key: "o", host: true, style: "primary", run: (c, q) => c.act("PutOnAir", q, S.putOnAir) },
  answered: { label: () => S.markAnswered, key: "d", host: true, style: "ok", run: (c, q) => c.act("MarkAnswered", q, S.markAnswered) },
  followUp: { label: () => S.sendToFollowUp, key: "f", host: true, run: (c, q) => c.act("SendToFollowUp", q, S.sendToFollowUp) },
};

const BY_COLUMN = {
  pending: ["approve", "reject", "edit", "merge", "note", "ban", "followUp"],
  approved: ["onAir", "next", "followUp", "reject", "edit", "merge", "note"],
  onair: ["answered", "followUp", "edit", "note"],
  done: [],
};

export function actionsFor(column, q, isHost) {
  return BY_COLUMN[column].filter((name) => (isHost || !ACTIONS[name].host) && (name !== "ban" || q.source === "Web"));
}

export function columnOf(q) {
  return { Pending: "pending", Approved: "approved", OnAir: "onair" }[q.status] ?? "done";
}

/** The parts of a card that change with the question; the panel (an open form) is kept across updates. */
export function cardContent(ctx, q) {
  const column = columnOf(q);
  const isNext = ctx.desk.nextId === q.id;
  const head = el("div", "q-head",
    el("span", { class: "q-id", text: S.questionNo(q.id) }),
    sourceIcon(q.source),
    column === "done" || column === "onair" ? statusBadge(q.status) : null,
    isNext ? el("span", { class: "badge next-badge", text: S.nextMark }) : null,
    q.originalText ? el("span", { class: "badge", text: S.edited }) : null,
    el("span", { class: "votes", text: S.votes(q.votes) }),
    column === "pending" || column === "approved"
      ? el("span", { class: "tick waiting", data: { since: q.submittedAt, format: "waiting" }, text: S.waiting(formatElapsed(q.submittedAt)) })
      : null,
    column === "onair" && q.onAirAt
      ? el("span", { class: "tick on-air-timer", data: { since: q.onAirAt, format: "onAirFor" }, text: S.onAirFor(formatElapsed(q.onAirAt)) })
      : null,
    column === "done" ? el("span", { class: "hint", text: formatTime(q.updatedAt) }) : null);

  const asker = q.source === "Web" ? (q.askerName ?? S.anonymous) : S.caller(q.askerName ?? S.anonymous, q.callerLocation);
  const body = el("div", "q-body",
    head,
    q.held ? el("p", { class: "flag", text: "⚠ " + S.held(q.flaggedWords) }) : null,
    el("p", { class: "q-text", text: q.text }),
    q.originalText ? el("details", "original", el("summary", { text: S.originalText }), el("p", { class: "q-text", text: q.originalText })) : null,
    el("div", "meta",
      el("span", { text: asker }),
      q.communityName ? el("span", { text: q.communityName }) : null,
      q.topic ? el("span", { text: q.topic }) : null,
      q.department ? el("span", { text: ctx.departmentName(q.department) }) : null),
    q.screenerNote ? el("p", { class: "screener-note", text: S.noteForHost(q.screenerNote) }) : null,
    q.status === "Rejected" && q.rejectReason ? el("p", { class: "reason", text: S.rejectedBecause(q.rejectReason) }) : null,
    q.status === "Merged" && q.mergedInto ? el("p", { class: "hint", text: S.mergedInto(q.mergedInto) }) : null);

  const names = actionsFor(column, q, ctx.isHost);
  const actions = names.length ? el("div", "q-actions", names.map((name) => {
    const action = ACTIONS[name];
    const label = action.label(ctx, q);
    return el("button", {
      class: action.style ?? "",
      text: label,
      data: { role: name },
      attrs: {
        type: "button",
        "aria-label": S.actionOn(label, q.id),
        "aria-keyshortcuts": action.key ? action.key.toUpperCase() : null,
        title: action.key ? `${label} (${action.key.toUpperCase()})` : null,
      },
      on: { click: () => action.run(ctx, q) },
    });
  })) : null;

  const handle = column === "approved" && ctx.isHost
    ? el("span", { class: "drag-handle", text: "⋮⋮", attrs: { "aria-hidden": "true", title: S.dragHandle(q.id) } })
    : null;
  return { body, actions, handle, isNext };
}

/** An inline form for a question: reject / edit / merge / note / ban. `submit(values)` returns a promise. */
export function panelFor(ctx, q, kind) {
  const id = `panel-${q.id}-${kind}`;
  const form = el("form", { class: "q-panel-form", attrs: { novalidate: true, "aria-label": S.actionOn(S[kind], q.id) } });
  const cancel = el("button", { text: S.cancel, attrs: { type: "button" }, on: { click: () => ctx.closePanel(q.id) } });
  let first;
  let collect;

  if (kind === "reject") {
    const select = el("select", { attrs: { id: id + "-reason" } },
      ctx.desk.rejectReasons.map((r) => el("option", { text: r, attrs: { value: r } })),
      el("option", { text: S.rejectOther, attrs: { value: "" } }));
    const free = el("input", { attrs: { type: "text", id: id + "-free", maxlength: ctx.limits.rejectReasonLength } });
    const freeField = el("div", "field", el("label", { text: S.rejectFreeText, attrs: { for: id + "-free" } }), free);
    freeField.hidden = true;
    select.addEventListener("change", () => { freeField.hidden = select.value !== ""; if (!freeField.hidden) free.focus(); });
    form.append(el("div", "field", el("label", { text: S.rejectReason, attrs: { for: id + "-reason" } }), select), freeField);
    first = select;
    collect = () => ["Reject", S.reject, select.value || free.value.trim()];
  } else if (kind === "edit") {
    const text = el("textarea", { attrs: { id: id + "-text", rows: 3, maxlength: ctx.limits.questionLength * 2 } });
    text.value = q.text;
    form.append(el("div", "field", el("label", { text: S.editText, attrs: { for: id + "-text" } }), text));
    first = text;
    collect = () => ["Edit", S.edit, text.value.trim()];
  } else if (kind === "merge") {
    const targets = ctx.desk.mergeTargets(q);
    const select = el("select", { attrs: { id: id + "-into" } },
      el("option", { text: S.mergeChoose, attrs: { value: "" } }),
      targets.map((t) => el("option", { text: `${S.questionNo(t.id)} ${S.status[t.status]} · ${t.text.slice(0, 30)}`, attrs: { value: t.id } })));
    form.append(el("div", "field", el("label", { text: S.mergeInto, attrs: { for: id + "-into" } }), select));
    first = select;
    collect = () => (select.value ? ["Merge", S.merge, Number(select.value)] : null);
  } else if (kind === "note") {
    const note = el("input", { attrs: { type: "text", id: id + "-note", maxlength: ctx.limits.noteLength } });
    note.value = q.screenerNote ?? "";
    form.append(el("div", "field", el("label", { text: S.noteText, attrs: { for: id + "-note" } }), note));
    first = note;
    collect = () => ["Note", S.note, note.value.trim()];
  } else if (kind === "ban") {
    form.append(el("p", { text: S.banConfirm }));
    collect = () => ["Ban", S.ban];
  }

  const confirm = el("button", { class: kind === "ban" || kind === "reject" ? "primary" : "ok", text: kind === "ban" ? S.ban : kind === "reject" ? S.reject : S.save, attrs: { type: "submit" } });
  form.append(el("div", "actions", confirm, cancel));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = collect();
    if (!values) { first?.focus(); return; }
    const [method, label, ...args] = values;
    confirm.disabled = true;
    const ok = await ctx.act(method, q, label, ...args);
    confirm.disabled = false;
    if (ok) ctx.closePanel(q.id, !ctx.columnChanges(method));
  });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { event.stopPropagation(); ctx.closePanel(q.id, true); }
  });
  return { form, focus: () => (first ?? confirm).focus() };
}
