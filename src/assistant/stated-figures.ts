// A rate or a limit the person states as a premise ("PV rebate 13% right?", "НДС 20% же?", "1000 евро лимит на посылки
// ещё действует?") that the direct answer's sentences on the same thing do not give. The lead quietly gives another
// figure and leaves the premise standing: trial 26's commonest failure (a 13% rebate, a EUR 1,000 parcel limit). The
// reply says so above the answer; it names the person's figure, not ours, so nothing is inferred that the sentences do
// not say.
import { tokenize } from '../rag/tokenize.js';
import { matchKey } from './passage-units.js';
import { namedCharges, type Charge } from '../domain/charges.js';

/** "13%", "13 %", "1,5%", "17.16–20.24%", "20 процентов", "20 percent", "13％". */
const PERCENT =
  /(\d+(?:[.,]\d+)?)(?:\s?[–—-]\s?(\d+(?:[.,]\d+)?))?\s?(?:%|％|процент\p{L}*|percent)|百分之([零一二三四五六七八九十]+)/giu;
/** An amount in a currency: "€1000", "1 000 евро", "1,000 EUR", "200欧元", "$50k" (amounts only: ranges are read as two). */
const MONEY =
  /(?:(€|\$|¥|￥)\s?(\d{1,3}(?:[ \u00a0,.]\d{3})+|\d+(?:[.,]\d+)?)\s?(k|тыс\.?|万)?)|(?:(?<![\d.,])(\d{1,3}(?:[ \u00a0,.]\d{3})+|\d+(?:[.,]\d+)?)\s?(k|тыс\.?|万)?\s?(€|\$|евро|eur|euro|доллар\p{L}*|usd|dollars?|юан\p{L}*|cny|rmb|欧元|美元|元|рубл\p{L}*|rub|₽))/giu;
/** A person's amount is a premise only beside a limit word: "контракт на 120 тыс $" is their contract, not a rule. */
const LIMIT = /лимит|порог|беспошлин|не\s+облага|limit|threshold|duty[- ]free|cap\b|ceiling|限额|免税|起征|上限|门槛/iu;
/** A percentage is a premise only beside a word of a rate, a tax or a charge ("ставка НДС 20%", "rebate 13%", "退税率13%"):
 * "предоплата 30%", "скидку 10%", "15% margin" are the person's own terms (review of 2026-12-07). */
const RATE_WORD =
  /ставк|налог|сбор|пошлин|ндс|возврат|антидемпинг|\brates?\b|\btax|\bvat\b|dut(?:y|ies)|tariff|rebate|anti-?dumping|\bfee\b|税|费/iu;
const OWN_TERMS =
  /предоплат|аванс|скидк|марж|наценк|комисси|upfront|prepa(?:y|id)|advance|deposit|discount|margin|mark-?up|commission|预付|定金|折扣|利润|毛利|佣金|押金/iu;
/** The words around a stated figure that say what it is the figure of ("ставка НДС", "rebate", "退税率"). */
const CONTEXT_CHARS = 24;

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseNumber(s: string): number {
  if (!s.includes('十')) return Number([...s].map((c) => CN_DIGITS[c] ?? 0).join(''));
  const [tens, units] = s.split('十');
  return (tens ? (CN_DIGITS[tens] ?? 1) : 1) * 10 + (units ? (CN_DIGITS[units] ?? 0) : 0);
}

const num = (s: string) =>
  Number(
    s
      .replace(/\s/g, '')
      .replace(/,(?=\d{3}(?!\d))/g, '')
      .replace(',', '.'),
  );

const scale = (unit: string | undefined) => (!unit ? 1 : /k|тыс/i.test(unit) ? 1000 : unit === '万' ? 10_000 : 1);

type Kind = 'percent' | `money:${string}`;

interface Figure {
  kind: Kind;
  values: number[];
  /** As the text wrote it. */
  text: string;
  index: number;
}

function currency(sign: string): string {
  const s = sign.toLowerCase();
  if (/€|евро|eur|欧元/.test(s)) return 'eur';
  if (/\$|доллар|usd|dollar|美元/.test(s)) return 'usd';
  if (/¥|￥|юан|cny|rmb|^元$/.test(s)) return 'cny';
  return 'rub';
}

