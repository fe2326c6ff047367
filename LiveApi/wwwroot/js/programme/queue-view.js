// The viewer's view of the desk: on air now and next, "我的问题" with live status badges, follow-ups and the asker's
// rating form, and the public queue with "我也想问". Items are rebuilt only when their question (or this viewer's
// vote on it) changed, so the keyboard focus stays put while pushes arrive.
import { S, el, byId, syncChildren, keepFocus } from "../core/dom.js";
import { statusBadge, askerLabel } from "../core/format.js";
import { ratingSummary, ratingForm } from "../core/stars.js";
import { followUpBlock } from "../core/followup-view.js";

export function queueView(ctx, actions) {
  const { desk } = ctx;
  // What this viewer already voted for and rated comes with the snapshot (desk.myVotes, desk.myRatings).
  const voted = (id) => desk.myVotes.has(id);
  const rateable = (q) => q.status === "Answered" || q.followUp?.answer != null;

  function questionMeta(q) {
    return el("div", "meta",
      el("span", { text: askerLabel(q) }),
      q.topic ? el("span", { text: q.topic }) : null,
      q.department ? el("span", { text: S.departmentFor(ctx.departmentName(q.department)) }) : null);
  }

  function updateStage(id, q, empty) {
    const node = byId(id);
    const key = q ? `${q.id}|${q.version}` : "none";
    if (node.dataset.key === key) return;
    node.dataset.key = key;
    node.replaceChildren(...(q ? [el("p", { class: "stage-text", text: q.text }), questionMeta(q)] : [el("p", { class: "hint", text: empty })]));
  }

  function metooButton(q) {
    if (q.status === "Answered") return null;
    const own = desk.mine.has(q.id);
    const already = voted(q.id);
    const button = el("button", {
      class: "metoo",
      data: { role: "metoo" },
      text: own ? S.metooOwn : already ? S.metooDone : S.metoo,
      attrs: { type: "button", "aria-pressed": already ? "true" : "false", "aria-label": S.labelled(S.metoo, S.questionNo(q.id)), disabled: own || already },
      on: { click: () => actions.vote(q.id, button) },
    });
    return button;
  }

  /**
   * The asker's rating of the answer (answered on air, or in writing after a follow-up). Only the asker rates (网上评议
   * as 民心网 practises it): their own question gets the 1–5 form until they have rated; everyone sees the result.
   */
  function ratingBlock(q, { mine = false } = {}) {
    if (!rateable(q)) return null;
    const summary = ratingSummary(q) ?? el("span", { class: "hint", text: S.noRatings });
    if (!mine) return el("div", "rating", summary);
    return el("div", "rating", summary, desk.myRatings.has(q.id)
      ? el("span", { class: "badge rated", text: S.rated })
      : ratingForm((score, comment) => actions.rate(q.id, score, comment), ctx.catalogue.limits.commentLength));
  }

  function queueItem(q) {
    return el("li", { class: "question status-" + q.status.toLowerCase(), data: { question: q.id } },
      el("div", "head", el("span", { text: S.questionNo(q.id) }), q.status !== "Approved" ? statusBadge(q.status) : null,
        desk.status?.next?.id === q.id ? el("span", { class: "badge next-badge", text: S.nextMark }) : null,
        q.source !== "Web" ? el("span", { class: "badge", text: S.sourceBadge(q.source) }) : null),
      el("p", { class: "text", text: q.text }),
      questionMeta(q),
      el("div", "foot", el("span", { class: "votes", text: S.votes(q.votes) }), metooButton(q)),
      ratingBlock(q));
  }

  function mineItem(q) {
    return el("li", { class: "question mine status-" + q.status.toLowerCase(), data: { question: q.id, status: q.status } },
      el("div", "head", el("span", { text: S.questionNo(q.id) }), statusBadge(q.status)),
      el("p", { class: "text", text: q.text }),
      q.status === "Rejected" && q.rejectReason ? el("p", { class: "reason", text: S.rejectedBecause(q.rejectReason) }) : null,
      q.status === "Merged" && q.mergedInto ? el("p", { class: "hint", text: S.mergedInto(q.mergedInto) }) : null,
      q.followUp ? followUpBlock(q.followUp, ctx.departmentName(q.followUp.department), { questionId: q.id }) : null,
      el("div", "foot", el("span", { class: "votes", text: S.votes(q.votes) }),
        q.status === "Pending" ? el("button", {
          text: S.withdraw, data: { role: "withdraw" }, attrs: { type: "button", "aria-label": S.withdrawLabel(q.id) },
          on: { click: () => actions.withdraw(q.id, byId("ask-error")) },
        }) : null),
      ratingBlock(q, { mine: true }));
  }

  const queueNodes = new Map();
  const mineNodes = new Map();
  function cached(cache, q, build) {
    const key = `${q.version}|${voted(q.id)}|${desk.myRatings.has(q.id)}|${desk.mine.has(q.id)}|${desk.status?.next?.id === q.id}`;
    const hit = cache.get(q.id);
    if (hit && hit.key === key) return hit.node;
    const node = build(q);
    cache.set(q.id, { key, node });
    return node;
  }

  return function render() {
    const status = desk.status;
    byId("viewer-count").textContent = status ? S.viewers(status.viewers) : "";
    // Only when the question changes: #on-air is a live region, and status pushes (viewer counts) come every second.
    updateStage("on-air", desk.fresh(status?.onAir), S.noOnAir);
    updateStage("next", desk.fresh(status?.next), S.noNext);
    const mine = [...desk.mine.values()].sort((a, b) => b.id - a.id);
    keepFocus(byId("mine"), () => syncChildren(byId("mine"),
      mine.length ? mine.map((q) => cached(mineNodes, q, mineItem)) : [el("li", { class: "empty", text: S.myQuestionsEmpty })]));
    const queue = desk.orderedQueue();
    keepFocus(byId("queue"), () => syncChildren(byId("queue"),
      queue.length ? queue.map((q) => cached(queueNodes, q, queueItem)) : [el("li", { class: "empty", text: S.queueEmpty })]));
  };
}
