// What the asker was last told of each of their questions. The change may come in a MyQuestionChanged push, in the
// public DeskChanged patch (whichever arrives first) or in a snapshot after a reconnect: each is said once, politely,
// in the page's visually hidden #announcer live region.
import { S, byId } from "../core/dom.js";

const told = new Map(); // question id → "status|answered in writing"

export function announceChanges(desk) {
  for (const q of desk.mine.values()) {
    const answered = q.followUp?.answer != null;
    const before = told.get(q.id);
    told.set(q.id, `${q.status}|${answered}`);
    if (before === undefined) continue; // known from the start, or just submitted (the form says so)
    if (!before.startsWith(q.status + "|")) announce(S.statusChangedAnnouncement(q.id, S.status[q.status]));
    else if (answered && before.endsWith("|false")) announce(S.writtenAnswerArrived(q.id));
  }
}

export function announce(text) {
  byId("announcer").textContent = text;
}
