// Admin page: schedule a programme (times in Beijing time), move programmes live / ended / archived, see the list
// change live (WatchCatalog); open live streams and watch their signal (WatchLiveStreams); upload recordings and watch
// their transcoding live (WatchMedia, see ../admin/).
// Errors are the server's ProblemDetails detail, next to the field it names.
import { S, el, byId, applyStrings, say } from "../core/dom.js";
import { formatRange, stateBadge } from "../core/format.js";
import { getJson, postJson, signOut, isAdmin } from "../core/api.js";
import { connectHub, StatusIndicator } from "../core/hub.js";
import { requireSignIn, showSession } from "../core/signin.js";
import { mountUpload } from "../admin/media-upload.js";
import { MediaJobs } from "../admin/media-jobs.js";
import { LiveStreams } from "../admin/live-streams.js";

applyStrings();
document.title = S.adminPageTitle;
const programmes = new Map();
let districts = [];
let session = null;
let upload = null;
let jobs = null;
let live = null;
const SHANGHAI_OFFSET = "+08:00"; // China has no daylight saving time

const districtName = (code) => districts.find((d) => d.code === code)?.name ?? code;

/** "2026-11-28T10:00" in Beijing time for a Date. */
function shanghaiLocal(date) {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

// ---- the schedule form ----------------------------------------------------------------------------------------
let guestCount = 0;
function addGuest(values = {}) {
  const n = ++guestCount;
  const field = (key, label, cls) => {
    const id = `guest-${n}-${key}`;
    const input = el("input", { attrs: { type: "text", id, maxlength: 50 }, data: { guest: key } });
    input.value = values[key] ?? "";
    return el("div", { class: "field " + (cls ?? "") }, el("label", { text: label, attrs: { for: id } }), input);
  };
  const row = el("div", { class: "guest-row", attrs: { role: "group", "aria-label": S.guestNo(n) } },
    field("department", S.guestDepartment, "guest-dept"), field("name", S.guestName), field("title", S.guestTitle));
  const remove = el("button", {
    text: S.removeGuest, attrs: { type: "button", "aria-label": S.removeGuestLabel(n) },
    on: { click: () => { row.remove(); byId("add-guest").focus(); } },
  });
  row.append(remove);
  byId("p-guests").append(row);
  return row;
}

function fieldInput(field) {
  if (!field) return null;
  const guest = /^guests\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (guest) {
    const row = byId("p-guests").children[Number(guest[1])];
    return row?.querySelector(`[data-guest="${guest[2] ?? "department"}"]`) ?? null;
  }
  return { series: byId("p-series"), title: byId("p-title"), scheduledStart: byId("p-start"), scheduledEnd: byId("p-end"),
    districts: byId("p-districts").querySelector("input"), guests: byId("add-guest") }[field] ?? null;
}

async function schedule(event) {
  event.preventDefault();
  const error = byId("schedule-error");
  say(error, null);
  say(byId("schedule-ok"), null);
  byId("schedule-form").querySelectorAll("[aria-invalid]").forEach((n) => n.removeAttribute("aria-invalid"));
  const guests = [...byId("p-guests").children].map((row) => Object.fromEntries(
    [...row.querySelectorAll("[data-guest]")].map((input) => [input.dataset.guest, input.value.trim()])))
    .filter((g) => g.department || g.name || g.title);
  const start = byId("p-start").value;
  const end = byId("p-end").value;
  const body = {
    series: byId("p-series").value,
    title: byId("p-title").value.trim(),
    scheduledStart: start ? `${start}:00${SHANGHAI_OFFSET}` : null,
    scheduledEnd: end ? `${end}:00${SHANGHAI_OFFSET}` : null,
    guests,
    districts: [...byId("p-districts").querySelectorAll("input:checked")].map((c) => c.value),
  };
  const submit = byId("schedule-submit");
  submit.disabled = true;
  try {
    const created = await postJson("/api/programmes", body, session.accessToken);
    apply(created);
    say(byId("schedule-ok"), S.scheduled(created.title), "ok");
    byId("p-title").value = "";
  } catch (e) {
    say(error, e.message, "error");
    const input = fieldInput(e.field);
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.focus();
    }
  } finally {
    submit.disabled = false;
  }
}

// ---- the programme list ---------------------------------------------------------------------------------------
const ORDER = { Live: 0, Scheduled: 1, Ended: 2, Archived: 3 };
const MOVES = { Scheduled: ["live", "goLive"], Live: ["end", "end"], Ended: ["archive", "archive"] };

async function move(p, step, label) {
  say(byId("list-error"), null);
  say(byId("list-ok"), null);
  try {
    const updated = await postJson(`/api/programmes/${encodeURIComponent(p.id)}/${step}`, undefined, session.accessToken);
    apply(updated);
    say(byId("list-ok"), S.moved(updated.title, S.state[updated.state]), "ok");
    byId("programme-list").querySelector(`[data-programme="${CSS.escape(p.id)}"] button, [data-programme="${CSS.escape(p.id)}"] a`)?.focus();
  } catch (e) {
    say(byId("list-error"), S.labelled(p.title, e.message), "error");
  }
  return label;
}

