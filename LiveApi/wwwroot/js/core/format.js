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

const dateOnly = new Intl.DateTimeFormat(S.lang, { timeZone: S.timeZone, year: "numeric", month: "numeric", day: "numeric", weekday: "short" });
const monthParts = new Intl.DateTimeFormat("en-CA", { timeZone: S.timeZone, year: "numeric", month: "2-digit" });

export const formatDate = (iso) => dateOnly.format(new Date(iso));

/** "2026-11": the month now in China time (reports are kept by China-time months). */
export function currentMonth(now = new Date()) {
  const parts = Object.fromEntries(monthParts.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}`;
}

export const isMonth = (value) => /^20\d\d-(0[1-9]|1[0-2])$/.test(value ?? "");

/** Media time: "0:07", "12:05", "1:02:03". */
export function formatMediaTime(seconds) {
  const total = Math.max(0, Math.floor(seconds || 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** "2.7 MB" (binary multiples, as file managers show them). */
export function formatBytes(bytes) {
  let value = Math.max(0, bytes || 0);
  let unit = 0;
  while (value >= 1024 && unit < S.byteUnits.length - 1) { value /= 1024; unit++; }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return S.bytes(value.toFixed(digits), S.byteUnits[unit]);
}

/** A span of time in words, coarse as people say it: "2天3小时", "3小时5分", "12分钟", "不到1分钟". */
export function formatSpan(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return S.lessThanMinute;
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  if (d > 0) return S.daysHours(d, h);
  if (h > 0) return S.hoursMinutesShort(h, minutes % 60);
  return S.minutesOnly(minutes);
}

/** Seconds left of a transfer or a transcode: "45秒", "3分钟", "1小时2分". */
export function formatEta(seconds) {
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 60) return S.secondsOnly(Math.ceil(seconds));
  return formatSpan(seconds * 1000);
}
