import { describe, expect, it } from 'vitest';
import { answerToHtml, escapeHtml, sourcesHtml, splitHtml } from './telegram-format.js';
import type { Citation } from '../../domain/answer.js';

const cite = (n: number, over: Partial<Citation> = {}): Citation => ({
  n,
  docId: `d${n}`,
  chunkId: `d${n}#0`,
  title: `Doc <${n}> & co`,
  lang: 'ru',
  category: 'policy',
  headingPath: ['Doc', 'Раздел'],
  excerpt: 'text <b>not markup</b>',
  source: 'https://example.org/a?x=1&y=2',
  sources: [],
  asOf: '2025-12-31',
  reviewBy: '2026-12-31',
  stale: false,
  score: 1,
  ...over,
});

describe('telegram format', () => {
  it('escapes everything but the markup we produce', () => {
    expect(answerToHtml('a < b & **важно** <script>')).toBe('a &lt; b &amp; <b>важно</b> &lt;script&gt;');
    expect(escapeHtml('"x"')).toBe('&quot;x&quot;');
  });

  it('lists sources with links and dates, and drops unsafe links', () => {
    const html = sourcesHtml([cite(1), cite(2, { source: 'javascript:alert(1)', stale: true })], 'ru');
    expect(html).toContain(
      '[1] <a href="https://example.org/a?x=1&amp;y=2">Doc &lt;1&gt; &amp; co</a> (на 2025-12-31)',
    );
    expect(html).toContain('[2] Doc &lt;2&gt; &amp; co (на 2025-12-31; ждёт повторной проверки)');
    expect(sourcesHtml([cite(1)], 'ru', true)).toContain('<blockquote>text &lt;b&gt;not markup&lt;/b&gt;</blockquote>');
  });

  it('splits at paragraph boundaries within 4,096 characters', () => {
    const para = 'Абзац. '.repeat(100).trim();
    const parts = splitHtml(Array.from({ length: 20 }, () => para).join('\n\n'));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p.startsWith('Абзац.')).toBe(true);
      expect(p.endsWith('Абзац.')).toBe(true);
    }
  });

  it('cuts one huge paragraph at spaces and keeps tags balanced', () => {
    const parts = splitHtml(`<b>${'слово '.repeat(1500)}</b>`);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p.startsWith('<b>')).toBe(true);
      expect(p.endsWith('</b>')).toBe(true);
    }
  });
});
