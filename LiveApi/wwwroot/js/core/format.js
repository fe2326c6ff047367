// Dates, durations and status badges; times are shown in Beijing time whatever the device's time zone.
import { S, el } from "./dom.js";

const dateTime = new Intl.DateTimeFormat(S.lang, {
  timeZone: S.timeZone, month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false,
});
const timeOnly = new Intl.DateTimeFormat(S.lang, { timeZone: S.timeZone, hour: "2-digit", minute: "2-digit", hour12: false });
const clockFormat = new Intl.DateTimeFormat(S.lang, {
  timeZone: S.timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false,
});

export const formatDateTime = (iso) => dateTime.format(new Date(iso));
export const formatTime = (iso) => timeOnly.format(new Date(iso));
export const formatClock = (date = new Date()) => clockFormat.format(date);
export const formatRange = (start, end) => `${formatDateTime(start)} – ${formatTime(end)}`;

/** "3分05秒" / "1小时2分" since an ISO time. */
export function formatElapsed(sinceIso, now = Date.now()) {
  const seconds = Math.max(0, Math.floor((now - new Date(sinceIso).getTime()) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? S.hoursMinutes(h, m) : S.minutesSeconds(m, seconds % 60);
}

/** A status badge such as 待审核 / 正在解答; the status name is in the text, the colour only repeats it. */
export function statusBadge(status) {
  return el("span", { class: "badge status-" + status.toLowerCase(), text: S.status[status] ?? status });
}

export function stateBadge(state) {
  return el("span", { class: "badge state-" + state.toLowerCase(), text: S.state[state] ?? state });
}

export function askerLabel(q) {
  return S.askerFrom(q.askerName ?? S.anonymous, q.communityName);
}
