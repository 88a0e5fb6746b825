// Footwear and clothing fall under the same regulations (TR CU 007 for children's goods, TR CU 017 for light industry)
// but under different rules: a sentence on one does not answer a question on the other. "пижамки и боди для малышей …
// какой док нужен?" led with "Да, на детскую обувь оформляют сертификат соответствия." once the children's-goods note's
// footwear section was shown beside its clothing one (trial 23 t23-01).

const KINDS: readonly RegExp[] = [
  /обув|кроссовк|ботин|туфл|сапог|footwear|\bshoes?\b|\bsneakers?\b|\bboots?\b|鞋/iu,
  /одежд|пижам|(?<![\p{L}])боди(?![\p{L}])|ползунк|распашон|куртк|плать|брюк|бель[её]|перв\S*\s+сло|clothing|garments?|pyjamas?|pajamas?|bodysuits?|rompers?|onesies?|jackets?|dress(?:es)?\b|first-layer|服装|童装|睡衣|连体衣|衣服|外衣|内衣|第一层/iu,
];

/** Whether a sentence is about another kind of product than the one kind the question names: the question is read once
 * for all the sentences a turn scores. */
export function otherKindOf(question: string): (sentence: string) => boolean {
  const asked = KINDS.filter((k) => k.test(question));
  if (asked.length !== 1) return () => false;
  const own = asked[0]!;
  return (sentence) => !own.test(sentence) && KINDS.some((k) => k !== own && k.test(sentence));
}
