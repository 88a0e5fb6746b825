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

  it('returns nothing for words it has never seen', () => {
    expect(index.search(tokenize('zebra'), 3)).toEqual([]);
  });

  it('applies a filter before ranking', () => {
    const hits = index.search(tokenize('EAC'), 3, (i) => i !== 1);
    expect(hits.map((h) => h.idx)).toEqual([3]);
  });
});
