// `./realtime push [programme-id]`: plays the studio encoder for the demo. Signs in as the demo admin, opens the live
// stream of the given programme (default: the first programme on air now), waits for a worker to listen, then sends
// ffmpeg's test pattern and tone over SRT with the stream's passphrase until Ctrl+C — what OBS would send.
import { spawn } from "node:child_process";

const base = process.env.RT_BASE_URL ?? `http://127.0.0.1:${process.env.RT_HTTP_PORT ?? 5080}`;
const [programmeArg] = process.argv.slice(2);

async function call(method, path, token, body) {
  const response = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function fail(message) {
  console.error(`[push] ${message}`);
  process.exit(1);
}

const login = await call("POST", "/api/auth/login", null, { name: "admin", password: process.env.RT_ADMIN_PASSWORD ?? "admin-demo" })
  .catch(() => fail(`LiveApi does not answer at ${base}: start the stack first (./realtime run).`));
if (login.status !== 200) fail(`signing in as admin failed (${login.status}): ${login.body?.detail ?? ""}`);
const token = login.body.accessToken;

let programmeId = programmeArg;
if (!programmeId) {
  const window = await call("GET", "/api/programmes/window");
  programmeId = window.body.live?.[0]?.id;
  if (!programmeId) fail("no programme is on air: give a programme id (./realtime push <programme-id>).");
}
const opened = await call("POST", `/api/programmes/${encodeURIComponent(programmeId)}/live-stream`, token);
if (opened.status !== 201 && opened.status !== 409) fail(`opening the stream failed (${opened.status}): ${opened.body?.detail ?? ""}`);

let stream = null;
for (let i = 0; i < 120 && !stream?.address; i++) {
  stream = (await call("GET", `/api/programmes/${encodeURIComponent(programmeId)}/live-stream`, token)).body;
  if (stream?.state === "Ended") fail("this programme's stream has ended.");
  if (!stream?.address) await new Promise((r) => setTimeout(r, 1000));
}
if (!stream?.address) fail("no worker took the stream within two minutes: is the MediaWorker running?");

const radio = stream.kind === "Radio";
const url = `srt://${stream.address}?passphrase=${stream.passphrase}&pbkeylen=16`;
console.log(`[push] programme ${programmeId} (${radio ? "radio" : "video"}): sending to ${stream.address}`);
console.log(`[push] watch it at ${base}/programme.html?id=${encodeURIComponent(programmeId)} — Ctrl+C stops the encoder`);
const input = radio
  ? ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"]
  : ["-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
     "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "50", "-pix_fmt", "yuv420p", "-b:v", "3000k"];
const ffmpeg = spawn("ffmpeg", ["-hide_banner", "-loglevel", "warning", "-re", ...input, "-c:a", "aac", "-b:a", "128k", "-f", "mpegts", url],
  { stdio: "inherit" });
ffmpeg.on("exit", (code) => process.exit(code ?? 0));
process.on("SIGINT", () => ffmpeg.kill("SIGINT"));
