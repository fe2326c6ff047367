// The phone-in / SMS / e-mail entry form: a screener types the caller's question; it joins the host's queue.
import { S, byId, say, visibleLength } from "../core/dom.js";
import { deskCall } from "../core/hub.js";
import { fillCommunities, fillOptions, newRequestId } from "../core/catalogue.js";

export function setUpCallForm({ hub, programmeId, catalogue }) {
  const f = {
    form: byId("call-form"), source: byId("call-source"), name: byId("call-name"), location: byId("call-location"),
    community: byId("call-community"), topic: byId("call-topic"), department: byId("call-department"),
    text: byId("call-text"), counter: byId("call-counter"), error: byId("call-error"), ok: byId("call-ok"), submit: byId("call-submit"),
  };
  const sources = ["Phone", "Sms", "Email"];
  f.source.replaceChildren(...sources.map((s) => new Option(S.source[s], s)));
  fillCommunities(f.community, catalogue.districts, { placeholder: S.optional });
  fillOptions(f.topic, S.anyTopic, catalogue.topics.map((t) => [t, t]));
  fillOptions(f.department, S.anyDepartment, catalogue.departmentList.map((d) => [d.code, d.name]));
  const { limits } = catalogue;
  f.name.maxLength = limits.displayNameLength;
  f.location.maxLength = limits.callerLocationLength;
  let requestId = newRequestId(); // kept until the call is accepted, so a retry never enters it twice

  const count = () => {
    const n = visibleLength(f.text.value.trim());
    f.counter.textContent = S.counter(n, limits.questionLength);
    f.counter.classList.toggle("over", n > limits.questionLength);
  };
  f.text.addEventListener("input", count);
  count();

  const fields = { callerName: f.name, callerLocation: f.location, text: f.text, communityCode: f.community, topic: f.topic, department: f.department, source: f.source };
  f.form.addEventListener("submit", async (event) => {
    event.preventDefault();
    say(f.error, null);
    say(f.ok, null);
    Object.values(fields).forEach((input) => input.removeAttribute("aria-invalid"));
    if (!f.name.value.trim()) return invalid("callerName", S.needCallerName);
    if (!f.text.value.trim()) return invalid("text", S.needText);
    f.submit.disabled = true;
    try {
      await deskCall(hub, "EnterCall", programmeId, {
        requestId,
        source: f.source.value,
        callerName: f.name.value.trim(),
        callerLocation: f.location.value.trim() || null,
        text: f.text.value.trim(),
        communityCode: f.community.value || null,
        topic: f.topic.value || null,
        department: f.department.value || null,
      });
      requestId = newRequestId();
      f.text.value = "";
      f.name.value = "";
      f.location.value = "";
      count();
      say(f.ok, S.callAdded, "ok");
    } catch (error) {
      invalid(error.field, error.message);
    } finally {
      f.submit.disabled = false;
    }
  });

  function invalid(field, message) {
    say(f.error, message, "error");
    const input = fields[field];
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.focus();
    }
  }
}
