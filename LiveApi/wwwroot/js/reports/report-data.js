// What the report pages share: the counters of a report row, totals, the month picker kept in the address, the table.
import { S, el, byId, query } from "../core/dom.js";
import { currentMonth, isMonth } from "../core/format.js";

export const COUNTERS = ["received", "approved", "answeredOnAir", "followedUp", "followUpAnswered", "overdue", "rejected", "ratings"];

export function totals(rows) {
  const sum = Object.fromEntries(COUNTERS.map((name) => [name, rows.reduce((n, r) => n + r.counters[name], 0)]));
  const ratingSum = rows.reduce((n, r) => n + r.counters.ratingSum, 0);
  return { counters: sum, satisfaction: sum.ratings ? Math.round((ratingSum / sum.ratings) * 100) / 100 : null };
}

/** The month input: from ?month= (or this month in China time), never later than this month. */
export function monthPicker(onChange) {
  const input = byId("month");
  const now = currentMonth();
  input.max = now;
  input.value = isMonth(query("month")) ? query("month") : now;
  input.addEventListener("change", () => {
    if (!isMonth(input.value)) input.value = now;
    onChange(input.value);
  });
  return input;
}

/** Keeps the page's choices in the address so a report can be bookmarked and shared. */
export function remember(params) {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  history.replaceState(null, "", url);
}

/** The numbers table: one row per scope, a totals row; `link(row)` may turn a name into a link. */
export function reportTable(rows, { caption, link = () => null } = {}) {
  const number = (n) => el("td", { text: n });
  const rowCells = (counters, satisfaction) => [...COUNTERS.map((name) => number(counters[name])), number(S.satisfactionValue(satisfaction))];
  const all = totals(rows);
  return el("table", "data",
    caption ? el("caption", { class: "visually-hidden", text: caption }) : null,
    el("thead", {}, el("tr", {},
      el("th", { text: S.column.name, attrs: { scope: "col" } }),
      ...[...COUNTERS, "satisfaction"].map((name) => el("th", { text: S.column[name], attrs: { scope: "col" } })))),
    el("tbody", {}, rows.map((row) => {
      const href = link(row);
      return el("tr", { data: { key: row.key } },
        el("th", { attrs: { scope: "row" } }, href ? el("a", { text: row.name, attrs: { href } }) : row.name),
        ...rowCells(row.counters, row.satisfaction));
    })),
    el("tfoot", {}, el("tr", {}, el("th", { text: S.total, attrs: { scope: "row" } }), ...rowCells(all.counters, all.satisfaction))));
}
