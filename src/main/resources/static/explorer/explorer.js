// The explorer: a Leaflet map of our own vector layers and panels, all from the public GraphQL API at /graphql.
// Plain ES modules, no build step; Leaflet (L) and Chart.js (Chart) are WebJars loaded by index.html.
import { STRINGS } from './i18n.js';
import { toGcj, toWgs } from './gcj02.js';

const TIER_ORDER = ['BASIC', 'QUALITY'];
const ISO_MINUTES = [5, 10, 15];
const REACH_MINUTES = 15;
const MAX_REACH_PAGES = 5;
// "where could I live" draws at most this many pages of 100 buildings; the counts always cover all of them
const MAX_LIVE_PAGES = 20;

// ---------------------------------------------------------------- state, kept in the URL so a view can be shared
const state = readUrl();
function readUrl() {
  const q = new URLSearchParams(location.search);
  const num = k => (q.has(k) && q.get(k) !== '' && !isNaN(+q.get(k)) ? +q.get(k) : null);
  const pair = k => (q.get(k) || '').split(',').map(Number);
  const p = pair('p');
  return {
    lang: q.get('lang') === 'zh' ? 'zh' : 'en',
    crs: q.get('crs') === 'GCJ02' ? 'GCJ02' : 'WGS84',
    pace: q.get('pace') === 'ELDERLY' ? 'ELDERLY' : 'ADULT',
    tab: ['reach', 'community', 'live', 'figures'].includes(q.get('tab')) ? q.get('tab') : 'reach',
    z: num('z'), lat: num('lat'), lon: num('lon'),
    b: q.get('b') || null,
    p: p.length === 2 && p.every(Number.isFinite) ? p : null,
    cats: (q.get('cats') || '').split(',').filter(Boolean),
    c: q.get('c') || null,
    g: q.get('g') || null,
    lc: (q.get('lc') || '').split(',').filter(Boolean)
  };
}
function writeUrl() {
  const q = new URLSearchParams();
  if (state.lang !== 'en') q.set('lang', state.lang);
  if (state.crs !== 'WGS84') q.set('crs', state.crs);
  if (state.pace !== 'ADULT') q.set('pace', state.pace);
  if (state.tab !== 'reach') q.set('tab', state.tab);
  if (map._loaded) {
    const c = map.getCenter();
    q.set('z', map.getZoom());
    q.set('lat', c.lat.toFixed(6));
    q.set('lon', c.lng.toFixed(6));
  }
  if (state.b) q.set('b', state.b);
  if (state.p) q.set('p', state.p.map(v => v.toFixed(6)).join(','));
  if (state.cats.length) q.set('cats', state.cats.join(','));
  if (state.c) q.set('c', state.c);
  if (state.g) q.set('g', state.g);
  if (state.lc.length) q.set('lc', state.lc.join(','));
  history.replaceState(null, '', location.pathname + '?' + q.toString());
}

// ---------------------------------------------------------------- the API
class ApiDown extends Error {}
class ApiError extends Error {
  constructor(message, code) { super(message); this.code = code; }
}
let pending = 0;
const explorer = { state, lastLayers: null };
window.explorer = explorer;

async function gql(query, variables = {}) {
  document.body.dataset.pending = ++pending;
  try {
    let response;
    try {
      response = await fetch('/graphql', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ query, variables })
      });
    } catch (e) {
      throw new ApiDown(e.message);
    }
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch (e) {
      throw new ApiDown('HTTP ' + response.status);
    }
    if (body.errors && body.errors.length) {
      throw new ApiError(body.errors[0].message, body.errors[0].extensions && body.errors[0].extensions.code);
    }
    if (!response.ok || !body.data) throw new ApiDown('HTTP ' + response.status);
    body.data.__bytes = text.length;
    return body.data;
  } finally {
    document.body.dataset.pending = --pending;
  }
}

const t = key => STRINGS[state.lang][key];
const $ = id => document.getElementById(id);
const el = (tag, attrs = {}, text) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};
const catName = c => (state.lang === 'zh' ? c.nameZh : c.nameEn);

// Two channels: #status for errors (kind 'down' when the API does not answer, 'error' for the API's own message),
// #notice for what is merely worth knowing about the view (no data in it), so one never hides the other.
function showStatus(kind, message) {
  const s = $('status');
  s.hidden = false;
  s.className = 'error';
  s.dataset.kind = kind;
  s.textContent = message;
}
function clearStatus(kind) {
  const s = $('status');
  if (!kind || s.dataset.kind === kind) {
    s.hidden = true;
    s.dataset.kind = '';
    s.textContent = '';
  }
}
function notice(message) {
  const n = $('notice');
  n.hidden = !message;
  n.textContent = message || '';
}
function failed(e) {
  if (e instanceof ApiDown) showStatus('down', t('apiDown') + ' (' + e.message + ')');
  else showStatus('error', e.message);
}

