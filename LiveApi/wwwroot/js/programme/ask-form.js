// The viewer's submit form: question text with a counter against the server's limit, community (remembered),
// optional topic, department and nickname, the duplicate hint ("similar questions" with "我也想问" or "仍然提交"),
// and the desk's notice (paused, slow mode, not started, ended) that closes or opens the form.
import { S, el, byId, say, visibleLength } from "../core/dom.js";
import { statusBadge } from "../core/format.js";
import { deskCall } from "../core/hub.js";
import { fillCommunities, fillOptions, newRequestId } from "../core/catalogue.js";

export function askForm(ctx, actions) {
  const { desk, programmeId } = ctx;
  const { limits } = ctx.catalogue;
  const form = {
    root: byId("ask-form"), text: byId("q-text"), counter: byId("q-counter"), community: byId("q-community"),
    topic: byId("q-topic"), department: byId("q-department"), anonymous: byId("q-anonymous"),
    nicknameField: byId("nickname-field"), nickname: byId("q-nickname"), nicknameHint: byId("q-nickname-hint"),
    submit: byId("ask-submit"), error: byId("ask-error"), ok: byId("ask-ok"), notice: byId("desk-notice"),
    similar: byId("similar"), similarList: byId("similar-list"), submitAnyway: byId("submit-anyway"),
  };
  let requestId = newRequestId(); // one per question: a retry after a network error reuses it
  let busy = false;

  function renderNotice() {
    const status = desk.status;
    const state = status?.programmeState ?? ctx.programme?.state;
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

  function updateCounter() {
    const length = visibleLength(form.text.value.trim());
    const over = length - limits.questionLength;
    form.counter.textContent = over > 0 ? `${S.counter(length, limits.questionLength)} · ${S.tooLong(over)}` : S.counter(length, limits.questionLength);
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
    renderNotice();
  }

  function reset(message) {
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
    if (visibleLength(text) > limits.questionLength) return showError(S.tooLong(visibleLength(text) - limits.questionLength), "text");
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
      const outcome = await actions.asViewer(() => deskCall(ctx.hub, "Submit", programmeId, question));
      if (outcome.question) {
        desk.applyMine(outcome.question);
        ctx.render();
        reset(S.submitted);
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
        on: { click: async () => { if (await actions.vote(q.id, button, form.error)) reset(S.metooThanks); } },
      });
      return el("li", { class: "question", data: { question: q.id } },
        el("div", "head", el("span", { text: S.questionNo(q.id) }), statusBadge(q.status), el("span", { text: S.similarity(similarity) })),
        el("p", { class: "text", text: q.text }),
        el("div", "foot", el("span", { class: "votes", text: S.votes(q.votes) }), button));
    }));
    form.similar.hidden = false;
    byId("similar-heading").focus();
  }

  // ---- set up: the server's limits, the reference lists, the remembered community -------------------------------
  form.nickname.maxLength = limits.displayNameLength;
  form.nicknameHint.textContent = S.nicknameHint(limits.displayNameLength);
  fillCommunities(form.community, ctx.catalogue.districts);
  const remembered = localStorage.getItem("rt.community");
  if (remembered && [...form.community.options].some((o) => o.value === remembered)) form.community.value = remembered;
  fillOptions(form.topic, S.anyTopic, ctx.catalogue.topics.map((t) => [t, t]));
  fillOptions(form.department, S.anyDepartment, ctx.catalogue.departmentList.map((d) => [d.code, d.name]));
  updateCounter();

  form.text.addEventListener("input", () => { updateCounter(); form.similar.hidden = true; });
  form.anonymous.addEventListener("change", () => {
    form.nicknameField.hidden = form.anonymous.checked;
    if (!form.anonymous.checked) form.nickname.focus();
  });
  form.root.addEventListener("submit", (event) => { event.preventDefault(); submit(false); });
  form.submitAnyway.addEventListener("click", () => submit(true));

  return { renderNotice };
}
