import { describe, expect, it } from 'vitest';
import type { DigestDoc } from '../../domain/watch.js';
import { renderWatchDigest } from './telegram-watch-digest.js';

const doc = (n: number, excerpt = 'С 1 марта 2027 г. плата за код вырастет до 0,60 руб.'): DigestDoc => ({
  title: `Документ ${n} <b>`,
  action: 'changed',
  sections: ['Правовая основа'],
  excerpt,
  dates: ['1 марта 2027 г.'],
  figures: ['0,60'],
  source: 'https://example.org/a?b=1&c=2',
  asOf: '2026-12-01',
});

describe('telegram watch digest', () => {
  it('escapes HTML, names the section, dates, source with as_of, and offers unsubscribe', () => {
    const m = renderWatchDigest({ kind: 'changes', lang: 'ru', docs: [doc(1)], more: 0 });
    expect(m.text).toContain('<b>Документ 1 &lt;b&gt;</b>');
    expect(m.text).toContain('Изменено: «Правовая основа».');
    expect(m.text).toContain('новые даты: 1 марта 2027 г.; новые цифры: 0,60');
    expect(m.text).toContain('<a href="https://example.org/a?b=1&amp;c=2">example.org</a>, по состоянию на 2026-12-01');
    expect(m.replyMarkup!.inline_keyboard).toEqual([[{ text: '🔕 Отписаться', callback_data: 'wu' }]]);
  });

  it('stays under 4096 characters by dropping whole documents and counting them', () => {
    const long = 'Очень длинное предложение. '.repeat(40);
    const m = renderWatchDigest({
      kind: 'changes',
      lang: 'ru',
      docs: Array.from({ length: 8 }, (_, i) => doc(i, long)),
      more: 2,
    });
    expect(m.text.length).toBeLessThanOrEqual(4096);
    const shown = (m.text.match(/<b>Документ/g) ?? []).length;
    expect(shown).toBeLessThan(8);
    expect(m.text).toContain(`…и ещё документов: ${2 + 8 - shown}.`);
  });
});