// ---------------------------------------------------------------- the map
const map = L.map('map', { zoomControl: true, minZoom: 3, maxZoom: 19 });
explorer.map = map;
map.createPane('iso').style.zIndex = 350;
map.createPane('buildings').style.zIndex = 450;
map.createPane('marks').style.zIndex = 500;
const layers = {
  outlines: L.layerGroup().addTo(map), walkways: L.layerGroup().addTo(map), places: L.layerGroup().addTo(map),
  buildings: L.layerGroup().addTo(map), iso: L.layerGroup().addTo(map), reached: L.layerGroup().addTo(map),
  gaps: L.layerGroup().addTo(map), marks: L.layerGroup().addTo(map), live: L.layerGroup().addTo(map)
};
const info = L.control({ position: 'bottomleft' });
info.onAdd = () => el('div', { id: 'layer-info', class: 'leaflet-bar', style: 'background:#fff;padding:2px 6px' });
info.addTo(map);

let catalogue = [];
let communities = [];
let scores = {};
let buildingsById = {};
let layerSeq = 0;
let lastView = { walkways: null, buildings: [], places: [], communities: [] };

async function loadLayers() {
  const seq = ++layerSeq;
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  const bbox = {
    south: clamp(b.getSouth(), -90, 90), north: clamp(b.getNorth(), -90, 90),
    west: clamp(b.getWest(), -180, 180), east: clamp(b.getEast(), -180, 180), crs: state.crs
  };
  let data;
  try {
    data = await gql(`query Layers($bbox: MapBoundsInput!, $zoom: Int!, $crs: Crs) {
      mapLayers(bbox: $bbox, zoom: $zoom, crs: $crs) {
        zoom walkwayCount truncated walkways
        buildings { id name residents location(crs: $crs) { lat lon } community { id } }
        places { id name category { code nameZh nameEn tier } location(crs: $crs) { lat lon } }
        communities { community { id name nameEn } outline }
      } }`, { bbox, zoom: map.getZoom(), crs: state.crs });
  } catch (e) {
    if (seq === layerSeq) failed(e);
    return;
  }
  if (seq !== layerSeq) return;
  clearStatus('down');
  const m = data.mapLayers;
  lastView = m;
  explorer.lastLayers = {
    zoom: m.zoom, walkways: m.walkwayCount, buildings: m.buildings.length, places: m.places.length,
    communities: m.communities.length, truncated: m.truncated, bytes: data.__bytes
  };
  drawLayers(m);
  const empty = m.walkwayCount === 0 && m.buildings.length === 0 && m.communities.length === 0;
  notice(empty ? t('noData') : null);
  $('layer-info').textContent = `walkways ${m.walkwayCount} · buildings ${m.buildings.length} · places `
    + `${m.places.length}${m.truncated ? ' · ' + t('zoomIn') : ''}`;
  document.body.dataset.ready = 'true';
}

function scoreColour(score) {
  if (score === undefined) return '#9aa';
  const h = Math.round(score * 1.2); // 0 red .. 120 green
  return `hsl(${h}, 70%, 45%)`;
}

function drawLayers(m) {
  ['outlines', 'walkways', 'places', 'buildings'].forEach(k => layers[k].clearLayers());
  for (const o of m.communities) {
    const id = o.community.id;
    L.geoJSON(o.outline, {
      interactive: false,
      style: {
        className: 'outline outline-' + id, color: id === state.c ? '#123' : scoreColour(scores[id]),
        weight: id === state.c ? 3 : 1, fillColor: scoreColour(scores[id]), fillOpacity: 0.18
      }
    }).addTo(layers.outlines);
  }
  L.geoJSON(m.walkways, { interactive: false, style: { color: '#7d8b99', weight: 1.5, className: 'walkway' } })
    .addTo(layers.walkways);
  for (const p of m.places) {
    L.circleMarker([p.location.lat, p.location.lon], {
      radius: 2.5, weight: 0, fillOpacity: 0.8, interactive: false, className: 'plc',
      fillColor: p.category.tier === 'BASIC' ? '#2a6fb0' : '#9a5fb0'
    }).addTo(layers.places);
  }
  buildingsById = {};
  for (const b of m.buildings) {
    buildingsById[b.id] = b;
    const selected = b.id === state.b;
    L.circleMarker([b.location.lat, b.location.lon], {
      pane: 'buildings', radius: selected ? 7 : 5, weight: selected ? 3 : 1, color: selected ? '#000' : '#5a4a2a',
      fillColor: '#e8b85a', fillOpacity: 0.9, className: 'bld bld-' + b.id
    }).bindTooltip(b.name || b.id).on('click', e => {
      L.DomEvent.stopPropagation(e);
      buildingClicked(b);
    }).addTo(layers.buildings);
  }
}

