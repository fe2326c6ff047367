// The live picture (or sound, for radio) on the programme page: hls.js on the live playlists, kept about three
// segments behind the live edge; the delay behind the studio shown from the segments' PROGRAM-DATE-TIME; "回到直播"
// when the viewer has paused or sought back (they stay where they chose to be); a viewer left behind by a stall they
// did not choose rejoins the live edge by itself; the question on air as a caption over the picture. Mounted when the
// stream becomes playable (from /api/programmes/{id}/playback on load, then LivePlaybackChanged on the desk hub).
import { S, el, byId, loadScript } from "../core/dom.js";
import { getJson } from "../core/api.js";

const HLS_TYPE = "application/vnd.apple.mpegurl";

export function livePlayer(ctx) {
  const section = byId("live-section");
  let media = null;
  let hls = null;
  let playback = null;
  let chosenTime = false; // the viewer paused or sought back: keep them there until they go back to live
  let lastTime = 0;

  // Further behind than hls.js's own catch-up reaches (target plus one segment): the viewer chose it, or needs the button.
  const BEHIND_SECONDS = 4;
  // Left this far behind without choosing it (a long stall): jump back to the live edge.
  const REJOIN_SECONDS = 10;

  async function mount(url, radio) {
    byId("live-heading").textContent = radio ? S.liveRadioHeading : S.livePlayerHeading;
    media = el(radio ? "audio" : "video", {
      attrs: { controls: "", playsinline: "", muted: "", autoplay: "", id: "live-media", "aria-label": radio ? S.liveAudioLabel : S.liveVideoLabel },
    });
    media.muted = true; // browsers allow autoplay only without sound: the viewer unmutes with the player's control
    byId("live-player").replaceChildren(media, el("p", { class: "live-caption", attrs: { id: "live-caption", "aria-hidden": "true" } }));
    section.hidden = false;
    await loadScript("/lib/hls/hls.min.js");
    if (window.Hls?.isSupported()) {
      // The playlist is an EVENT playlist (the whole show, DVR), so hls.js must never pull a viewer who sought back
      // to the live edge (liveMaxLatencyDuration stays at its default, infinite). After a stall (a busy phone, a
      // slow network) it plays up to 1.5x until it is back at its target distance; lowLatencyMode turns that
      // catch-up on (it is off otherwise) and changes nothing else for playlists without LL-HLS parts.
      hls = new window.Hls({ liveSyncDurationCount: 3, maxLiveSyncPlaybackRate: 1.5, lowLatencyMode: true });
      hls.loadSource(url);
      hls.attachMedia(media);
    } else if (media.canPlayType(HLS_TYPE)) {
      media.src = url; // Safari and iOS play HLS themselves
    }
    media.play().catch(() => {});
    // A backward jump of more than two seconds is the viewer's (hls.js only ever nudges forward over gaps); so is a pause.
    media.addEventListener("seeking", () => { if (media.currentTime < lastTime - 2) chosenTime = true; });
    media.addEventListener("pause", () => { if (!media.ended) chosenTime = true; });
    setInterval(tick, 1000);
  }

  function tick() {
    if (!media) return;
    const delay = hls?.playingDate ? Math.max(0, Math.round((Date.now() - hls.playingDate.getTime()) / 1000)) : null;
    byId("live-delay").textContent = delay == null ? "" : S.liveDelay(delay);
    const edge = hls?.liveSyncPosition;
    const behind = edge != null && Number.isFinite(edge) && edge - media.currentTime > BEHIND_SECONDS;
    byId("live-edge").hidden = !behind && !media.paused;
    if (behind && !chosenTime && !media.paused && edge - media.currentTime > REJOIN_SECONDS) media.currentTime = edge;
    lastTime = media.currentTime;
    media.dataset.delay = delay ?? "";
    media.dataset.delayMs = hls?.playingDate ? String(Date.now() - hls.playingDate.getTime()) : ""; // read by bench/LiveBench
  }

  byId("live-edge").addEventListener("click", () => {
    chosenTime = false;
    if (hls?.liveSyncPosition != null) media.currentTime = hls.liveSyncPosition;
    media.play().catch(() => {});
  });

  function show(next) {
    if (!next) return;
    playback = next;
    const note = byId("live-note");
    note.hidden = next.signalPresent || !next.onAir;
    note.textContent = next.state === "Ended" ? S.liveEnded : S.liveSignalLost;
    if (next.onAir && next.playlistUrl && !media) mount(next.playlistUrl, next.kind === "Radio");
    if (next.state === "Ended" && media) { note.hidden = false; note.textContent = S.liveEnded; }
  }

  return {
    /** Looks for a playable stream (an answer either way: no stream is not an error). */
    async load() {
      try {
        show((await getJson(`/api/programmes/${encodeURIComponent(ctx.programmeId)}/playback`)).stream);
      } catch { /* offline: the hub's next push brings it */ }
    },
    changed: (next) => { if (!playback || next.version >= playback.version) show(next); },
    /** The question on air, over the picture: for viewers who cannot hear which question is answered. */
    renderCaption() {
      const caption = byId("live-caption");
      if (!caption) return;
      const onAir = ctx.desk.status?.onAir;
      caption.textContent = onAir ? S.liveCaption(onAir.text) : "";
      caption.hidden = !onAir;
    },
  };
}
