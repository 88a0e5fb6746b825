// Everyday words beside the one the knowledge documents use for the same thing: exporters write "sneakers" and
// "school shoes", the notes say "footwear", so a question on shoes matched none of the sentences that answer it
// ("Adult footwear is declared (DoC)", trial 21 t21-18). The documents' word is added after the everyday one.
import { wordEnd } from './word-end.js';

interface CorpusWord {
  /** How a message says it. */
  said: RegExp;
  /** The message already uses the documents' word. */
  has: RegExp;
  word: string;
}

const WORDS: readonly CorpusWord[] = [
  { said: /\b(?:shoes?|sneakers?|boots|trainers|sandals|slippers)\b/iu, has: /footwear/iu, word: 'footwear' },
  { said: /кроссовк|ботин(?:ок|к)|туфл|сапог|тапоч|(?<![\p{L}])кед/iu, has: /обув/iu, word: 'обувь' },
  { said: /运动鞋|球鞋|皮鞋|靴|拖鞋|凉鞋|板鞋|童鞋|鞋子/u, has: /鞋类/u, word: '鞋类' },
  // Chat says a contract is "put on record" at the bank; the notes say it is registered (учётная регистрация): "клиент
  // из Алматы, контракт на 40 тыс $. ему надо ставить контракт на учет в банке?" (trial 21b t21b-13).
  { said: /(?:по)?став(?:ить|ят|ит|лю)\s+(?:\S+\s+){0,2}на\s+уч[её]т/iu, has: /регистр/iu, word: 'регистрировать' },
];

/** The text with the documents' word added right after each everyday word whose document word it lacks. */
export function withCorpusWords(text: string): string {
  let out = text;
  for (const { said, has, word } of WORDS) {
    if (has.test(out)) continue;
    const m = said.exec(out);
    if (!m) continue;
    const end = wordEnd(out, m);
    out = `${out.slice(0, end)} ${word}${out.slice(end)}`;
  }
  return out;
}
