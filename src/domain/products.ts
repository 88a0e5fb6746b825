// Which product groups (product-groups.ts) a question names: the words of a group's products in
// the question, read the way the question means them ("детские игрушки" are toys).
import { escapeRegExp } from './escape-regexp.js';
import { PRODUCT_GROUPS, type ProductGroup } from './product-groups.js';

const LETTER = /[\p{L}\p{N}]/u;

/** Words that begin like a product's word and name no product: "export dollars" asked about no toys,
 * "защитные меры" (safeguard measures) no protective equipment, "declare electronically" no electronics. */
const NOT_A_PRODUCT =
  /^(?:dollar|механи|phonet|team|tear|teach|teat|bottleneck|electronically|trucking|защитн\S*\s+(?:мер|пошлин))/u;

/** Packaging named as the place a mark goes ("какой значок нужен на упаковку", "on the box", "包装上要印什么"):
 * the product is the one the conversation is about, not packaging under TR CU 005 (trial 19 t19-01 answered
 * a toy pictogram follow-up from the packaging regulation). */
const PLACE_BEFORE = /(?:^|[^\p{L}])(?:на|on(?:\s+(?:the|its|our|their))?)\s+$/u;
const PLACE_TERMS = new Set(['упаковк', 'коробк', 'packaging', '包装', '纸箱']);

// A term ending in a character that starts a word of something else: 酒店 is a hotel, 酒柜 a cabinet, 酒杯 a glass, not
// alcohol ("陶瓷餐具（酒店用）…蒙古那边进口关税" was told the knowledge base has no document on alcohol, trial 26 t26-05).
const HAN_COMPOUND: Readonly<Record<string, RegExp>> = { 酒: /^(?:店|楼|柜|杯|架|具|瓶|吧)/u };

function termAt(text: string, term: string): boolean {
  const place = PLACE_TERMS.has(term);
  if (/\p{Script=Han}/u.test(term)) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      const after = text.slice(at + term.length);
      if (place && /^(?:上|外面|表面)/u.test(after)) continue;
      // 葡萄酒杯, 啤酒瓶: the last character of the term starts the other word.
      if (HAN_COMPOUND[term.at(-1)!]?.test(after)) continue;
      return true;
    }
    return false;
  }
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    // A Latin or Cyrillic word right after Chinese starts a word there ("去Роспатент申请").
    const startsWord = at === 0 || !LETTER.test(text[at - 1]!) || /\p{Script=Han}/u.test(text[at - 1]!);
    if (place && PLACE_BEFORE.test(text.slice(Math.max(0, at - 20), at))) continue;
    if (startsWord && !NOT_A_PRODUCT.test(text.slice(at, at + 40))) return true;
  }
  return false;
}

// "детские игрушки", "儿童玩具", "children's toys": the children's word says whom the toy is for;
// toys are asked about, not children's goods in general (TR CU 008, not 007). So does "婴儿摇铃", a baby's rattle ("毛绒玩具和
// 婴儿摇铃（0-3岁用）" asked TR CU 007's declaration validity beside the toy rule, trial 30 t30-01); not "婴儿奶瓶和玩具".
const TOY_QUALIFIER =
  /(?:детск\S*|для\s+детей|для\s+малышей|儿童|婴儿|婴幼儿|children'?s?|kids'?|baby|babies'?)\s*(?=игрушк|погремушк|玩具|摇铃|拨浪鼓|毛绒|积木|toy|rattle|plush)/gu;

// Words that only say whom a product is for. Children's furniture is furniture (TR CU 025) and a
// children's cream is cosmetics (TR CU 009): "а кроватки и столы для детского сада?" after a furniture
// question was answered with TR CU 007's children's footwear (trial 6's probe). Clothes and shoes for
// children stay children's goods.
const FOR_CHILDREN = ['детск', 'children', 'kids', 'baby', '儿童', '婴儿'];
const OWN_RULES = new Set(['furniture', 'cosmetics']);
/** Products whose own regulation covers their children's versions (toys are children's by nature). */
const OWN_CHILDREN_RULES = new Set([...OWN_RULES, 'toys']);

function forWhom(lower: string, found: ProductGroup[]): ProductGroup[] {
  const children = found.find((g) => g.id === 'childrens-goods');
  if (!children || !found.some((g) => OWN_RULES.has(g.id)) || found.some((g) => g.id === 'light-industry'))
    return found;
  const onlyForWhom = children.terms.every((t) => FOR_CHILDREN.includes(t) || !termAt(lower, t));
  return onlyForWhom ? found.filter((g) => g !== children) : found;
}

/** Words that say only whom a product is for, when a follow-up adds them ("what if some of them are for babies
 * under 3?" after a toy question): the product stays; no children's product is asked about. */
const WHOM = [...FOR_CHILDREN, 'babies', 'infant', 'toddler', 'newborn', 'малыш', 'младен', '婴幼儿', '宝宝'];

/** Whether a follow-up names no product but whom the previous question's product is for, and that product
 * has its own regulation for children too: toys for babies are toys (TR CU 008), not baby clothes. */
export function qualifiesForWhom(followUp: string, previous: string): boolean {
  const lower = followUp.toLowerCase().replace(/ё/g, 'е');
  const children = PRODUCT_GROUPS.find((g) => g.id === 'childrens-goods')!;
  const named = detectProducts(followUp);
  return (
    named.length === 1 &&
    named[0] === children &&
    children.terms.every((t) => WHOM.includes(t) || !termAt(lower, t)) &&
    detectProducts(previous).some((g) => OWN_CHILDREN_RULES.has(g.id))
  );
}

/** The text without the words that only say whom a toy is for ("детские игрушки" → " игрушки"): they
 * name no product of their own, and a sentence on children's products does not answer a toy question. */
export function withoutToyQualifiers(text: string): string {
  return text.replace(TOY_QUALIFIER, ' ');
}

/** The product groups a text names. */
export function detectProducts(text: string): ProductGroup[] {
  const lower = text.toLowerCase().replace(/ё/g, 'е');
  const found = forWhom(
    lower,
    PRODUCT_GROUPS.filter((g) => g.terms.some((t) => termAt(lower, t))),
  );
  if (!found.some((g) => g.id === 'toys')) return found;
  const withoutQualifier = lower.replace(TOY_QUALIFIER, ' ');
  return found.filter((g) => g.id !== 'childrens-goods' || g.terms.some((t) => termAt(withoutQualifier, t)));
}

/** The text without the words that name these product groups: "童装出口俄罗斯要做证书还是声明？" without
 * children's goods, for a follow-up that asks about toys instead ("那玩具呢？"). A word is dropped
 * whole from the product word's beginning ("детскую одежду"'s "детск…"). */
export function withoutProducts(text: string, ids: readonly string[]): string {
  let out = text;
  for (const group of PRODUCT_GROUPS.filter((g) => ids.includes(g.id)))
    for (const term of group.terms) {
      const re = /\p{Script=Han}/u.test(term)
        ? new RegExp(escapeRegExp(term), 'gu')
        : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term).replace(/е/g, '[её]')}[\\p{L}\\p{N}-]*`, 'giu');
      out = out.replace(re, ' ');
    }
  return out;
}
