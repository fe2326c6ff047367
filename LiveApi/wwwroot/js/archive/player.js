// The replay of one programme: HLS through hls.js (the browser's own HLS where hls.js cannot run), a quality menu,
// chapters made of the questions answered on air (a click jumps to the moment the question went on air), a share link
// with the start time (?t=seconds, read on load), the MP4 / M4A download. Radio programmes get an audio player.
import { S, el, byId, say, query, loadScript } from "../core/dom.js";
import { formatDate, formatMediaTime } from "../core/format.js";
import { getJson, ApiError } from "../core/api.js";
import { loadCatalogue } from "../core/catalogue.js";
import { parseStoryboard, cueAt, thumbnail } from "./storyboard.js";

const HLS_TYPE = "application/vnd.apple.mpegurl";
let media = null;
let chapters = [];
let pendingSeek = null;
let lastShared = -1;

function startTime() {
  const t = Number(query("t"));
  return Number.isFinite(t) && t > 0 ? t : null;
}

/** Seeks now, or as soon as the media knows its duration (a seek before that may be dropped by the player). */
function seek(seconds, play = false) {
  if (media.readyState >= HTMLMediaElement.HAVE_METADATA) media.currentTime = seconds;
  else pendingSeek = seconds;
  if (play) media.play().catch(() => {}); // a refused autoplay leaves the player at the chapter, paused
  markChapter(seconds);
  updateShare(seconds);
}

// ---- quality menu ------------------------------------------------------------------------------------------------
function fillQuality(hls) {
  const select = byId("quality");
  const levels = hls.levels.map((level, index) => ({ level, index })).filter(({ level }) => level.height);
  byId("quality-field").hidden = levels.length === 0; // audio only: nothing to choose
  select.replaceChildren(el("option", { text: S.qualityAuto, attrs: { value: "-1" } }),
    ...levels.sort((a, b) => b.level.height - a.level.height).map(({ level, index }) =>
      el("option", { text: S.qualityLevel(level.height, Math.round(level.bitrate / 1000)), attrs: { value: index } })));
  select.addEventListener("change", () => { hls.currentLevel = Number(select.value); });
}

function showCurrentLevel(hls, levelIndex) {
  const auto = byId("quality").querySelector('option[value="-1"]');
  const level = hls.levels[levelIndex];
  if (auto && level?.height) auto.textContent = hls.autoLevelEnabled ? S.qualityAutoNow(S.qualityName(level.height)) : S.qualityAuto;
}

async function attach(url, start) {
  await loadScript("/lib/hls/hls.min.js");
  const error = byId("player-error");
  if (window.Hls?.isSupported()) {
    const Hls = window.Hls;
    // A replay published while still transcoding has a growing (EVENT) playlist, which hls.js would start at its live
    // edge: a replay starts at the beginning (or at ?t=) either way.
    const hls = new Hls({ startPosition: start ?? 0 });
    let recovered = false;
    hls.on(Hls.Events.MANIFEST_PARSED, () => fillQuality(hls));
    hls.on(Hls.Events.LEVEL_SWITCHED, (_, data) => showCurrentLevel(hls, data.level));
    hls.on(Hls.Events.ERROR, (_, data) => {
      if (!data.fatal) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !recovered) {
        recovered = true;
        hls.recoverMediaError();
        return;
      }
      say(error, S.playbackFailed, "error");
    });
    hls.loadSource(url);
    hls.attachMedia(media);
    return;
  }
  byId("quality-field").hidden = true;
  if (media.canPlayType(HLS_TYPE)) {
    media.src = url;
    return;
  }
  say(error, S.playbackUnsupported, "error");
}

