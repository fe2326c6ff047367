// A follow-up case (转办) as it reads wherever it shows — the asker's "我的问题", the public case page, the department
// page: the department, the deadline and the time left or overdue, the written answer once given, its stable link.
import { S, el } from "./dom.js";
import { formatDateTime, formatSpan } from "./format.js";

/** open | overdue | answered */
export function followUpState(info) {
  if (info.answer != null) return "answered";
  return info.overdue || new Date(info.deadline).getTime() < Date.now() ? "overdue" : "open";
}

export function followUpBadge(info) {
  const state = followUpState(info);
  return el("span", { class: "badge followup-" + state, text: S.followUpState[state] });
}

/** "剩余 2天3小时" / "已超期 5小时" (null once answered). */
export function deadlineText(info, now = Date.now()) {
  const left = new Date(info.deadline).getTime() - now;
  const state = followUpState(info);
  if (state === "answered") return null;
  return state === "overdue" ? S.followUpOverdueBy(formatSpan(Math.max(0, -left))) : S.followUpRemaining(formatSpan(left));
}

export function answerBlock(info, departmentName) {
  if (info.answer == null) return null;
  return el("div", { class: "followup-answer" },
    el("p", { class: "answer-heading", text: S.followUpAnswerHeading }),
    el("p", { class: "answer-text", text: info.answer }),
    el("p", { class: "answer-by", text: S.followUpAnsweredBy(info.answeredBy ?? departmentName, formatDateTime(info.answeredAt)) }));
}

/** The follow-up part of a question: where it went, by when, the answer. link: show the stable case link. */
export function followUpBlock(info, departmentName, { link = true, questionId = null } = {}) {
  const state = followUpState(info);
  const left = deadlineText(info);
  return el("div", { class: "followup followup-" + state, data: { followup: state } },
    el("p", "followup-head", followUpBadge(info), el("span", { text: S.followUpTo(departmentName) })),
    el("p", "meta",
      el("span", { text: S.followUpDeadline(formatDateTime(info.deadline)) }),
      left ? el("span", { class: "deadline-left" + (state === "overdue" ? " overdue" : ""), data: { deadline: info.deadline }, text: left }) : null),
    answerBlock(info, departmentName),
    link ? el("a", {
      class: "followup-link", text: S.followUpLink,
      attrs: { href: "/followup.html?case=" + encodeURIComponent(info.caseId), "aria-label": questionId ? S.followUpLinkLabel(questionId) : null },
    }) : null);
}
