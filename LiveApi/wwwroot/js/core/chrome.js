// The page chrome every site page shares, as build-free custom elements in the light DOM (no shadow root: the site
// CSS, axe-core and the tests see ordinary markup). Loaded as a module in each page's <head>: module scripts run after
// the document is parsed and before the page's own module and DOMContentLoaded, so the elements upgrade with their
// children in place, the page script finds #signin, #connection … and care-mode.js finds .header-row for its switch.
//
//   <rt-header heading="adminTitle" heading-id="…" heading-hidden connection session>
//     …page-specific header lines…
//     <rt-nav current="admin"></rt-nav>
//   </rt-header>
//   <rt-signin></rt-signin>   (defined in signin.js)
import { S, el } from "./dom.js";
import "./signin.js";

/** The site navigation, in order; `current` on <rt-nav> names the page the reader is on. */
const NAV = [
  ["home", "/", "navHome"],
  ["archive", "/archive.html", "navArchive"],
  ["reports", "/reports.html", "navReports"],
  ["transparency", "/transparency.html", "navTransparency"],
  ["department", "/department.html", "navDepartment"],
  ["console", "/console.html", "navConsole"],
  ["admin", "/admin.html", "navAdmin"],
];

/**
 * The skip link and the red page header: brand (with the live-connection indicator when `connection` is set), the
 * page's one h1, the page's own lines (the element's children, kept as they are), the signed-in line when `session`
 * is set (filled by showSession in signin.js), and the <rt-nav> child last.
 */
class RtHeader extends HTMLElement {
  connectedCallback() {
    if (this.dataset.rendered) return;
    this.dataset.rendered = "true";
    const own = [...this.childNodes];
    const nav = own.filter((node) => node.localName === "rt-nav");
    const lines = own.filter((node) => !nav.includes(node));
    const heading = el("h1", {
      class: this.hasAttribute("heading-hidden") ? "visually-hidden" : null,
      attrs: { id: this.getAttribute("heading-id") },
    });
    const key = this.getAttribute("heading");
    if (key) heading.textContent = S[key];
    const session = this.hasAttribute("session")
      ? el("div", "header-meta",
        el("span", { attrs: { id: "signed-in" } }),
        el("button", { class: "quiet on-red", text: S.signOut, attrs: { type: "button", id: "sign-out", hidden: true } }))
      : null;
    this.replaceChildren(
      el("a", { class: "skip-link", text: S.skipToContent, attrs: { href: "#main" } }),
      el("header", "site-header",
        el("div", "header-row",
          el("a", { class: "brand", text: S.appTitle, attrs: { href: "/" } }),
          this.hasAttribute("connection")
            ? el("span", { class: "connection", attrs: { id: "connection", role: "status", "aria-live": "polite" } })
            : null),
        heading, ...lines, session, ...nav));
  }
}

/** The site navigation as a labelled <nav>; the current page's link carries aria-current="page". */
class RtNav extends HTMLElement {
  connectedCallback() {
    if (this.dataset.rendered) return;
    this.dataset.rendered = "true";
    const current = this.getAttribute("current");
    this.replaceChildren(el("nav", { class: "site-nav", attrs: { "aria-label": S.navLabel } },
      NAV.map(([name, href, text]) => el("a", { text: S[text], attrs: { href, "aria-current": name === current ? "page" : null } }))));
  }
}

customElements.define("rt-header", RtHeader);
customElements.define("rt-nav", RtNav);
