// The recording upload form of the admin page: choose a programme and a file; the file goes in blocks straight into
// Blob storage (BlockUpload), then "complete" turns it into a transcoding job. An upload survives a network drop (it
// resumes when the browser is back online, or with "继续上传") and a page reload: its recording id is kept in
// localStorage under the file's identity (name, size, last modified), so choosing the same file again resumes it.
import { S, el, byId, say } from "../core/dom.js";
import { formatBytes, formatEta, formatDate } from "../core/format.js";
import { getJson, postJson, ApiError } from "../core/api.js";
import { BlockUpload } from "../core/uploader.js";

const RECORD_PREFIX = "rt.upload.";
// A recording is attached once the programme has ended (an archived one may get a replacement).
const UPLOADABLE = new Set(["Ended", "Archived"]);

const recordKey = (file) => `${RECORD_PREFIX}${file.name}|${file.size}|${file.lastModified}`;

function readRecord(file) {
  try { return JSON.parse(localStorage.getItem(recordKey(file))); } catch { return null; }
}

function saveRecord(file, ticket) {
  const record = {
    recordingId: ticket.session.recordingId, programmeId: ticket.session.programmeId,
    fileName: file.name, size: file.size, lastModified: file.lastModified, savedAt: new Date().toISOString(),
  };
  localStorage.setItem(recordKey(file), JSON.stringify(record));
  return record;
}

const forgetRecord = (file) => localStorage.removeItem(recordKey(file));

/**
 * Wires the form. programmes() returns the programme summaries (kept live by the page); onJob(job) receives the job
 * that "complete" created. Returns { programmesChanged } for the page to call when the list changes.
 */
