import { describe, expect, it } from 'vitest';
import { fuse, LEXICAL_FIRST_FUSION, RRF_FUSION } from './hybrid-index.js';

describe('fusion of the lexical and vector lists', () => {
  const lexical = [
    { idx: 1, score: 10 },
    { idx: 2, score: 5 },
  ];
  const vector = [
    { idx: 2, score: 0.9 },
    { idx: 3, score: 0.8 },
  ];

  it('adds reciprocal ranks (RRF) and records each list’s rank', () => {
    const out = fuse(lexical, vector, RRF_FUSION);
    expect(out.get(2)).toEqual({ score: 1 / 62 + 1 / 61, lexical: 2, vector: 1 });
    expect(out.get(1)).toEqual({ score: 1 / 61, lexical: 1 });
    expect(out.get(3)).toEqual({ score: 1 / 62, vector: 2 });
    expect(out.get(2)!.score).toBeGreaterThan(out.get(1)!.score);
  });

  it('with lexical-first weights, scales each list by its best and lets the vector list only break ties', () => {
    const out = fuse(lexical, vector, LEXICAL_FIRST_FUSION);
    expect(out.get(1)!.score).toBeCloseTo(1);
    expect(out.get(2)!.score).toBeCloseTo(0.5 + 0.03);
    expect(out.get(3)!.score).toBeCloseTo((0.03 * 0.8) / 0.9);
    expect(out.get(1)!.score).toBeGreaterThan(out.get(2)!.score);
  });

  it('ignores a list whose weight is zero and negative scores', () => {
    const out = fuse(
      [
        { idx: 1, score: 2 },
        { idx: 4, score: -1 },
      ],
      vector,
      { ...LEXICAL_FIRST_FUSION, vector: 0 },
    );
    expect([...out.keys()].sort()).toEqual([1, 4]);
    expect(out.get(4)!.score).toBe(0);
  });
});
