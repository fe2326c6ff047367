// One SignalR connection to /hubs/live that re-subscribes after every reconnect, so pages resync without reload.
window.LiveConnection = function (onStatus) {
  const S = window.STRINGS;
  const subscriptions = [];
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(1000 * (ctx.previousRetryCount + 1), 5000) })
    .build();

  const status = (key) => onStatus(key, S[key]);
  const resubscribe = () => Promise.all(subscriptions.map((s) => s()));

  connection.onreconnecting(() => status("reconnecting"));
  connection.onreconnected(async () => { await resubscribe(); status("connected"); });
  connection.onclose(() => { status("disconnected"); setTimeout(start, 3000); });

  async function start() {
    status("connecting");
    try {
      await connection.start();
      await resubscribe();
      status("connected");
    } catch {
      status("disconnected");
      setTimeout(start, 3000);
    }
  }

  return {
    connection,
    start,
    // `subscribe` runs now and after every reconnect; it invokes a Watch* method and applies the snapshot.
    subscribe(fn) { subscriptions.push(fn); if (connection.state === "Connected") fn(); },
  };
};
