// REST calls with ProblemDetails errors, the viewer's stable identity and the staff session.
import { S } from "./dom.js";

/** An HTTP error with the ProblemDetails the server sent: detail (the message to show), field, state. */
export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.detail || problem.title || (status ? S.httpError(status) : S.networkError));
    this.status = status;
    this.field = problem.field ?? null;
    this.state = problem.state ?? null;
  }
}

export async function api(method, url, { body, token } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = "Bearer " + token;
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0);
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) throw new ApiError(response.status, data ?? {});
  return data;
}

export const getJson = (url, token) => api("GET", url, { token });
export const postJson = (url, body, token) => api("POST", url, { body, token });

const soon = (expiresAt) => !expiresAt || new Date(expiresAt).getTime() - Date.now() < 60_000;

// ---- viewers: anonymous but stable, kept in localStorage and reused ----------------------------------------------
const VIEWER_KEY = "rt.viewer";
let viewerRequest = null;

export function storedViewer() {
  try { return JSON.parse(localStorage.getItem(VIEWER_KEY)); } catch { return null; }
}

/** The viewer's token; asks for one only when there is none (or it is about to expire). */
export async function viewerToken() {
  const known = storedViewer();
  if (known && !soon(known.expiresAt)) return known.accessToken;
  viewerRequest ??= postJson("/api/auth/viewer").then((issued) => {
    localStorage.setItem(VIEWER_KEY, JSON.stringify(issued));
    return issued;
  }).finally(() => { viewerRequest = null; });
  return (await viewerRequest).accessToken;
}

/** Drops a viewer token the server refused; the next call to viewerToken() asks for a new one. */
export function forgetViewer() {
  localStorage.removeItem(VIEWER_KEY);
}

/**
 * True when the server refuses the stored viewer token (say the signing key was rotated). The hubs accept anonymous
 * connections, so a refused token silently makes the viewer anonymous there; the submit endpoint requires a valid
 * token and answers 401 before it reads the (here empty, so never accepted) body.
 */
export async function viewerTokenRefused(programmeId) {
  const known = storedViewer();
  if (!known) return false;
  try {
    await postJson(`/api/programmes/${encodeURIComponent(programmeId)}/questions`, {}, known.accessToken);
    return false;
  } catch (error) {
    return error.status === 401;
  }
}

// ---- staff: the login lives in sessionStorage (gone when the tab closes) ----------------------------------------
const STAFF_KEY = "rt.staff";

export function staffSession() {
  let session = null;
  try { session = JSON.parse(sessionStorage.getItem(STAFF_KEY)); } catch { session = null; }
  return session && !soon(session.expiresAt) ? session : null;
}

export async function signIn(name, password) {
  const session = await postJson("/api/auth/login", { name, password });
  sessionStorage.setItem(STAFF_KEY, JSON.stringify(session));
  return session;
}

export function signOut() {
  sessionStorage.removeItem(STAFF_KEY);
}

export const isHost = (session) => session.roles.includes("host") || session.roles.includes("admin");
export const isAdmin = (session) => session.roles.includes("admin");
export const mayModerate = (session, programmeId) =>
  session.roles.some((r) => r === "screener" || r === "host" || r === "admin")
  && session.programmes.some((p) => p === "*" || p === programmeId);
