// Landing page: programmes live now / upcoming / past and the districts, kept live by /hubs/live WatchCatalog.
// A past programme whose recording is published links to its replay in the archive.
import { S, el, byId, applyStrings } from "../core/dom.js";
import { programmeCard } from "../core/programme-card.js";
import { getJson } from "../core/api.js";
import { connectHub, StatusIndicator } from "../core/hub.js";

applyStrings();
document.title = S.appTitle;

const programmes = new Map();
const published = new Set();
let districts = [];
const districtName = (code) => districts.find((d) => d.code === code)?.name ?? code;

const card = (p) => programmeCard(p, { districtName, published: published.has(p.id) });

function render() {
  const all = [...programmes.values()].sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
  const fill = (id, list) => byId(id).replaceChildren(...(list.length ? list.map(card) : [el("li", { class: "empty", text: S.none })]));
  fill("live", all.filter((p) => p.state === "Live"));
  fill("upcoming", all.filter((p) => p.state === "Scheduled"));
  fill("past", all.filter((p) => p.state === "Ended" || p.state === "Archived").reverse());

  byId("districts").replaceChildren(...districts.map((d) => {
    const live = all.filter((p) => p.state === "Live" && p.districts.includes(d.code)).length;
    return el("li", { class: "district" + (live ? " has-live" : ""), data: { district: d.code } },
      el("a", { attrs: { href: "/district.html?code=" + d.code } }, el("strong", { text: d.name })),
      el("span", { class: "kind", text: S.districtKind[d.kind] }),
      el("span", { class: "count", text: S.communities(d.communities.length) }),
      live ? el("span", { class: "badge state-live", text: S.liveCount(live) }) : null,
      el("a", { class: "screen-link", text: S.districtScreenLink, attrs: { href: "/display.html?district=" + d.code, "aria-label": S.districtScreen(d.name) } }));
  }));
}

function apply(p) {
  const known = programmes.get(p.id);
  if (!known || known.version < p.version) {
    programmes.set(p.id, p);
    render();
    // Publishing a recording archives its programme: look the archive up again when that happens.
    if (p.state === "Archived" && !published.has(p.id)) loadPublished();
  }
}

async function loadPublished() {
  try {
    const items = await getJson("/api/archive");
    items.forEach((item) => published.add(item.entry.programme.id));
    render();
  } catch {
    // the replays stay unlinked until the next change; the programme pages still work
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
loadPublished();
hub.start();
