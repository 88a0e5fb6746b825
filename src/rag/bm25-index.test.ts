import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bm25Index } from './bm25-index.js';
import { tokenize } from './tokenize.js';

describe('Bm25Index', () => {
  const docs = [
    'rail transit time to Almaty',
    'EAC certificate for machinery',
    'sea freight to Novorossiysk port',
    'EAC declaration for packaging',
  ];
  const index = new Bm25Index();
  for (const d of docs) index.add(tokenize(d));
  index.freeze();

  it('ranks the document that shares the rare terms first', () => {
    const hits = index.search(tokenize('certificate machinery'), 3);
    expect(hits[0]!.idx).toBe(1);
  });

  it('reads a Russian word it lacks as the corpus form sharing all but its last letters, the most common one', () => {
    const ru = new Bm25Index();
    for (const d of [
      'антидемпинговые пошлины на фольгу',
      'антидемпинговая пошлина продлена',
      'антидемпинговых мер',
      'оцинкованный прокат',
      'сертификат EAC',
    ])
      ru.add(tokenize(d));
    ru.freeze();
    const [noun] = tokenize('антидемпинг');
    expect(ru.idf(noun!)).toBe(0);
    const form = ru.completion(noun!);
    expect(form && ru.idf(form)).toBeGreaterThan(0);
    expect(form).toBe(tokenize('антидемпинговые')[0]);
    expect(ru.completion(tokenize('оцинковку')[0]!)).toBe(tokenize('оцинкованный')[0]);
    // Known, short, Latin or far from every corpus word: left as it is.
    expect(ru.completion(tokenize('пошлины')[0]!)).toBeUndefined();
    expect(ru.completion('прока')).toBeUndefined();
    expect(ru.completion('certification')).toBeUndefined();
    expect(ru.completion(tokenize('прокатчики')[0]!)).toBeUndefined();
  });

  it('returns nothing for words it has never seen', () => {
    expect(index.search(tokenize('zebra'), 3)).toEqual([]);
  });

  it('applies a filter before ranking', () => {
    const hits = index.search(tokenize('EAC'), 3, (i) => i !== 1);
    expect(hits.map((h) => h.idx)).toEqual([3]);
  });

  it('scores a few given documents exactly as the full ranking does', () => {
    const word = fc.constantFrom('rail', 'eac', 'almaty', 'port', 'tariff', 'label', 'gauge', 'khorgos');
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 40 }),
        fc.array(word, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(39), { maxLength: 10 }),
        (corpus, query, picked) => {
          const bm25 = new Bm25Index();
          for (const d of corpus) bm25.add(d);
          bm25.freeze();
          const wanted = new Set(picked.filter((i) => i < corpus.length));
          const all = bm25.searchExhaustive(query, corpus.length, (i) => wanted.has(i));
          const got = bm25.scoreDocs(query, wanted);
          expect([...got.entries()].sort((a, b) => a[0] - b[0])).toEqual(
            all.map((h) => [h.idx, h.score]).sort((a, b) => a[0]! - b[0]!),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