function renderList() {
  const list = [...programmes.values()].sort((a, b) => ORDER[a.state] - ORDER[b.state]
    || (a.state === "Scheduled" ? a.scheduledStart.localeCompare(b.scheduledStart) : b.scheduledStart.localeCompare(a.scheduledStart)));
  byId("programme-list").replaceChildren(...(list.length ? list.map((p) => {
    const moveTo = MOVES[p.state];
    const label = moveTo ? S[moveTo[1]] : null;
    return el("li", { class: "programme-admin state-" + p.state.toLowerCase(), data: { programme: p.id, state: p.state } },
      el("div", "card-top", stateBadge(p.state), el("span", { class: "series", text: `${S.series[p.series]} · ${S.kind[p.kind]}` })),
      el("h3", { text: p.title }),
      el("p", { class: "meta", text: formatRange(p.scheduledStart, p.scheduledEnd) }),
      el("p", { class: "meta", text: `${p.districts.map(districtName).join(S.listSeparator)} · ${S.programmeId(p.id)}` }),
      el("div", "actions",
        moveTo ? el("button", {
          class: p.state === "Scheduled" ? "primary" : "", text: label,
          attrs: { type: "button", "aria-label": S.labelled(label, p.title) },
          on: { click: () => move(p, moveTo[0], label) },
        }) : null,
        el("a", { class: "button", text: S.openViewer, attrs: { href: "/programme.html?id=" + encodeURIComponent(p.id), "aria-label": S.labelled(S.openViewer, p.title) } }),
        p.state === "Live" || p.state === "Scheduled"
          ? el("a", { class: "button", text: S.openConsole, attrs: { href: "/console.html?id=" + encodeURIComponent(p.id), "aria-label": S.labelled(S.openConsole, p.title) } })
          : null));
  }) : [el("li", { class: "empty", text: S.none })]));
}

function apply(p) {
  const known = programmes.get(p.id);
  if (!known || known.version < p.version) {
    programmes.set(p.id, p);
    renderAll();
  }
}

function renderAll() {
  renderList();
  upload?.programmesChanged();
  jobs?.render();
  live?.render();
}

// ---- start ----------------------------------------------------------------------------------------------------
async function main() {
  session = await requireSignIn((s) => (isAdmin(s) ? null : S.needAdmin));
  showSession(session);
  byId("admin").hidden = false;

  const [series, list] = await Promise.all([getJson("/api/series"), getJson("/api/districts")]);
  districts = list;
  byId("p-series").replaceChildren(...series.map((s) => new Option(S.seriesOption(s.name, S.kind[s.kind]), s.series)));
  const nextHour = new Date(Math.ceil(Date.now() / 3600_000) * 3600_000 + 3600_000);
  byId("p-start").value = shanghaiLocal(nextHour);
  byId("p-end").value = shanghaiLocal(new Date(nextHour.getTime() + 3600_000));
  byId("p-districts").replaceChildren(...districts.map((d) => el("label", {},
    el("input", { attrs: { type: "checkbox", value: d.code, name: "districts" } }), el("span", { text: d.name }))));
  byId("p-districts-all").addEventListener("change", (event) => {
    byId("p-districts").querySelectorAll("input").forEach((c) => { c.checked = event.target.checked; });
  });
  addGuest();
  byId("add-guest").addEventListener("click", () => addGuest().querySelector("input").focus());
  byId("schedule-form").addEventListener("submit", schedule);

  const token = () => session.accessToken;
  upload = mountUpload({ token, programmes: () => [...programmes.values()], onJob: (job) => jobs.apply(job) });
  jobs = new MediaJobs({ token, titleOf: (id) => programmes.get(id)?.title ?? null });
  live = new LiveStreams({ token, programmes: () => [...programmes.values()] });

  const hub = connectHub("/hubs/live", {
    token: async () => session.accessToken,
    indicator: new StatusIndicator(byId("connection")),
    onUnauthorized: () => { signOut(); location.reload(); },
  });
  hub.on("ProgrammeChanged", apply);
  hub.on("MediaJobChanged", (job) => jobs.apply(job));
  hub.on("LiveStreamChanged", (stream) => live.apply(stream));
  hub.subscribe(async () => {
    // The programmes of the last and the next 7 days and those live: what an operator moves and uploads recordings for.
    const view = await hub.connection.invoke("WatchCatalog");
    programmes.clear();
    [...view.live, ...view.upcoming, ...view.recent].forEach((p) => programmes.set(p.id, p));
    renderAll();
  });
  hub.subscribe(async () => jobs.replace(await hub.connection.invoke("WatchMedia")));
  hub.subscribe(async () => live.replace(await hub.connection.invoke("WatchLiveStreams")));
  await hub.start();
}

main();
