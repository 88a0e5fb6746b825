// The rules of docs/knowledge-format.md that read a document's body: sources per section, review
// dates by volatility, and the terms we use one way only. Used by the lint (and so by npm test).
import type { FrontMatter } from './front-matter.js';
import { parseSourcesMarker } from './split-text.js';

/** review_by may be at most this many months after as_of. */
export const REVIEW_MONTHS = { rates: 6, law: 18, background: 36 } as const;

/** One name for one thing: the variant on the left is refused in documents of that language. */
export const TERM_RULES: ReadonlyArray<{ lang: 'zh' | 'ru' | 'en'; avoid: RegExp; use: string }> = [
  { lang: 'zh', avoid: /海关联盟/, use: '关税同盟 (the Customs Union)' },
  { lang: 'ru', avoid: /ШОС-экспресс/i, use: '«Экспресс ШОС»' },
];

const HEADING = /^(#{1,6})\s+\S/;
const FENCE = /^\s*(```|~~~)/;

interface BodySection {
  heading: string;
  level: number;
  line: number;
  hasText: boolean;
  markers: Array<number[] | undefined>;
}

function bodySections(body: string): BodySection[] {
  const out: BodySection[] = [
    { heading: '(before the first ## heading)', level: 1, line: 1, hasText: false, markers: [] },
  ];
  let inFence = false;
  body.split('\n').forEach((line, i) => {
    if (FENCE.test(line)) inFence = !inFence;
    const current = out[out.length - 1]!;
    const heading = inFence ? null : HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      // The document title (#) opens the preamble rather than a section of its own.
      if (level >= 2) out.push({ heading: line.trim(), level, line: i + 1, hasText: false, markers: [] });
    } else if (!inFence && /^\s*<!--\s*sources\s*:/i.test(line)) {
      current.markers.push(parseSourcesMarker(line));
    } else if (!inFence && /^\s*<!--.*-->\s*$/.test(line)) {
      // another comment: not text
    } else if (line.trim()) {
      current.hasText = true;
    }
  });
  return out;
}

export function sectionSourceProblems(meta: FrontMatter, body: string): string[] {
  const problems: string[] = [];
  const used = new Set<number>();
  const sections = bodySections(body);
  sections.forEach((s, i) => {
    for (const m of s.markers) {
      if (m === undefined)
        problems.push(
          `${s.heading} (line ${s.line}): the sources marker must read <!-- sources: 1, 2 --> or <!-- sources: none -->`,
        );
      else
        for (const n of m) {
          if (n < 1 || n > meta.sources.length)
            problems.push(
              `${s.heading} (line ${s.line}): source ${n} does not exist (the front-matter lists ${meta.sources.length})`,
            );
          else used.add(n);
        }
    }
    if (s.markers.length > 1) problems.push(`${s.heading} (line ${s.line}): one sources marker per section`);
    if (!s.hasText || s.markers.length > 0) return;
    // A ### section may take its ## parent's marker.
    const parent = sections
      .slice(0, i)
      .reverse()
      .find((p) => p.level < s.level);
    const inherits = s.level >= 3 && parent !== undefined && parent.level >= 2 && parent.markers.length > 0;
    if (!inherits)
      problems.push(
        `${s.heading} (line ${s.line}): no <!-- sources: … --> marker (use "none" for a section without facts)`,
      );
  });
  meta.sources.forEach((url, i) => {
    if (!used.has(i + 1)) problems.push(`source ${i + 1} (${url}) backs no section: cite it in a marker or remove it`);
  });
  return problems;
}

export function reviewPolicyProblems(meta: FrontMatter): string[] {
  if (!meta.volatility) return ['volatility: missing (rates | law | background, docs/knowledge-format.md)'];
  const months = REVIEW_MONTHS[meta.volatility];
  const latest = addMonths(meta.as_of, months);
  return meta.review_by > latest
    ? [
        `review_by ${meta.review_by} is more than ${months} months after as_of ${meta.as_of} (volatility ${meta.volatility}): at most ${latest}`,
      ]
    : [];
}

export function termProblems(meta: FrontMatter, body: string): string[] {
  return TERM_RULES.filter((r) => r.lang === meta.lang && (r.avoid.test(body) || r.avoid.test(meta.title))).map(
    (r) => `use ${r.use}, not "${r.avoid.source}"`,
  );
}

/** The same day n months later; the end of a month maps to the end of a month (30 Sep + 6 → 31 Mar). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const targetLast = lastDay(target.getUTCFullYear(), target.getUTCMonth() + 1);
  const endOfMonth = day === lastDay(year, month);
  target.setUTCDate(endOfMonth ? targetLast : Math.min(day, targetLast));
  return target.toISOString().slice(0, 10);
}
