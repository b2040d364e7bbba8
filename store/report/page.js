// The report page's script: filters, timeline, map and claim rows, drawn
// from the JSON in #report-data. Every text from the database goes into
// the page as a text node (textContent), never as markup.
'use strict';
(function () {
  const D = JSON.parse(document.getElementById('report-data').textContent);
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const PAGE = 50;

  // el makes an element with attributes and children (strings become
  // text nodes).
  function el(tag, attrs, ...kids) {
    const n = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) n.setAttribute(k, String(v));
    }
    for (const k of kids) {
      if (k === null || k === undefined) continue;
      n.appendChild(typeof k === 'string' || typeof k === 'number' ? document.createTextNode(String(k)) : k);
    }
    return n;
  }
  const fmt = (n) => n.toLocaleString('en-US');
  const kindClass = (k) => (D.eventKinds.includes(k) ? 'k-' + k : '');

  const st = { kind: '', cert: '', from: '', to: '', place: '', q: '', page: 0 };

  // Filters.
  for (const k of D.kinds) $('f-kind').appendChild(el('option', { value: k }, k));
  for (const c of D.certainties) if (c) $('f-cert').appendChild(el('option', { value: c }, c));
  const names = [...new Set(D.places.map((p) => p[0]))].sort();
  for (const n of names) $('places').appendChild(el('option', { value: n }));
  const days = D.days.filter((d) => d);
  if (days.length) {
    for (const id of ['f-from', 'f-to']) {
      $(id).min = days[0];
      $(id).max = days[days.length - 1];
    }
  }
  const inputs = { kind: 'f-kind', cert: 'f-cert', from: 'f-from', to: 'f-to', place: 'f-place', q: 'f-q' };
  for (const [k, id] of Object.entries(inputs)) {
    $(id).addEventListener('input', () => {
      st[k] = $(id).value.trim();
      st.page = 0;
      render();
    });
  }
  $('f-reset').addEventListener('click', () => setFilters({ kind: '', cert: '', from: '', to: '', place: '', q: '' }));
  function setFilters(f) {
    for (const [k, v] of Object.entries(f)) {
      st[k] = v;
      $(inputs[k]).value = v;
    }
    st.page = 0;
    render();
  }

  // The filters as tests on indexes into D's tables.
  function tests() {
    const place = st.place.toLowerCase();
    const placeOK = D.places.map((p) => !place || p[0].toLowerCase().includes(place));
    const dayOK = D.days.map((d) => (!st.from || (d !== '' && d >= st.from)) && (!st.to || (d !== '' && d <= st.to)));
    const kindOK = D.kinds.map((k) => !st.kind || k === st.kind);
    const certOK = D.certainties.map((c) => !st.cert || c === st.cert);
    return (day, kind, cert, pl) => dayOK[day] && kindOK[kind] && certOK[cert] && (pl < 0 ? !place : placeOK[pl]);
  }

  // Timeline: event claims per day and kind, one bar segment each.
  function timeline(ok) {
    const box = $('timeline-chart');
    box.textContent = '';
    const ev = new Set(D.eventKinds.map((k) => D.kinds.indexOf(k)));
    const byDay = new Map();
    let undated = 0;
    for (const [d, k, c, p, n] of D.cells) {
      if (!ev.has(k) || !ok(d, k, c, p)) continue;
      if (D.days[d] === '') {
        undated += n;
        continue;
      }
      if (!byDay.has(d)) byDay.set(d, new Map());
      const m = byDay.get(d);
      m.set(k, (m.get(k) || 0) + n);
    }
    const ds = [...byDay.keys()].sort((a, b) => a - b);
    $('timeline-note').textContent = undated ? fmt(undated) + ' events without a date are not drawn.' : '';
    if (!ds.length) {
      box.appendChild(el('p', { class: 'empty' }, 'No events match.'));
      return;
    }
    const t = (d) => Date.parse(D.days[d] + 'T00:00:00Z') / 864e5;
    const t0 = t(ds[0]);
    const span = t(ds[ds.length - 1]) - t0 + 1;
    let max = 0;
    for (const m of byDay.values()) {
      let s = 0;
      for (const n of m.values()) s += n;
      max = Math.max(max, s);
    }
    const W = Math.max(box.clientWidth || 800, 280);
    const H = 170;
    const L = 34, R = 8, T = 8, B = 22;
    const w = (W - L - R) / span;
    const bw = Math.max(w - (w > 4 ? 1 : 0), 3);
    const svg = el('svg:svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: 'timeline-svg' });
    const y = (v) => T + (H - T - B) * (1 - v / max);
    for (const v of [0, max]) {
      svg.appendChild(el('svg:line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#d8dde2' }));
      svg.appendChild(el('svg:text', { x: L - 4, y: y(v) + 4, 'text-anchor': 'end' }, fmt(v)));
    }
    for (const d of ds) {
      const x = L + (t(d) - t0) * w;
      let acc = 0;
      for (const k of [...byDay.get(d).keys()].sort((a, b) => a - b)) {
        const n = byDay.get(d).get(k);
        const r = el('svg:rect', {
          class: 'bar ' + kindClass(D.kinds[k]), x: x.toFixed(2), width: bw.toFixed(2),
          y: y(acc + n).toFixed(2), height: Math.max(y(acc) - y(acc + n), 0.5).toFixed(2),
          'data-day': D.days[d], 'data-kind': D.kinds[k],
        }, el('svg:title', {}, `${D.days[d]} ${D.kinds[k]}: ${fmt(n)}`));
        r.addEventListener('click', () => setFilters({ from: D.days[d], to: D.days[d] }));
        svg.appendChild(r);
        acc += n;
      }
    }
    // Labels: first and last day, and month starts when there is room.
    const labels = [[ds[0], 'start'], [ds[ds.length - 1], 'end']];
    svg.appendChild(el('svg:text', { x: L, y: H - 6, 'text-anchor': 'start' }, D.days[labels[0][0]]));
    svg.appendChild(el('svg:text', { x: W - R, y: H - 6, 'text-anchor': 'end' }, D.days[labels[1][0]]));
    if (span > 20 && span < 800) {
      for (let i = 1; i < span - 1; i++) {
        const dt = new Date((t0 + i) * 864e5);
        if (dt.getUTCDate() !== 1) continue;
        const x = L + i * w;
        if (x < L + 80 || x > W - R - 80) continue;
        svg.appendChild(el('svg:text', { x, y: H - 6, 'text-anchor': 'middle' }, dt.toISOString().slice(0, 7)));
      }
    }
    box.appendChild(svg);
  }

  // Map: one circle per place with coordinates, sized by its claims.
  function map(ok) {
    const g = $('map-points');
    g.textContent = '';
    const counts = new Map();
    let unplaced = 0;
    for (const [d, k, c, p, n] of D.cells) {
      if (!ok(d, k, c, p)) continue;
      if (p < 0 || D.places[p][2] === null) {
        unplaced += n;
        continue;
      }
      counts.set(p, (counts.get(p) || 0) + n);
    }
    const pts = [...counts.entries()].map(([p, n]) => ({ p, n, x: (D.places[p][3] + 180) * 10, y: (90 - D.places[p][2]) * 10 }));
    // View: the points' box with a margin, at least 30 degrees wide, 2:1.
    let vb = [0, 0, 3600, 1800];
    if (pts.length) {
      let x0 = Math.min(...pts.map((q) => q.x)), x1 = Math.max(...pts.map((q) => q.x));
      let y0 = Math.min(...pts.map((q) => q.y)), y1 = Math.max(...pts.map((q) => q.y));
      let w = Math.max(x1 - x0, 300) * 1.3, h = Math.max(y1 - y0, 150) * 1.3;
      if (w < 2 * h) w = 2 * h; else h = w / 2;
      w = Math.min(w, 3600);
      h = Math.min(h, 1800);
      const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      vb = [Math.min(Math.max(cx - w / 2, 0), 3600 - w), Math.min(Math.max(cy - h / 2, 0), 1800 - h), w, h];
    }
    $('map-svg').setAttribute('viewBox', vb.map((v) => v.toFixed(1)).join(' '));
    const max = Math.max(1, ...pts.map((q) => q.n));
    // Circles shrink when there are many, so that they stay apart.
    const unit = (vb[2] / 100) * Math.min(1, 6 / Math.sqrt(Math.max(pts.length, 1)));
    pts.sort((a, b) => b.n - a.n);
    for (const q of pts) {
      const pl = D.places[q.p];
      const c = el('svg:circle', {
        class: 'pt' + (st.place && pl[0].toLowerCase() === st.place.toLowerCase() ? ' on' : ''),
        cx: q.x.toFixed(1), cy: q.y.toFixed(1), r: (unit * (0.5 + 2.5 * Math.sqrt(q.n / max))).toFixed(2),
        'data-place': pl[0], 'data-claims': q.n,
      }, el('svg:title', {}, `${pl[0]}${pl[1] ? ' (' + pl[1] + ')' : ''}: ${fmt(q.n)} claims`));
      c.addEventListener('click', () => setFilters({ place: pl[0] }));
      g.appendChild(c);
    }
    for (const q of pts.slice(0, 6)) {
      g.appendChild(el('svg:text', { class: 'ptlabel', x: (q.x + unit * 1.5).toFixed(1), y: (q.y + unit * 0.6).toFixed(1),
        'font-size': (unit * 1.6).toFixed(1) }, D.places[q.p][0]));
    }
    $('map-note').textContent = `${fmt(pts.length)} places. ` +
      (unplaced ? `${fmt(unplaced)} claims have no place with coordinates and are not on the map.` : '');
  }

  // Claim rows: the listed claims that pass the filters and the search.
  const hay = D.rows.map((r) => {
    const a = D.articles[r.f[4]];
    return (r.ev.map((s) => s[0]).join('') + ' ' + (r.arg || '') + ' ' + a[0]).toLowerCase();
  });
  function rows(ok) {
    const q = st.q.toLowerCase();
    const words = q.split(/\s+/).filter((w) => w);
    const hits = [];
    D.rows.forEach((r, i) => {
      const [d, k, c, p] = r.f;
      if (ok(d, k, c, p) && words.every((w) => hay[i].includes(w))) hits.push(r);
    });
    const pages = Math.max(1, Math.ceil(hits.length / PAGE));
    st.page = Math.min(st.page, pages - 1);
    const body = $('claim-rows');
    body.textContent = '';
    for (const r of hits.slice(st.page * PAGE, (st.page + 1) * PAGE)) body.appendChild(row(r));
    if (!hits.length) body.appendChild(el('tr', {}, el('td', { colspan: 7, class: 'empty' }, 'No claims match.')));
    let note = `${fmt(hits.length)} of ${fmt(D.rows.length)} listed claims`;
    if (D.rowsTotal > D.rows.length) note += ` (${fmt(D.rowsTotal)} in the report; see “Left out”)`;
    $('f-count').textContent = note;
    for (const id of ['pager-top', 'pager']) pager($(id), pages, hits.length);
  }
  function row(r) {
    const [d, k, c, p, a, agree, differ] = r.f;
    const art = D.articles[a];
    const ev = el('div', { class: 'ev' });
    for (const s of r.ev) ev.appendChild(s.length > 1 ? el('mark', { 'data-role': s[1], title: s[1] }, s[0]) : document.createTextNode(s[0]));
    const link = art[3] ? el('a', { href: art[3], rel: 'noopener noreferrer' }, art[0] || art[3]) : document.createTextNode(art[0]);
    const kind = el('span', { class: 'kind ' + kindClass(D.kinds[k]) }, D.kinds[k]);
    return el('tr', { class: 'claim', 'data-id': r.id },
      el('td', {}, D.days[d] || '—'), el('td', {}, kind), el('td', {}, D.certainties[c]),
      el('td', {}, p >= 0 ? D.places[p][0] : ''),
      el('td', {}, ev, r.arg ? el('div', { class: 'args' }, r.arg) : null),
      el('td', {}, link, el('div', { class: 'src' }, [art[1], art[2]].filter((x) => x).join(' · '))),
      el('td', { class: 'n' }, el('span', { class: 'agree', title: 'articles that corroborate it' }, '+' + agree), ' / ',
        el('span', { class: 'differ', title: 'articles that contradict it' }, '−' + differ)));
  }
  function pager(box, pages, n) {
    box.textContent = '';
    if (pages < 2) return;
    const prev = el('button', { type: 'button' }, '‹ previous');
    const next = el('button', { type: 'button' }, 'next ›');
    prev.disabled = st.page === 0;
    next.disabled = st.page >= pages - 1;
    prev.addEventListener('click', () => { st.page--; rows(tests()); });
    next.addEventListener('click', () => { st.page++; rows(tests()); });
    box.append(prev, el('span', {}, `page ${st.page + 1} of ${pages} (${fmt(n)} claims)`), next);
  }

  // The casualty table follows the place filter.
  function casualties() {
    const place = st.place.toLowerCase();
    for (const tr of document.querySelectorAll('#casualties tbody tr')) {
      tr.hidden = !!place && !(tr.dataset.place || '').toLowerCase().includes(place);
    }
  }

  function legend() {
    for (const k of D.eventKinds) $('legend').appendChild(el('span', {}, el('i', { class: 'k-' + k }), k));
  }

  function render() {
    const ok = tests();
    timeline(ok);
    map(ok);
    rows(ok);
    casualties();
  }
  legend();
  render();
  let resize;
  window.addEventListener('resize', () => {
    clearTimeout(resize);
    resize = setTimeout(() => timeline(tests()), 150);
  });
})();
