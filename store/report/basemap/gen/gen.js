// gen.js writes the report's world basemap, ../world.svg, which
// store/report embeds.
//
//   cd store/report/basemap/gen && npm ci && node gen.js
//
// Input (exact versions pinned in package.json and package-lock.json):
//   world-atlas      Natural Earth admin-0 countries at 1:50m as TopoJSON
//                    (public domain data; package ISC, Mike Bostock).
//   topojson-client  TopoJSON to GeoJSON, and the mesh of shared borders.
// Output: one SVG in an equirectangular projection, x = (lon + 180) * 10,
// y = (90 - lat) * 10 (so viewBox 0 0 3600 1800 is the world and a point's place
// on the map is plain arithmetic in the page), coordinates whole tenths
// of a degree, relative after a ring's first point, repeated points dropped, so the file stays small:
//   <path class="land">     every country's outline, filled
//   <path class="borders">  borders between countries, each drawn once
// The output is deterministic: same inputs, same bytes.
'use strict';
const fs = require('fs');
const path = require('path');
const topojson = require('topojson-client');
const world = require('world-atlas/countries-110m.json');

const STEP = 10; // 1/STEP degree

// ring turns a ring or line into path data. A ring that crosses the
// antimeridian is unwrapped (no stroke across the whole map) and, when it
// runs past an edge, drawn a second time shifted by the world's width so
// both halves show.
function ring(coords, closed) {
  const pts = [];
  let shift = 0;
  for (const [lon, lat] of coords) {
    let x = Math.round((lon + 180) * STEP) + shift;
    const y = Math.round((90 - lat) * STEP);
    if (pts.length > 0) {
      const dx = x - pts[pts.length - 1][0];
      if (dx > 180 * STEP) { shift -= W; x -= W; }
      if (dx < -180 * STEP) { shift += W; x += W; }
    }
    const last = pts[pts.length - 1];
    if (last && last[0] === x && last[1] === y) continue;
    pts.push([x, y]);
  }
  if (pts.length < 2) return '';
  const minX = Math.min(...pts.map((p) => p[0]));
  const maxX = Math.max(...pts.map((p) => p[0]));
  let d = draw(pts, 0, closed);
  if (minX < 0) d += draw(pts, W, closed);
  if (maxX > W) d += draw(pts, -W, closed);
  return d;
}
const W = 360 * STEP;

function draw(pts, dx, closed) {
  // Relative moves after the first point: small integers.
  let d = 'M' + (pts[0][0] + dx) + ' ' + pts[0][1];
  for (let i = 1; i < pts.length; i++) d += 'l' + (pts[i][0] - pts[i - 1][0]) + ' ' + (pts[i][1] - pts[i - 1][1]);
  return closed ? d + 'Z' : d;
}

function lines(geom) {
  // Polygon, MultiPolygon or MultiLineString to path data.
  const parts = [];
  const walk = (g) => {
    switch (g.type) {
      case 'Polygon':
        for (const r of g.coordinates) parts.push(ring(r, true));
        break;
      case 'MultiPolygon':
        for (const p of g.coordinates) for (const r of p) parts.push(ring(r, true));
        break;
      case 'MultiLineString':
        for (const l of g.coordinates) parts.push(ring(l, false));
        break;
      case 'LineString':
        parts.push(ring(g.coordinates, false));
        break;
      case 'GeometryCollection':
        g.geometries.forEach(walk);
        break;
    }
  };
  walk(geom);
  return parts.join('');
}

const land = topojson.feature(world, world.objects.countries);
const landD = land.features.map((f) => lines(f.geometry)).join('');
const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
const bordersD = lines(borders);

const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 3600 1800">\n' +
  '<path class="land" d="' + landD + '"/>\n' +
  '<path class="borders" d="' + bordersD + '"/>\n' +
  '</svg>\n';
const out = path.join(__dirname, '..', 'world.svg');
fs.writeFileSync(out, svg);
console.log(`wrote ${out}: ${svg.length} bytes`);