let moveTimer = null;
map.on('moveend', () => {
  clearTimeout(moveTimer);
  moveTimer = setTimeout(() => { writeUrl(); loadLayers(); }, 120);
});
map.on('click', e => {
  const lat = e.latlng.lat, lon = e.latlng.lng;
  if (state.tab === 'community' && $('whatif-click').checked) {
    runWhatIf(lat, lon);
  } else if (state.tab === 'reach') {
    state.b = null;
    state.p = [lat, lon];
    runReach();
  }
});

function buildingClicked(b) {
  if (state.tab === 'community') {
    selectCommunity(b.community.id);
    return;
  }
  // from "where could I live", a building opens its own circle
  if (state.tab === 'live') setTab('reach');
  state.b = b.id;
  state.p = null;
  drawLayers(lastView);
  runReach();
}

// ---------------------------------------------------------------- reach from a building or a point
let reachData = null;
async function runReach() {
  writeUrl();
  if (!state.b && !state.p) return;
  const from = state.b ? { buildingId: state.b } : { point: { lat: state.p[0], lon: state.p[1], crs: state.crs } };
  const isoQuery = gql(`query Iso($from: OriginInput!, $pace: Pace, $crs: Crs) {
      isochrone(from: $from, minutes: [5, 10, 15], pace: $pace, outputCrs: $crs) { minutes areaSquareMeters polygon } }`,
    { from, pace: state.pace, crs: state.crs });
  const reachQuery = (async () => {
    const edges = [];
    let after = null, total = 0;
    for (let page = 0; page < MAX_REACH_PAGES; page++) {
      const d = await gql(`query Reach($from: OriginInput!, $pace: Pace, $cats: [String!], $after: String, $crs: Crs) {
          reachable(from: $from, minutes: ${REACH_MINUTES}, pace: $pace, categories: $cats, first: 100, after: $after) {
            totalCount pageInfo { hasNextPage endCursor }
            edges { node { walkMeters walkMinutes place { id name location(crs: $crs) { lat lon }
              category { code nameZh nameEn tier targetMinutes } } } } } }`,
      { from, pace: state.pace, cats: state.cats.length ? state.cats : null, after, crs: state.crs });
      total = d.reachable.totalCount;
      edges.push(...d.reachable.edges.map(e => e.node));
      if (!d.reachable.pageInfo.hasNextPage) break;
      after = d.reachable.pageInfo.endCursor;
    }
    return { total, reaches: edges };
  })();
  let iso, reach;
  try {
    [iso, reach] = await Promise.all([isoQuery, reachQuery]);
  } catch (e) {
    reachData = null;
    layers.iso.clearLayers();
    layers.reached.clearLayers();
    $('iso-summary').textContent = '';
    $('reach-total').textContent = '';
    $('reach-list').replaceChildren();
    $('origin').textContent = '';
    failed(e);
    return;
  }
  clearStatus();
  reachData = { iso: iso.isochrone, ...reach, from: state.b ? { building: state.b } : { point: state.p, crs: state.crs } };
  drawReach();
}

function drawReach() {
  layers.iso.clearLayers();
  layers.reached.clearLayers();
  if (!reachData) return;
  const shades = { 5: 0.35, 10: 0.22, 15: 0.12 };
  for (const i of [...reachData.iso].sort((a, b) => b.minutes - a.minutes)) {
    L.geoJSON(i.polygon, {
      pane: 'iso', interactive: false,
      style: { className: 'iso iso-' + i.minutes, color: '#1d7a4a', weight: 1, fillColor: '#27a065', fillOpacity: shades[i.minutes] || 0.15 }
    }).addTo(layers.iso);
  }
  for (const r of reachData.reaches) {
    L.circleMarker([r.place.location.lat, r.place.location.lon], {
      pane: 'marks', radius: 3.5, weight: 1, color: '#fff', fillColor: '#d2492a', fillOpacity: 1,
      className: 'reached'
    }).bindTooltip(`${r.place.name} · ${r.walkMinutes.toFixed(1)} ${t('minutes')}`).addTo(layers.reached);
  }
  renderReach();
}

