// The moderation log panel: who did what and when, newest first, with the server's short values said in words,
// and older pages on demand (REST).
import { S, el, byId, say } from "../core/dom.js";
import { formatClock } from "../core/format.js";
import { getJson } from "../core/api.js";

/** Log values are stored as the server's short forms ("Approved", "next=3", "paused=True"): say them in words. */
function translate(value) {
  if (!value) return value;
  if (S.status[value]) return S.status[value];
  let m;
  if ((m = /^next=(\d*)$/.exec(value))) return S.logNextValue(m[1] ? Number(m[1]) : null);
  if ((m = /^paused=(true|false)$/i.exec(value))) return S.logPausedValue(m[1].toLowerCase() === "true");
  if ((m = /^slow=(\d+)s$/.exec(value))) return S.logSlowValue(Number(m[1]));
  if ((m = /^Merged→#(\d+)$/.exec(value))) return S.mergedInto(Number(m[1]));
  if ((m = /^(Phone|Sms|Email): ([\s\S]*)$/.exec(value))) return S.labelled(S.source[m[1]], m[2]);
  if (value.startsWith("banned ")) return S.logBanned;
  return value;
}

export function renderLog(desk) {
  const entries = [...desk.log.values()].sort((a, b) => b.sequence - a.sequence).slice(0, 300);
  byId("log").replaceChildren(...(entries.length ? entries.map((e) => el("li", { data: { sequence: e.sequence } },
    el("time", { text: formatClock(new Date(e.at)), attrs: { datetime: e.at } }), " ",
    el("span", { text: S.logLine(e, S.logAction[e.action] ?? e.action) }),
    (e.before || e.after) && e.action !== "reorder" ? el("span", { class: "log-change", text: S.logChange(translate(e.before), translate(e.after)) }) : null))
    : [el("li", { class: "empty", text: S.logEmpty })]));
}

/** Fetches the page of log entries older than those held. */
export async function loadOlderLog({ desk, programmeId, session }) {
  const before = desk.oldestLogSequence;
  const url = `/api/programmes/${encodeURIComponent(programmeId)}/moderation/log?take=50` + (before ? `&before=${before}` : "");
  try {
    const entries = await getJson(url, session.accessToken);
    desk.addLog(entries);
    byId("log-more").hidden = entries.length < 50;
    renderLog(desk);
  } catch (error) {
    say(byId("action-error"), error.message, "error");
  }
}
