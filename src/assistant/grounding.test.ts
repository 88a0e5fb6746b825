import { describe, expect, it } from 'vitest';
import { CitationStreamFilter, citedNumbers, removeInvalidCitations } from './grounding.js';

describe('citedNumbers', () => {
  it('lists each marker once, in order of first use, up to three digits', () => {
    expect(citedNumbers('A [2], B [1] and again [2]; [10] and [999] but not [1000] or [x] or [ 3]')).toEqual([
      2, 1, 10, 999,
    ]);
    expect(citedNumbers('no markers')).toEqual([]);
  });
});

describe('removeInvalidCitations', () => {
  const valid = new Set([1, 2]);
  it('keeps markers of shown passages and removes the others with the space before them', () => {
    expect(removeInvalidCitations('Text [1] and more [3].', valid)).toEqual({
      text: 'Text [1] and more.',
      removed: [3],
    });
    expect(removeInvalidCitations('Один [7], два [2]。', valid)).toEqual({ text: 'Один, два [2]。', removed: [7] });
  });
  it('leaves no space before punctuation once a marker is gone, and keeps text without markers as it was', () => {
    expect(removeInvalidCitations('End [4] .', valid).text).toBe('End.');
    expect(removeInvalidCitations('Tabs\t[5]\t,ok', valid).text).toBe('Tabs,ok');
    expect(removeInvalidCitations('Plain text, no markers.', valid)).toEqual({
      text: 'Plain text, no markers.',
      removed: [],
    });
    expect(removeInvalidCitations('Spaces   before a comma stay only without a marker ,', valid).text).toBe(
      'Spaces   before a comma stay only without a marker,',
    );
  });
  it('removes a marker glued to a word, two- and three-digit ones, and every space before punctuation', () => {
    expect(removeInvalidCitations('word[3] end', valid).text).toBe('word end');
    expect(removeInvalidCitations('x [12]. y [123]', valid)).toEqual({ text: 'x. y', removed: [12, 123] });
    expect(removeInvalidCitations('A [4]   , b', valid).text).toBe('A, b');
  });

  it('reports every removed number, repeats included, and keeps valid ones untouched', () => {
    expect(removeInvalidCitations('[3][1][3] x', valid)).toEqual({ text: '[1] x', removed: [3, 3] });
    expect(removeInvalidCitations('a [1] [2]', valid).text).toBe('a [1] [2]');
  });
});

describe('CitationStreamFilter', () => {
  const run = (deltas: string[], valid = new Set([1, 2])) => {
    const out: string[] = [];
    const f = new CitationStreamFilter(valid, (t) => out.push(t));
    for (const d of deltas) f.push(d);
    f.flush();
    return out;
  };
  it('passes text through, a valid marker whole, and drops an invalid one with the space before it', () => {
    expect(run(['Hello ', 'world [1].'])).toEqual(['Hello ', 'world [1].']);
    expect(run(['See [9] here'])).toEqual(['See here']);
    expect(run(['tab\t[9]x'])).toEqual(['tabx']);
  });
  it('holds a marker split across deltas until it is complete', () => {
    expect(run(['Fact [', '1', '] done'])).toEqual(['Fact ', '[1] done']);
    expect(run(['Fact [1', '2', '] done'])).toEqual(['Fact ', ' done']);
    expect(run(['x [', 'abc'])).toEqual(['x ', '[abc']);
  });
  it('emits a held "[" at the end if it never became a marker, and nothing when there is nothing', () => {
    expect(run(['tail [12'])).toEqual(['tail ', '[12']);
    expect(run(['', ''])).toEqual([]);
    expect(run(['[1234]'])).toEqual(['[1234]']);
    expect(run(['a [b] c'])).toEqual(['a [b] c']);
  });
  it('looks for a marker only where a "[" opens, and drops only the space right before it', () => {
    expect(run(['a [x] [1] b'])).toEqual(['a [x] [1] b']);
    expect(run(['a b [9]'])).toEqual(['a b']);
    expect(run(['[a[12'])).toEqual(['[a', '[12']);
  });

  it('flush empties what it held, once', () => {
    const out: string[] = [];
    const f = new CitationStreamFilter(new Set([1]), (t) => out.push(t));
    f.push('[');
    f.flush();
    f.flush();
    expect(out).toEqual(['[']);
  });
});
