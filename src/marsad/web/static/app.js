// marsad's page: filters in the URL, a map, a timeline and a table that follow them, and the article
// with its evidence. Article text is only ever inserted as text nodes, never as HTML.
"use strict";

const TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"];
const TYPE_CLASS = t => "t-" + t.split(/[ /]/)[0].toLowerCase();
const I18N = {
  en: {title: "marsad", since: "From", until: "To", country: "Country", type: "Type", actor: "Actor", text: "Text",
       min_sources: "Min. sources", apply: "Apply", date: "Date", actor1: "Actor", actor2: "Target", place: "Place",
       deaths: "Deaths", confirm: "Confirm", reject: "Reject", correct: "Correct", token: "token",
       reviewed: "review stored", lang: "العربية"},
  ar: {title: "مرصد", since: "من", until: "إلى", country: "البلد", type: "النوع", actor: "الفاعل", text: "نص",
       min_sources: "أقل عدد مصادر", apply: "تطبيق", date: "التاريخ", actor1: "الفاعل", actor2: "المستهدف",
       place: "المكان", deaths: "القتلى", confirm: "تأكيد", reject: "رفض", correct: "تصحيح", token: "رمز الدخول",
       reviewed: "حُفظت المراجعة", lang: "English"},
};
let lang = new URLSearchParams(location.search).get("lang") || "ar";
let rows = [];
let sortKey = "date", sortDir = -1;
let current = null;
const el = (tag, props = {}, text) => {
  const node = Object.assign(document.createElement(tag), props);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
};

function applyLanguage() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.querySelectorAll("[data-i18n]").forEach(n => { n.textContent = I18N[lang][n.dataset.i18n]; });
  document.querySelectorAll("[data-i18n-placeholder]").forEach(n => { n.placeholder = I18N[lang][n.dataset.i18nPlaceholder]; });
  document.getElementById("lang").textContent = I18N[lang].lang;
}

function filterParams() {
  const params = new URLSearchParams();
  new FormData(document.getElementById("filters")).forEach((v, k) => { if (v) params.set(k, v); });
  return params;
}

function readUrlIntoForm() {
  const params = new URLSearchParams(location.search);
  const form = document.getElementById("filters");
  for (const input of form.elements) if (input.name && params.has(input.name)) input.value = params.get(input.name);
}

async function api(path, options = {}) {
  const res = await fetch(path, options);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

// -- map ------------------------------------------------------------------------------------------
const map = L.map("map", {worldCopyJump: true, minZoom: 2, maxZoom: 12}).setView([27, 40], 4);
const clusters = L.markerClusterGroup();
map.addLayer(clusters);
async function configure() {
  const config = await api("/api/config");
  if (config.tiles) L.tileLayer(config.tiles, {maxZoom: 12, attribution: new URL(config.tiles.replace("{s}", "a")).host}).addTo(map);
  const fix = document.getElementById("fix-type");
  for (const [type, subs] of Object.entries(config.event_types)) {
    const group = el("optgroup", {label: type});
    for (const sub of subs) group.appendChild(el("option", {value: `${type}|${sub}`}, sub));
    fix.appendChild(group);
  }
}

async function basemap() {
  try {
    const world = await (await fetch("/vendor/world-atlas/countries-110m.json")).json();
    L.geoJSON(topojson.feature(world, world.objects.countries),
              {style: {color: "#8a9bb0", weight: 1, fillColor: "#fbfaf5", fillOpacity: 1}}).addTo(map).bringToBack();
  } catch (e) { console.warn("no offline basemap", e); }
}

function drawMap() {
  clusters.clearLayers();
  for (const r of rows) {
    if (r.lat === null || r.lon === null) continue;
    const icon = L.divIcon({className: "", html: "", iconSize: [14, 14]});
    const marker = L.marker([r.lat, r.lon], {icon, title: r.summary});
    marker.on("add", () => { const node = marker.getElement(); if (node) node.className += " marker " + TYPE_CLASS(r.event_type); });
    marker.on("click", () => openEvent(r.event_id));
    clusters.addLayer(marker);
  }
}

// -- timeline -------------------------------------------------------------------------------------
function drawTimeline(byDay) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const days = [...new Set(byDay.map(d => d.day))].sort();
  if (!days.length) return;
  const width = svg.clientWidth || 600, height = 90, bar = Math.max(1, width / days.length);
  const totals = Object.fromEntries(days.map(d => [d, 0]));
  const max = Math.max(...days.map(d => byDay.filter(x => x.day === d).reduce((s, x) => s + x.n, 0)));
  for (const d of byDay) {
    const i = days.indexOf(d.day);
    const h = (d.n / max) * (height - 10);
    const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    rect.setAttribute("x", String(i * bar)); rect.setAttribute("width", String(Math.max(1, bar - 1)));
    rect.setAttribute("y", String(height - totals[d.day] - h)); rect.setAttribute("height", String(h));
    rect.setAttribute("class", TYPE_CLASS(d.event_type));
    const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
    title.textContent = `${d.day} · ${d.event_type}: ${d.n}`;
    rect.appendChild(title);
    svg.appendChild(rect);
    totals[d.day] += h;
  }
}

