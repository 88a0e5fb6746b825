// Everyday names of goods beside the word the knowledge documents use for them: exporters write "sneakers" and
// "school shoes", the notes say "footwear", so a question on shoes matched none of the sentences that answer it
// ("Adult footwear is declared (DoC)", trial 21 t21-18). The documents' word is added after the everyday one.

interface CorpusWord {
  /** How a message names the goods. */
  said: RegExp;
  /** The message already uses the documents' word. */
  has: RegExp;
  word: string;
}

const WORDS: readonly CorpusWord[] = [
  { said: /\b(?:shoes?|sneakers?|boots|trainers|sandals|slippers)\b/iu, has: /footwear/iu, word: 'footwear' },
  { said: /кроссовк|ботин(?:ок|к)|туфл|сапог|тапоч|(?<![\p{L}])кед/iu, has: /обув/iu, word: 'обувь' },
  { said: /运动鞋|球鞋|皮鞋|靴|拖鞋|凉鞋|板鞋|童鞋|鞋子/u, has: /鞋类/u, word: '鞋类' },
];

/** The text with the documents' word added right after the first everyday name of goods it lacks. */
export function withCorpusWords(text: string): string {
  let out = text;
  for (const { said, has, word } of WORDS) {
    if (has.test(out)) continue;
    const m = said.exec(out);
    if (!m) continue;
    // After the whole word the pattern begins ("кроссовк|и", "антидемпинг|овая").
    const end =
      m.index +
      m[0].length +
      (/^[\p{Script=Latin}\p{Script=Cyrillic}\d]*/u.exec(out.slice(m.index + m[0].length))?.[0].length ?? 0);
    out = `${out.slice(0, end)} ${word}${out.slice(end)}`;
  }
  return out;
}
