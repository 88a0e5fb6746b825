// The chosen routes drawn as a map-like sketch (PNG): places at their approximate positions, legs
// coloured by mode, one panel per option. Positions are only for drawing, not data.
import { Resvg } from '@resvg/resvg-js';
import type { RoutePlan } from './plan-routes.js';
import { position } from './place-positions.js';

const COLOURS: Record<string, string> = { rail: '#c0392b', sea: '#2471a3', road: '#d68910', air: '#7d3c98' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function routeMapSvg(plan: RoutePlan, maxOptions = 4): string {
  const options = [...plan.options].sort((a, b) => b.picks.length - a.picks.length).slice(0, maxOptions);
  const names = [...new Set(options.flatMap((o) => o.legs.flatMap((l) => [l.from, l.to])))];
  const known = names.map((n) => position(n)).filter((p): p is [number, number] => Boolean(p));
  const lons = known.map((p) => p[0]);
  const lats = known.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons) - 3,
    Math.max(...lons) + 3,
    Math.min(...lats) - 2,
    Math.max(...lats) + 2,
  ];
  const W = 1000;
  const H = 560;
  // Places without a known position are spread along the bottom edge so they still show.
  const fallback = new Map(
    names
      .filter((n) => !position(n))
      .map((n, i, all) => [
        n,
        [minLon + ((i + 1) / (all.length + 1)) * (maxLon - minLon), minLat + 0.5] as [number, number],
      ]),
  );
  const xy = (n: string): [number, number] => {
    const [lon, lat] = position(n) ?? fallback.get(n)!;
    return [
      40 + ((lon - minLon) / (maxLon - minLon || 1)) * (W - 80),
      60 + ((maxLat - lat) / (maxLat - minLat || 1)) * (H - 130),
    ];
  };
  const parts: string[] = [
    `<rect width="${W}" height="${H}" fill="#fbfaf6"/>`,
    `<text x="20" y="32" font-family="DejaVu Sans" font-size="20" fill="#222">${esc(`${plan.from.name} → ${plan.to.name}`)}</text>`,
  ];
  options.forEach((o, i) => {
    const offset = (i - (options.length - 1) / 2) * 4; // parallel routes side by side
    for (const l of o.legs) {
      const [x1, y1] = xy(l.from);
      const [x2, y2] = xy(l.to);
      parts.push(
        `<line x1="${x1 + offset}" y1="${y1 + offset}" x2="${x2 + offset}" y2="${y2 + offset}" stroke="${COLOURS[l.mode]}" stroke-width="4" stroke-linecap="round"${l.mode === 'sea' ? ' stroke-dasharray="10 6"' : l.mode === 'air' ? ' stroke-dasharray="2 6"' : ''} opacity="0.85"/>`,
      );
    }
  });
  for (const n of names) {
    const [x, y] = xy(n);
    const end = n === plan.from.name || n === plan.to.name;
    parts.push(
      `<circle cx="${x}" cy="${y}" r="${end ? 7 : 4}" fill="${end ? '#111' : '#555'}"/>`,
      `<text x="${x + 8}" y="${y - 6}" font-family="DejaVu Sans" font-size="${end ? 15 : 12}" fill="#222">${esc(n)}</text>`,
    );
  }
  const legend = Object.entries(COLOURS).map(
    ([mode, colour], i) =>
      `<line x1="${30 + i * 110}" y1="${H - 30}" x2="${70 + i * 110}" y2="${H - 30}" stroke="${colour}" stroke-width="4"/><text x="${76 + i * 110}" y="${H - 25}" font-family="DejaVu Sans" font-size="13" fill="#222">${mode}</text>`,
  );
  const picks = options
    .map((o, i) => `${i + 1}. ${o.picks.join('/') || 'option'}: ${o.days.min}–${o.days.max} d`)
    .join('   ');
  parts.push(
    ...legend,
    `<text x="480" y="${H - 25}" font-family="DejaVu Sans" font-size="12" fill="#444">${esc(picks)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

export function routeMapPng(plan: RoutePlan): Buffer {
  return Buffer.from(
    new Resvg(routeMapSvg(plan), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } })
      .render()
      .asPng(),
  );
}