function renderReach() {
  if (!reachData) return;
  const b = state.b && buildingsById[state.b];
  $('origin').textContent = state.b ? `${t('building')} ${b && b.name ? b.name + ' · ' : ''}${state.b}`
    : `${t('point')} ${state.p[0].toFixed(6)}, ${state.p[1].toFixed(6)} (${state.crs})`;
  const summary = $('iso-summary');
  summary.replaceChildren(...reachData.iso.map(i => el('div', { class: 'iso-row', 'data-minutes': i.minutes },
    `${i.minutes} ${t('minutes')}: ${t('area')} ${(i.areaSquareMeters / 1e6).toFixed(3)} km²`)));
  const total = $('reach-total');
  total.dataset.total = reachData.total;
  total.textContent = t('placesWithin')(reachData.total, REACH_MINUTES);
  const list = $('reach-list');
  list.replaceChildren();
  for (const tier of TIER_ORDER) {
    const inTier = reachData.reaches.filter(r => r.place.category.tier === tier);
    if (!inTier.length) continue;
    list.append(el('h3', { 'data-tier': tier }, t(tier === 'BASIC' ? 'basic' : 'quality')));
    const byCategory = new Map();
    for (const r of inTier) {
      if (!byCategory.has(r.place.category.code)) byCategory.set(r.place.category.code, []);
      byCategory.get(r.place.category.code).push(r);
    }
    for (const [code, reaches] of byCategory) {
      const c = reaches[0].place.category;
      list.append(el('h4', { 'data-category': code }, `${catName(c)} (${c.targetMinutes} ${t('minutes')})`));
      const ol = el('ol');
      for (const r of reaches) {
        const li = el('li', { 'data-place-id': r.place.id, 'data-walk-meters': r.walkMeters }, r.place.name + ' ');
        li.append(el('span', { class: 'm' }, `${r.walkMinutes.toFixed(1)} ${t('minutes')} · ${r.walkMeters} m`));
        ol.append(li);
      }
      list.append(ol);
    }
  }
}

function renderCategoryFilter() {
  const box = $('category-options');
  box.replaceChildren();
  for (const c of catalogue) {
    const label = el('label', { class: 'cat' });
    const input = el('input', { type: 'checkbox', value: c.code, id: 'cat-' + c.code });
    input.checked = state.cats.includes(c.code);
    input.addEventListener('change', () => {
      state.cats = [...box.querySelectorAll('input:checked')].map(i => i.value);
      runReach();
    });
    label.append(input, ' ' + catName(c));
    box.append(label, el('br'));
  }
}

// ---------------------------------------------------------------- community view
let coverage = null;
async function loadScores() {
  if (!communities.length) return;
  const fields = communities.map((c, i) => `c${i}: coverage(communityId: "${c.id.replace(/[^\w-]/g, '')}", pace: $pace) { completenessScore }`);
  try {
    const d = await gql(`query Scores($pace: Pace) { ${fields.join('\n')} }`, { pace: state.pace });
    scores = {};
    communities.forEach((c, i) => { scores[c.id] = d['c' + i].completenessScore; });
    drawLayers(lastView);
  } catch (e) {
    failed(e);
  }
}

function renderCommunitySelect() {
  const select = $('community-select');
  select.replaceChildren(el('option', { value: '' }, '—'));
  for (const c of communities) {
    const o = el('option', { value: c.id }, state.lang === 'zh' ? c.name : (c.nameEn || c.name));
    o.selected = c.id === state.c;
    select.append(o);
  }
}
$('community-select').addEventListener('change', e => selectCommunity(e.target.value || null, true));

async function selectCommunity(id, move) {
  state.c = id;
  if (id !== (coverage && coverage.community.id)) state.g = null;
  setTab('community');
  writeUrl();
  renderCommunitySelect();
  if (!id) return;
  let d;
  try {
    d = await gql(`query Coverage($id: ID!, $pace: Pace) { coverage(communityId: $id, pace: $pace) {
        community { id name nameEn location { lat lon } } completenessScore buildingCount residents
        missingBasicCategories { code nameZh nameEn }
        categories { category { code nameZh nameEn tier } targetMinutes residentsWithinTargetPercent } } }`,
    { id, pace: state.pace });
  } catch (e) {
    failed(e);
    return;
  }
  coverage = d.coverage;
  explorer.coverage = coverage;
  if (move) {
    const loc = coverage.community.location;
    const [lat, lon] = state.crs === 'GCJ02' ? toGcj(loc.lat, loc.lon) : [loc.lat, loc.lon];
    map.setView([lat, lon], Math.max(map.getZoom(), 16), { animate: false });
  }
  renderCoverage();
  const basic = coverage.categories.filter(c => c.category.tier === 'BASIC');
  if (!state.g || !basic.some(c => c.category.code === state.g)) {
    const missing = coverage.missingBasicCategories[0];
    state.g = missing ? missing.code
      : [...basic].sort((a, b) => a.residentsWithinTargetPercent - b.residentsWithinTargetPercent)[0].category.code;
  }
  renderGapSelect();
  drawLayers(lastView);
  showGaps();
}

function renderCoverage() {
  if (!coverage) return;
  const name = state.lang === 'zh' ? coverage.community.name : (coverage.community.nameEn || coverage.community.name);
  const missing = coverage.missingBasicCategories.map(catName).join(', ') || t('none');
  const s = $('community-summary');
  s.dataset.score = coverage.completenessScore;
  s.replaceChildren(el('h3', {}, name), el('div', { id: 'completeness' },
    `${t('completeness')}: ${coverage.completenessScore.toFixed(2)}`), el('div', {}, `${t('missing')}: ${missing}`));
  const labels = coverage.categories.map(c => catName(c.category));
  const covered = coverage.categories.map(c => c.residentsWithinTargetPercent);
  if (explorer.chart) explorer.chart.destroy();
  explorer.chart = new Chart($('coverage-chart'), {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: t('covered'), data: covered, backgroundColor: '#27a065' },
        { label: t('notCovered'), data: covered.map(v => Math.round((100 - v) * 100) / 100), backgroundColor: '#d2492a' }
      ]
    },
    options: {
      indexAxis: 'y', animation: false, maintainAspectRatio: false,
      scales: { x: { stacked: true, max: 100 }, y: { stacked: true, ticks: { autoSkip: false, font: { size: 10 } } } },
      plugins: { legend: { labels: { boxWidth: 10 } } }
    }
  });
}

