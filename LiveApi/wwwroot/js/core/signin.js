// The staff sign-in form shared by the console, the admin and the department pages (<rt-signin>, a light-DOM custom
// element), and the signed-in line of <rt-header session>. The session lives in sessionStorage.
import { S, el, byId, say } from "./dom.js";
import { staffSession, signIn, signOut } from "./api.js";

/** The sign-in form, hidden until requireSignIn needs it. Keeps the ids the page scripts and tests use (#signin …). */
class RtSignin extends HTMLElement {
  connectedCallback() {
    if (this.dataset.rendered) return;
    this.dataset.rendered = "true";
    const field = (id, text, type, autocomplete) => el("div", "field",
      el("label", { text, attrs: { for: id } }),
      el("input", { attrs: { type, id, autocomplete, required: true } }));
    this.replaceChildren(el("section", { class: "panel signin", attrs: { id: "signin", "aria-labelledby": "signin-heading", hidden: true } },
      el("h2", { text: S.signInHeading, attrs: { id: "signin-heading" } }),
      el("form", { attrs: { id: "signin-form", novalidate: true } },
        field("signin-name", S.userName, "text", "username"),
        field("signin-password", S.password, "password", "current-password"),
        el("div", { class: "message", data: { kind: "error" }, attrs: { id: "signin-error", role: "alert", hidden: true } }),
        el("button", { class: "primary", text: S.signIn, attrs: { type: "submit", id: "signin-submit" } }))));
  }
}
customElements.define("rt-signin", RtSignin);

/**
 * Resolves with a staff session that `accept` approves (accept returns null, or a message saying why not).
 * Shows the #signin form when there is no such session yet.
 */
export function requireSignIn(accept = () => null) {
  const existing = staffSession();
  if (existing && !accept(existing)) return Promise.resolve(existing);
  const section = byId("signin");
  const form = byId("signin-form");
  const name = byId("signin-name");
  const password = byId("signin-password");
  const error = byId("signin-error");
  const submit = byId("signin-submit");
  section.hidden = false;
  if (existing) say(error, accept(existing), "error");
  name.focus();
  return new Promise((resolve) => {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say(error, null);
      name.removeAttribute("aria-invalid");
      password.removeAttribute("aria-invalid");
      if (!name.value.trim()) { name.setAttribute("aria-invalid", "true"); name.focus(); return; }
      if (!password.value) { password.setAttribute("aria-invalid", "true"); password.focus(); return; }
      submit.disabled = true;
      submit.textContent = S.signingIn;
      try {
        const session = await signIn(name.value.trim(), password.value);
        const refusal = accept(session);
        if (refusal) {
          say(error, refusal, "error");
          return;
        }
        section.hidden = true;
        password.value = "";
        resolve(session);
      } catch (e) {
        say(error, e.message, "error");
        (e.field === "name" ? name : password).setAttribute("aria-invalid", "true");
      } finally {
        submit.disabled = false;
        submit.textContent = S.signIn;
      }
    });
  });
}

export function roleNames(session) {
  return session.roles.map((r) => S.role[r] ?? r).join(S.listSeparator);
}

/** Fills the header's signed-in line (<rt-header session>): who, in which roles, and the sign-out button. */
export function showSession(session) {
  byId("signed-in").textContent = S.signedInAs(session.name, roleNames(session));
  const button = byId("sign-out");
  button.hidden = false;
  button.addEventListener("click", () => { signOut(); location.reload(); });
}
