// Viewer page of one programme: on air now, next, the public queue with "我也想问", the submit form with the
// duplicate hint, "我的问题" with live status badges, follow-ups (department, deadline, the written answer as it
// arrives) and star ratings of answers. One /hubs/desk connection; resyncs after every reconnect.
import { S, el, byId, applyStrings, query, say, visibleLength, syncChildren, keepFocus } from "../core/dom.js";
import { formatRange, statusBadge, stateBadge, askerLabel } from "../core/format.js";
import { getJson, viewerToken, forgetViewer, viewerTokenRefused, ApiError } from "../core/api.js";
import { connectHub, deskCall, StatusIndicator } from "../core/hub.js";
import { ViewerDesk } from "../core/desk-state.js";
import { LIMITS, loadCatalogue, fillCommunities, fillOptions, newRequestId } from "../core/catalogue.js";
import { ratingSummary, ratingForm } from "../core/stars.js";
import { followUpBlock } from "../core/followup-view.js";

applyStrings();
const programmeId = query("id");
const desk = new ViewerDesk();
const form = {
  root: byId("ask-form"), text: byId("q-text"), counter: byId("q-counter"), community: byId("q-community"),
  topic: byId("q-topic"), department: byId("q-department"), anonymous: byId("q-anonymous"),
  nicknameField: byId("nickname-field"), nickname: byId("q-nickname"), submit: byId("ask-submit"),
  error: byId("ask-error"), ok: byId("ask-ok"), notice: byId("desk-notice"),
  similar: byId("similar"), similarList: byId("similar-list"), submitAnyway: byId("submit-anyway"),
};
let programme = null;
let catalogue = null;
let requestId = newRequestId(); // one per question: a retry after a network error reuses it
let busy = false;
let published = null; // the archive entry once the recording is published

const departmentName = (code) => (code ? catalogue?.departments.get(code) ?? code : null);

// What this viewer already voted for and rated comes with the snapshot (desk.myVotes, desk.myRatings).
const voted = (id) => desk.myVotes.has(id);
const rateable = (q) => q.status === "Answered" || q.followUp?.answer != null;

// ---- rendering ------------------------------------------------------------------------------------------------
function renderHeader() {
  const state = desk.status?.programmeState ?? programme.state;
  document.title = S.programmeTitle(programme.title);
  byId("programme-title").textContent = programme.title;
  byId("programme-state").replaceChildren(stateBadge(state));
  byId("programme-series").textContent = `${S.series[programme.series]} · ${S.kind[programme.kind]}`;
  byId("programme-when").textContent = formatRange(programme.scheduledStart, programme.scheduledEnd);
  byId("programme-guests").replaceChildren(...(programme.guests ?? []).map((g) => el("li", { text: S.guestLine(g) })));
  const over = state === "Ended" || state === "Archived";
  const links = byId("programme-links");
  const key = `${over}|${Boolean(published)}`;
  if (links.dataset.key !== key) {
    links.dataset.key = key;
    // replaceChildren would print a null argument as the word "null": only nodes go in.
    links.replaceChildren(...[
      published ? el("a", { class: "on-red", text: published.entry.recording.kind === "Radio" ? S.archiveListen : S.archiveWatch, attrs: { href: "/archive.html?id=" + encodeURIComponent(programmeId) } }) : null,
      over ? el("a", { class: "on-red", text: S.followUpsOfProgramme, attrs: { href: "/followup.html?programme=" + encodeURIComponent(programmeId) } }) : null,
    ].filter(Boolean));
    links.hidden = !over && !published;
  }
}

function questionMeta(q) {
  return el("div", "meta",
    el("span", { text: askerLabel(q) }),
    q.topic ? el("span", { text: q.topic }) : null,
    q.department ? el("span", { text: S.departmentFor(departmentName(q.department)) }) : null);
}

function stageBlock(q, empty) {
  if (!q) return [el("p", { class: "hint", text: empty })];
  return [el("p", { class: "stage-text", text: q.text }), questionMeta(q)];
}

function updateStage(id, q, empty) {
  const node = byId(id);
  const key = q ? `${q.id}|${q.version}` : "none";
  if (node.dataset.key === key) return;
  node.dataset.key = key;
  node.replaceChildren(...stageBlock(q, empty));
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
    on: { click: () => vote(q.id, button) },
  });
  return button;
}

/**
 * The asker's rating of the answer (answered on air, or in writing after a follow-up). Only the asker rates (网上评议 as
 * 民心网 practises it): their own question gets the 1–5 form until they have rated; everyone sees the result.
 */
