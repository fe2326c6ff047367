#!/usr/bin/env bash
# Starts `./realtime run` on its own ports and data folder, checks what a newcomer would see, stops it with SIGTERM
# and checks that no process is left behind. Prints the time to ready.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
export RT_DATA_DIR="$WORK/data" RT_RUN_DIR="$WORK/run" RT_CLUSTER_ID="smoke-$$"
export RT_BLOB_PORT=21000 RT_QUEUE_PORT=21001 RT_TABLE_PORT=21002 RT_SILO_PORT=21111 RT_GATEWAY_PORT=21300
export RT_DASHBOARD_PORT=21081 RT_HTTP_PORT=21080 RT_GRPC_PORT=21082 RT_WORKER_PORT=21090 RT_METRICS_PORT=21089
fail() { echo "SMOKE FAIL: $*" >&2; [ -d "$WORK/run/logs" ] && tail -n 20 "$WORK"/run/logs/*.log >&2; exit 1; }

started=$SECONDS
setsid "$ROOT/realtime" run >"$WORK/run.out" 2>&1 &
runner=$!
for _ in $(seq 1 360); do
  grep -q '^READY$' "$WORK/run.out" && break
  kill -0 "$runner" 2>/dev/null || { cat "$WORK/run.out" >&2; fail "./realtime run exited early"; }
  sleep 0.5
done
grep -q '^READY$' "$WORK/run.out" || fail "not ready after 180 s"
echo "smoke: ready in $((SECONDS - started)) s"

base="http://127.0.0.1:$RT_HTTP_PORT"
districts=$(curl -fs "$base/api/districts" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$districts" = "13" ] || fail "expected 13 districts, got $districts"
live=$(curl -fs "$base/api/programmes/window" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["live"]))')
[ "$live" -ge 1 ] || fail "expected a live programme, got $live"
curl -fs "$base/" | grep -q '沈阳政务公开直播' || fail "landing page has no title"
curl -fs "$base/lib/signalr/signalr.min.js" >/dev/null || fail "SignalR client library is not served"
curl -fs "http://127.0.0.1:$RT_DASHBOARD_PORT/" >/dev/null || fail "Orleans dashboard is not served"
for url in "http://127.0.0.1:$RT_DASHBOARD_PORT/metrics" "http://127.0.0.1:$RT_METRICS_PORT/metrics" "http://127.0.0.1:$RT_WORKER_PORT/metrics"; do
  curl -fs "$url" >"$WORK/metrics.txt" || fail "no answer at $url"
  grep -q '^dotnet_gc_' "$WORK/metrics.txt" || fail "no Prometheus metrics at $url"
done
echo "smoke: 13 districts, $live live programme(s), landing page, dashboard, metrics of every process: OK"

pids=$(cat "$WORK"/run/*.pid)
kill -TERM "$runner"
for _ in $(seq 1 120); do kill -0 "$runner" 2>/dev/null || break; sleep 0.5; done
kill -0 "$runner" 2>/dev/null && fail "./realtime run did not stop within 60 s of SIGTERM"
for pid in $pids; do kill -0 "$pid" 2>/dev/null && fail "process $pid is still running after stop"; done
echo "smoke: stopped cleanly, no processes left"
rm -rf "$WORK"
