// The chosen routes drawn as a map-like sketch (PNG): places at their approximate positions, legs
// coloured by mode, one panel per option. Positions are only for drawing, not data.
import { Resvg } from '@resvg/resvg-js';
import type { RoutePlan } from './plan-routes.js';

// Approximate longitude/latitude of places, by English name (lower case).
const POSITIONS: Record<string, [number, number]> = {
  qingdao: [120.4, 36.1], jiaozhou: [120.0, 36.3], "xi'an": [108.9, 34.3], xian: [108.9, 34.3], lianyungang: [119.2, 34.6], zhengzhou: [113.6, 34.7],
  urumqi: [87.6, 43.8], kashgar: [76.0, 39.5], alashankou: [82.6, 45.2], dostyk: [82.4, 45.3], khorgos: [80.4, 44.2], altynkol: [80.1, 44.3],
  manzhouli: [117.4, 49.6], zabaikalsk: [117.3, 49.9], erenhot: [112.0, 43.6], 'zamyn-uud': [111.9, 43.9], suifenhe: [131.2, 44.4], grodekovo: [131.0, 44.6],
  irkeshtam: [73.9, 39.7], torugart: [75.4, 40.5], almaty: [76.9, 43.2], tashkent: [69.2, 41.3], bishkek: [74.6, 42.9], osh: [72.8, 40.5], andijan: [72.3, 40.8],
  dushanbe: [68.8, 38.6], moscow: [37.6, 55.75], 'st petersburg': [30.3, 59.9], 'saint petersburg': [30.3, 59.9], novorossiysk: [37.8, 44.7], vladivostok: [131.9, 43.1],
  minsk: [27.6, 53.9], brest: [23.7, 52.1], malaszewicze: [23.4, 52.0], duisburg: [6.8, 51.4], hamburg: [10.0, 53.55], aktau: [51.2, 43.65], kuryk: [51.7, 43.2],
  baku: [49.9, 40.4], alat: [49.4, 39.95], poti: [41.7, 42.15], batumi: [41.6, 41.6], tbilisi: [44.8, 41.7], ulaanbaatar: [106.9, 47.9], naushki: [106.1, 50.4],
  zamyn_uud: [111.9, 43.9], chongqing: [106.5, 29.6], chengdu: [104.1, 30.7], 'ust-luga': [28.4, 59.7], yekaterinburg: [60.6, 56.8], novosibirsk: [82.9, 55.0],
  astana: [71.4, 51.2], 'nur-sultan': [71.4, 51.2], shymkent: [69.6, 42.3], termez: [67.3, 37.2], istanbul: [28.97, 41.0], constanta: [28.6, 44.2],
  'saryagash': [69.2, 41.45], 'beineu': [55.2, 45.3], 'zhetygen': [77.6, 43.6], 'moscow (vorsino)': [36.6, 55.2],
};

const COLOURS: Record<string, string> = { rail: '#c0392b', sea: '#2471a3', road: '#d68910', air: '#7d3c98' };

export function position(name: string): [number, number] | undefined {
  const k = name.toLowerCase().trim();
  return POSITIONS[k] ?? POSITIONS[k.split(/[ (/–-]/)[0]!];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function routeMapSvg(plan: RoutePlan, maxOptions = 4): string {
  const options = [...plan.options].sort((a, b) => b.picks.length - a.picks.length).slice(0, maxOptions);
  const names = [...new Set(options.flatMap((o) => o.legs.flatMap((l) => [l.from, l.to])))];
  const known = names.map((n) => position(n)).filter((p): p is [number, number] => Boolean(p));
  const lons = known.map((p) => p[0]);
  const lats = known.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons) - 3, Math.max(...lons) + 3, Math.min(...lats) - 2, Math.max(...lats) + 2];
  const W = 1000;
  const H = 560;
  // Places without a known position are spread along the bottom edge so they still show.
  const fallback = new Map(names.filter((n) => !position(n)).map((n, i, all) => [n, [minLon + ((i + 1) / (all.length + 1)) * (maxLon - minLon), minLat + 0.5] as [number, number]]));
  const xy = (n: string): [number, number] => {
    const [lon, lat] = position(n) ?? fallback.get(n)!;
    return [40 + ((lon - minLon) / (maxLon - minLon || 1)) * (W - 80), 60 + ((maxLat - lat) / (maxLat - minLat || 1)) * (H - 130)];
  };
  const parts: string[] = [`<rect width="${W}" height="${H}" fill="#fbfaf6"/>`, `<text x="20" y="32" font-family="DejaVu Sans" font-size="20" fill="#222">${esc(`${plan.from.name} → ${plan.to.name}`)}</text>`];
  options.forEach((o, i) => {
    const offset = (i - (options.length - 1) / 2) * 4; // parallel routes side by side
    for (const l of o.legs) {
      const [x1, y1] = xy(l.from);
      const [x2, y2] = xy(l.to);
      parts.push(`<line x1="${x1 + offset}" y1="${y1 + offset}" x2="${x2 + offset}" y2="${y2 + offset}" stroke="${COLOURS[l.mode]}" stroke-width="4" stroke-linecap="round"${l.mode === 'sea' ? ' stroke-dasharray="10 6"' : l.mode === 'air' ? ' stroke-dasharray="2 6"' : ''} opacity="0.85"/>`);
    }
  });
  for (const n of names) {
    const [x, y] = xy(n);
    const end = n === plan.from.name || n === plan.to.name;
    parts.push(`<circle cx="${x}" cy="${y}" r="${end ? 7 : 4}" fill="${end ? '#111' : '#555'}"/>`, `<text x="${x + 8}" y="${y - 6}" font-family="DejaVu Sans" font-size="${end ? 15 : 12}" fill="#222">${esc(n)}</text>`);
  }
  const legend = Object.entries(COLOURS).map(([mode, colour], i) => `<line x1="${30 + i * 110}" y1="${H - 30}" x2="${70 + i * 110}" y2="${H - 30}" stroke="${colour}" stroke-width="4"/><text x="${76 + i * 110}" y="${H - 25}" font-family="DejaVu Sans" font-size="13" fill="#222">${mode}</text>`);
  const picks = options.map((o, i) => `${i + 1}. ${o.picks.join('/') || 'option'}: ${o.days.min}–${o.days.max} d`).join('   ');
  parts.push(...legend, `<text x="480" y="${H - 25}" font-family="DejaVu Sans" font-size="12" fill="#444">${esc(picks)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

export function routeMapPng(plan: RoutePlan): Buffer {
  return Buffer.from(new Resvg(routeMapSvg(plan), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng());
}

/** Great-circle kilometres between two places, when both positions are known. */
export function greatCircleKm(a: string, b: string): number | undefined {
  const p = position(a);
  const q = position(b);
  if (!p || !q) return undefined;
  const rad = Math.PI / 180;
  const h = Math.sin(((q[1] - p[1]) * rad) / 2) ** 2 + Math.cos(p[1] * rad) * Math.cos(q[1] * rad) * Math.sin(((q[0] - p[0]) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