function renderGapSelect() {
  const select = $('gap-category');
  select.replaceChildren();
  if (!coverage) return;
  for (const c of coverage.categories.filter(c => c.category.tier === 'BASIC')) {
    const o = el('option', { value: c.category.code }, `${catName(c.category)} (${c.residentsWithinTargetPercent.toFixed(1)} %)`);
    o.selected = c.category.code === state.g;
    select.append(o);
  }
}
$('gap-category').addEventListener('change', e => { state.g = e.target.value; writeUrl(); showGaps(); });

let gapData = null;
let suggestions = [];
async function showGaps() {
  layers.gaps.clearLayers();
  layers.marks.clearLayers();
  $('whatif-result').replaceChildren();
  if (!state.c || !state.g) return;
  let d;
  try {
    d = await gql(`query Gaps($cat: String!, $id: ID!, $pace: Pace, $crs: Crs) {
        gaps(category: $cat, communityId: $id, pace: $pace, first: 100) {
          totalCount residentsAffected edges { nearestWalkMeters node { id name location(crs: $crs) { lat lon } } } }
        siteSuggestions(category: $cat, communityId: $id, count: 3, pace: $pace) {
          rank location { lat lon } residentsGained buildingsGained } }`,
    { cat: state.g, id: state.c, pace: state.pace, crs: state.crs });
  } catch (e) {
    failed(e);
    return;
  }
  gapData = d.gaps;
  suggestions = d.siteSuggestions;
  for (const e of gapData.edges) {
    L.circleMarker([e.node.location.lat, e.node.location.lon], {
      pane: 'marks', radius: 8, weight: 3, color: '#c0162c', fill: false, className: 'gap-marker gap-' + e.node.id
    }).bindTooltip(`${e.node.name || e.node.id}: ${e.nearestWalkMeters === null ? '—' : e.nearestWalkMeters + ' m'}`)
      .addTo(layers.gaps);
  }
  for (const s of suggestions) {
    const [lat, lon] = state.crs === 'GCJ02' ? toGcj(s.location.lat, s.location.lon) : [s.location.lat, s.location.lon];
    L.marker([lat, lon], {
      pane: 'marks', icon: L.divIcon({ className: 'suggestion suggestion-' + s.rank, html: `<b>${s.rank}</b>`,
        iconSize: [18, 18] })
    }).addTo(layers.marks);
  }
  renderGaps();
}

function renderGaps() {
  if (!gapData) return;
  const g = $('gap-summary');
  g.dataset.total = gapData.totalCount;
  g.textContent = t('gaps')(gapData.totalCount, gapData.residentsAffected);
  $('suggestions').replaceChildren(...suggestions.map(s => el('div', { class: 'suggestion-row', 'data-rank': s.rank },
    t('suggestion')(s.rank, s.residentsGained))));
}

$('whatif-suggested').addEventListener('click', () => {
  if (!suggestions.length) return;
  const s = suggestions[0];
  runWhatIf(s.location.lat, s.location.lon, true);
});

let whatIfData = null;
async function runWhatIf(lat, lon, wgs84) {
  if (!state.c || !state.g) return;
  const [wLat, wLon] = wgs84 || state.crs === 'WGS84' ? [lat, lon] : toWgs(lat, lon);
  let d;
  try {
    d = await gql(`query WhatIf($add: [HypotheticalPlaceInput!], $id: ID, $pace: Pace) {
        whatIf(add: $add, communityId: $id, pace: $pace) { completenessBefore completenessAfter
          categories { category { code } residentsWithinTargetBefore residentsWithinTargetAfter } } }`,
    { add: [{ category: state.g, lat: wLat, lon: wLon }], id: state.c, pace: state.pace });
  } catch (e) {
    failed(e);
    return;
  }
  clearStatus();
  whatIfData = d.whatIf;
  const [mLat, mLon] = state.crs === 'GCJ02' ? toGcj(wLat, wLon) : [wLat, wLon];
  L.circleMarker([mLat, mLon], { pane: 'marks', radius: 9, color: '#000', fillColor: '#ffd400', fillOpacity: 1,
    className: 'whatif-marker' }).addTo(layers.marks);
  renderWhatIf();
}
function renderWhatIf() {
  if (!whatIfData) return;
  const r = $('whatif-result');
  r.dataset.before = whatIfData.completenessBefore;
  r.dataset.after = whatIfData.completenessAfter;
  r.textContent = t('whatIf')(whatIfData.completenessBefore.toFixed(2), whatIfData.completenessAfter.toFixed(2));
}

