// 月报: one month's numbers by district, department or programme — charts (Chart.js), the table, the CSV download.
// The month and the scope are kept in the address (?month=2026-11&by=district).
import { S, byId, applyStrings, query, say } from "../core/dom.js";
import { getJson } from "../core/api.js";
import { loadChart, barChart, COLOURS } from "../core/charts.js";
import { monthPicker, remember, reportTable } from "../reports/report-data.js";

applyStrings();
document.title = S.reportsPageTitle;
const SCOPES = ["district", "department", "programme"];
const radios = [...document.querySelectorAll('input[name="by"]')];
radios.forEach((radio) => { radio.nextElementSibling.textContent = S.scope[radio.value]; });
let by = SCOPES.includes(query("by")) ? query("by") : "district";
radios.forEach((radio) => { radio.checked = radio.value === by; });
let loading = 0;

function links(row) {
  if (by === "district") return `/district.html?code=${encodeURIComponent(row.key)}&month=${month.value}`;
  if (by === "programme") return "/programme.html?id=" + encodeURIComponent(row.key);
  return null;
}

function drawCharts(Chart, rows, monthText) {
  const labels = rows.map((r) => r.name);
  const series = (name, stack) => ({ label: S.column[name], data: rows.map((r) => r.counters[name]), backgroundColor: COLOURS[name], stack });
  barChart(Chart, byId("chart-questions"), {
    labels, stacked: true, label: S.chartLabel(S.chartQuestions, monthText),
    datasets: [series("received", "received"), series("answeredOnAir", "handled"), series("followedUp", "handled"), series("rejected", "handled")],
  });
  barChart(Chart, byId("chart-followups"), {
    labels, label: S.chartLabel(S.chartFollowUps, monthText),
    datasets: [series("followedUp"), series("followUpAnswered"), series("overdue")],
  });
  const rated = rows.filter((r) => r.satisfaction != null);
  byId("no-ratings").hidden = rated.length > 0;
  byId("chart-satisfaction").parentElement.hidden = rated.length === 0;
  barChart(Chart, byId("chart-satisfaction"), {
    labels: rated.map((r) => r.name), max: 5, label: S.chartLabel(S.chartSatisfaction, monthText),
    datasets: [{ label: S.column.satisfaction, data: rated.map((r) => r.satisfaction), backgroundColor: COLOURS.satisfaction }],
  });
}

async function load() {
  const ticket = ++loading;
  const value = month.value;
  remember({ month: value, by });
  byId("csv").href = `/api/reports/${value}/csv?by=${by}`;
  const monthText = S.month(value);
  byId("table-heading").textContent = S.reportsTableHeading(monthText, S.scope[by]);
  try {
    const [rows, Chart] = await Promise.all([getJson(`/api/reports/${value}?by=${by}`), loadChart()]);
    if (ticket !== loading) return; // a newer choice is on its way
    say(byId("page-error"), null);
    byId("table-empty").hidden = rows.length > 0;
    byId("table").replaceChildren(reportTable(rows, { caption: byId("table-heading").textContent, link: links }));
    drawCharts(Chart, rows, monthText);
  } catch (error) {
    if (ticket === loading) say(byId("page-error"), S.reportLoadFailed(error.message), "error");
  }
}

const month = monthPicker(load);
radios.forEach((radio) => radio.addEventListener("change", () => {
  by = radio.value;
  load();
}));
byId("report-controls").addEventListener("submit", (event) => event.preventDefault());
load();