function ratingBlock(q, { mine = false } = {}) {
  if (!rateable(q)) return null;
  const summary = ratingSummary(q) ?? el("span", { class: "hint", text: S.noRatings });
  if (!mine) return el("div", "rating", summary);
  return el("div", "rating", summary,
    desk.myRatings.has(q.id) ? el("span", { class: "badge rated", text: S.rated }) : ratingForm((score, comment) => rate(q.id, score, comment)));
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
    q.followUp ? followUpBlock(q.followUp, departmentName(q.followUp.department), { questionId: q.id }) : null,
    el("div", "foot", el("span", { class: "votes", text: S.votes(q.votes) }),
      q.status === "Pending" ? el("button", {
        text: S.withdraw, data: { role: "withdraw" }, attrs: { type: "button", "aria-label": S.withdrawLabel(q.id) }, on: { click: () => withdraw(q.id) },
      }) : null),
    ratingBlock(q, { mine: true }));
}

function renderDeskNotice() {
  const status = desk.status;
  const state = status?.programmeState ?? programme?.state;
  let notice = null;
  let closed = false;
  if (state === "Ended" || state === "Archived") { notice = S.programmeEnded; closed = true; }
  else if (status?.paused) { notice = S.paused; closed = true; }
  else if (status?.slowModeSeconds > 0) notice = S.slowMode(status.slowModeSeconds);
  else if (state === "Scheduled") notice = S.programmeScheduled;
  say(form.notice, notice, closed ? "warn" : "info");
  form.submit.disabled = closed || busy;
  form.submitAnyway.disabled = closed || busy;
}

// Items are rebuilt only when their question (or this viewer's vote on it) changed, so focus stays put.
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

function render() {
  if (!programme) return;
  renderHeader();
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
  renderDeskNotice();
  announceChanges();
}

// ---- the submit form ------------------------------------------------------------------------------------------
function updateCounter() {
  const length = visibleLength(form.text.value.trim());
  const over = length - LIMITS.questionLength;
  form.counter.textContent = over > 0 ? `${S.counter(length, LIMITS.questionLength)} · ${S.tooLong(over)}` : S.counter(length, LIMITS.questionLength);
  form.counter.classList.toggle("over", over > 0);
  form.text.setAttribute("aria-invalid", over > 0 ? "true" : "false");
}

function clearErrors() {
  say(form.error, null);
  for (const input of [form.text, form.community, form.nickname, form.topic, form.department]) input.removeAttribute("aria-invalid");
}

function showError(message, field) {
  say(form.error, message, "error");
  const input = { text: form.text, communityCode: form.community, displayName: form.nickname, topic: form.topic, department: form.department }[field];
  if (input) {
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }
}

function setBusy(value) {
  busy = value;
  form.submit.textContent = value ? S.submitting : S.submit;
  renderDeskNotice();
}

function resetForm(message) {
  requestId = newRequestId();
  form.text.value = "";
  form.similar.hidden = true;
  updateCounter();
  say(form.ok, message, "ok");
}

async function submit(ignoreSimilar) {
  clearErrors();
  say(form.ok, null);
  const text = form.text.value.trim();
  if (!text) return showError(S.needText, "text");
  if (visibleLength(text) > LIMITS.questionLength) return showError(S.tooLong(visibleLength(text) - LIMITS.questionLength), "text");
  if (!form.community.value) return showError(S.needCommunity, "communityCode");
  localStorage.setItem("rt.community", form.community.value);
  const question = {
    requestId,
    text,
    displayName: form.anonymous.checked ? null : form.nickname.value.trim() || null,
    communityCode: form.community.value,
    topic: form.topic.value || null,
    department: form.department.value || null,
    ignoreSimilar,
  };
  setBusy(true);
  try {
    const outcome = await asViewer(() => deskCall(hub, "Submit", programmeId, question));
    if (outcome.question) {
      desk.applyMine(outcome.question);
      render();
      resetForm(S.submitted);
    } else if (outcome.similar.length) {
      showSimilar(outcome.similar);
    }
  } catch (error) {
    showError(error.message, error.field);
  } finally {
    setBusy(false);
  }
}

function showSimilar(similar) {
  form.similarList.replaceChildren(...similar.map(({ question: q, similarity }) => {
    const button = el("button", {
      class: "metoo", text: S.metoo,
      attrs: { type: "button", "aria-label": S.votedFor(q.id) },
      on: { click: async () => { if (await vote(q.id, button)) resetForm(S.metooThanks); } },
    });
    return el("li", { class: "question", data: { question: q.id } },
      el("div", "head", el("span", { text: S.questionNo(q.id) }), statusBadge(q.status), el("span", { text: S.similarity(similarity) })),
      el("p", { class: "text", text: q.text }),
      el("div", "foot", el("span", { class: "votes", text: S.votes(q.votes) }), button));
  }));
  form.similar.hidden = false;
  byId("similar-heading").focus();
}

async function vote(questionId, button) {
  const message = byId("vote-message");
  button.disabled = true;
  try {
    const q = await asViewer(() => deskCall(hub, "Vote", programmeId, questionId));
    desk.myVotes.add(questionId);
    desk.applyQuestion(q);
    render(); // the button's state depends on the vote, even when the push already brought the new count
    say(message, S.metooThanks, "ok");
    button.textContent = S.metooDone;
    button.setAttribute("aria-pressed", "true");
    return true;
  } catch (error) {
    if (error.state === "Voted") {
      desk.myVotes.add(questionId);
      render();
      button.textContent = S.metooDone;
      button.setAttribute("aria-pressed", "true");
    } else {
      button.disabled = false;
    }
    say(form.similar.hidden ? message : form.error, error.message, "error");
    return error.state === "Voted";
  }
}

