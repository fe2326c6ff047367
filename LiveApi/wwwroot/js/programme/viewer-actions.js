// What a viewer does besides asking: "我也想问", rating an answer, withdrawing a pending question. Each goes through
// the desk hub as this viewer; a refused (stale) identity is replaced once and the call retried.
import { S, byId, say } from "../core/dom.js";
import { forgetViewer, viewerTokenRefused } from "../core/api.js";
import { deskCall } from "../core/hub.js";
import { announce } from "./announcements.js";

export function viewerActions(ctx) {
  const { desk, programmeId } = ctx;

  /**
   * Runs a viewer action; when it is refused because the stored identity is no longer accepted, takes a new
   * identity, reconnects and tries once more (the same request id, so it can never count twice).
   */
  async function asViewer(action) {
    try {
      return await action();
    } catch (error) {
      // "Unauthorized": the stored viewer token is no longer accepted (older servers said "Forbidden"; probe then).
      const refused = error.kind === "Unauthorized" || (error.kind === "Forbidden" && (await viewerTokenRefused(programmeId)));
      if (!refused) throw error;
      forgetViewer();
      await ctx.hub.restart();
      return await action();
    }
  }

  const markVoted = (button) => {
    button.textContent = S.metooDone;
    button.setAttribute("aria-pressed", "true");
  };

  /** "我也想问"; thanks in #vote-message, a refusal in `errorRegion`. Resolves true when the vote counts. */
  async function vote(questionId, button, errorRegion = byId("vote-message")) {
    button.disabled = true;
    try {
      const q = await asViewer(() => deskCall(ctx.hub, "Vote", programmeId, questionId));
      desk.myVotes.add(questionId);
      desk.applyQuestion(q);
      ctx.render(); // the button's state depends on the vote, even when the push already brought the new count
      say(byId("vote-message"), S.metooThanks, "ok");
      markVoted(button);
      return true;
    } catch (error) {
      if (error.state === "Voted") {
        desk.myVotes.add(questionId);
        ctx.render();
        markVoted(button);
      } else {
        button.disabled = false;
      }
      say(errorRegion, error.message, "error");
      return error.state === "Voted";
    }
  }

  /** Rates an answer; the form shows a refusal. Already rated (from another tab, say): the form gives way. */
  async function rate(questionId, score, comment) {
    try {
      const q = await asViewer(() => deskCall(ctx.hub, "Rate", programmeId, questionId, score, comment));
      desk.myRatings.add(questionId);
      desk.applyQuestion(q);
      ctx.render();
      announce(S.rateThanks);
    } catch (error) {
      if (error.state !== "Rated") throw error;
      desk.myRatings.add(questionId);
      ctx.render();
    }
  }

  async function withdraw(questionId, errorRegion) {
    try {
      const q = await deskCall(ctx.hub, "Withdraw", programmeId, questionId);
      if (desk.applyMine(q)) ctx.render();
    } catch (error) {
      say(errorRegion, error.message, "error");
    }
  }

  return { asViewer, vote, rate, withdraw };
}
