// Transcoding jobs on the admin page, live: the WatchMedia snapshot, then MediaJobChanged pushes (a job is applied only
// when its version is newer). Per job: state, progress (percent, fps, speed, ETA), queue position, attempts, worker;
// on failure the reason in words and ffmpeg's last lines; cancel / requeue; a link to the replay once published.
import { S, el, byId, say, syncChildren, keepFocus } from "../core/dom.js";
import { formatBytes, formatEta, formatDateTime } from "../core/format.js";
import { postJson } from "../core/api.js";

const ACTIVE = new Set(["Queued", "Leased", "Running"]);

export class MediaJobs {
  /** titleOf(programmeId) → the programme's title (or null while unknown); token() → the admin's bearer token. */
  constructor({ token, titleOf }) {
    this.list = byId("jobs");
    this.error = byId("jobs-error");
    this.ok = byId("jobs-ok");
    this.token = token;
    this.titleOf = titleOf;
    this.jobs = new Map();
    this.nodes = new Map();
    this.openTails = new Set(); // job ids whose ffmpeg output the operator opened: kept open across updates
  }

  /** A snapshot (after every connect); a push that overtook it keeps its newer version. */
  replace(jobs) {
    const known = this.jobs;
    this.jobs = new Map(jobs.map((j) => [j.jobId, known.get(j.jobId)?.version > j.version ? known.get(j.jobId) : j]));
    this.render();
  }

  apply(job) {
    const known = this.jobs.get(job.jobId);
    if (known && known.version >= job.version) return;
    this.jobs.set(job.jobId, job);
    this.render();
  }

  /**
   * Queue positions from the list itself: the queue is first in, first out and a waiting job does not change, so
   * ordering the queued jobs by their last change gives every position (a push carries only its own job's).
   */
  positions() {
    const queued = [...this.jobs.values()].filter((j) => j.state === "Queued")
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
    return new Map(queued.map((j, i) => [j.jobId, i + 1]));
  }

  render() {
    const positions = this.positions();
    const ordered = [...this.jobs.values()].sort((a, b) =>
      Number(ACTIVE.has(b.state)) - Number(ACTIVE.has(a.state)) || b.createdAt.localeCompare(a.createdAt));
    const nodes = ordered.map((job) => {
      const position = positions.get(job.jobId) ?? null;
      const title = this.titleOf(job.programmeId);
      const key = `${job.version}|${position}|${title}`;
      const hit = this.nodes.get(job.jobId);
      if (hit && hit.key === key) return hit.node;
      const node = this.item(job, position, title);
      this.nodes.set(job.jobId, { key, node });
      return node;
    });
    keepFocus(this.list, () => syncChildren(this.list, nodes.length ? nodes : [el("li", { class: "empty", text: S.jobsEmpty })]));
  }

  item(job, position, title) {
    const name = title ?? job.programmeId;
    const p = job.progress;
    const percent = job.state === "Succeeded" ? 100 : Math.floor(p?.percent ?? 0);
    const figures = [
      S.jobPercent(percent),
      job.state === "Running" && p?.fps ? S.jobFps(Math.round(p.fps)) : null,
      job.state === "Running" && p?.speed ? S.jobSpeed(p.speed.toFixed(1)) : null,
      job.state === "Running" && formatEta(p?.etaSeconds) ? S.jobEta(formatEta(p.etaSeconds)) : null,
    ].filter(Boolean).join(" · ");
    const showBar = job.state === "Running" || job.state === "Leased" || job.state === "Succeeded" || (p && percent > 0);
    const details = [
      position ? S.jobQueuePosition(position) : null,
      job.attempts > 0 ? S.jobAttempts(job.attempts, job.maxAttempts) : null,
      job.workerId ? S.jobWorker(job.workerId) : null,
      S.jobCreated(formatDateTime(job.createdAt)),
      job.finishedAt ? S.jobFinished(formatDateTime(job.finishedAt)) : null,
    ].filter(Boolean);

    let tail = null;
    if (job.stderrTail?.length) {
      tail = el("details", { class: "stderr", attrs: { open: this.openTails.has(job.jobId) } },
        el("summary", { text: S.jobStderr(job.stderrTail.length) }),
        el("pre", { text: job.stderrTail.join("\n") }));
      tail.addEventListener("toggle", () => {
        if (tail.open) this.openTails.add(job.jobId); else this.openTails.delete(job.jobId);
      });
    }

    const label = (action) => S.jobActionLabel(action, job.fileName);
    return el("li", { class: "job state-" + job.state.toLowerCase(), data: { job: job.jobId, state: job.state, item: job.jobId } },
      el("div", "card-top",
        el("span", { class: "badge job-state job-" + job.state.toLowerCase(), text: S.jobState[job.state] ?? job.state }),
        el("strong", { class: "job-title", text: name })),
      el("p", { class: "meta", text: S.jobFile(job.fileName, formatBytes(job.sizeBytes), S.mediaKind[job.kind] ?? job.kind) }),
      showBar ? el("div", "job-progress",
        el("progress", { class: "job-bar", text: S.jobPercent(percent), attrs: { max: 100, value: percent, "aria-label": S.jobProgressLabel(name) } }),
        el("span", { class: "job-figures", text: figures })) : null,
      el("p", { class: "meta job-details", text: details.join(" · ") }),
      job.state === "Failed" ? this.reasons(job) : null,
      job.supersededBy ? el("p", { class: "meta job-superseded", text: S.jobSuperseded }) : null,
      tail,
      el("div", "actions",
        ACTIVE.has(job.state) ? el("button", {
          text: S.jobCancel, data: { role: "cancel" }, attrs: { type: "button", "aria-label": label(S.jobCancel) },
          on: { click: () => this.command(job, "cancel", S.jobCancelled(job.fileName)) },
        }) : null,
        job.state === "Failed" || job.state === "Cancelled" ? el("button", {
          text: S.jobRequeue, data: { role: "requeue" }, attrs: { type: "button", "aria-label": label(S.jobRequeue) },
          on: { click: () => this.command(job, "requeue", S.jobRequeued(job.fileName)) },
        }) : null,
        (job.state === "Succeeded" && !job.supersededBy) || (job.playableAt && ACTIVE.has(job.state)) ? el("a", {
          class: "button", text: job.state === "Succeeded" ? S.jobWatch : S.jobWatchEarly, data: { role: "watch" },
          attrs: { href: "/archive.html?id=" + encodeURIComponent(job.programmeId), "aria-label": S.labelled(job.state === "Succeeded" ? S.jobWatch : S.jobWatchEarly, name) },
        }) : null));
  }

  /** Every reason the job failed, one per line (a silent 5 fps clip has two). */
  reasons(job) {
    const reasons = job.failureReasons?.length ? job.failureReasons.map((r) => r.message) : job.failureMessage ? [job.failureMessage] : [];
    if (!reasons.length) return null;
    return el("div", { class: "job-failure" },
      el("p", { text: S.jobFailureHeading(reasons.length) }),
      el("ul", {}, ...reasons.map((message) => el("li", { text: message }))));
  }

  async command(job, action, done) {
    say(this.error, null);
    say(this.ok, null);
    try {
      this.apply(await postJson(`/api/media/jobs/${encodeURIComponent(job.jobId)}/${action}`, undefined, this.token()));
      say(this.ok, done, "ok");
    } catch (e) {
      say(this.error, S.labelled(job.fileName, e.message), "error");
    }
  }
}
