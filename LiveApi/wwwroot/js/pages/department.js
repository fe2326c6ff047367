// 部门答复: a department's follow-up cases (转办件). Open cases first, by deadline, with the time left or overdue and a
// written-answer form each; answered cases below, newest first. Both lists are paged ("load more"); the pages shown are
// read again every minute and on "刷新", and an answer being typed survives those refreshes. The asker sees an answer
// live on the programme page as soon as it is accepted.
import { S, el, byId, applyStrings, say, visibleLength, syncChildren, keepFocus } from "../core/dom.js";
import { formatDateTime, formatTime } from "../core/format.js";
import { postJson, signOut, ApiError } from "../core/api.js";
import { pager } from "../core/pager.js";
import { requireSignIn, showSession } from "../core/signin.js";
import { loadCatalogue } from "../core/catalogue.js";
import { followUpBadge, followUpState, deadlineText, answerBlock } from "../core/followup-view.js";

applyStrings();
document.title = S.departmentPageTitle;
const ANSWER_LIMIT = 2000;
const REFRESH_MS = 60_000;
let session = null;
let catalogue = null;
let cases = [];
const nodes = new Map();
const OPEN_PAGE = 50;
const ANSWERED_PAGE = 20;
// Each list: its pager and how many pages are shown (a refresh reads that many again from the start).
const lists = { open: { pages: 1, pager: null }, answered: { pages: 1, pager: null } };

const departmentName = (code) => catalogue?.departments.get(code) ?? code;
const districtName = (code) => catalogue?.districts.find((d) => d.code === code)?.name ?? null;
function caseHead(c) {
  return el("div", "case-head", followUpBadge(c.info), el("span", { class: "case-no", text: S.caseNo(c.programmeTitle ?? c.programmeId, c.questionId) }));
}

function caseMeta(c) {
  return el("p", "meta",
    el("span", { text: S.askerFrom(c.askerName ?? S.anonymous, c.communityName) }),
    districtName(c.districtCode) ? el("span", { text: districtName(c.districtCode) }) : null,
    c.topic ? el("span", { text: c.topic }) : null);
}

function deadlineLine(c) {
  const left = deadlineText(c.info);
  return el("p", "meta deadline",
    el("span", { text: S.followUpDeadline(formatDateTime(c.info.deadline)) }),
    left ? el("span", {
      class: "deadline-left" + (followUpState(c.info) === "overdue" ? " overdue" : ""),
      data: { deadline: c.info.deadline, overdue: c.info.overdue },
      text: left,
    }) : null,
    el("span", { text: S.followUpOpened(formatDateTime(c.info.openedAt)) }));
}

function openCase(c) {
  const id = "answer-" + c.caseId.replace(/[^a-zA-Z0-9_-]/g, "_");
  const text = el("textarea", { data: { role: "answer" }, attrs: { id, rows: 5, required: true, "aria-describedby": `${id}-hint ${id}-counter` } });
  const counter = el("span", { class: "counter", text: S.counter(0, ANSWER_LIMIT), attrs: { id: `${id}-counter` } });
  const error = el("div", { class: "message", data: { kind: "error" }, attrs: { role: "alert", hidden: true } });
  const submit = el("button", { class: "primary", text: S.answerSubmit, data: { role: "submit" }, attrs: { type: "submit", "aria-label": S.answerFor(c.questionId) } });
  const updateCounter = () => {
    const n = visibleLength(text.value.trim());
    counter.textContent = n > ANSWER_LIMIT ? S.counterOver(S.counter(n, ANSWER_LIMIT), S.answerTooLong(n - ANSWER_LIMIT)) : S.counter(n, ANSWER_LIMIT);
    counter.classList.toggle("over", n > ANSWER_LIMIT);
  };
  text.addEventListener("input", () => { updateCounter(); text.removeAttribute("aria-invalid"); });
  const form = el("form", { class: "answer-form", attrs: { novalidate: true } },
    el("div", "field",
      el("label", { text: S.answerLabel, attrs: { for: id } }), text,
      el("div", "actions split", el("span", { class: "hint", text: S.answerHint, attrs: { id: `${id}-hint` } }), counter)),
    error, el("div", "actions", submit));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    answer(c, { text, error, submit });
  });
  return el("li", { class: "case case-" + followUpState(c.info), data: { item: c.caseId, state: followUpState(c.info) } },
    caseHead(c), el("p", { class: "case-text", text: c.text }), caseMeta(c), deadlineLine(c), form);
}

function answeredCase(c) {
  return el("li", { class: "case case-answered", data: { item: c.caseId, state: "answered" } },
    caseHead(c), el("p", { class: "case-text", text: c.text }), caseMeta(c),
    answerBlock(c.info, departmentName(c.info.department)),
    el("a", { class: "followup-link", text: S.followUpLink, attrs: { href: "/followup.html?case=" + encodeURIComponent(c.caseId) } }));
}