function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(PERCENT)) {
    const values = m[3] ? [chineseNumber(m[3])] : [num(m[1]!), ...(m[2] ? [num(m[2])] : [])];
    out.push({ kind: 'percent', values, text: m[0].trim(), index: m.index });
  }
  for (const m of text.matchAll(MONEY)) {
    const [sign, digits, unit] = m[1] ? [m[1], m[2]!, m[3]] : [m[6]!, m[4]!, m[5]];
    out.push({
      kind: `money:${currency(sign)}`,
      values: [num(digits) * scale(unit)],
      text: m[0].trim(),
      index: m.index,
    });
  }
  return out;
}

/** The clause around a figure, at most CONTEXT_CHARS either side: "we pay 5% duty. what VAT rate?" states a duty, not a
 * VAT rate. */
function around(text: string, f: Figure): string {
  const from = Math.max(0, f.index - CONTEXT_CHARS);
  const to = f.index + f.text.length + CONTEXT_CHARS;
  const before = text.slice(from, f.index);
  const after = text.slice(f.index + f.text.length, to);
  // A comma ends a clause too ("предоплата 30%, какая ставка НДС…"), unless it is a decimal one.
  const start = Math.max(...[...before.matchAll(/[.?!;。？！；\n，、]|,(?!\d)/gu)].map((m) => m.index + 1), 0);
  const end = after.search(/[.?!;。？！；\n，、](?!\d)|,(?!\d)/u);
  return before.slice(start) + f.text + (end < 0 ? after : after.slice(0, end));
}

/** The charges its clause names next to a figure: before it since the figure before it, else after it up to the next one. */
function chargeOf(clause: string, f: Figure, all: readonly Figure[], rebateOnly: boolean): Charge[] {
  // A message on China's export rebate alone names VAT as the rebate's: "возврат НДС на солнечные панели 13%" keeps only
  // "…НДС на солнечные панели" within the figure's clause.
  const chargesIn = (text: string): Charge[] =>
    namedCharges(text).map((c) => (c === 'vat' && rebateOnly ? 'rebate' : c));
  const at = clause.indexOf(f.text);
  const others = all.filter((g) => g !== f && clause.includes(g.text)).map((g) => clause.indexOf(g.text));
  const from = Math.max(0, ...others.filter((i) => i < at).map((i) => i + 1));
  const to = Math.min(clause.length, ...others.filter((i) => i > at));
  const before = chargesIn(clause.slice(from, at));
  return before.length ? before : chargesIn(clause.slice(at + f.text.length, to));
}

const words = (text: string) =>
  new Set(
    tokenize(text)
      .filter((t) => !/^\d/.test(t))
      .map(matchKey),
  );

/**
 * The figures of `message` stated as rates or limits that the lead's sentences on the same thing contradict: a lead
 * sentence that holds a figure of the same kind (a percentage, an amount in the same currency) and a word of the
 * message's around it, and none of those sentences holds the stated value. As the message wrote them.
 */
export function contradictedFigures(message: string, leadSentences: readonly string[]): string[] {
  const all = figuresIn(message);
  const stated = all
    .map((f) => ({ f, clause: around(message, f) }))
    .filter(
      ({ f, clause }) =>
        !OWN_TERMS.test(clause) && (f.kind === 'percent' ? RATE_WORD.test(clause) : LIMIT.test(clause)),
    );
  if (stated.length === 0) return [];
  const sentences = leadSentences.map((s) => ({ text: s, figures: figuresIn(s), words: words(s) }));
  const named = namedCharges(message);
  const rebateOnly = named.includes('rebate') && !named.includes('vat');
  const out: string[] = [];
  for (const { f, clause } of stated) {
    const its = words(clause);
    // A figure of a named charge is compared with sentences on that charge: in "пошлина 5% и НДС 20%?" the 5% is the
    // duty's, and a lead on VAT alone does not contradict it.
    // (A limit is compared by its words: "лимит 1000 евро без пошлины" against "лимит — 200 евро".)
    const charges = f.kind === 'percent' ? chargeOf(clause, f, all, rebateOnly) : [];
    const onIt = sentences.filter(
      (s) =>
        s.figures.some((g) => g.kind === f.kind) &&
        (charges.length > 0
          ? namedCharges(s.text).some((c) => charges.includes(c))
          : [...its].some((w) => s.words.has(w))),
    );
    if (onIt.length === 0) continue;
    const given = onIt.some((s) =>
      s.figures.some((g) => g.kind === f.kind && g.values.some((v) => f.values.some((x) => Math.abs(v - x) < 1e-9))),
    );
    if (!given) out.push(f.text);
  }
  return [...new Set(out)];
}