export function mountUpload({ token, programmes, onJob }) {
  const form = byId("upload-form");
  const select = byId("u-programme");
  const input = byId("u-file");
  const submit = byId("upload-submit");
  const pause = byId("upload-pause");
  const bar = byId("upload-bar");
  const figures = byId("upload-figures");
  const note = byId("upload-note");
  const error = byId("upload-error");
  const ok = byId("upload-ok");
  const found = byId("upload-found");
  let upload = null; // the BlockUpload on its way
  let state = "idle"; // idle | uploading | paused | interrupted
  let resumable = null; // the localStorage record of the chosen file, when it has an unfinished upload

  function fillProgrammes() {
    const chosen = select.value;
    const list = programmes().filter((p) => UPLOADABLE.has(p.state))
      .sort((a, b) => b.scheduledStart.localeCompare(a.scheduledStart));
    select.replaceChildren(el("option", { text: S.uploadChooseProgramme, attrs: { value: "" } }),
      ...list.map((p) => el("option", { text: S.uploadProgrammeOption(p.title, S.state[p.state], formatDate(p.scheduledStart)), attrs: { value: p.id } })));
    if ([...select.options].some((o) => o.value === chosen)) select.value = chosen;
  }

  function setState(next) {
    state = next;
    submit.disabled = next === "uploading";
    submit.textContent = next === "paused" || next === "interrupted" || resumable ? S.uploadResume : S.uploadStart;
    pause.hidden = next !== "uploading";
    select.disabled = next === "uploading";
    input.disabled = next === "uploading";
  }

  function showProgress(p) {
    byId("upload-progress").hidden = false;
    const percent = p.total ? Math.floor((p.bytes / p.total) * 100) : 0;
    bar.value = percent;
    bar.textContent = S.percent(percent);
    const eta = formatEta(p.eta);
    figures.textContent = [
      S.uploadFigures(formatBytes(p.bytes), formatBytes(p.total), percent),
      p.speed != null ? S.uploadSpeed(formatBytes(p.speed)) : null,
      eta && percent < 100 ? S.uploadEta(eta) : null,
      S.uploadBlocks(p.blocksDone, p.blocks),
    ].filter(Boolean).join(" · ");
    say(note, p.retrying ? S.uploadRetrying(p.retrying) : null, "warn");
  }

  function clearMessages() {
    for (const region of [error, ok, note]) say(region, null);
    select.removeAttribute("aria-invalid");
    input.removeAttribute("aria-invalid");
  }

  function fieldError(message, field) {
    say(error, message, "error");
    const target = field === "fileName" || field === "sizeBytes" ? input : field === "programme" ? select : null;
    if (target) {
      target.setAttribute("aria-invalid", "true");
      target.focus();
    }
  }

  async function fileChosen() {
    clearMessages();
    say(found, null);
    resumable = null;
    byId("upload-progress").hidden = true;
    const file = input.files[0];
    const record = file ? readRecord(file) : null;
    if (record) {
      try {
        const ticket = await getJson(`/api/recordings/${encodeURIComponent(record.recordingId)}`, token());
        resumable = record;
        if ([...select.options].some((o) => o.value === record.programmeId)) select.value = record.programmeId;
        const done = ticket.uploadedBlocks.length;
        const total = ticket.blockIds.length;
        const bytes = ticket.uploadedBlocks.reduce((sum, i) => sum + Math.min(ticket.session.blockSize, file.size - i * ticket.session.blockSize), 0);
        say(found, S.uploadFound(done, total, Math.floor((bytes / file.size) * 100)), "info");
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) forgetRecord(file); // the server no longer knows it: start afresh
      }
    }
    setState("idle");
  }

  /** A ticket for the chosen file: the unfinished upload of the same file for the same programme, or a new one. */
  async function ticketFor(file, programmeId, replace) {
    if (resumable && resumable.programmeId === programmeId) {
      try {
        return await getJson(`/api/recordings/${encodeURIComponent(resumable.recordingId)}`, token());
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404)) throw e;
        forgetRecord(file);
      }
    }
    const ticket = await postJson(`/api/programmes/${encodeURIComponent(programmeId)}/recordings`,
      { fileName: file.name, sizeBytes: file.size, contentType: file.type || null, replace }, token());
    resumable = saveRecord(file, ticket);
    return ticket;
  }

  /** replace: the admin confirmed that this file replaces the programme's recording (asked when the server says it has one). */
  async function transfer(file, programmeId, replace = false) {
    setState("uploading");
    say(found, null);
    figures.textContent = S.uploadPreparing;
    byId("upload-progress").hidden = false;
    let asking = true; // refusals of the ticket itself (type, size, programme state) name a field; later ones interrupt
    try {
      let ticket = await ticketFor(file, programmeId, replace);
      asking = false;
      while (!ticket.session.jobId) {
        upload = new BlockUpload(file, ticket, { onProgress: showProgress });
        try {
          await upload.run();
          break;
        } catch (e) {
          if (!e.expired) throw e;
          say(note, S.uploadExpired, "warn"); // the SAS ran out during a long upload: a fresh ticket, same blocks
          ticket = await getJson(`/api/recordings/${encodeURIComponent(ticket.session.recordingId)}`, token());
        }
      }
      say(note, S.uploadCommitting, "info");
      const job = await postJson(`/api/recordings/${encodeURIComponent(ticket.session.recordingId)}/complete`, undefined, token());
      say(note, null);
      forgetRecord(file);
      resumable = null;
      bar.value = 100;
      bar.textContent = S.percent(100);
      say(ok, S.uploadDone(file.name), "ok");
      input.value = "";
      setState("idle");
      onJob(job);
    } catch (e) {
      say(note, null);
      if (e.aborted) {
        setState("paused");
        say(error, null);
        say(ok, S.uploadPaused, "info");
      } else if (asking && e instanceof ApiError && e.status === 409 && e.state === "HasRecording" && !replace) {
        // Replacing a published replay is a deliberate act: say what happens and ask.
        setState("idle");
        byId("upload-progress").hidden = true;
        if (window.confirm(S.uploadReplaceConfirm(e.message))) return transfer(file, programmeId, true);
        say(ok, S.uploadReplaceKept, "info");
      } else if (asking && e instanceof ApiError && (e.status === 400 || e.status === 409)) {
        setState("idle");
        byId("upload-progress").hidden = true;
        fieldError(e.message, e.status === 409 ? "programme" : e.field);
      } else {
        setState("interrupted");
        say(error, S.uploadInterrupted(e.message), "error");
      }
    } finally {
      upload = null;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (state === "uploading") return;
    clearMessages();
    const file = input.files[0];
    if (!select.value) return fieldError(S.uploadNeedProgramme, "programme");
    if (!file) return fieldError(S.uploadNeedFile, "fileName");
    transfer(file, select.value);
  });
  input.addEventListener("change", fileChosen);
  select.addEventListener("change", () => select.removeAttribute("aria-invalid"));
  pause.addEventListener("click", () => upload?.abort());
  // Back online after a drop: carry on by itself.
  window.addEventListener("online", () => {
    if (state === "interrupted" && input.files[0] && select.value) transfer(input.files[0], select.value);
  });

  fillProgrammes();
  setState("idle");
  return { programmesChanged: fillProgrammes };
}
