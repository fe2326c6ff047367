// 转办件, public: ?case= is the stable link of one follow-up (the question, where it went, the deadline, the written
// answer, and a rating once answered); ?programme= lists every follow-up of a programme with its state.
import { S, el, byId, applyStrings, query, say } from "../core/dom.js";
import { formatDateTime } from "../core/format.js";
import { getJson, postJson, viewerToken, storedViewer, forgetViewer, ApiError } from "../core/api.js";
import { pager } from "../core/pager.js";
import { loadCatalogue } from "../core/catalogue.js";
import { followUpBlock, followUpBadge, followUpState } from "../core/followup-view.js";
import { ratingForm, ratingSummary } from "../core/stars.js";

applyStrings();
document.title = S.followUpPageTitle;
let catalogue = { departments: new Map(), districts: [] };

const departmentName = (code) => catalogue.departments.get(code) ?? code;
const districtName = (code) => catalogue.districts.find((d) => d.code === code)?.name ?? null;
const programmeHref = (id) => "/programme.html?id=" + encodeURIComponent(id);

function meta(c) {
  return el("p", "meta",
    el("span", { text: S.askerFrom(c.askerName ?? S.anonymous, c.communityName) }),
    districtName(c.districtCode) ? el("span", { text: districtName(c.districtCode) }) : null,
    c.topic ? el("span", { text: c.topic }) : null);
}

/** Rates the written answer with this browser's viewer identity (the same one the programme page uses). */
async function rate(c, score, comment, holder) {
  const send = async () => postJson(`/api/programmes/${encodeURIComponent(c.programmeId)}/questions/${c.questionId}/rating`,
    { score, comment }, await viewerToken());
  let rated;
  try {
    rated = await send();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    forgetViewer(); // a token the server no longer accepts: a new identity, once
    rated = await send();
  }
  holder.replaceChildren(ratingSummary(rated) ?? el("span"), el("span", { class: "badge rated", text: S.rateThanks }));
}

/**
 * Only the asker rates the answer. This browser is the asker when its stored viewer identity asked the question (the
 * desk's "my questions"); then it gets the form, or "您已评价" once it has rated. No identity is created just to look.
 */
async function showRating(c, holder) {
  const known = storedViewer();
  // The rating given so far is public (everyone sees it); whether this browser may rate comes from its own desk snapshot.
  const [question, snapshot] = await Promise.all([
    getJson(`/api/followups/${encodeURIComponent(c.caseId)}/question`).catch(() => null),
    known ? getJson(`/api/programmes/${encodeURIComponent(c.programmeId)}/desk`, known.accessToken).catch(() => null) : null,
  ]);
  const mine = snapshot?.mine?.find((q) => q.id === c.questionId);
  const summary = ratingSummary(mine ?? question ?? {});
  if (!mine) {
    holder.append(...(summary ? [summary, el("span", { class: "hint", text: S.rateAskerOnly })] : [el("span", { class: "hint", text: S.rateAskerOnly })]));
  } else if (snapshot.myRatings.includes(c.questionId)) {
    holder.append(summary ?? el("span"), el("span", { class: "badge rated", text: S.rated }));
  } else {
    holder.append(ratingForm((score, comment) => rate(c, score, comment, holder), catalogue.limits?.commentLength));
  }
}

async function showCase(caseId) {
  const c = await getJson(`/api/followups/${encodeURIComponent(caseId)}`);
  const programme = await getJson(`/api/programmes/${encodeURIComponent(c.programmeId)}`).catch(() => null);
  document.title = S.followUpCasePageTitle(c.questionId);
  byId("page-title").textContent = S.followUpCaseTitle(c.questionId);
  if (programme) byId("programme-line").textContent = S.followUpProgramme(programme.title);
  const rating = el("div", "case-rating rating");
  if (c.info.answer != null) await showRating(c, rating);
  const box = byId("case");
  box.replaceChildren(el("article", { class: `case case-detail case-${followUpState(c.info)}`, data: { item: c.caseId, state: followUpState(c.info) } },
    el("div", "case-head", followUpBadge(c.info), el("span", { text: S.questionNo(c.questionId) })),
    el("p", { class: "case-text", text: c.text }),
    meta(c),
    followUpBlock(c.info, departmentName(c.info.department), { link: false }),
    c.info.answer == null ? el("p", { class: "hint", text: S.followUpWaiting(formatDateTime(c.info.deadline)) }) : null,
    c.info.answer != null ? rating : null));
  box.hidden = false;
  byId("page-links").replaceChildren(
    el("a", { text: S.followUpAllOfProgramme, attrs: { href: "/followup.html?programme=" + encodeURIComponent(c.programmeId) } }),
    el("a", { text: S.programmePage, attrs: { href: programmeHref(c.programmeId) } }));
}

// A programme's cases, a page at a time ("load more"); the counts are of the cases shown.
const cases = [];
let casePages = null;

async function showProgramme(programmeId) {
  casePages = pager(`/api/programmes/${encodeURIComponent(programmeId)}/followups`, { take: 50 });
  const [programme, first] = await Promise.all([getJson(`/api/programmes/${encodeURIComponent(programmeId)}`), casePages.next()]);
  cases.push(...first);
  document.title = S.followUpListPageTitle(programme.title);
  byId("page-title").textContent = S.followUpListTitle(programme.title);
  byId("cases-more").addEventListener("click", async () => {
    byId("cases-more").disabled = true;
    try {
      cases.push(...await casePages.next());
      renderCases();
    } catch (error) {
      say(byId("page-error"), error.message, "error");
    } finally {
      byId("cases-more").disabled = false;
    }
  });
  renderCases();
  byId("list").hidden = false;
  byId("page-links").replaceChildren(el("a", { text: S.programmePage, attrs: { href: programmeHref(programmeId) } }));
}

function renderCases() {
  const counts = { total: cases.length, answered: 0, open: 0, overdue: 0 };
  cases.forEach((c) => { counts[followUpState(c.info)]++; });
  byId("list-counts").textContent = cases.length ? S.followUpCounts(counts) : "";
  byId("cases").replaceChildren(...(cases.length ? cases.map((c) => el("li", { class: `case case-${followUpState(c.info)}`, data: { item: c.caseId, state: followUpState(c.info) } },
    el("div", "case-head", el("span", { text: S.questionNo(c.questionId) })),
    el("p", { class: "case-text", text: c.text }),
    meta(c),
    followUpBlock(c.info, departmentName(c.info.department), { questionId: c.questionId })))
    : [el("li", { class: "empty", text: S.followUpEmpty })]));
  byId("cases-more").hidden = casePages.done;
}

async function main() {
  const caseId = query("case");
  const programmeId = query("programme");
  const pageError = byId("page-error");
  catalogue = await loadCatalogue().catch(() => catalogue);
  try {
    if (caseId) await showCase(caseId);
    else if (programmeId) await showProgramme(programmeId);
    else say(pageError, S.followUpMissing, "error");
  } catch (error) {
    const missing = error instanceof ApiError && error.status === 404;
    say(pageError, missing ? (caseId ? S.followUpNotFound : S.notFoundProgramme) : error.message, "error");
  }
}

main();
