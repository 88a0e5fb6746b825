import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus, readQueries } from './eval-retrieval.js';
import { tokenize } from './tokenize.js';
import { XQUAD_DIR } from '../../bench/scale-corpus.js';

describe('tokenize', () => {
  it('stems Russian so inflected forms meet', () => {
    const a = tokenize('сертификата соответствия');
    const b = tokenize('сертификат соответствие');
    expect(a).toEqual(b);
  });

  it('gives every case of a noun ending in -ан one stem (Snowball reads the "н" as a verb ending)', () => {
    for (const forms of [
      ['Таджикистан', 'Таджикистана', 'в Таджикистане', 'Таджикистану', 'Таджикистаном'],
      ['Казахстан', 'Казахстана', 'в Казахстане'],
      ['Иран', 'Ирана', 'в Иране'],
      ['страна', 'стран', 'странах'],
    ])
      expect(new Set(forms.map((f) => tokenize(f).at(-1))).size).toBe(1);
  });

  it('stems English and drops stop words', () => {
    expect(tokenize('the certificates of conformity')).toEqual(tokenize('certificate conformity'));
  });

  it('turns Chinese runs into overlapping bigrams', () => {
    expect(tokenize('换轨时间')).toEqual(['换轨', '轨时', '时间']);
  });

  it('handles mixed scripts in one query', () => {
    const t = tokenize('EAC 认证 для Казахстана');
    expect(t).toContain('eac');
    expect(t).toContain('认证');
    expect(t).toEqual(expect.arrayContaining(tokenize('Казахстан')));
    expect(tokenize('Казахстан')).toHaveLength(1);
  });

  // The word cache and the bigram slices (bench:scale: tokenizing was most of a build) must not
  // change a token: the digest is that of the tokenizer before them, over every xquad passage and
  // question, taken twice so that the second pass is answered from the cache. Taken again when the
  // tokens change on purpose: 2026-12-03, Russian nouns in -ан keep one stem in every case (ruStem).
  it.skipIf(!existsSync(XQUAD_DIR))('gives the tokens it gave before its caches, cold and warm', () => {
    const texts = (['en', 'ru', 'zh'] as const).flatMap((lang) => [
      ...readCorpus(join(XQUAD_DIR, `corpus.${lang}.jsonl`)).map((c) => `${c.title}\n${c.text}`),
      ...readQueries(join(XQUAD_DIR, `queries.${lang}.jsonl`)).map((q) => q.text),
    ]);
    expect(texts).toHaveLength(2196);
    for (let pass = 0; pass < 2; pass++) {
      const h = createHash('sha256');
      for (const t of texts) h.update(`${tokenize(t).join('\u0001')}\u0002`);
      expect(h.digest('hex')).toBe('6163214cc87c1fed6aa953c5eeccc5d14a36b4f0beaa3b0f919cffb2e6e08408');
    }
  });
});
