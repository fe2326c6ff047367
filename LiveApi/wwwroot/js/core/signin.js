// The staff sign-in form shared by the console and the admin page; the session lives in sessionStorage.
import { S, byId, say } from "./dom.js";
import { staffSession, signIn } from "./api.js";

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
