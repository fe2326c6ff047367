// Reference lists every form needs: districts with their communities, topics and departments, and the text limits.
import { S, el } from "./dom.js";
import { getJson } from "./api.js";

/**
 * Districts, topics, departments and `limits`: the desk's text limits as the silo is configured (questionLength,
 * displayNameLength, callerLocationLength, noteLength, commentLength, rejectReasonLength). Forms take their
 * maxlength attributes and counters from these, never from a copied number.
 */
export async function loadCatalogue() {
  const [districts, desk] = await Promise.all([getJson("/api/districts"), getJson("/api/desk/catalogue")]);
  const departments = new Map(desk.departments.map((d) => [d.code, d.name]));
  return { districts, topics: desk.topics, departments, departmentList: desk.departments, limits: desk.limits };
}

/** A community picker grouped by district (optgroup per district). */
export function fillCommunities(select, districts, { placeholder = S.chooseCommunity, allowedDistricts = null } = {}) {
  const groups = districts
    .filter((d) => !allowedDistricts || allowedDistricts.includes(d.code))
    .map((d) => el("optgroup", { attrs: { label: d.name } },
      d.communities.map((c) => el("option", { text: c.name, attrs: { value: c.code } }))));
  select.replaceChildren(el("option", { text: placeholder, attrs: { value: "" } }), ...groups);
}

export function fillOptions(select, placeholder, entries) {
  select.replaceChildren(el("option", { text: placeholder, attrs: { value: "" } }),
    ...entries.map(([value, text]) => el("option", { text, attrs: { value } })));
}

/** A request id for a new question (kept across retries so a retry never creates a second question). */
export function newRequestId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
