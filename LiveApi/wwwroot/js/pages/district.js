// A district's page: its numbers for the month (from the monthly report), rejection reasons, the programmes covering it
// that are live or coming (kept live by /hubs/live WatchDistrict) and its past programmes in the archive.
import { S, el, byId, applyStrings, query, say } from "../core/dom.js";
import { getJson, ApiError } from "../core/api.js";
import { pager } from "../core/pager.js";
import { connectHub, StatusIndicator } from "../core/hub.js";
import { programmeCard } from "../core/programme-card.js";
import { monthPicker, remember } from "../reports/report-data.js";

applyStrings();
const code = query("code");
const programmes = new Map();
let districts = [];
let published = new Set();
const districtName = (c) => districts.find((d) => d.code === c)?.name ?? c;
const TILES = ["received", "answeredOnAir", "followedUp", "followUpAnswered", "overdue", "rejected", "ratings", "satisfaction"];
const TILE_CLASS = { followUpAnswered: "stat-answered", answeredOnAir: "stat-answered", overdue: "stat-overdue", rejected: "stat-rejected" };

function renderNumbers(row, monthValue) {
  const counters = row?.counters ?? {};
  byId("numbers-heading").textContent = S.districtNumbers(S.month(monthValue));
  byId("stats").replaceChildren(...TILES.map((name) => el("li", { class: "stat " + (TILE_CLASS[name] ?? ""), data: { counter: name } },
    el("span", { class: "value", text: name === "satisfaction" ? S.satisfactionValue(row?.satisfaction ?? null) : counters[name] ?? 0 }),
    el("span", { class: "label", text: S.column[name] }))));
  const reasons = Object.entries(counters.rejectedByReason ?? {}).sort((a, b) => b[1] - a[1]);
  byId("reasons").replaceChildren(...(reasons.length
    ? reasons.map(([reason, n]) => el("li", { text: S.reasonCount(reason, n) }))
    : [el("li", { class: "empty", text: S.districtNoReasons })]));
}

function renderProgrammes() {
  const list = [...programmes.values()].filter((p) => p.state === "Live" || p.state === "Scheduled")
    .sort((a, b) => (a.state === "Live" ? -1 : 0) - (b.state === "Live" ? -1 : 0) || a.scheduledStart.localeCompare(b.scheduledStart));
  byId("programmes").replaceChildren(...(list.length
    ? list.map((p) => programmeCard(p, { districtName, published: published.has(p.id) }))
    : [el("li", { class: "empty", text: S.districtNoProgrammes })]));
}

async function loadNumbers(monthValue) {
  remember({ code, month: monthValue });
  byId("report-link").href = `/reports.html?month=${monthValue}&by=district`;
  try {
    const rows = await getJson(`/api/reports/${monthValue}?by=district`);
    renderNumbers(rows.find((r) => r.key === code), monthValue);
  } catch (error) {
    say(byId("page-error"), S.reportLoadFailed(error.message), "error");
  }
}

// The district's replays, newest month first, a page at a time ("load more").
let archivePages = null;
const archived = new Map();

async function loadArchive({ more = false } = {}) {
  const button = byId("archive-more");
  button.disabled = true;
  try {
    if (!more) {
      archivePages = pager(`/api/archive?district=${encodeURIComponent(code)}`);
      archived.clear();
    }
    (await archivePages.next()).forEach((i) => archived.set(i.entry.programme.id, i));
    published = new Set(archived.keys());
    say(byId("archive-status"), archivePages.done && archived.size ? S.noMore : "");
  } catch (error) {
    say(byId("archive-status"), error.message, "error");
  } finally {
    const items = [...archived.values()];
    byId("archive").replaceChildren(...(items.length
      ? items.map((i) => programmeCard(i.entry.programme, { districtName, published: true }))
      : [el("li", { class: "empty", text: S.archiveEmpty })]));
    button.hidden = !archivePages || archivePages.done;
    button.disabled = false;
  }
}

async function main() {
  const pageError = byId("page-error");
  if (!code) return say(pageError, S.districtMissing, "error");
  let district;
  try {
    [district, districts] = await Promise.all([getJson(`/api/districts/${encodeURIComponent(code)}`), getJson("/api/districts")]);
  } catch (error) {
    return say(pageError, error instanceof ApiError && error.status === 404 ? S.districtUnknown : error.message, "error");
  }
  document.title = S.districtPageTitle(district.name);
  byId("district-name").textContent = district.name;
  byId("district-detail").textContent = S.districtDetail(S.districtKind[district.kind], S.communities(district.communities.length));
  byId("screen-link").href = "/display.html?district=" + encodeURIComponent(code);
  byId("district").hidden = false;
  district.programmes.forEach((p) => programmes.set(p.id, p));
  renderProgrammes();
  byId("archive-more").addEventListener("click", () => loadArchive({ more: true }));
  const month = monthPicker(loadNumbers);
  byId("month-form").addEventListener("submit", (event) => event.preventDefault());
  await Promise.all([loadNumbers(month.value), loadArchive()]);
  renderProgrammes();

  const hub = connectHub("/hubs/live", { indicator: new StatusIndicator(byId("connection")) });
  hub.on("ProgrammeChanged", (p) => {
    if (!p.districts.includes(code)) return;
    const known = programmes.get(p.id);
    if (known && known.version >= p.version) return;
    programmes.set(p.id, p);
    renderProgrammes();
    if (p.state === "Archived") loadArchive();
  });
  hub.subscribe(async () => {
    const fresh = await hub.connection.invoke("WatchDistrict", code);
    programmes.clear();
    fresh.programmes.forEach((p) => programmes.set(p.id, p));
    renderProgrammes();
  });
  await hub.start();
}

main();
