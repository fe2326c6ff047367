// The moderators' view of one desk: every question (applied only when its version is newer), the status and the
// moderation log (deduplicated by sequence). A snapshot after a reconnect replaces the questions and the status;
// pushes that arrive while it is on its way (after beginSync) are applied again on top of it.
const CLOSED = new Set(["Answered", "Rejected", "FollowUp", "Merged", "Withdrawn"]);

export class StaffDesk {
  constructor() {
    this.version = -1;
    this.status = null;
    this.questions = new Map();
    this.log = new Map();
    this.rejectReasons = [];
    this.early = null;
  }

  beginSync() {
    this.early = [];
  }

  replace(snapshot) {
    this.version = snapshot.version;
    this.status = snapshot.status;
    this.questions = new Map(snapshot.questions.map((q) => [q.id, q]));
    this.rejectReasons = snapshot.rejectReasons;
    this.addLog(snapshot.log);
    const early = this.early ?? [];
    this.early = null;
    early.forEach((patch) => this.applyPatch(patch));
  }

  applyPatch(patch) {
    this.early?.push(patch);
    if (patch.version >= this.version) {
      this.version = patch.version;
      this.status = patch.status;
    }
    for (const q of patch.questions) {
      const held = this.questions.get(q.id);
      if (!held || held.version < q.version) this.questions.set(q.id, q);
    }
    this.addLog(patch.log);
  }

  addLog(entries) {
    for (const entry of entries ?? []) this.log.set(entry.sequence, entry);
  }

  get oldestLogSequence() {
    return this.log.size ? Math.min(...this.log.keys()) : null;
  }

  get nextId() { return this.status?.next?.id ?? null; }
  get onAirId() { return this.status?.onAir?.id ?? null; }

  pending() { return this.where((q) => q.status === "Pending").sort((a, b) => a.id - b.id); }
  approved() { return this.where((q) => q.status === "Approved").sort((a, b) => a.rank - b.rank || a.id - b.id); }
  onAir() { return this.where((q) => q.status === "OnAir"); }
  done(limit = 20) {
    return this.where((q) => CLOSED.has(q.status)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, limit);
  }
  /** Questions another one can be merged into. */
  mergeTargets(q) {
    return this.where((t) => t.id !== q.id && (t.status === "Pending" || t.status === "Approved" || t.status === "OnAir"))
      .sort((a, b) => a.id - b.id);
  }
  where(predicate) { return [...this.questions.values()].filter(predicate); }
}
