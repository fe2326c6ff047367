// Viewer page of one programme: on air now, next, the public queue with "我也想问", the submit form with the
// duplicate hint, "我的问题" with live status badges, follow-ups and star ratings of answers, and the live picture or
// sound with the question on air as a caption (js/programme/*).
// One /hubs/desk connection; resyncs after every reconnect.
import { S, byId, applyStrings, query, say } from "../core/dom.js";
import { getJson, viewerToken, forgetViewer, ApiError } from "../core/api.js";
import { connectHub, deskCall, StatusIndicator } from "../core/hub.js";
import { ViewerDesk } from "../core/desk-state.js";
import { loadCatalogue } from "../core/catalogue.js";
import { renderHeader, loadPublished } from "../programme/programme-header.js";
import { queueView } from "../programme/queue-view.js";
import { askForm } from "../programme/ask-form.js";
import { viewerActions } from "../programme/viewer-actions.js";
import { announceChanges } from "../programme/announcements.js";
import { livePlayer } from "../programme/live-player.js";

applyStrings();
const programmeId = query("id");
const programmeUrl = `/api/programmes/${encodeURIComponent(programmeId)}`;
const ctx = {
  programmeId,
  desk: new ViewerDesk(),
  hub: null,
  programme: null,
  catalogue: null,
  published: null, // the archive entry once the recording is published
  departmentName: (code) => (code ? ctx.catalogue?.departments.get(code) ?? code : null),
  render: () => {},
};

async function main() {
  const pageError = byId("page-error");
  if (!programmeId) return say(pageError, S.missingProgramme, "error");
  try {
    [ctx.programme, ctx.catalogue] = await Promise.all([getJson(programmeUrl), loadCatalogue()]);
  } catch (error) {
    return say(pageError, error instanceof ApiError && error.status === 404 ? S.notFoundProgramme : error.message, "error");
  }
  const actions = viewerActions(ctx);
  const renderQueues = queueView(ctx, actions);
  const form = askForm(ctx, actions);
  const live = livePlayer(ctx);
  ctx.render = () => {
    renderHeader(ctx);
    renderQueues();
    form.renderNotice();
    announceChanges(ctx.desk);
    live.renderCaption();
  };
  ctx.render();
  live.load();

  const hub = ctx.hub = connectHub("/hubs/desk", { token: viewerToken, onUnauthorized: forgetViewer, indicator: new StatusIndicator(byId("connection")) });
  hub.on("DeskChanged", (patch) => {
    if (patch.programmeId === programmeId && ctx.desk.applyPatch(patch)) ctx.render();
  });
  hub.on("LivePlaybackChanged", (playback) => {
    if (playback.programmeId === programmeId) live.changed(playback);
  });
  hub.on("MyQuestionChanged", (id, q) => {
    if (id === programmeId && ctx.desk.applyMine(q)) ctx.render();
  });
  hub.subscribe(async () => {
    ctx.desk.beginSync();
    const snapshot = await deskCall(hub, "Join", programmeId);
    ctx.desk.replace(snapshot);
    ctx.programme = await getJson(programmeUrl).catch(() => ctx.programme);
    ctx.render();
    if (!ctx.published && (ctx.programme.state === "Ended" || ctx.programme.state === "Archived")) loadPublished(ctx);
  });
  await hub.start();
}

main();
