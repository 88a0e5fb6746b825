// Kinds of one thing that fall under the same document but under different rules: a sentence on one does not answer a
// question on the other.
// - Footwear and clothing (TR CU 007 for children's goods, TR CU 017 for light industry): "пижамки и боди для малышей …
//   какой док нужен?" led with "Да, на детскую обувь оформляют сертификат соответствия." once the children's-goods note's
//   footwear section was shown beside its clothing one (trial 23 t23-01).
// - Goods lost or damaged and goods delivered late (each carriage convention sets both): "what if the container gets lost
//   on the railway - how much does the railway pay us?" was shown the SMGS note's delay penalties, its section on loss
//   not at all (trial 29 t29-20).
// - A conformity document and a marking code (Честный ЗНАК, Kazakhstan's ИС МПТ): "work gloves and ear muffs … declaration
//   ok for both?" was led by the PPE note's line that protective gloves need marking codes (trial 30 t30-06).
import { LIABILITY_CLAIM } from '../domain/regulations.js';

interface KindGroup {
  kinds: readonly RegExp[];
  /** A follow-up asks of the product the question before it named ("а сертификат сколько действует?" after pyjamas), but
   * its own mishap: "а срок на претензию какой?" after a delay asks the claim period, which the SMGS note gives under its
   * heading on loss (trial 24 t24-06). */
  carried: boolean;
  /** The group is read only of a question about this ("the certificate is missing", "buyer paid late" are no cargo's
   * mishap). */
  about?: RegExp;
  /** A text that also names this, as the question does, answers it whatever kind it names: the SMGS note gives the claim
   * period under its heading on loss, asked after a delay ("train arrived late…, how long do we have to file a claim?"). */
  shared?: RegExp;
  /** Further words a question may name a kind by, where a sentence's would be too wide (by position, as `kinds`). */
  asked?: ReadonlyArray<RegExp | undefined>;
}

const CARGO = /груз|контейнер|посылк|cargo|container|goods|parcel|shipment|货|集装箱|包裹/iu;
const CLAIM = /претензи|\bclaims?\b|索赔/iu;

const GROUPS: readonly KindGroup[] = [
  {
    // A follow-up asks its own: "а Честный знак на это нужен?" after the certificate for children's clothes.
    carried: false,
    kinds: [
      // Not a customs declaration or its declarant, nor a customs status ("高级认证企业"): those are customs' papers.
      /сертифи|(?<!таможенн\S{0,4}\s{1,3})деклар(?!ант|\S*\s+на\s+товар)|(?<![\p{L}])(?:серт|СГР)(?![\p{L}])|certif|(?<!customs\s{1,3})declar(?!ant|ed\s+value)|\b(?:DoC|CoC|SGR)\b|state\s+registration|证书|声明|(?<!高级|海关)认证|国家注册/iu,
      // Not the EAC mark, nor a label's marking ("маркировка на казахском"): the digital marking schemes by their names.
      /честн\S*\s+знак|chestn\S*\s+znak|honest\s+sign|data\s?matrix|marking\s+codes?|(?<!eac\s)\bmarking\s+(?:scheme|system)|код\S*\s+маркировк|маркировочн\S*\s+код|цифров\S*\s+маркировк|标识码|数字标识|诚信标志|贴码|ГИС\s*МТ|ИС\s*МПТ/iu,
    ],
    // A question names marking in a word: "сертификат или декларация, и что с маркировкой?" asks both.
    // (Not a conformity mark: "EAC marking", "BIS marking", "маркировка знаком EAC".)
    asked: [
      undefined,
      /маркировк(?!\S*\s+(?:знаком\s+)?(?:EAC|ЕАС))|(?<!(?:eac|bis|ce)\s)\bmarking\b|(?<!EAC|EAC\s)标识|贴码/iu,
    ],
  },
  {
    carried: true,
    kinds: [
      /обув|кроссовк|ботин|туфл|сапог|footwear|\bshoes?\b|\bsneakers?\b|\bboots?\b|鞋/iu,
      /одежд|пижам|(?<![\p{L}])боди(?![\p{L}])|ползунк|распашон|куртк|плать|брюк|бель[её]|перв\S*\s+сло|clothing|garments?|pyjamas?|pajamas?|bodysuits?|rompers?|onesies?|jackets?|dress(?:es)?\b|first-layer|服装|童装|睡衣|连体衣|衣服|外衣|内衣|第一层/iu,
    ],
  },
  {
    carried: false,
    about: new RegExp(`${LIABILITY_CLAIM.source}|${CARGO.source}`, 'iu'),
    shared: CLAIM,
    kinds: [
      /\blost\b|\bloss\b|damag|stolen|theft|утер[яи]|утрат(?!\S*\s+сил)|потер[яи]|пропа[лвд]|поврежд|недостач|丢失|丢了|灭失|毁损|损坏|货损|短少|被盗/iu,
      /\blate\b|delay|overdue|просрочк|опозда|задержк|позже\s+срока|延误|晚到|逾期|延迟/iu,
    ],
  },
];

export interface Kinds {
  /** The text (a sentence, a heading) is about another kind than the one kind of a group the question names. */
  other: (text: string) => boolean;
  /** The text names the question's own kind of some group. */
  own: (text: string) => boolean;
}

/** The kinds a question names, read once for all the sentences a turn scores. A follow-up read with the question before it
 * (`question`) names its mishap in its own words (`followUp`). */
export function kindsOf(question: string, followUp?: string): Kinds {
  const owns = GROUPS.flatMap(({ kinds, carried, about, shared, asked: askedAs }) => {
    const text = carried || followUp === undefined ? question : followUp;
    if (about && !about.test(text)) return [];
    const asked = kinds.filter((k, i) => k.test(text) || askedAs?.[i]?.test(text));
    const sharedAsked = shared !== undefined && shared.test(text) ? shared : undefined;
    return asked.length === 1 ? [{ own: asked[0]!, kinds, sharedAsked }] : [];
  });
  if (owns.length === 0) return { other: () => false, own: () => false };
  return {
    other: (text) =>
      owns.some(
        ({ own, kinds, sharedAsked }) =>
          !own.test(text) && !sharedAsked?.test(text) && kinds.some((k) => k !== own && k.test(text)),
      ),
    own: (text) => owns.some(({ own }) => own.test(text)),
  };
}
