// Landing page: programmes live now / upcoming / past and the districts, kept live by /hubs/live WatchCatalog.
import { S, el, byId, applyStrings } from "../core/dom.js";
import { formatRange, stateBadge } from "../core/format.js";
import { getJson } from "../core/api.js";
import { connectHub, StatusIndicator } from "../core/hub.js";

applyStrings();
document.title = S.appTitle;

const programmes = new Map();
let districts = [];
const districtName = (code) => districts.find((d) => d.code === code)?.name ?? code;

function card(p) {
  const link = el("a", { class: "card-link", attrs: { href: "/programme.html?id=" + encodeURIComponent(p.id) } },
    el("span", { class: "card-title", text: p.title }));
  return el("li", { class: "card state-" + p.state.toLowerCase(), data: { programme: p.id } },
    el("div", "card-top", stateBadge(p.state), el("span", { class: "series", text: `${S.series[p.series]} · ${S.kind[p.kind]}` })),
    el("h3", "title", link),
    el("p", { class: "when", text: formatRange(p.scheduledStart, p.scheduledEnd) }),
    el("p", { class: "covers", text: p.districts.map(districtName).join(S.listSeparator) }),
    p.state === "Live" ? el("p", "card-action", el("span", { class: "cta", text: S.watchAndAsk, attrs: { "aria-hidden": "true" } })) : null);
}

function render() {
  const all = [...programmes.values()].sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
  const fill = (id, list) => byId(id).replaceChildren(...(list.length ? list.map(card) : [el("li", { class: "empty", text: S.none })]));
  fill("live", all.filter((p) => p.state === "Live"));
  fill("upcoming", all.filter((p) => p.state === "Scheduled"));
  fill("past", all.filter((p) => p.state === "Ended" || p.state === "Archived").reverse());

  byId("districts").replaceChildren(...districts.map((d) => {
    const live = all.filter((p) => p.state === "Live" && p.districts.includes(d.code)).length;
    return el("li", { class: "district" + (live ? " has-live" : ""), data: { district: d.code } },
      el("a", { attrs: { href: "/display.html?district=" + d.code, "aria-label": S.districtScreen(d.name) } },
        el("strong", { text: d.name })),
      el("span", { class: "kind", text: S.districtKind[d.kind] }),
      el("span", { class: "count", text: S.communities(d.communities.length) }),
      live ? el("span", { class: "badge state-live", text: S.liveCount(live) }) : null);
  }));
}

function apply(p) {
  const known = programmes.get(p.id);
  if (!known || known.version < p.version) {
    programmes.set(p.id, p);
    render();
  }
}

const hub = connectHub("/hubs/live", { indicator: new StatusIndicator(byId("connection")) });
hub.on("ProgrammeChanged", apply);
hub.subscribe(async () => {
  const snapshot = await hub.connection.invoke("WatchCatalog");
  programmes.clear();
  snapshot.forEach((p) => programmes.set(p.id, p));
  render();
});

try {
  districts = await getJson("/api/districts");
} catch {
  districts = [];
}
render();
hub.start();