// -- table ----------------------------------------------------------------------------------------
function drawTable() {
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  const sorted = [...rows].sort((a, b) => ((a[sortKey] ?? "") > (b[sortKey] ?? "") ? 1 : -1) * sortDir);
  for (const r of sorted) {
    const tr = el("tr");
    tr.dataset.id = r.event_id;
    for (const v of [r.date, r.sub_event_type, r.actor1, r.actor2, r.location, r.fatalities]) tr.appendChild(el("td", {}, v ?? ""));
    tr.addEventListener("click", () => openEvent(r.event_id));
    body.appendChild(tr);
  }
}

// -- the article ------------------------------------------------------------------------------------
function renderArticle(doc, event) {
  const article = document.getElementById("article");
  article.replaceChildren();
  const marks = doc.events.map(e => ({start: e.evidence_start, end: e.evidence_end, kind: "evidence", id: e.event_id,
                                       resolved: e.summary}));
  const spans = [...marks, ...doc.annotations].sort((a, b) => a.start - b.start || b.end - a.end);
  // nested spans: evidence marks contain annotation spans; anything that overlaps without nesting is skipped
  let pos = 0;
  const stack = [{node: article, end: doc.text.length}];
  const text = doc.text;
  const flush = upto => { if (upto > pos) { stack[stack.length - 1].node.appendChild(document.createTextNode(text.slice(pos, upto))); pos = upto; } };
  for (const s of spans) {
    while (stack.length > 1 && stack[stack.length - 1].end <= s.start) { flush(stack[stack.length - 1].end); stack.pop(); }
    if (s.start < pos || s.end > stack[stack.length - 1].end) continue;
    flush(s.start);
    const node = s.kind === "evidence"
      ? el("mark", {className: "evidence" + (s.id === event.event_id ? " current" : ""), title: s.resolved})
      : el("span", {className: "ann ann-" + s.kind, title: s.resolved});
    if (s.id) node.dataset.event = s.id;
    stack[stack.length - 1].node.appendChild(node);
    stack.push({node, end: s.end});
  }
  while (stack.length > 1) { flush(stack[stack.length - 1].end); stack.pop(); }
  flush(text.length);
  const currentMark = article.querySelector("mark.current");
  if (currentMark) currentMark.scrollIntoView({block: "center"});
}

