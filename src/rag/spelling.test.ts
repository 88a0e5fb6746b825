import { describe, expect, it } from 'vitest';
import { correctSpelling } from './spelling.js';
import { tokenize } from './tokenize.js';

// A corpus of a few words: the weight is lower for a more common word, 0 for one the corpus lacks.
const corpus = new Map<string, number>(
  [
    ['сколько', 1],
    ['сертификата', 2],
    ['декларация', 2],
    ['объявил', 3],
    ['account', 2],
    ['kazakhstan', 1],
    ['охватит', 3],
    ['dumps', 3],
    ['прошел', 3],
    ['ввозить', 2],
    ['received', 2],
    ['eac', 2],
    ['еас', 6],
    ['тр', 2],
    ['тс', 2],
    ['too', 4],
  ].map(([w, idf]) => [tokenize(w as string)[0]!, idf as number]),
);
const idf = (t: string) => corpus.get(t) ?? 0;

describe('correctSpelling', () => {
  it('reads a mistyped word as the corpus word one typo away', () => {
    expect(correctSpelling('сколко перевозчик вернет', idf)).toContain('сколько');
    expect(correctSpelling('нужен сертефиката или декларацыя?', idf)).toBe('нужен сертификата или декларация?');
    expect(correctSpelling('кто обьявил', idf)).toBe('кто объявил');
    expect(correctSpelling('overseas acount, kazakstan', idf)).toBe('overseas account, kazakhstan');
    expect(correctSpelling('we recieved it', idf)).toBe('we received it');
  });

  it('leaves a word alone when the fix would be another word: a first letter, a consonant, a dropped letter', () => {
    for (const text of ['хватит ли', 'pumps', 'пришел', 'возить', 'lathes'])
      expect(correctSpelling(text, idf), text).toBe(text);
  });

  it('leaves short words, known words and Chinese alone', () => {
    expect(correctSpelling('сколько стоит', idf)).toBe('сколько стоит');
    expect(correctSpelling('多少钱 EAC', idf)).toBe('多少钱 EAC');
  });

  it('reads the words exporters clip in chat whole: "серт", "скока", "cert" (trial 20 t20-01)', () => {
    expect(correctSpelling('а серт на скока лет дают?', idf)).toBe('а сертификат на сколько лет дают?');
    expect(correctSpelling('Серты есть, a CoC cert too', idf)).toBe('сертификаты есть, a CoC certificate too');
    // Only the whole word: "серта" inside "сертификата" and "certain" stay.
    expect(correctSpelling('сертификата certain', idf)).toBe('сертификата certain');
  });

  it('reads Cyrillic capitals that look Latin as the abbreviation the corpus writes in Latin', () => {
    // "сертификат ЕАС" typed on a Russian keyboard: the documents write "EAC".
    expect(correctSpelling('нужен сертификат ЕАС?', idf)).toBe('нужен сертификат EAC?');
    // A Cyrillic abbreviation the corpus uses ("ТР ТС") and a company form ("ТОО") stay.
    expect(correctSpelling('ТР ТС 021 для ТОО', idf)).toBe('ТР ТС 021 для ТОО');
    // Lower case is a word, not an abbreviation.
    expect(correctSpelling('еас', idf)).toBe('еас');
  });
});
