// Landing page: what is live, the next 7 days and the last 7 days (drawn from REST first, then kept live by /hubs/live
// WatchCatalog), older programmes on demand ("load more", newest first), and the districts. A past programme whose recording is published
// links to its replay in the archive.
import { S, el, byId, applyStrings, say } from "../core/dom.js";
import { programmeCard } from "../core/programme-card.js";
import { getJson } from "../core/api.js";
import { pager } from "../core/pager.js";
import { connectHub, StatusIndicator } from "../core/hub.js";

applyStrings();
document.title = S.appTitle;

const programmes = new Map(); // the window: live, next 7 days, last 7 days
const older = new Map(); // loaded on demand, before the window
const published = new Set();
let olderBefore = null;
let olderPages = null;
let districts = [];
const districtName = (code) => districts.find((d) => d.code === code)?.name ?? code;

const card = (p) => programmeCard(p, { districtName, published: published.has(p.id) || p.state === "Archived" });
const time = (iso) => new Date(iso).getTime();
const byStart = (a, b) => time(a.scheduledStart) - time(b.scheduledStart);

let windowKnown = false; // "暂无" only once the window came (over REST first, then from the hub)
let hubSynced = false;

function render() {
  const all = [...programmes.values()].sort(byStart);
  const fill = (id, list) => byId(id).replaceChildren(...(list.length ? list.map(card)
    : [el("li", { class: "empty", text: windowKnown ? S.none : S.loading })]));
  fill("live", all.filter((p) => p.state === "Live"));
  fill("upcoming", all.filter((p) => p.state === "Scheduled"));
  fill("past", all.filter((p) => p.state === "Ended" || p.state === "Archived").reverse());
  byId("older").replaceChildren(...[...older.values()].sort(byStart).reverse().map(card));
  byId("load-older").hidden = olderPages?.done === true;

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

/** A pushed change: kept when it belongs to the window (or is shown already), ignored otherwise. */
function apply(p) {
  const shown = programmes.get(p.id) ?? older.get(p.id);
  if (shown && shown.version >= p.version) return;
  const start = time(p.scheduledStart);
  const inWindow = !olderBefore || (start >= time(olderBefore) && start < time(olderBefore) + 14 * 86_400_000);
  if (older.has(p.id)) older.set(p.id, p);
  else if (shown || p.state === "Live" || inWindow) programmes.set(p.id, p);
  else return;
  render();
}

async function loadOlder() {
  const button = byId("load-older");
  button.disabled = true;
  say(byId("older-status"), S.loading);
  try {
    olderPages ??= pager(`/api/programmes?order=desc&to=${encodeURIComponent(olderBefore)}`);
    (await olderPages.next()).forEach((p) => older.set(p.id, p));
    say(byId("older-status"), olderPages.done ? (older.size ? S.noOlder : S.noneOlder) : "");
  } catch (error) {
    say(byId("older-status"), error.message, "error");
  } finally {
    button.disabled = false;
    render();
  }
}

async function loadPublished() {
  // Replays published in the window's last 7 days (older programmes count as published once archived).
  try {
    const from = new Date(Date.now() - 7 * 86_400_000).toLocaleDateString("sv-SE", { timeZone: S.timeZone });
    const page = await getJson(`/api/archive?from=${from}&take=100`);
    page.items.forEach((item) => published.add(item.entry.programme.id));
    render();
  } catch {
    // the replays stay unlinked until the next change; the programme pages still work
  }
}

byId("load-older").addEventListener("click", loadOlder);
const hub = connectHub("/hubs/live", { indicator: new StatusIndicator(byId("connection")) });
hub.on("ProgrammeChanged", (p) => {
  apply(p);
  // Publishing a recording archives its programme: look the archive up again when that happens.
  if (p.state === "Archived" && !published.has(p.id)) loadPublished();
});
function showWindow(view) {
  olderBefore = view.olderBefore;
  programmes.clear();
  [...view.live, ...view.upcoming, ...view.recent].forEach((p) => programmes.set(p.id, p));
  windowKnown = true;
  render();
}

hub.subscribe(async () => {
  showWindow(await hub.connection.invoke("WatchCatalog"));
  hubSynced = true;
});

// The page is drawn from REST at once; the hub (which may take a while to connect, or be blocked) then keeps it live.
render();
hub.start();
const [windowView, districtList] = await Promise.all([
  getJson("/api/programmes/window").catch(() => null),
  getJson("/api/districts").catch(() => []),
]);
districts = districtList;
if (windowView && !hubSynced) showWindow(windowView);
else render();
loadPublished();
