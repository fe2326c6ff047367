// The programme page's header lines: title, state, series, time, guests and — once the programme is over — the links
// to its follow-ups and (when published) its recording.
import { S, el, byId } from "../core/dom.js";
import { formatRange, stateBadge } from "../core/format.js";
import { getJson } from "../core/api.js";

export function renderHeader(ctx) {
  const { programme, programmeId, published } = ctx;
  const state = ctx.desk.status?.programmeState ?? programme.state;
  document.title = S.programmeTitle(programme.title);
  byId("programme-title").textContent = programme.title;
  byId("programme-state").replaceChildren(stateBadge(state));
  byId("programme-series").textContent = `${S.series[programme.series]} · ${S.kind[programme.kind]}`;
  byId("programme-when").textContent = formatRange(programme.scheduledStart, programme.scheduledEnd);
  byId("programme-guests").replaceChildren(...(programme.guests ?? []).map((g) => el("li", { text: S.guestLine(g) })));
  const over = state === "Ended" || state === "Archived";
  const links = byId("programme-links");
  const key = `${over}|${Boolean(published)}`;
  if (links.dataset.key !== key) {
    links.dataset.key = key;
    // replaceChildren would print a null argument as the word "null": only nodes go in.
    links.replaceChildren(...[
      published ? el("a", { class: "on-red", text: published.entry.recording.kind === "Radio" ? S.archiveListen : S.archiveWatch, attrs: { href: "/archive.html?id=" + encodeURIComponent(programmeId) } }) : null,
      over ? el("a", { class: "on-red", text: S.followUpsOfProgramme, attrs: { href: "/followup.html?programme=" + encodeURIComponent(programmeId) } }) : null,
    ].filter(Boolean));
    links.hidden = !over && !published;
  }
}

/** Looks for the published recording (null until there is one: an answer, not a 404 in the console). */
export async function loadPublished(ctx) {
  try {
    ctx.published = (await getJson(`/api/programmes/${encodeURIComponent(ctx.programmeId)}/replay`)).item;
    ctx.render();
  } catch {
    ctx.published = null; // offline: the link comes with the next resync
  }
}
