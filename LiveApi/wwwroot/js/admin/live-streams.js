// Live streams on the admin page: open a programme's stream, then give the studio its SRT address and passphrase and
// watch the signal — input picture and sound, bitrate, dropped frames, encode speed, the newest segment's age — and
// any problem in words (wrong passphrase, no picture, no input, worker lost). WatchLiveStreams snapshot, then
// LiveStreamChanged pushes (applied when their version is newer).
import { S, el, byId, say, syncChildren } from "../core/dom.js";
import { postJson } from "../core/api.js";

const OPEN_STATES = new Set(["Scheduled", "Live"]);

export class LiveStreams {
  /** programmes() → the programmes the page knows; token() → the admin's bearer token. */
  constructor({ token, programmes }) {
    this.token = token;
    this.programmes = programmes;
    this.streams = new Map();
    this.nodes = new Map();
    this.list = byId("live-streams");
    byId("live-form").addEventListener("submit", (event) => { event.preventDefault(); this.open(); });
    setInterval(() => this.render(), 1000); // "newest segment n s ago"
  }

  replace(streams) {
    this.streams = new Map(streams.map((s) => [s.programmeId, s]));
    this.render();
  }

  apply(stream) {
    const known = this.streams.get(stream.programmeId);
    if (known && known.streamId === stream.streamId && known.version >= stream.version) return;
    this.streams.set(stream.programmeId, stream);
    this.render();
  }

  async open() {
    const programmeId = byId("live-programme").value;
    say(byId("live-error"), null);
    if (!programmeId) return say(byId("live-error"), S.liveChooseProgramme, "error");
    try {
      this.apply(await postJson(`/api/programmes/${encodeURIComponent(programmeId)}/live-stream`, undefined, this.token()));
      say(byId("live-ok"), S.liveOpened(this.programmes().find((p) => p.id === programmeId)?.title ?? programmeId), "ok");
    } catch (e) {
      say(byId("live-error"), e.message, "error");
    }
  }

  render() {
    const select = byId("live-programme");
    const choices = this.programmes().filter((p) => OPEN_STATES.has(p.state) && !this.streams.has(p.id));
    const key = choices.map((p) => p.id).join("|");
    if (select.dataset.key !== key) {
      const chosen = select.value;
      select.dataset.key = key;
      select.replaceChildren(...choices.map((p) => new Option(`${p.title}（${S.kind[p.kind]}）`, p.id)));
      if (choices.some((p) => p.id === chosen)) select.value = chosen;
    }
    const streams = [...this.streams.values()].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
    syncChildren(this.list, streams.length ? streams.map((s) => this.item(s)) : [el("li", { class: "empty", text: S.liveNone })]);
  }

  item(s) {
    const title = this.programmes().find((p) => p.id === s.programmeId)?.title ?? s.programmeId;
    const h = s.health;
    const lines = [
      el("div", "card-top", el("span", { class: "badge live-state-" + s.state.toLowerCase(), text: S.liveState[s.state] }),
        el("span", { class: "series", text: S.mediaKind[s.kind] })),
      el("h4", { text: title }),
    ];
    if (s.problem) lines.push(el("p", { class: "message", data: { kind: "warn" }, attrs: { role: "status" }, text: s.problem.message }));
    if (s.encoderUrl && s.state !== "Ended") {
      lines.push(copyField(S.liveServer, s.encoderUrl, `live-url-${s.programmeId}`),
        copyField(S.livePassphrase, s.passphrase, `live-pass-${s.programmeId}`),
        el("p", { class: "hint", text: S.liveEncoderHint }),
        el("details", {}, el("summary", { text: S.liveTestCommand }),
          el("code", { class: "command", text: S.liveFfmpegCommand(s.encoderUrl, s.kind === "Radio") })));
    } else if (s.state === "Waiting") {
      lines.push(el("p", { class: "meta", text: S.liveWaitingWorker }));
    }
    if (h && s.state !== "Ended") lines.push(el("p", { class: "meta live-health", text: healthLine(h) }));
    if (s.state !== "Ended" && s.playableAt) {
      lines.push(el("a", { class: "button", text: S.liveWatch, attrs: { href: "/programme.html?id=" + encodeURIComponent(s.programmeId) } }));
    }
    const node = el("li", { class: "live-stream", data: { programme: s.programmeId, state: s.state } }, ...lines);
    return node;
  }
}

function copyField(label, value, id) {
  const input = el("input", { attrs: { type: "text", id, readonly: "", value } });
  input.value = value;
  return el("div", "field copy-field", el("label", { text: label, attrs: { for: id } }),
    el("div", "actions", input, el("button", {
      text: S.copy, attrs: { type: "button", "aria-label": S.labelled(S.copy, label) },
      on: { click: async (event) => {
        input.select();
        try { await navigator.clipboard.writeText(value); event.target.textContent = S.copied; } catch { /* selected: Ctrl+C works */ }
      } },
    })));
}

function healthLine(h) {
  const parts = [h.connected ? S.liveSignalOn : S.liveSignalOff];
  if (h.width) parts.push(`${h.width}×${h.height}${h.frameRate ? ` · ${Math.round(h.frameRate)} fps` : ""}`);
  if (h.audioCodec) parts.push(S.liveAudio(h.audioCodec, h.audioSampleRate, h.audioChannels));
  if (h.inputKbps) parts.push(S.liveBitrate(Math.round(h.inputKbps)));
  parts.push(S.liveDropped(h.droppedFrames));
  if (h.speed) parts.push(S.liveSpeed(h.speed.toFixed(2)));
  if (h.lastSegmentAt) parts.push(S.liveLastSegment(Math.max(0, Math.round((Date.now() - Date.parse(h.lastSegmentAt)) / 1000))));
  return parts.join(" · ");
}
