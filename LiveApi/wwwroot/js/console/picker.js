// Choosing a programme when the console's URL names none: live now and scheduled soon, that this staff member may moderate.
import { S, el, byId } from "../core/dom.js";
import { formatRange, stateBadge } from "../core/format.js";
import { getJson, mayModerate } from "../core/api.js";

export async function showPicker(session) {
  // Live now and scheduled in the next 7 days (the landing window), not every programme ever.
  const view = await getJson("/api/programmes/window");
  const list = [...view.live, ...view.upcoming]
    .filter((p) => (p.state === "Live" || p.state === "Scheduled") && mayModerate(session, p.id))
    .sort((a, b) => (a.state === b.state ? a.scheduledStart.localeCompare(b.scheduledStart) : a.state === "Live" ? -1 : 1));
  byId("picker").hidden = false;
  byId("picker-list").replaceChildren(...(list.length ? list.map((p) => el("li", { class: "card state-" + p.state.toLowerCase() },
    el("div", "card-top", stateBadge(p.state), el("span", { class: "series", text: S.series[p.series] })),
    el("h3", "title", el("a", { class: "card-link", text: p.title, attrs: { href: "/console.html?id=" + encodeURIComponent(p.id) } })),
    el("p", { class: "when", text: formatRange(p.scheduledStart, p.scheduledEnd) })))
    : [el("li", { class: "empty", text: S.none })]));
}
