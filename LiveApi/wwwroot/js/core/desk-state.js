// The viewer's view of one programme's question desk, kept current by versioned pushes: a question is applied only
// when its version is newer than the one held; a snapshot (after a reconnect) replaces everything. Pushes that
// arrive while the snapshot is on its way (between beginSync and replace) are applied again on top of it.
const PUBLIC = new Set(["Approved", "OnAir", "Answered"]);
export const isPublic = (status) => PUBLIC.has(status);

export class ViewerDesk {
  constructor() {
    this.version = -1;
    this.status = null;
    this.queue = new Map();
    this.mine = new Map();
    this.myVotes = new Set(); // questions this viewer said "我也想问" to, and rated (from the server's snapshot)
    this.myRatings = new Set();
    this.early = null;
  }

  /** Call before asking for a snapshot: pushes from now on are kept and applied again after replace(). */
  beginSync() {
    this.early = [];
  }

  replace(snapshot) {
    this.version = snapshot.version;
    this.status = snapshot.status;
    this.queue = new Map(snapshot.queue.map((q) => [q.id, q]));
    this.mine = new Map(snapshot.mine.map((q) => [q.id, q]));
    this.myVotes = new Set(snapshot.myVotes ?? []);
    this.myRatings = new Set(snapshot.myRatings ?? []);
    const early = this.early ?? [];
    this.early = null;
    for (const replay of early) replay();
  }

  /** A DeskChanged patch; returns true when something changed. */
  applyPatch(patch) {
    this.early?.push(() => this.applyPatch(patch));
    let changed = false;
    if (patch.version >= this.version) {
      this.version = patch.version;
      this.status = patch.status;
      changed = true;
    }
    for (const q of patch.questions) changed = this.applyQuestion(q) || changed;
    return changed;
  }

  /** A question from any push; the public queue keeps only Approved / OnAir / Answered questions. */
  applyQuestion(q) {
    const held = this.queue.get(q.id) ?? this.mine.get(q.id);
    if (held && held.version >= q.version) return false;
    if (isPublic(q.status)) this.queue.set(q.id, q);
    else this.queue.delete(q.id);
    if (this.mine.has(q.id)) this.mine.set(q.id, q);
    return true;
  }

  /** MyQuestionChanged: one of the viewer's own questions. */
  applyMine(q) {
    this.early?.push(() => this.applyMine(q));
    const held = this.mine.get(q.id);
    if (held && held.version >= q.version) return false;
    this.mine.set(q.id, q);
    const inQueue = this.queue.get(q.id);
    if (!inQueue || inQueue.version < q.version) {
      if (isPublic(q.status)) this.queue.set(q.id, q);
      else this.queue.delete(q.id);
    }
    return true;
  }

  /** The freshest copy of the question on air (the status may carry an older one than the queue). */
  fresh(q) {
    if (!q) return null;
    const known = this.queue.get(q.id);
    return known && known.version > q.version ? known : q;
  }

  /** Queue order: on air first, then the approved queue by rank, then answered. */
  orderedQueue() {
    const weight = { OnAir: 0, Approved: 1, Answered: 2 };
    return [...this.queue.values()].sort((a, b) => weight[a.status] - weight[b.status] || a.rank - b.rank || a.id - b.id);
  }
}
