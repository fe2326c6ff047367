// The archive list: published programmes, filtered by district, department, series, dates and the text of the title
// and the questions answered; newest month first, the best matches first within a month, a page at a time ("load
// more"). The filters live in the address (?district=…&q=…), so a search can be shared and bookmarked.
import { S, el, byId, say } from "../core/dom.js";
import { formatDate, formatMediaTime } from "../core/format.js";
import { getJson } from "../core/api.js";
import { pager } from "../core/pager.js";
import { loadCatalogue, fillOptions } from "../core/catalogue.js";

const FILTERS = ["q", "district", "department", "series", "from", "to"];
let districts = [];
let pages = null;
let shown = [];
let lastQuery = null;

const field = (name) => byId("f-" + name);

function paramsFromForm() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = field(name).value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function formFromParams(params) {
  for (const name of FILTERS) {
    const value = params.get(name) ?? "";
    const input = field(name);
    if (input.tagName !== "SELECT" || [...input.options].some((o) => o.value === value)) input.value = value;
  }
}

/** The answered questions that contain the search text (what made the programme match). */
function matches(item, q) {
  if (!q) return [];
  const needle = q.toLowerCase();
  return item.entry.answeredQuestions.filter((text) => text.toLowerCase().includes(needle)).slice(0, 3);
}

function card(item, q) {
  const p = item.entry.programme;
  const r = item.entry.recording;
  const href = "/archive.html?id=" + encodeURIComponent(p.id);
  const found = matches(item, q);
  return el("li", { class: "card archive-card", data: { programme: p.id } },
    item.posterUrl
      ? el("img", { class: "poster", attrs: { src: item.posterUrl, alt: "", loading: "lazy", width: 320, height: 180 } })
      : el("div", { class: "poster poster-audio", attrs: { "aria-hidden": "true" } }, el("span", { text: S.mediaKind[r.kind] })),
    el("div", "card-top",
      el("span", { class: "series", text: S.seriesAndKind(S.series[p.series], S.kind[p.kind]) }),
      r.processing
        ? el("span", { class: "badge processing", text: S.archiveProcessing })
        : el("span", { class: "badge duration", text: formatMediaTime(r.durationSeconds) })),
    el("h3", "title", el("a", { class: "card-link", attrs: { href } }, el("span", { class: "card-title", text: p.title }))),
    el("p", { class: "when", text: formatDate(p.scheduledStart) }),
    el("p", { class: "covers", text: p.districts.map((code) => districts.find((d) => d.code === code)?.name ?? code).join(S.listSeparator) }),
    item.entry.departments.length ? el("p", { class: "departments", text: item.entry.departments.join(S.listSeparator) }) : null,
    el("p", { class: "answered", text: S.archiveAnswered(item.entry.answeredQuestions.length) }),
    found.length ? el("div", "matches", el("p", { class: "hint", text: S.archiveMatches }),
      el("ul", {}, found.map((text) => el("li", { text })))) : null);
}

/** A new search (more = false) or the next page of the current one. */
async function search(params, { more = false } = {}) {
  const count = byId("result-count");
  const list = byId("results");
  const button = byId("results-more");
  if (!more) {
    pages = pager("/api/archive" + (params.size ? "?" + params : ""));
    shown = [];
    lastQuery = params.get("q");
    list.replaceChildren();
  }
  count.textContent = S.loading;
  button.disabled = true;
  say(byId("page-error"), null);
  try {
    const items = await pages.next();
    shown.push(...items);
    list.append(...items.map((item) => card(item, lastQuery)));
    count.textContent = shown.length ? (pages.done ? S.archiveCount(shown.length) : S.archiveCountMore(shown.length)) : S.archiveEmpty;
  } catch (error) {
    count.textContent = "";
    say(byId("page-error"), error.message, "error");
    if (error.field && FILTERS.includes(error.field)) field(error.field).setAttribute("aria-invalid", "true");
  } finally {
    button.hidden = !pages || pages.done;
    button.disabled = false;
  }
}

export async function showSearch() {
  document.title = S.archivePageTitle;
  byId("search").hidden = false;
  try {
    const [catalogue, series] = await Promise.all([loadCatalogue(), getJson("/api/series")]);
    districts = catalogue.districts;
    fillOptions(field("district"), S.archiveAnyDistrict, districts.map((d) => [d.code, d.name]));
    fillOptions(field("department"), S.archiveAnyDepartment, catalogue.departmentList.map((d) => [d.code, d.name]));
    fillOptions(field("series"), S.archiveAnySeries, series.map((s) => [s.series, S.series[s.series] ?? s.name]));
  } catch (error) {
    say(byId("page-error"), error.message, "error");
  }
  const params = new URLSearchParams(location.search);
  formFromParams(params);
  byId("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    byId("search-form").querySelectorAll("[aria-invalid]").forEach((n) => n.removeAttribute("aria-invalid"));
    const next = paramsFromForm();
    history.replaceState(null, "", next.size ? "?" + next : location.pathname);
    search(next);
  });
  byId("results-more").addEventListener("click", () => search(null, { more: true }));
  byId("search-reset").addEventListener("click", () => {
    FILTERS.forEach((name) => { field(name).value = ""; });
    history.replaceState(null, "", location.pathname);
    search(new URLSearchParams());
  });
  await search(paramsFromForm());
}
