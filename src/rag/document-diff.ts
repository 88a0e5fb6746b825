// What changed in a document between two ingests, section by section: which sections were added,
// removed or rewritten, which figures and dates appear or disappear in each, and a sentence or two
// of the new text to quote in an alert. Sections are compared by their heading path, their text
// after the same splitter, so the stored chunks of the old version and the new split line up.
import type { SectionChange } from '../domain/watch.js';
import { splitSentences } from './split-text.js';

export type { SectionChange };

export interface Section {
  heading: string;
  text: string;
}

/** The chunks of a document grouped into sections, in order (a section's chunks overlap by a sentence). */
export function sectionsOf(chunks: ReadonlyArray<{ headingPath: readonly string[]; text: string }>): Section[] {
  const byHeading = new Map<string, string[]>();
  for (const c of chunks) {
    // The first heading is the document's title; a document without one keeps its only heading.
    const path = c.headingPath.length > 1 ? c.headingPath.slice(1) : c.headingPath;
    const heading = path.join(' › ');
    const list = byHeading.get(heading) ?? [];
    list.push(c.text);
    byHeading.set(heading, list);
  }
  return [...byHeading].map(([heading, texts]) => ({ heading, text: texts.join('\n') }));
}

const MONTHS_EN =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTHS_RU =
  'январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]|янв|фев|мар|апр|авг|сент?|окт|нояб?|дек';
// Longest forms first; each match is blanked before figures are read, so "1 Mar 2026" is one date.
const DATE_PATTERNS = [
  /\b\d{4}-\d{2}-\d{2}\b/g,
  /\b\d{1,2}\.\d{1,2}\.\d{4}\b/g,
  new RegExp(`\\b\\d{1,2}\\s+(?:${MONTHS_EN})\\.?\\s+\\d{4}\\b`, 'giu'),
  new RegExp(`(?<![\\p{L}])\\d{1,2}\\s+(?:${MONTHS_RU})\\.?\\s+\\d{4}(?:\\s*г\\.)?`, 'giu'),
  /\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/g,
  new RegExp(`\\b(?:${MONTHS_EN})\\.?\\s+\\d{4}\\b`, 'giu'),
];
const FIGURE = /(?<![\p{L}\d])\d+(?:[.,]\d+)*(?:\s?%|\s?％)?/gu;

/** Dates and figures (numbers, percentages) a text mentions, in order, normalised for comparison. */
export function figuresAndDates(text: string): { figures: string[]; dates: string[] } {
  let rest = text;
  const dates: string[] = [];
  for (const re of DATE_PATTERNS) {
    rest = rest.replace(re, (m) => {
      dates.push(m.replace(/\s+/g, ' ').trim());
      return ' ';
    });
  }
  const figures = [...rest.matchAll(FIGURE)].map((m) => m[0].replace(/\s+/g, '').replace('％', '%'));
  return { figures, dates };
}

/** What is in `after` and not in `before`, counting repeats. */
function minus(after: readonly string[], before: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const b of before) left.set(b, (left.get(b) ?? 0) + 1);
  const out: string[] = [];
  for (const a of after) {
    const n = left.get(a) ?? 0;
    if (n > 0) left.set(a, n - 1);
    else if (!out.includes(a)) out.push(a);
  }
  return out;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function sentencesOf(text: string): string[] {
  // List markers and emphasis are markup, not words to quote.
  return text
    .split(/\n+/)
    .flatMap((p) => splitSentences(p.replace(/^\s*([-*+]|\d+[.)])\s+/, '')))
    .map((s) => norm(s.replace(/\*\*|__/g, '')))
    .filter(Boolean);
}

const EXCERPT_MAX = 300;

/** One or two new sentences, those carrying a new figure or date first. */
function excerptOf(before: string, after: string, newItems: readonly string[]): string {
  const old = new Set(sentencesOf(before));
  const fresh = [...new Set(sentencesOf(after))].filter((s) => !old.has(s));
  const pool = fresh.length ? fresh : sentencesOf(after);
  const scored = pool
    .map((s, i) => ({ s, i, hits: newItems.filter((x) => s.includes(x)).length }))
    .sort((a, b) => b.hits - a.hits || a.i - b.i)
    .slice(0, 2)
    .sort((a, b) => a.i - b.i);
  let out = '';
  for (const { s } of scored) {
    const next = out ? `${out} ${s}` : s;
    if (next.length > EXCERPT_MAX) {
      if (!out) out = `${s.slice(0, EXCERPT_MAX - 1).trimEnd()}…`;
      break;
    }
    out = next;
  }
  return out;
}

function sectionChange(heading: string, before: string, after: string): SectionChange {
  const b = figuresAndDates(before);
  const a = figuresAndDates(after);
  const figures = { added: minus(a.figures, b.figures), removed: minus(b.figures, a.figures) };
  const dates = { added: minus(a.dates, b.dates), removed: minus(b.dates, a.dates) };
  const kind = !before ? 'added' : !after ? 'removed' : 'changed';
  return {
    heading,
    kind,
    figures,
    dates,
    excerpt: after ? excerptOf(before, after, [...dates.added, ...figures.added]) : '',
  };
}

/** The sections that differ, in the new document's order (removed ones after). */
export function diffSections(before: readonly Section[], after: readonly Section[]): SectionChange[] {
  const old = new Map(before.map((s) => [s.heading, s.text]));
  const now = new Set(after.map((s) => s.heading));
  const out: SectionChange[] = [];
  for (const s of after) {
    const prev = old.get(s.heading);
    if (prev !== undefined && norm(prev) === norm(s.text)) continue;
    out.push(sectionChange(s.heading, prev ?? '', s.text));
  }
  for (const s of before) if (!now.has(s.heading)) out.push(sectionChange(s.heading, s.text, ''));
  return out;
}