/**
 * Runs a viewer action; when it is refused because the stored identity is no longer accepted, takes a new identity,
 * reconnects and tries once more (the same request id, so it can never count twice).
 */
async function asViewer(action) {
  try {
    return await action();
  } catch (error) {
    // "Unauthorized": the stored viewer token is no longer accepted (older servers said "Forbidden"; probe then).
    const refused = error.kind === "Unauthorized" || (error.kind === "Forbidden" && (await viewerTokenRefused(programmeId)));
    if (!refused) throw error;
    forgetViewer();
    await hub.restart();
    return await action();
  }
}

/** Rates an answer; the form shows a refusal. Already rated (from another tab, say): the form gives way. */
async function rate(questionId, score, comment) {
  try {
    const q = await asViewer(() => deskCall(hub, "Rate", programmeId, questionId, score, comment));
    desk.myRatings.add(questionId);
    desk.applyQuestion(q);
    render();
    byId("announcer").textContent = S.rateThanks;
  } catch (error) {
    if (error.state !== "Rated") throw error;
    desk.myRatings.add(questionId);
    render();
  }
}

async function withdraw(questionId) {
  try {
    const q = await deskCall(hub, "Withdraw", programmeId, questionId);
    if (desk.applyMine(q)) render();
  } catch (error) {
    say(form.error, error.message, "error");
  }
}

// What the asker was last told of each of their questions. The change may come in a MyQuestionChanged push, in the
// public DeskChanged patch (whichever arrives first) or in a snapshot after a reconnect: each is said once, politely.
const told = new Map(); // question id → "status|answered in writing"
function announceChanges() {
  for (const q of desk.mine.values()) {
    const answered = q.followUp?.answer != null;
    const before = told.get(q.id);
    told.set(q.id, `${q.status}|${answered}`);
    if (before === undefined) continue; // known from the start, or just submitted (the form says so)
    if (!before.startsWith(q.status + "|")) byId("announcer").textContent = S.statusChangedAnnouncement(q.id, S.status[q.status]);
    else if (answered && before.endsWith("|false")) byId("announcer").textContent = S.writtenAnswerArrived(q.id);
  }
}

async function loadPublished() {
  try {
    // null until a recording is published (an answer, not a 404 in the console)
    published = (await getJson(`/api/programmes/${encodeURIComponent(programmeId)}/replay`)).item;
    render();
  } catch {
    published = null; // offline: the link comes with the next resync
  }
}

// ---- start ----------------------------------------------------------------------------------------------------
const hub = connectHub("/hubs/desk", { token: viewerToken, onUnauthorized: forgetViewer, indicator: new StatusIndicator(byId("connection")) });
hub.on("DeskChanged", (patch) => {
  if (patch.programmeId === programmeId && desk.applyPatch(patch)) render();
});
hub.on("MyQuestionChanged", (id, q) => {
  if (id === programmeId && desk.applyMine(q)) render();
});

async function main() {
  const pageError = byId("page-error");
  if (!programmeId) return say(pageError, S.missingProgramme, "error");
  try {
    [programme, catalogue] = await Promise.all([getJson(`/api/programmes/${encodeURIComponent(programmeId)}`), loadCatalogue()]);
  } catch (error) {
    return say(pageError, error instanceof ApiError && error.status === 404 ? S.notFoundProgramme : error.message, "error");
  }
  fillCommunities(form.community, catalogue.districts);
  const remembered = localStorage.getItem("rt.community");
  if (remembered && [...form.community.options].some((o) => o.value === remembered)) form.community.value = remembered;
  fillOptions(form.topic, S.anyTopic, catalogue.topics.map((t) => [t, t]));
  fillOptions(form.department, S.anyDepartment, catalogue.departmentList.map((d) => [d.code, d.name]));
  updateCounter();
  render();

  form.text.addEventListener("input", () => { updateCounter(); form.similar.hidden = true; });
  form.anonymous.addEventListener("change", () => {
    form.nicknameField.hidden = form.anonymous.checked;
    if (!form.anonymous.checked) form.nickname.focus();
  });
  form.root.addEventListener("submit", (event) => { event.preventDefault(); submit(false); });
  form.submitAnyway.addEventListener("click", () => submit(true));

  hub.subscribe(async () => {
    desk.beginSync();
    const snapshot = await deskCall(hub, "Join", programmeId);
    desk.replace(snapshot);
    programme = await getJson(`/api/programmes/${encodeURIComponent(programmeId)}`).catch(() => programme);
    render();
    if (!published && (programme.state === "Ended" || programme.state === "Archived")) loadPublished();
  });
  await hub.start();
}

main();