async function openEvent(id) {
  const event = await api(`/api/events/${encodeURIComponent(id)}`);
  current = event;
  document.getElementById("detail").hidden = false;
  document.getElementById("summary").textContent = event.summary;
  document.getElementById("meta").textContent =
    `${event.event_type} / ${event.sub_event_type} · ${event.modality}` +
    (event.claim_source ? ` · ${event.claim_source}` : "") + (event.review ? ` · ${event.review}` : "") +
    ` · ${event.outlet || ""} ${event.url || ""}`;
  document.getElementById("fix-fatalities").value = event.fatalities ?? "";
  document.getElementById("fix-type").value = `${event.event_type}|${event.sub_event_type}`;
  document.getElementById("fix-actor1").value = event.actor1 ?? "";
  document.getElementById("fix-actor2").value = event.actor2 ?? "";
  document.getElementById("fix-date").value = event.date ?? "";
  document.getElementById("review-status").textContent = event.review || "";
  document.querySelectorAll("#events tbody tr").forEach(tr => tr.classList.toggle("selected", tr.dataset.id === id));
  const reports = document.getElementById("reports");
  reports.replaceChildren();
  if (event.incident_id) {
    const incident = await api(`/api/incidents/${encodeURIComponent(event.incident_id)}`);
    for (const r of incident.reports) {
      reports.appendChild(el("li", {}, `${r.outlet || r.doc_id}: ${r.date || ""} · ${r.actor1 || "?"} → ${r.actor2 || "?"} · ` +
                                        `${r.fatalities ?? "?"} · ${r.claim_source || r.modality}`));
    }
  }
  renderArticle(await api(`/api/documents/${encodeURIComponent(event.doc_id)}`), event);
}

function corrections() {
  // only the fields the analyst changed
  const [type, sub] = document.getElementById("fix-type").value.split("|");
  const wanted = {event_type: type, sub_event_type: sub, actor1: document.getElementById("fix-actor1").value || null,
                  actor2: document.getElementById("fix-actor2").value || null,
                  date: document.getElementById("fix-date").value || null,
                  fatalities: document.getElementById("fix-fatalities").value === "" ? null
                    : Number(document.getElementById("fix-fatalities").value)};
  return Object.fromEntries(Object.entries(wanted).filter(([k, v]) => v !== (current[k] ?? null)));
}

async function review(action) {
  if (!current) return;
  const token = document.getElementById("token").value;
  sessionStorage.setItem("marsad-token", token);
  const changes = action === "correct" ? corrections() : {};
  const status = document.getElementById("review-status");
  try {
    const updated = await api(`/api/events/${encodeURIComponent(current.event_id)}/review`, {
      method: "POST", headers: {"Content-Type": "application/json", "Authorization": `Bearer ${token}`},
      body: JSON.stringify({action, changes})});
    await load();
    await openEvent(updated.event_id);
    document.getElementById("review-status").textContent = `${I18N[lang].reviewed}: ${updated.review}`;
  } catch (e) { status.textContent = e.message; }
}

// -- loading ----------------------------------------------------------------------------------------
async function load() {
  const params = filterParams();
  params.set("limit", "500");
  const [events, stats] = await Promise.all([api("/api/events?" + params), api("/api/stats?" + params)]);
  rows = events.items;
  drawMap();
  drawTable();
  drawTimeline(stats.by_day);
  document.body.dataset.loaded = String(rows.length);
}

function init() {
  const select = document.querySelector("select[name=type]");
  for (const t of TYPES) select.appendChild(el("option", {value: t}, t));
  readUrlIntoForm();
  applyLanguage();
  document.getElementById("token").value = sessionStorage.getItem("marsad-token") || "";
  document.getElementById("filters").addEventListener("submit", e => {
    e.preventDefault();
    const params = filterParams();
    if (lang !== "ar") params.set("lang", lang);
    history.replaceState(null, "", "?" + params);
    load();
  });
  document.getElementById("lang").addEventListener("click", () => {
    lang = lang === "ar" ? "en" : "ar";
    const params = new URLSearchParams(location.search);
    params.set("lang", lang);
    history.replaceState(null, "", "?" + params);
    applyLanguage();
  });
  document.querySelectorAll("th[data-sort]").forEach(th => th.addEventListener("click", () => {
    sortDir = sortKey === th.dataset.sort ? -sortDir : 1;
    sortKey = th.dataset.sort;
    drawTable();
  }));
  document.querySelectorAll("#review button").forEach(b => b.addEventListener("click", () => review(b.dataset.action)));
  document.getElementById("close").addEventListener("click", () => { document.getElementById("detail").hidden = true; });
  configure();
  basemap();
  load();
}
init();