// ---------------------------------------------------------------- where could I live
let liveData = null;
let liveSeq = 0;
function renderLiveOptions() {
  const box = $('live-options');
  box.replaceChildren();
  for (const tier of TIER_ORDER) {
    const inTier = catalogue.filter(c => c.tier === tier);
    if (!inTier.length) continue;
    box.append(el('h4', {}, t(tier === 'BASIC' ? 'basic' : 'quality')));
    for (const c of inTier) {
      const label = el('label', { class: 'cat' });
      const input = el('input', { type: 'checkbox', value: c.code, id: 'live-' + c.code });
      input.checked = state.lc.includes(c.code);
      input.addEventListener('change', () => {
        state.lc = [...box.querySelectorAll('input:checked')].map(i => i.value);
        runLive();
      });
      label.append(input, ` ${catName(c)} (${c.targetMinutes} ${t('minutes')})`);
      box.append(label, el('br'));
    }
  }
}

async function runLive() {
  writeUrl();
  const seq = ++liveSeq;
  if (!state.lc.length) {
    liveData = null;
    drawLive();
    renderLive();
    return;
  }
  const buildings = [];
  let first = null, after = null, truncated = false;
  try {
    for (let page = 0; ; page++) {
      if (page === MAX_LIVE_PAGES) { truncated = true; break; }
      const d = await gql(`query Livable($cats: [String!]!, $pace: Pace, $after: String, $crs: Crs) {
          livableBuildings(categories: $cats, pace: $pace, first: 100, after: $after) {
            totalCount residents buildingsConsidered residentsConsidered pageInfo { hasNextPage endCursor }
            edges { node { id name residents location(crs: $crs) { lat lon } } } } }`,
        { cats: state.lc, pace: state.pace, after, crs: state.crs });
      if (seq !== liveSeq) return;
      first = first || d.livableBuildings;
      buildings.push(...d.livableBuildings.edges.map(e => e.node));
      if (!d.livableBuildings.pageInfo.hasNextPage) break;
      after = d.livableBuildings.pageInfo.endCursor;
    }
  } catch (e) {
    if (seq !== liveSeq) return;
    liveData = null;
    drawLive();
    renderLive();
    failed(e);
    return;
  }
  clearStatus();
  liveData = { ...first, buildings, truncated };
  explorer.live = { totalCount: first.totalCount, residents: first.residents, shown: buildings.length };
  drawLive();
  renderLive();
}

function drawLive() {
  layers.live.clearLayers();
  if (!liveData || state.tab !== 'live') return;
  for (const b of liveData.buildings) {
    L.circleMarker([b.location.lat, b.location.lon], {
      pane: 'marks', radius: 6, weight: 2, color: '#0b6b3a', fillColor: '#39c26f', fillOpacity: 0.85,
      className: 'live-marker live-' + b.id
    }).bindTooltip(`${b.name || b.id} · ${b.residents || 0}`).on('click', e => {
      L.DomEvent.stopPropagation(e);
      buildingClicked({ id: b.id, community: null });
    }).addTo(layers.live);
  }
}

function renderLive() {
  const s = $('live-summary');
  if (!liveData) {
    s.dataset.total = '';
    s.dataset.residents = '';
    s.textContent = state.lc.length ? '' : t('pickCategory');
    return;
  }
  s.dataset.total = liveData.totalCount;
  s.dataset.residents = liveData.residents;
  const share = liveData.residentsConsidered ? (100 * liveData.residents / liveData.residentsConsidered).toFixed(1) : '0.0';
  s.replaceChildren(el('div', { id: 'live-count' }, t('live')(liveData.totalCount, liveData.residents, share)));
  if (liveData.truncated) s.append(el('div', { class: 'small' }, t('liveTruncated')(liveData.buildings.length)));
}

// ---------------------------------------------------------------- published figures
async function loadFigures() {
  let d;
  try {
    d = await gql(`{ publishedFigures { id description scopeName publishedValue qualifier unit computedValue status source } }`);
  } catch (e) {
    failed(e);
    return;
  }
  $('figures').tBodies[0].replaceChildren(...d.publishedFigures.map(f => {
    const tr = el('tr', { 'data-figure': f.id });
    tr.append(el('td', {}, `${f.description} (${f.scopeName}; ${f.source})`),
      el('td', {}, `${f.qualifier === 'MORE_THAN' ? '> ' : f.qualifier === 'APPROXIMATELY' ? '≈ ' : ''}${f.publishedValue} ${f.unit}`),
      el('td', {}, f.computedValue === null ? '—' : String(f.computedValue)), el('td', {}, f.status));
    return tr;
  }));
}

