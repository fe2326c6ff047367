// 公开透明: how many questions were not let through in a month, by reason — a chart and a table. The questions
// themselves and their askers are not shown.
import { S, el, byId, applyStrings, say } from "../core/dom.js";
import { getJson } from "../core/api.js";
import { loadChart, barChart, paletteColour } from "../core/charts.js";
import { monthPicker, remember } from "../reports/report-data.js";

applyStrings();
document.title = S.transparencyPageTitle;
let loading = 0;

function table(rows, total) {
  return el("table", "data",
    el("thead", {}, el("tr", {},
      el("th", { text: S.reasonColumn, attrs: { scope: "col" } }),
      el("th", { text: S.countColumn, attrs: { scope: "col" } }),
      el("th", { text: S.shareColumn, attrs: { scope: "col" } }))),
    el("tbody", {}, rows.map((r) => el("tr", { data: { reason: r.reason } },
      el("th", { text: r.reason, attrs: { scope: "row" } }),
      el("td", { text: r.count }),
      el("td", { text: S.share(Math.round((r.count / total) * 1000) / 10) })))),
    el("tfoot", {}, el("tr", {}, el("th", { text: S.total, attrs: { scope: "row" } }), el("td", { text: total }), el("td", { text: S.share(100) }))));
}

async function load(value) {
  const ticket = ++loading;
  remember({ month: value });
  const monthText = S.month(value);
  byId("table-heading").textContent = S.transparencyTableHeading(monthText);
  try {
    const [rows, Chart] = await Promise.all([getJson(`/api/reports/${value}/rejections`), loadChart()]);
    if (ticket !== loading) return;
    say(byId("page-error"), null);
    const total = rows.reduce((n, r) => n + r.count, 0);
    byId("total").textContent = total ? S.transparencyTotal(total) : S.transparencyEmpty;
    byId("table").replaceChildren(...(total ? [table(rows, total)] : []));
    byId("chart-reasons").closest("section").hidden = total === 0;
    barChart(Chart, byId("chart-reasons"), {
      labels: rows.map((r) => r.reason), label: S.chartLabel(S.transparencyChart, monthText),
      datasets: [{ label: S.countColumn, data: rows.map((r) => r.count), backgroundColor: rows.map((_, i) => paletteColour(i)) }],
    });
  } catch (error) {
    if (ticket === loading) say(byId("page-error"), S.reportLoadFailed(error.message), "error");
  }
}

const month = monthPicker(load);
byId("month-form").addEventListener("submit", (event) => event.preventDefault());
load(month.value);
