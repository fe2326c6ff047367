// A programme as a card (landing page, district page): state, series, title linking to the viewer page — or to the
// replay once its recording is published — times, the districts it covers.
import { S, el } from "./dom.js";
import { formatRange, stateBadge } from "./format.js";

export function programmeCard(p, { districtName = (code) => code, published = false } = {}) {
  const href = published ? "/archive.html?id=" + encodeURIComponent(p.id) : "/programme.html?id=" + encodeURIComponent(p.id);
  const link = el("a", { class: "card-link", attrs: { href } }, el("span", { class: "card-title", text: p.title }));
  return el("li", { class: "card state-" + p.state.toLowerCase(), data: { programme: p.id } },
    el("div", "card-top", stateBadge(p.state), el("span", { class: "series", text: `${S.series[p.series]} · ${S.kind[p.kind]}` })),
    el("h3", "title", link),
    el("p", { class: "when", text: formatRange(p.scheduledStart, p.scheduledEnd) }),
    el("p", { class: "covers", text: p.districts.map(districtName).join(S.listSeparator) }),
    p.state === "Live" ? el("p", "card-action", el("span", { class: "cta", text: S.watchAndAsk, attrs: { "aria-hidden": "true" } })) : null,
    published ? el("p", "card-action", el("span", { class: "cta replay", text: S.archiveWatch, attrs: { "aria-hidden": "true" } })) : null);
}