/** Reuses a case's node while nothing about it changed; a rebuilt open case keeps the answer being typed. */
function nodeFor(c, build) {
  const key = `${followUpState(c.info)}|${c.info.answeredAt}|${c.version}`;
  const hit = nodes.get(c.caseId);
  if (hit && hit.key === key) return hit.node;
  const node = build(c);
  const typed = hit?.node.querySelector("textarea")?.value;
  const fresh = node.querySelector("textarea");
  if (typed && fresh) {
    fresh.value = typed;
    fresh.dispatchEvent(new Event("input"));
  }
  nodes.set(c.caseId, { key, node });
  return node;
}

function render() {
  // In the server's order: open by deadline, answered newest first.
  const open = cases.filter((c) => c.info.answer == null);
  const answered = cases.filter((c) => c.info.answer != null);
  byId("case-counts").textContent = S.departmentCounts({
    open: open.length, overdue: open.filter((c) => followUpState(c.info) === "overdue").length, answered: answered.length,
  });
  keepFocus(byId("open-cases"), () => syncChildren(byId("open-cases"),
    open.length ? open.map((c) => nodeFor(c, openCase)) : [el("li", { class: "empty", text: S.openCasesEmpty })]));
  keepFocus(byId("answered-cases"), () => syncChildren(byId("answered-cases"),
    answered.length ? answered.map((c) => nodeFor(c, answeredCase)) : [el("li", { class: "empty", text: S.answeredCasesEmpty })]));
  byId("open-more").hidden = lists.open.pager?.done !== false;
  byId("answered-more").hidden = lists.answered.pager?.done !== false;
}

/** Reads a list again from its first page, as many pages as are shown. */
async function readList(state) {
  const list = lists[state];
  list.pager = pager(`/api/departments/${encodeURIComponent(session.department)}/cases?state=${state}`,
    { take: state === "open" ? OPEN_PAGE : ANSWERED_PAGE, token: session.accessToken });
  const items = [];
  for (let i = 0; i < list.pages && !list.pager.done; i++) items.push(...await list.pager.next());
  return items;
}

async function loadMore(state) {
  const button = byId(state + "-more");
  button.disabled = true;
  try {
    const more = await lists[state].pager.next();
    lists[state].pages++;
    const known = new Set(cases.map((c) => c.caseId));
    cases = [...cases, ...more.filter((c) => !known.has(c.caseId))];
    render();
  } catch (error) {
    say(byId("page-error"), error.message, "error");
  } finally {
    button.disabled = false;
  }
}

/** The countdowns move on between refreshes, in place (an answer being typed is not disturbed). */
function tick() {
  document.querySelectorAll(".deadline-left[data-deadline]").forEach((span) => {
    const info = { deadline: span.dataset.deadline, overdue: span.dataset.overdue === "true", answer: null };
    span.textContent = deadlineText(info);
    span.classList.toggle("overdue", followUpState(info) === "overdue");
  });
}

async function refresh() {
  const pageError = byId("page-error");
  try {
    const [open, answered] = await Promise.all([readList("open"), readList("answered")]);
    cases = [...open, ...answered];
    say(pageError, null);
    render();
    byId("refresh").title = S.updatedAt(formatTime(new Date().toISOString()));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut();
      location.reload();
      return;
    }
    say(pageError, error.message, "error");
  }
}

async function answer(c, { text, error, submit }) {
  say(error, null);
  say(byId("answer-ok"), null);
  const value = text.value.trim();
  const length = visibleLength(value);
  if (!value || length > ANSWER_LIMIT) {
    say(error, value ? S.answerTooLong(length - ANSWER_LIMIT) : S.answerNeedText, "error");
    text.setAttribute("aria-invalid", "true");
    text.focus();
    return;
  }
  submit.disabled = true;
  submit.textContent = S.answerSubmitting;
  try {
    const updated = await postJson(`/api/followups/${encodeURIComponent(c.caseId)}/answer`, { text: value }, session.accessToken);
    cases = [...cases.filter((known) => known.caseId !== updated.caseId && known.info.answer == null), updated,
      ...cases.filter((known) => known.caseId !== updated.caseId && known.info.answer != null)];
    render();
    say(byId("answer-ok"), S.answerDone(c.questionId), "ok");
    byId("answered-heading").scrollIntoView?.({ block: "nearest" });
  } catch (e) {
    say(error, e.message, "error");
    if (e.field === "text") text.setAttribute("aria-invalid", "true");
    if (e instanceof ApiError && e.status === 409) refresh(); // answered meanwhile (another colleague): show it
  } finally {
    submit.disabled = false;
    submit.textContent = S.answerSubmit;
  }
}

async function main() {
  session = await requireSignIn((s) => (s.roles.includes("department") && s.department ? null : S.needDepartment));
  showSession(session);
  catalogue = await loadCatalogue().catch(() => ({ departments: new Map(), districts: [] }));
  byId("department-title").textContent = S.departmentHeading(departmentName(session.department));
  byId("cases").hidden = false;
  byId("refresh").addEventListener("click", refresh);
  byId("open-more").addEventListener("click", () => loadMore("open"));
  byId("answered-more").addEventListener("click", () => loadMore("answered"));
  await refresh();
  setInterval(refresh, REFRESH_MS);
  setInterval(tick, 30_000);
}

main();
