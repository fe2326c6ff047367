// Storyboard thumbnails: the worker's WebVTT map ("00:00:10.000 --> 00:00:20.000" then "sprite.jpg#xywh=160,0,160,90")
// read into cues, and a thumbnail element showing one cell of a sprite at any width.
import { el } from "../core/dom.js";

const toSeconds = (stamp) => stamp.split(":").reduce((total, part) => total * 60 + Number(part), 0);

/** [{ start, end, url, x, y, w, h }] from the text of a storyboard WebVTT file (cues that do not parse are skipped). */
export function parseStoryboard(text) {
  const cues = [];
  const blocks = text.replace(/\r/g, "").split(/\n{2,}/);
  for (const block of blocks) {
    const lines = block.split("\n").map((l) => l.trim()).filter(Boolean);
    const timing = lines.findIndex((l) => l.includes("-->"));
    if (timing < 0 || !lines[timing + 1]) continue;
    const [from, to] = lines[timing].split("-->").map((s) => s.trim().split(/\s+/)[0]);
    const match = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(lines[timing + 1]);
    if (!match) continue;
    cues.push({ start: toSeconds(from), end: toSeconds(to), url: match[1], x: +match[2], y: +match[3], w: +match[4], h: +match[5] });
  }
  return cues;
}

export function cueAt(cues, seconds) {
  return cues.find((c) => seconds >= c.start && seconds < c.end) ?? (cues.length && seconds >= cues.at(-1).end ? cues.at(-1) : null);
}

/** A thumbnail `width` px wide cut out of the sprite (decorative: the chapter's text says what it is). */
export function thumbnail(cue, width = 96) {
  const scale = width / cue.w;
  const sprite = el("span", { class: "thumb-sprite" });
  Object.assign(sprite.style, {
    width: `${cue.w}px`, height: `${cue.h}px`, backgroundImage: `url("${encodeURI(cue.url)}")`,
    backgroundPosition: `-${cue.x}px -${cue.y}px`, transform: `scale(${scale})`,
  });
  const frame = el("span", { class: "thumb", attrs: { "aria-hidden": "true" } }, sprite);
  Object.assign(frame.style, { width: `${width}px`, height: `${Math.round(cue.h * scale)}px` });
  return frame;
}
