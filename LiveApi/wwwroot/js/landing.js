(function () {
  const S = window.STRINGS;
  const programmes = new Map();
  let districts = [];

  document.querySelectorAll("[data-text]").forEach((el) => { el.textContent = S[el.dataset.text]; });

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text; // always text, never HTML
    return node;
  };
  const time = (iso) => new Date(iso).toLocaleString("zh-CN", { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

  function card(p) {
    const li = el("li", "card state-" + p.state.toLowerCase());
    li.dataset.programme = p.id;
    const badge = el("span", "badge", S.state[p.state]);
    li.append(badge, el("span", "series", S.series[p.series] + " · " + S.kind[p.kind]));
    li.append(el("h3", "title", p.title));
    li.append(el("p", "when", time(p.scheduledStart) + " – " + time(p.scheduledEnd)));
    const names = p.districts.map((c) => districts.find((d) => d.code === c)?.name ?? c).join("、");
    li.append(el("p", "covers", names));
    return li;
  }

  function render() {
    const all = [...programmes.values()].sort((a, b) => a.scheduledStart.localeCompare(b.scheduledStart));
    const fill = (id, list) => {
      const ul = document.getElementById(id);
      ul.replaceChildren(...(list.length ? list.map(card) : [el("li", "empty", S.none)]));
    };
    fill("live", all.filter((p) => p.state === "Live"));
    fill("upcoming", all.filter((p) => p.state === "Scheduled"));
    fill("past", all.filter((p) => p.state === "Ended" || p.state === "Archived").reverse());

    const ul = document.getElementById("districts");
    ul.replaceChildren(...districts.map((d) => {
      const live = all.filter((p) => p.state === "Live" && p.districts.includes(d.code)).length;
      const li = el("li", "district" + (live ? " has-live" : ""));
      li.dataset.district = d.code;
      li.append(el("strong", "", d.name), el("span", "kind", S.districtKind[d.kind]));
      li.append(el("span", "count", S.communities(d.communities.length)));
      if (live) li.append(el("span", "badge live", S.liveCount(live)));
      return li;
    }));
  }

  function apply(p) {
    const known = programmes.get(p.id);
    if (!known || known.version < p.version) { programmes.set(p.id, p); render(); }
  }

  const live = window.LiveConnection((key, text) => {
    const badge = document.getElementById("connection");
    badge.textContent = text;
    badge.dataset.status = key;
  });
  live.connection.on("ProgrammeChanged", apply);
  live.subscribe(async () => {
    const snapshot = await live.connection.invoke("WatchCatalog");
    programmes.clear();
    snapshot.forEach((p) => programmes.set(p.id, p));
    render();
  });

  fetch("/api/districts").then((r) => r.json()).then((list) => { districts = list; render(); live.start(); });
})();