// ---------------------------------------------------------------- controls
function setTab(tab) {
  state.tab = tab;
  for (const b of document.querySelectorAll('.tabs button')) b.classList.toggle('active', b.dataset.tab === tab);
  for (const p of document.querySelectorAll('.panel')) p.hidden = p.id !== 'panel-' + tab;
  if (tab === 'figures' && !$('figures').tBodies[0].rows.length) loadFigures();
  drawLive();
  writeUrl();
}
for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => setTab(b.dataset.tab));

function applyPace() {
  for (const b of document.querySelectorAll('#pace-toggle button')) b.classList.toggle('active', b.dataset.pace === state.pace);
}
for (const b of document.querySelectorAll('#pace-toggle button')) {
  b.addEventListener('click', () => {
    if (state.pace === b.dataset.pace) return;
    state.pace = b.dataset.pace;
    applyPace();
    writeUrl();
    loadScores();
    runReach();
    if (state.lc.length) runLive();
    if (state.c) selectCommunity(state.c);
  });
}

function applyLang() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  $('lang-toggle').textContent = state.lang === 'zh' ? 'English' : '中文';
  renderCategoryFilter();
  renderLiveOptions();
  renderLive();
  renderCommunitySelect();
  renderReach();
  renderCoverage();
  renderGapSelect();
  renderGaps();
  renderWhatIf();
}
$('lang-toggle').addEventListener('click', () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  applyLang();
  writeUrl();
});

$('crs').addEventListener('change', e => {
  const next = e.target.value;
  if (next === state.crs) return;
  // keep the same ground under the screen: convert the centre and a point origin into the new datum
  const c = map.getCenter();
  const convert = (lat, lon) => (next === 'GCJ02' ? toGcj(lat, lon) : toWgs(lat, lon));
  if (state.p) state.p = convert(state.p[0], state.p[1]);
  state.crs = next;
  const [lat, lon] = convert(c.lat, c.lng);
  map.setView([lat, lon], map.getZoom(), { animate: false });
  runReach();
  if (state.lc.length) runLive();
  if (state.c) showGaps();
});

$('goto').addEventListener('submit', e => {
  e.preventDefault();
  const parts = $('goto-input').value.split(/[,\s]+/).filter(Boolean).map(Number);
  if (parts.length !== 2 || !parts.every(Number.isFinite)) return;
  setTab('reach');
  state.b = null;
  state.p = parts;
  map.setView(parts, Math.max(map.getZoom(), 16));
  runReach();
});

// ---------------------------------------------------------------- downloads of what is on screen
function save(name, type, content) {
  const a = el('a', { download: name, href: URL.createObjectURL(new Blob([content], { type })) });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}
