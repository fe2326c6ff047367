// Chart.js (from npm, served from /lib/chart) in the site's colours and font. Every chart is drawn from the same rows
// as the table beside it; the table is the accessible version of the numbers, the canvas only repeats them.
import { loadScript } from "./dom.js";

export const COLOURS = {
  received: "#5f6368",
  approved: "#8a8f94",
  answeredOnAir: "#1e6b30",
  followedUp: "#0b57d0",
  followUpAnswered: "#0f7b8a",
  overdue: "#b26a00",
  rejected: "#c8102e",
  satisfaction: "#b26a00",
};

const PALETTE = ["#c8102e", "#0b57d0", "#1e6b30", "#b26a00", "#6a1b9a", "#0f7b8a", "#5f6368", "#ad1457", "#33691e", "#4e342e"];
export const paletteColour = (i) => PALETTE[i % PALETTE.length];

let loaded = null;
export function loadChart() {
  loaded ??= loadScript("/lib/chart/chart.umd.min.js").then(() => {
    const Chart = window.Chart;
    Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
    Chart.defaults.color = "#1d1d1f";
    Chart.defaults.animation = false; // numbers, not a show: nothing moves (and screenshots are stable)
    Chart.defaults.maintainAspectRatio = false;
    return Chart;
  });
  return loaded;
}

/**
 * A horizontal bar chart (long Chinese names read better down the side), as tall as its rows. Datasets with the same
 * `stack` are stacked; different stacks stand side by side.
 */
export function barChart(Chart, canvas, { labels, datasets, stacked = false, max = undefined, label }) {
  Chart.getChart(canvas)?.destroy();
  const groups = stacked ? new Set(datasets.map((d) => d.stack ?? "all")).size : datasets.length;
  canvas.parentElement.style.height = `${Math.max(180, labels.length * (14 + 12 * groups) + 90)}px`;
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", label);
  return new Chart(canvas, {
    type: "bar",
    data: { labels, datasets: datasets.map((d) => ({ borderWidth: 0, barPercentage: 0.9, categoryPercentage: 0.8, maxBarThickness: 28, ...d })) },
    options: {
      indexAxis: "y",
      responsive: true,
      scales: {
        x: { stacked, beginAtZero: true, max, ticks: { precision: 0 } },
        y: { stacked, ticks: { autoSkip: false } },
      },
      plugins: { legend: { display: datasets.length > 1, position: "bottom", labels: { boxWidth: 14 } } },
    },
  });
}
