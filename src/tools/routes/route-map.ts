// The routes of a plan drawn as a map-like sketch (PNG): places at their approximate positions, legs
// coloured by mode, numbered as the summary's lines (the same options, undercut sums left out as
// there), in the reader's language. Positions are only for drawing, not data.
import { Resvg } from '@resvg/resvg-js';
import type { Lang } from '../../domain/lang.js';
import { daysText, routeText } from '../../i18n/route-texts.js';
import { hasCjkFont } from './cjk-font.js';
import type { RoutePlan } from './plan-routes.js';
import { position } from './place-positions.js';
import { labelModes, shortName, summaryOptions } from './render-plan.js';

const COLOURS: Record<string, string> = { rail: '#c0392b', sea: '#2471a3', road: '#d68910', air: '#7d3c98' };
const FONT = 'DejaVu Sans, Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function routeMapSvg(plan: RoutePlan, lang: Lang = 'en', maxOptions = 4): string {
  // Chinese names need a font with Chinese characters; without one they would be boxes.
  const words: Lang = lang === 'zh' && !hasCjkFont() ? 'en' : lang;
  const options = summaryOptions(plan, maxOptions);
  const ids = [...new Set(options.flatMap((o) => o.legs.flatMap((l) => [l.fromId, l.toId])))];
  const enName = new Map(
    options.flatMap((o) => o.legs.flatMap((l) => [[l.fromId, l.from] as const, [l.toId, l.to] as const])),
  );
  const label = (id: string) => shortName(plan.places[id]?.[words] ?? enName.get(id) ?? id);
  // Positions are looked up by the English name.
  const at = (id: string) => position(enName.get(id) ?? id);
  const known = ids.map(at).filter((p): p is [number, number] => Boolean(p));
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
  const unplaced = ids.filter((id) => !at(id));
  const fallback = new Map(
    unplaced.map((id, i) => [
      id,
      [minLon + ((i + 1) / (unplaced.length + 1)) * (maxLon - minLon), minLat + 0.5] as [number, number],
    ]),
  );
  const xy = (id: string): [number, number] => {
    const [lon, lat] = at(id) ?? fallback.get(id)!;
    return [
      40 + ((lon - minLon) / (maxLon - minLon || 1)) * (W - 80),
      60 + ((maxLat - lat) / (maxLat - minLat || 1)) * (H - 130),
    ];
  };
  const head = `${shortName(plan.from.names[words])} → ${shortName(plan.to.names[words])}`;
  const parts: string[] = [
    `<rect width="${W}" height="${H}" fill="#fbfaf6"/>`,
    `<text x="20" y="32" font-family="${FONT}" font-size="20" fill="#222">${esc(head)}</text>`,
  ];
  options.forEach((o, i) => {
    const offset = (i - (options.length - 1) / 2) * 4; // parallel routes side by side
    for (const l of o.legs) {
      const [x1, y1] = xy(l.fromId);
      const [x2, y2] = xy(l.toId);
      parts.push(
        `<line x1="${x1 + offset}" y1="${y1 + offset}" x2="${x2 + offset}" y2="${y2 + offset}" stroke="${COLOURS[l.mode]}" stroke-width="4" stroke-linecap="round"${l.mode === 'sea' ? ' stroke-dasharray="10 6"' : l.mode === 'air' ? ' stroke-dasharray="2 6"' : ''} opacity="0.85"/>`,
      );
    }
  });
  // Border pairs sit a few kilometres apart (Alashankou, Dostyk): a label that would cover another one
  // moves down a line.
  const placed: Array<[number, number, number]> = [];
  for (const id of ids) {
    const [x, y] = xy(id);
    const end = id === plan.from.id || id === plan.to.id;
    const text = label(id);
    const size = end ? 15 : 12;
    const width = [...text].length * size * 0.62;
    // Near the right edge the label goes to the left of its point ("Владивосток" was cut at the edge).
    const tx = x + 8 + width > W - 8 ? x - 8 - width : x + 8;
    let ty = y - 6;
    while (placed.some(([px, py, pw]) => Math.abs(py - ty) < size + 2 && tx < px + pw && px < tx + width))
      ty += size + 3;
    placed.push([tx, ty, width]);
    parts.push(
      `<circle cx="${x}" cy="${y}" r="${end ? 7 : 4}" fill="${end ? '#111' : '#555'}"/>`,
      `<text x="${tx}" y="${ty}" font-family="${FONT}" font-size="${size}" fill="#222">${esc(text)}</text>`,
    );
  }
  // The modes drawn, then each option as the summary numbers it: its modes and days.
  const modes = Object.keys(COLOURS).filter((m) => options.some((o) => o.legs.some((l) => l.mode === m)));
  let x = 30;
  for (const mode of modes) {
    const name = routeText(words, mode as 'rail');
    parts.push(
      `<line x1="${x}" y1="${H - 52}" x2="${x + 40}" y2="${H - 52}" stroke="${COLOURS[mode]}" stroke-width="4"${mode === 'sea' ? ' stroke-dasharray="10 6"' : mode === 'air' ? ' stroke-dasharray="2 6"' : ''}/>`,
      `<text x="${x + 46}" y="${H - 47}" font-family="${FONT}" font-size="13" fill="#222">${esc(name)}</text>`,
    );
    x += 60 + [...name].length * 9;
  }
  const lines = options
    .map(
      (o, i) =>
        `${i + 1}. ${labelModes(o)
          .map((m) => routeText(words, m as 'rail'))
          .join(' + ')}: ${daysText(words, o.days)}`,
    )
    .join(' · ');
  parts.push(`<text x="30" y="${H - 20}" font-family="${FONT}" font-size="13" fill="#444">${esc(lines)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

export function routeMapPng(plan: RoutePlan, lang: Lang = 'en'): Buffer {
  return Buffer.from(
    new Resvg(routeMapSvg(plan, lang), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } })
      .render()
      .asPng(),
  );
}
