// WGS84 <-> GCJ-02 for the few API fields that are WGS84 only (site suggestions, what-if places): the published
// forward transform and a fixed-point inverse, the same as the server's geo.Gcj02.
const A = 6378245.0, EE = 0.00669342162296594323;
const outOfChina = (lat, lon) => lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
function tLat(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  r += (20 * Math.sin(y * Math.PI) + 40 * Math.sin(y / 3 * Math.PI)) * 2 / 3;
  return r + (160 * Math.sin(y / 12 * Math.PI) + 320 * Math.sin(y * Math.PI / 30)) * 2 / 3;
}
function tLon(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2 / 3;
  r += (20 * Math.sin(x * Math.PI) + 40 * Math.sin(x / 3 * Math.PI)) * 2 / 3;
  return r + (150 * Math.sin(x / 12 * Math.PI) + 300 * Math.sin(x / 30 * Math.PI)) * 2 / 3;
}
export function toGcj(lat, lon) {
  if (outOfChina(lat, lon)) return [lat, lon];
  let dLat = tLat(lon - 105, lat - 35), dLon = tLon(lon - 105, lat - 35);
  const rad = lat / 180 * Math.PI;
  let magic = 1 - EE * Math.sin(rad) * Math.sin(rad);
  const s = Math.sqrt(magic);
  dLat = dLat * 180 / ((A * (1 - EE)) / (magic * s) * Math.PI);
  dLon = dLon * 180 / (A / s * Math.cos(rad) * Math.PI);
  return [lat + dLat, lon + dLon];
}
export function toWgs(lat, lon) {
  let wLat = lat, wLon = lon;
  for (let i = 0; i < 30; i++) {
    const [gLat, gLon] = toGcj(wLat, wLon);
    const eLat = gLat - lat, eLon = gLon - lon;
    wLat -= eLat; wLon -= eLon;
    if (Math.abs(eLat) < 1e-10 && Math.abs(eLon) < 1e-10) break;
  }
  return [wLat, wLon];
}
