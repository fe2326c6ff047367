// Resumable upload of a large file straight into Blob storage with the SAS URL of an upload ticket: the file is cut
// into the blocks the ticket names, a few travel at once, a failed block is retried with backoff, and blocks already
// in storage (ticket.uploadedBlocks) are skipped. Progress counts bytes as they leave (XHR upload events), so a
// multi-gigabyte upload shows movement every second, not every 8 MiB block.
import { S } from "./dom.js";

const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
const PROGRESS_EVERY_MS = 250;
const SPEED_WINDOW_MS = 8000;
const retryable = (status) => status === 0 || status === 408 || status === 429 || status >= 500;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** status: the storage's HTTP status (0 = network); expired: the SAS was refused (ask for a fresh ticket). */
export class UploadError extends Error {
  constructor(message, { status = 0, aborted = false } = {}) {
    super(message);
    this.status = status;
    this.aborted = aborted;
    this.expired = status === 403;
  }
}

export class BlockUpload {
  /** onProgress({ bytes, total, blocksDone, blocks, speed (bytes/s) | null, eta (s) | null, retrying }) */
  constructor(file, ticket, { concurrency = 4, onProgress = () => {} } = {}) {
    this.file = file;
    this.url = ticket.uploadUrl;
    this.blockSize = ticket.session.blockSize;
    this.blockIds = ticket.blockIds;
    this.done = new Set(ticket.uploadedBlocks);
    this.concurrency = concurrency;
    this.onProgress = onProgress;
    this.inFlight = new Map();
    this.retrying = new Set();
    this.aborted = false;
    this.samples = [];
    this.lastReport = 0;
  }

  get complete() {
    return this.done.size === this.blockIds.length;
  }

  blockLength(index) {
    return Math.min(this.blockSize, this.file.size - index * this.blockSize);
  }

  /** Bytes in storage plus the bytes of blocks on their way. */
  uploadedBytes() {
    let bytes = 0;
    for (const index of this.done) bytes += this.blockLength(index);
    for (const entry of this.inFlight.values()) bytes += entry.sent;
    return bytes;
  }

  progress() {
    const now = performance.now();
    const bytes = this.uploadedBytes();
    this.samples.push([now, bytes]);
    while (this.samples.length > 2 && now - this.samples[0][0] > SPEED_WINDOW_MS) this.samples.shift();
    const [since, before] = this.samples[0];
    const speed = now - since >= 1000 ? Math.max(0, ((bytes - before) * 1000) / (now - since)) : null;
    return {
      bytes, total: this.file.size, blocksDone: this.done.size, blocks: this.blockIds.length, speed,
      eta: speed > 0 ? (this.file.size - bytes) / speed : null, retrying: this.retrying.size,
    };
  }

  report(force = false) {
    const now = performance.now();
    if (!force && now - this.lastReport < PROGRESS_EVERY_MS) return;
    this.lastReport = now;
    this.onProgress(this.progress());
  }

  /** Uploads every missing block; rejects with an UploadError (aborted: paused; expired: get a fresh ticket). */
  async run() {
    const queue = this.blockIds.map((_, index) => index).filter((index) => !this.done.has(index));
    this.report(true);
    const worker = async () => {
      while (queue.length && !this.aborted) await this.sendWithRetries(queue.shift());
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
    } catch (error) {
      this.abort(); // one block gave up: stop the others, the next run resumes from what is in storage
      throw error;
    }
    if (this.aborted) throw new UploadError(S.uploadPaused, { aborted: true });
    this.report(true);
  }

  abort() {
    this.aborted = true;
    for (const entry of this.inFlight.values()) entry.xhr.abort();
  }

  async sendWithRetries(index) {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.send(index);
        this.retrying.delete(index);
        this.done.add(index);
        this.report(true);
        return;
      } catch (error) {
        if (this.aborted || error.aborted) throw new UploadError(S.uploadPaused, { aborted: true });
        if (!retryable(error.status) || attempt >= RETRY_DELAYS_MS.length) {
          throw new UploadError(`${S.uploadBlockFailed(index + 1)}${error.message}`, { status: error.status });
        }
        this.retrying.add(index);
        this.report(true);
        await sleep(RETRY_DELAYS_MS[attempt] * (0.75 + Math.random() * 0.5));
        if (this.aborted) throw new UploadError(S.uploadPaused, { aborted: true });
      }
    }
  }

  send(index) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const entry = { xhr, sent: 0 };
      const settle = (error) => {
        this.inFlight.delete(index);
        if (error) reject(error); else resolve();
      };
      this.inFlight.set(index, entry);
      xhr.open("PUT", `${this.url}&comp=block&blockid=${encodeURIComponent(this.blockIds[index])}`);
      xhr.upload.onprogress = (event) => {
        entry.sent = event.loaded;
        this.report();
      };
      xhr.onload = () => settle(xhr.status >= 200 && xhr.status < 300 ? null : new UploadError(S.httpError(xhr.status), { status: xhr.status }));
      xhr.onerror = () => settle(new UploadError(S.networkError));
      xhr.ontimeout = () => settle(new UploadError(S.networkError));
      xhr.onabort = () => settle(new UploadError(S.uploadPaused, { aborted: true }));
      const start = index * this.blockSize;
      xhr.send(this.file.slice(start, start + this.blockLength(index)));
    });
  }
}