// ---- chapters ----------------------------------------------------------------------------------------------------
function renderChapters(departments, cues) {
  const list = byId("chapters");
  if (!chapters.length) {
    list.replaceChildren(el("li", { class: "empty", text: S.chaptersEmpty }));
    return;
  }
  list.replaceChildren(...chapters.map((c) => {
    const time = formatMediaTime(c.onAirSeconds);
    const cue = cues.length ? cueAt(cues, c.onAirSeconds) : null;
    const department = c.department ? departments.get(c.department) ?? c.department : null;
    return el("li", { data: { question: c.questionId } },
      el("button", {
        class: "chapter", data: { seconds: c.onAirSeconds, role: "chapter" },
        // Named by its visible text (WCAG 2.5.3: speech users say what they see), with "从 … 开始" for screen readers.
        attrs: { type: "button" },
        on: { click: () => seek(c.onAirSeconds, true) },
      },
      cue ? thumbnail(cue) : null,
      el("span", "chapter-body",
        el("span", { class: "chapter-time" }, el("span", { class: "visually-hidden", text: S.chapterFrom }), time,
          el("span", { class: "visually-hidden", text: S.chapterStarts })),
        el("span", { class: "chapter-text", text: c.text }),
        department ? el("span", { class: "chapter-department", text: S.chapterAnsweredBy(S.departmentShort(department)) }) : null)));
  }));
}

/** Marks the chapter playing at `seconds` (the last one that started before it). */
function markChapter(seconds) {
  let current = null;
  for (const c of chapters) if (c.onAirSeconds <= seconds + 0.25) current = c;
  byId("chapters").querySelectorAll("button.chapter").forEach((button) => {
    const on = current && Number(button.dataset.seconds) === current.onAirSeconds;
    button.classList.toggle("current", Boolean(on));
    if (on) button.setAttribute("aria-current", "true"); else button.removeAttribute("aria-current");
  });
}

// ---- share link --------------------------------------------------------------------------------------------------
function updateShare(seconds = media?.currentTime ?? 0) {
  const whole = Math.floor(seconds);
  if (whole === lastShared) return;
  lastShared = whole;
  const atTime = byId("share-at-time").checked && whole > 0;
  const url = new URL("/archive.html", location.origin);
  url.searchParams.set("id", query("id"));
  if (atTime) url.searchParams.set("t", String(whole));
  byId("share-link").value = url.toString();
  byId("share-at-time-label").textContent = S.shareAtTime(formatMediaTime(whole));
}

async function copyShare() {
  const input = byId("share-link");
  const status = byId("share-status");
  try {
    await navigator.clipboard.writeText(input.value);
    status.textContent = S.copied;
  } catch {
    input.select();
    status.textContent = document.execCommand?.("copy") ? S.copied : S.copyFailed;
  }
}

// ---- the page ----------------------------------------------------------------------------------------------------
function renderHeader(item, districts) {
  const p = item.entry.programme;
  const r = item.entry.recording;
  document.title = S.playerPageTitle(p.title);
  byId("page-title").textContent = p.title;
  const meta = byId("player-meta");
  meta.hidden = false;
  meta.replaceChildren(
    el("span", { text: S.seriesAndKind(S.series[p.series], S.kind[p.kind]) }),
    el("span", { text: formatDate(p.scheduledStart) }),
    el("span", { text: r.processing ? S.archiveProcessing : S.archiveDuration(formatMediaTime(r.durationSeconds)) }),
    el("span", { text: p.districts.map((code) => districts.find((d) => d.code === code)?.name ?? code).join(S.listSeparator) }));
}

async function storyboard(item) {
  if (!item.storyboardUrl) return [];
  try {
    const response = await fetch(item.storyboardUrl);
    return response.ok ? parseStoryboard(await response.text()) : [];
  } catch {
    return []; // thumbnails are a nicety: chapters work without them
  }
}

