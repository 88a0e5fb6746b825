// Kinds of one thing that fall under the same document but under different rules: a sentence on one does not answer a
// question on the other.
// - Footwear and clothing (TR CU 007 for children's goods, TR CU 017 for light industry): "пижамки и боди для малышей …
//   какой док нужен?" led with "Да, на детскую обувь оформляют сертификат соответствия." once the children's-goods note's
//   footwear section was shown beside its clothing one (trial 23 t23-01).
// - Goods lost or damaged and goods delivered late (each carriage convention sets both): "what if the container gets lost
//   on the railway - how much does the railway pay us?" was shown the SMGS note's delay penalties, its section on loss
//   not at all (trial 29 t29-20).

interface KindGroup {
  kinds: readonly RegExp[];
  /** A follow-up asks of the product the question before it named ("а сертификат сколько действует?" after pyjamas), but
   * its own mishap: "а срок на претензию какой?" after a delay asks the claim period, which the SMGS note gives under its
   * heading on loss (trial 24 t24-06). */
  carried: boolean;
}

const GROUPS: readonly KindGroup[] = [
  {
    carried: true,
    kinds: [
      /обув|кроссовк|ботин|туфл|сапог|footwear|\bshoes?\b|\bsneakers?\b|\bboots?\b|鞋/iu,
      /одежд|пижам|(?<![\p{L}])боди(?![\p{L}])|ползунк|распашон|куртк|плать|брюк|бель[её]|перв\S*\s+сло|clothing|garments?|pyjamas?|pajamas?|bodysuits?|rompers?|onesies?|jackets?|dress(?:es)?\b|first-layer|服装|童装|睡衣|连体衣|衣服|外衣|内衣|第一层/iu,
    ],
  },
  {
    carried: false,
    kinds: [
      /\blost\b|\bloss\b|\blos(?:e|ing)\b|damag|\bmissing\b|stolen|theft|утер[яи]|утрат|потер[яи]|пропа[лвд]|поврежд|недостач|丢失|丢了|灭失|毁损|损坏|货损|短少|被盗/iu,
      /\blate\b|delay|overdue|просроч|опозда|задержк|позже\s+срока|延误|晚到|逾期|延迟/iu,
    ],
  },
];

/** Whether a text (a sentence, a heading) is about another kind than the one kind of a group the question names: the
 * question is read once for all the sentences a turn scores. A follow-up read with the question before it (`question`)
 * names its mishap in its own words (`followUp`). */
export function otherKindOf(question: string, followUp?: string): (text: string) => boolean {
  const owns = GROUPS.flatMap(({ kinds, carried }) => {
    const asked = kinds.filter((k) => k.test(carried || followUp === undefined ? question : followUp));
    return asked.length === 1 ? [{ own: asked[0]!, kinds }] : [];
  });
  if (owns.length === 0) return () => false;
  return (text) => owns.some(({ own, kinds }) => !own.test(text) && kinds.some((k) => k !== own && k.test(text)));
}
