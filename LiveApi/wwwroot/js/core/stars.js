// Public evaluation (网上评议): the average rating of an answer as stars with its number, and the 1–5 form with an
// optional comment. The stars are radio buttons (arrow keys work); the star glyphs only repeat the text.
import { S, el, say, visibleLength } from "./dom.js";

let forms = 0;

const starsText = (filled) => "★".repeat(filled) + "☆".repeat(5 - filled);

/** "★★★★☆ 4.5 分 · 12 人评价", or null before the first rating. */
export function ratingSummary(q) {
  if (!q.ratings || q.averageRating == null) return null;
  return el("span", { class: "rating-summary", attrs: { title: S.ratingSummaryLabel(q.averageRating, q.ratings) } },
    el("span", { class: "stars", text: starsText(Math.round(q.averageRating)), attrs: { "aria-hidden": "true" } }),
    el("span", { class: "rating-text", text: S.ratingSummary(q.averageRating, q.ratings) }));
}

/**
 * A rating form; onRate(score, comment|null) resolves when accepted and throws (with the server's message) when not.
 * `commentLength` is the server's limit (catalogue.limits.commentLength); without it the server alone checks.
 */
export function ratingForm(onRate, commentLength = null) {
  const id = `rate-${++forms}`;
  const error = el("div", { class: "message", data: { kind: "error" }, attrs: { role: "alert", hidden: true } });
  const comment = el("textarea", { attrs: { id: `${id}-comment`, rows: 2, maxlength: commentLength, "aria-describedby": `${id}-hint` } });
  const commentField = el("div", { class: "field rate-comment", attrs: { hidden: true } },
    el("label", { text: S.rateComment, attrs: { for: `${id}-comment` } }), comment,
    el("span", { class: "hint", text: S.rateCommentHint(commentLength), attrs: { id: `${id}-hint` } }));
  const submit = el("button", { class: "primary", text: S.rateSubmit, data: { role: "rate" }, attrs: { type: "submit", hidden: true } });
  const labels = [];
  const row = el("div", "stars-input");
  for (let n = 1; n <= 5; n++) {
    const input = el("input", { class: "visually-hidden", data: { role: "star" }, attrs: { type: "radio", name: id, value: n, id: `${id}-${n}` } });
    const label = el("label", { class: "star", attrs: { for: `${id}-${n}`, title: S.rateStar(n) } },
      el("span", { text: "★", attrs: { "aria-hidden": "true" } }), el("span", { class: "visually-hidden", text: S.rateStar(n) }));
    labels.push(label);
    row.append(input, label);
  }
  const form = el("form", { class: "rate-form", attrs: { novalidate: true } },
    el("fieldset", {}, el("legend", { text: S.rateHeading }), row), commentField, error, el("div", "actions", submit));

  row.addEventListener("change", () => {
    const score = Number(form.querySelector("input:checked")?.value ?? 0);
    labels.forEach((label, i) => label.classList.toggle("on", i < score));
    commentField.hidden = false;
    submit.hidden = false;
    say(error, null);
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const score = Number(form.querySelector("input:checked")?.value ?? 0);
    if (!score) return say(error, S.rateNeedScore, "error");
    const text = comment.value.trim();
    if (commentLength && visibleLength(text) > commentLength) return say(error, S.tooLong(visibleLength(text) - commentLength), "error");
    submit.disabled = true;
    try {
      await onRate(score, text || null);
    } catch (e) {
      say(error, e.message, "error");
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