export async function showPlayer(programmeId) {
  const pageError = byId("page-error");
  const id = encodeURIComponent(programmeId);
  byId("player-links").append(
    el("a", { text: S.programmePage, attrs: { href: "/programme.html?id=" + id } }),
    el("a", { text: S.followUpsOfProgramme, attrs: { href: "/followup.html?programme=" + id } }));
  let detail;
  let catalogue = { districts: [], departments: new Map() };
  try {
    [detail, catalogue] = await Promise.all([getJson(`/api/archive/${encodeURIComponent(programmeId)}`), loadCatalogue().catch(() => catalogue)]);
  } catch (error) {
    const missing = error instanceof ApiError && error.status === 404;
    say(pageError, missing ? S.archiveNotPublished : error.message, "error");
    byId("player-links").hidden = false;
    return;
  }
  const { item } = detail;
  const recording = item.entry.recording;
  const radio = recording.kind === "Radio";
  chapters = [...detail.chapters].sort((a, b) => a.onAirSeconds - b.onAirSeconds);
  renderHeader(item, catalogue.districts);
  byId("player").hidden = false;
  byId("player-links").hidden = false;

  media = radio
    ? el("audio", { attrs: { controls: true, preload: "metadata", id: "media" } })
    : el("video", { attrs: { controls: true, playsinline: true, preload: "metadata", id: "media", poster: item.posterUrl ?? false } });
  media.setAttribute("aria-label", S.labelled(S.playerHeading, item.entry.programme.title));
  // Captions from the desk's on-air timeline: which question is being answered (for deaf viewers). A video shows them
  // itself; under a radio player the line below the player shows the current one.
  const track = el("track", { attrs: {
    kind: "captions", srclang: S.lang, label: S.captionsLabel, default: true,
    src: `/api/archive/${encodeURIComponent(item.entry.programme.id)}/captions.vtt`,
  } });
  media.append(track);
  if (radio) {
    track.track.mode = "hidden";
    track.track.addEventListener("cuechange", () => {
      const cue = track.track.activeCues?.[0];
      byId("caption-line").textContent = cue ? cue.text.replace(/<[^>]*>/g, "") : "";
    });
  }
  // The player takes the recording's shape: a portrait phone recording is shown upright and not letterboxed into 16:9.
  const top = recording.renditions?.find((r) => r.width > 0 && r.height > 0);
  if (!radio && top) {
    media.style.aspectRatio = `${top.width} / ${top.height}`;
    byId("media-box").classList.toggle("portrait", top.height > top.width);
  }
  byId("media-box").classList.toggle("audio", radio);
  byId("media-box").replaceChildren(...[radio && item.posterUrl ? el("img", { class: "poster", attrs: { src: item.posterUrl, alt: "" } }) : null, media,
    radio ? el("p", { class: "caption-line", attrs: { id: "caption-line" } }) : null].filter(Boolean));

  byId("player-processing").hidden = !recording.processing;
  const download = byId("download");
  download.hidden = !item.downloadUrl;
  if (item.downloadUrl) {
    download.href = item.downloadUrl;
    download.textContent = radio ? S.downloadM4a : S.downloadMp4;
  }

  const start = startTime();
  media.addEventListener("loadedmetadata", () => {
    const target = pendingSeek ?? start;
    pendingSeek = null;
    if (target != null && Math.abs(media.currentTime - target) > 0.5) media.currentTime = target;
  });
  media.addEventListener("timeupdate", () => {
    markChapter(media.currentTime);
    updateShare();
  });
  media.addEventListener("seeked", () => updateShare());
  byId("share-at-time").addEventListener("change", () => { lastShared = -1; updateShare(); });
  byId("share-copy").addEventListener("click", copyShare);
  byId("share-link").addEventListener("focus", (event) => event.target.select());

  renderChapters(catalogue.departments, []);
  if (start != null) {
    pendingSeek = start;
    markChapter(start);
  }
  updateShare(start ?? 0);
  await attach(item.playlistUrl, start);
  const cues = await storyboard(item);
  if (cues.length) renderChapters(catalogue.departments, cues);
  markChapter(start ?? media.currentTime);
}
