// One SignalR connection that never gives up: automatic reconnect, then every subscription runs again so the page
// resyncs from fresh snapshots without a reload. A StatusIndicator shows the worst state of the page's connections.
import { S } from "./dom.js";

const RETRY_MS = 3000;

export class StatusIndicator {
  constructor(element) {
    this.element = element;
    this.states = new Map();
  }

  set(source, key) {
    this.states.set(source, key);
    const order = ["disconnected", "reconnecting", "connecting", "connected"];
    const worst = order.find((k) => [...this.states.values()].includes(k)) ?? "connecting";
    if (this.element.dataset.status === worst) return;
    this.element.dataset.status = worst;
    this.element.textContent = S[worst];
    document.documentElement.dataset.connection = worst;
  }
}

/**
 * connectHub("/hubs/desk", { token: async () => "…", indicator }) → { connection, start, subscribe, on }.
 * subscribe(fn): fn runs after every (re)connect — it joins groups and replaces the page's state with a snapshot.
 */
export function connectHub(url, { token = null, indicator = null, onUnauthorized = null } = {}) {
  const options = token ? { accessTokenFactory: token } : {};
  // A token the server no longer accepts (expired, signing key rotated) would be refused forever: let the page
  // replace it (viewers get a new identity, staff sign in again).
  const refused = (error) => /\b401\b|unauthori[sz]ed/i.test(error?.message ?? "");
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url, options)
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (ctx) => {
        if (refused(ctx.retryReason)) onUnauthorized?.();
        return Math.min(1000 * (ctx.previousRetryCount + 1), 5000);
      },
    })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  const subscriptions = [];
  let starting = null;
  let stopped = false;
  let everConnected = false;
  let restarting = false;
  const status = (key) => indicator?.set(url, key);

  async function resync() {
    try {
      for (const fn of subscriptions) await fn();
      status("connected");
    } catch (error) {
      // A snapshot failed (say the cluster is restarting): the connection is up, try the snapshots again shortly.
      console.warn("resync failed", error);
      status("reconnecting");
      setTimeout(() => { if (connection.state === signalR.HubConnectionState.Connected) resync(); }, RETRY_MS);
    }
  }

  connection.onreconnecting(() => status("reconnecting"));
  connection.onreconnected(() => resync());
  connection.onclose(() => {
    if (stopped || restarting) return;
    status("disconnected");
    setTimeout(start, RETRY_MS);
  });

  function start() {
    if (stopped || restarting) return Promise.resolve();
    starting ??= (async () => {
      status(everConnected ? "reconnecting" : "connecting");
      try {
        await connection.start();
        everConnected = true;
        await resync();
      } catch (error) {
        if (refused(error)) onUnauthorized?.();
        status(everConnected ? "reconnecting" : "disconnected");
        setTimeout(start, RETRY_MS);
      } finally {
        starting = null;
      }
    })();
    return starting;
  }

  return {
    connection,
    start,
    stop() { stopped = true; return connection.stop(); },
    /** Connects again (with a fresh token from the factory) and resyncs. */
    async restart() {
      restarting = true;
      try { await connection.stop(); } finally { restarting = false; }
      await start();
    },
    on: (event, handler) => connection.on(event, handler),
    get connected() { return connection.state === signalR.HubConnectionState.Connected; },
    /** fn runs now (when connected) and after every reconnect. */
    subscribe(fn) {
      subscriptions.push(fn);
      if (connection.state === signalR.HubConnectionState.Connected) return fn();
      return Promise.resolve();
    },
  };
}

/** A desk hub error (kind: NotFound, InvalidState, Invalid, Forbidden, RateLimited, Unavailable, Unauthorized). */
export class DeskError extends Error {
  constructor({ kind, message, field = null, state = null }) {
    super(message);
    this.kind = kind;
    this.field = field;
    this.state = state;
  }
}

/** Invokes a /hubs/desk method; resolves to reply.value or throws a DeskError with the server's message. */
export async function deskCall(hub, method, ...args) {
  let reply;
  try {
    reply = await hub.connection.invoke(method, ...args);
  } catch (error) {
    const unauthorized = /unauthori[sz]ed/i.test(error?.message ?? "");
    throw new DeskError(unauthorized
      ? { kind: "Forbidden", message: S.forbidden }
      : { kind: "Unavailable", message: S.notConnected });
  }
  if (!reply.ok) throw new DeskError(reply.error ?? { kind: "Unavailable", message: S.notConnected });
  return reply.value;
}
