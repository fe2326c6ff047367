// Paged lists (the API's cursor + take contract): each call of next() fetches the following page; `done` once the
// server says there is no next page. A page may come back short (the server bounds how far one request searches),
// so next() keeps asking until it has something or the list ends.
import { getJson } from "./api.js";

export function pager(url, { take = 20, token } = {}) {
  let cursor = null;
  let done = false;
  const separator = url.includes("?") ? "&" : "?";
  return {
    get done() { return done; },
    async next() {
      const items = [];
      while (!done && items.length === 0) {
        const page = await getJson(`${url}${separator}take=${take}` + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""), token);
        items.push(...page.items);
        cursor = page.next;
        done = !cursor;
      }
      return items;
    },
  };
}