const pointFeature = (lat, lon, properties) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties });
function onScreenGeoJson() {
  const features = [];
  if (reachData) {
    for (const i of reachData.iso) features.push({ type: 'Feature', geometry: i.polygon, properties: { layer: 'isochrone', minutes: i.minutes, areaSquareMeters: i.areaSquareMeters } });
    for (const r of reachData.reaches) features.push(pointFeature(r.place.location.lat, r.place.location.lon, { layer: 'reached', id: r.place.id, name: r.place.name, category: r.place.category.code, walkMeters: r.walkMeters, walkMinutes: r.walkMinutes }));
  }
  if (liveData && state.tab === 'live') {
    for (const b of liveData.buildings) features.push(pointFeature(b.location.lat, b.location.lon, { layer: 'livable', id: b.id, name: b.name, residents: b.residents, categories: state.lc.join(' ') }));
  }
  if (gapData && state.tab === 'community') {
    for (const e of gapData.edges) features.push(pointFeature(e.node.location.lat, e.node.location.lon, { layer: 'gap', id: e.node.id, category: state.g, nearestWalkMeters: e.nearestWalkMeters }));
  }
  for (const b of lastView.buildings) features.push(pointFeature(b.location.lat, b.location.lon, { layer: 'building', id: b.id, name: b.name, residents: b.residents }));
  return { type: 'FeatureCollection', crs_note: state.crs, features };
}
const csvCell = v => (/[",\n]/.test(String(v)) ? '"' + String(v).replace(/"/g, '""') + '"' : String(v));
function onScreenCsv() {
  if (state.tab === 'live' && liveData) {
    return ['building_id,name,residents',
      ...liveData.buildings.map(b => [b.id, b.name || '', b.residents || 0].map(csvCell).join(','))].join('\n');
  }
  if (state.tab === 'community' && coverage) {
    return ['category,tier,target_minutes,residents_within_target_percent',
      ...coverage.categories.map(c => [c.category.code, c.category.tier, c.targetMinutes, c.residentsWithinTargetPercent].map(csvCell).join(','))].join('\n');
  }
  return ['place_id,name,category,tier,walk_meters,walk_minutes',
    ...((reachData && reachData.reaches) || []).map(r => [r.place.id, r.place.name, r.place.category.code, r.place.category.tier, r.walkMeters, r.walkMinutes].map(csvCell).join(','))].join('\n');
}
// The PNG is drawn from the data on screen, not by screen capture: the vector layers live in several SVG panes.
function onScreenPng() {
  const size = map.getSize();
  const canvas = el('canvas', { width: size.x, height: size.y });
  const g = canvas.getContext('2d');
  g.fillStyle = '#eef2f5';
  g.fillRect(0, 0, size.x, size.y);
  const xy = (lat, lon) => map.latLngToContainerPoint([lat, lon]);
  const ring = (coords, fill, stroke, alpha) => {
    g.beginPath();
    coords.forEach(([lon, lat], i) => { const p = xy(lat, lon); i ? g.lineTo(p.x, p.y) : g.moveTo(p.x, p.y); });
    g.globalAlpha = alpha; g.fillStyle = fill; g.fill(); g.globalAlpha = 1; g.strokeStyle = stroke; g.stroke();
  };
  for (const o of lastView.communities) ring(o.outline.coordinates[0], scoreColour(scores[o.community.id]), '#567', 0.18);
  if (lastView.walkways) {
    g.strokeStyle = '#7d8b99'; g.lineWidth = 1.5;
    for (const line of lastView.walkways.coordinates) {
      g.beginPath();
      line.forEach(([lon, lat], i) => { const p = xy(lat, lon); i ? g.lineTo(p.x, p.y) : g.moveTo(p.x, p.y); });
      g.stroke();
    }
    g.lineWidth = 1;
  }
  if (reachData) {
    for (const i of [...reachData.iso].sort((a, b) => b.minutes - a.minutes)) {
      const polys = i.polygon.type === 'Polygon' ? [i.polygon.coordinates] : i.polygon.coordinates;
      for (const poly of polys) ring(poly[0], '#27a065', '#1d7a4a', 0.2);
    }
  }
  const dot = (lat, lon, r, fill) => { const p = xy(lat, lon); g.beginPath(); g.arc(p.x, p.y, r, 0, 2 * Math.PI); g.fillStyle = fill; g.fill(); };
  for (const b of lastView.buildings) dot(b.location.lat, b.location.lon, 4, '#e8b85a');
  if (reachData) for (const r of reachData.reaches) dot(r.place.location.lat, r.place.location.lon, 3, '#d2492a');
  if (liveData && state.tab === 'live') for (const b of liveData.buildings) dot(b.location.lat, b.location.lon, 5, '#39c26f');
  return new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
}
$('dl-geojson').addEventListener('click', () => save('explorer.geojson', 'application/geo+json', JSON.stringify(onScreenGeoJson())));
$('dl-csv').addEventListener('click', () => save('explorer.csv', 'text/csv', onScreenCsv()));
$('dl-png').addEventListener('click', async () => save('explorer.png', 'image/png', await onScreenPng()));
explorer.onScreenGeoJson = onScreenGeoJson;
explorer.onScreenCsv = onScreenCsv;

// ---------------------------------------------------------------- start
async function start() {
  $('crs').value = state.crs;
  applyPace();
  let config = { tileUrl: '', tileAttribution: '' };
  try {
    const r = await fetch('/explorer/config.json');
    if (r.ok) config = await r.json();
  } catch (e) {
    // the config only adds optional tiles: without it the map still draws our own layers
  }
  if (config.tileUrl) L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);
  let d;
  try {
    d = await gql(`{ dataset { name licence attribution }
        categories { code nameZh nameEn tier targetMinutes }
        communities(first: 100) { edges { node { id name nameEn location { lat lon } } } } }`);
  } catch (e) {
    failed(e);
    map.setView([32.0, 120.86], 12);
    document.body.dataset.ready = 'true';
    return;
  }
  catalogue = d.categories;
  communities = d.communities.edges.map(e => e.node);
  $('attribution').textContent = `${d.dataset.name} · ${d.dataset.licence} · ${d.dataset.attribution}`;
  map.attributionControl.addAttribution(`${d.dataset.licence} · ${d.dataset.name}`);
  if (state.z !== null && state.lat !== null && state.lon !== null) {
    map.setView([state.lat, state.lon], state.z, { animate: false });
  } else if (communities.length) {
    const pts = communities.filter(c => c.location).map(c => (state.crs === 'GCJ02' ? toGcj(c.location.lat, c.location.lon) : [c.location.lat, c.location.lon]));
    map.fitBounds(L.latLngBounds(pts).pad(0.1), { animate: false });
  } else {
    map.setView([32.0, 120.86], 12);
  }
  applyLang();
  setTab(state.tab);
  loadScores();
  if (state.b || state.p) runReach();
  if (state.lc.length) runLive();
  // a shared community view without a map position opens on the community
  if (state.c) selectCommunity(state.c, state.z === null);
}
start();
