// Community display for LED screens: the district's live programmes with the question on air now and the next one,
// and the programmes coming up. No interaction; both connections reconnect and resync by themselves.
import { S, el, byId, applyStrings, query } from "../core/dom.js";
import { formatClock, formatDateTime, formatTime } from "../core/format.js";
import { getJson } from "../core/api.js";
import { connectHub, deskCall, StatusIndicator } from "../core/hub.js";
import { ViewerDesk } from "../core/desk-state.js";

applyStrings();
byId("ask-hint").textContent = S.displayAskHint(location.host);
const communityCode = query("community");
let districtCode = query("district");
let community = null;
let district = null;
let departments = new Map();
const programmes = new Map(); // id → summary of the programmes covering this district
const desks = new Map(); // live programme id → ViewerDesk (joined read-only, without a token)

const indicator = new StatusIndicator(byId("connection"));
const live = connectHub("/hubs/live", { indicator });
const deskHub = connectHub("/hubs/desk", { indicator });

function tickClock() {
  byId("clock").textContent = formatClock();
}
setInterval(tickClock, 1000);
tickClock();

function fail(message) {
  const box = byId("display-error");
  box.textContent = message;
  box.hidden = false;
}

// ---- rendering ------------------------------------------------------------------------------------------------
function renderPlace() {
  const place = community?.name ?? district?.name ?? "";
  byId("place-name").textContent = place;
  byId("place-detail").textContent = community && district ? `${district.name} · ${S.appTitle}` : S.appTitle;
  document.title = S.displayTitle(place);
}

function onAirBlock(desk) {
  const onAir = desk ? desk.fresh(desk.status?.onAir) : null;
  const next = desk ? desk.fresh(desk.status?.next) : null;
  const parts = [el("p", { class: "on-air-label", text: S.displayOnAir })];
  if (onAir) {
    const meta = [onAir.askerName ?? S.anonymous, onAir.communityName, onAir.department ? S.departmentFor(departments.get(onAir.department) ?? onAir.department) : null]
      .filter(Boolean).join(" · ");
    parts.push(el("p", { class: "on-air-text", text: onAir.text }), el("p", { class: "on-air-meta", text: meta }));
  } else {
    parts.push(el("p", { class: "waiting-text", text: S.displayWaiting }));
  }
  if (next && next.id !== onAir?.id) {
    parts.push(el("div", "next-line", el("span", { class: "next-label", text: S.displayNext }), el("span", { text: next.text })));
  }
  return parts;
}

let shown = null;
function render() {
  renderPlace();
  const all = [...programmes.values()].sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
  const liveNow = all.filter((p) => p.state === "Live");
  // Status pushes (viewer counts) arrive every second: redraw only when something on the screen changes.
  const signature = JSON.stringify([departments.size, all.map((p) => [p.id, p.version]), liveNow.map((p) => {
    const desk = desks.get(p.id);
    return [desk?.fresh(desk.status?.onAir), desk?.fresh(desk.status?.next)].map((q) => (q ? [q.id, q.version] : null));
  })]);
  if (signature === shown) return;
  shown = signature;
  byId("live-list").replaceChildren(...(liveNow.length
    ? liveNow.map((p) => el("article", { class: "live-programme", data: { programme: p.id } },
      el("div", "programme-line",
        el("span", { class: "live-badge", text: S.state.Live }),
        el("span", { class: "programme-name", text: p.title }),
        el("span", { class: "series-name", text: `${S.series[p.series]} · ${S.kind[p.kind]}` })),
      ...onAirBlock(desks.get(p.id))))
    : [el("p", { class: "no-live", text: S.displayNoLive })]));
  const upcoming = all.filter((p) => p.state === "Scheduled").slice(0, 4);
  byId("upcoming").replaceChildren(...(upcoming.length
    ? upcoming.map((p) => el("li", { data: { programme: p.id } },
      el("span", { class: "when", text: `${formatDateTime(p.scheduledStart)} – ${formatTime(p.scheduledEnd)}` }),
      el("span", { class: "name", text: p.title }),
      el("span", { class: "series-name", text: S.series[p.series] })))
    : [el("li", { class: "series-name", text: S.displayNoUpcoming })]));
}

// ---- following the district and the desks of its live programmes ----------------------------------------------
function keep(p) {
  if (!p.districts.includes(districtCode)) {
    programmes.delete(p.id);
    return;
  }
  const known = programmes.get(p.id);
  if (!known || known.version < p.version) programmes.set(p.id, p);
}

let syncing = false;
let syncAgain = false;
async function syncDesks() {
  if (!deskHub.connected) return;
  if (syncing) {
    syncAgain = true; // what changed meanwhile is handled right after the current pass
    return;
  }
  syncing = true;
  syncAgain = false;
  try {
    const liveIds = new Set([...programmes.values()].filter((p) => p.state === "Live").map((p) => p.id));
    for (const id of liveIds) {
      if (desks.has(id)) continue;
      const desk = new ViewerDesk();
      desk.beginSync(); // pushes may overtake the snapshot: they are kept and applied on top of it
      desks.set(id, desk);
      try {
        desk.replace(await deskCall(deskHub, "Join", id));
      } catch (error) {
        desks.delete(id); // tried again by the next sync
        console.warn("join failed", id, error);
      }
    }
    for (const id of [...desks.keys()]) {
      if (liveIds.has(id)) continue;
      desks.delete(id);
      deskHub.connection.invoke("Leave", id).catch(() => {});
    }
  } finally {
    syncing = false;
  }
  render();
  if (syncAgain) await syncDesks();
}
setInterval(syncDesks, 10_000);

live.on("ProgrammeChanged", (p) => {
  keep(p);
  render();
  syncDesks();
});
live.subscribe(async () => {
  district = await live.connection.invoke("WatchDistrict", districtCode);
  programmes.clear();
  district.programmes.forEach(keep);
  render();
  await syncDesks();
});

deskHub.on("DeskChanged", (patch) => {
  const desk = desks.get(patch.programmeId);
  if (desk?.applyPatch(patch)) render();
});
deskHub.subscribe(async () => {
  desks.clear(); // a new connection has joined nothing: join the live desks again from fresh snapshots
  await syncDesks();
});

async function main() {
  if (!communityCode && !districtCode) return fail(S.displayMissing);
  try {
    if (communityCode) {
      community = await getJson(`/api/communities/${encodeURIComponent(communityCode)}`);
      districtCode = community.districtCode;
    }
    district = await getJson(`/api/districts/${encodeURIComponent(districtCode)}`);
  } catch (error) {
    if (error.status === 404) return fail(S.displayUnknown);
    // The server may be restarting: a screen on a wall must come back by itself.
    indicator.set("start", "reconnecting");
    setTimeout(main, 5000);
    return;
  }
  indicator.states.delete("start");
  byId("display-error").hidden = true;
  getJson("/api/desk/catalogue").then((c) => { departments = new Map(c.departments.map((d) => [d.code, d.name])); render(); }).catch(() => {});
  district.programmes.forEach(keep);
  render();
  await live.start();
  await deskHub.start();
}

main();
