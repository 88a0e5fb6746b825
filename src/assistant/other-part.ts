// A message that asks two things ("какой ввозной ндс…? и сколько таможня берет сбор…?") was answered in one: the
// sentences on the customs fee held the lead's room, the 22% VAT line came fourth (trial 20b t20b-04). The best
// sentence on another of its questions comes second when it scores close to the best, or half of it when it holds half
// of that question's own words (decision 043).
import type { Lang } from '../domain/lang.js';
import { askedMarkets, sentenceMarkets } from '../domain/markets.js';
import { tokenize } from '../rag/tokenize.js';
import { matchKey } from './passage-units.js';
import { questionParts } from './question-parts.js';
import { withoutFrame } from './question-frame.js';

/** How close: 0.85 changed no domain, xquad or follow-up figure; 0.5–0.7 cost one or two domain answers. */
const CLOSE = 0.85;
/** A sentence that holds at least half of its question's own words (HELD) answers it: it comes second at half the best
 * one's score (NEAR). "Какой ввозной НДС в Казахстане? И нужна ли маркировка на казахском языке?" led with two VAT
 * sentences, the Kazakh-label one at 0.78 of the best; TIAC for "…and which arbitration centre is in Tashkent?" at 0.67.
 * Domain key terms .704 → .710 (with the split in compose-lead.ts), any section .752 → .749, section in the first
 * three .853 unchanged; HELD 0.67 changed no domain answer, and 0.5 at any share (no HELD) cost two (any .746). */
const NEAR = 0.5;
const HELD = 0.5;

/** The candidates, best first, with the best one on another question of the message moved second. */
export function withOtherPartSecond<
  C extends { n: number; text: string; score: number; headingPath?: readonly string[] },
>(
  ranked: readonly C[],
  question: string,
  lang: Lang,
): ReadonlyArray<C & { otherPart?: ReadonlySet<string>; askedBefore?: boolean }> {
  const texts = questionParts(question);
  const all = texts.map((p) => new Set(tokenize(withoutFrame(p, lang)).map(matchKey)));
  const top = ranked[0];
  if (all.length < 2 || !top) return ranked;
  // Only words some candidate holds count: Chinese bigrams across words ("仓现", "货一", "境就" of "9810海外仓现在是不是货一离境
  // 就能退税了") are in no sentence and made half of a question's words out of reach (trial 23 t23-14).
  // Each candidate's words with its section's heading, read once.
  const keysOf = ranked.map((c) => new Set(tokenize(`${c.headingPath?.at(-1) ?? ''} ${c.text}`).map(matchKey)));
  const reachable = new Set(keysOf.flatMap((keys) => [...keys]));
  // A word both questions share (the country of "EAC证书在乌兹别克斯坦能用吗？还有乌兹别克斯坦的进口增值税是多少？") tells neither apart.
  const parts = all.map(
    (words, i) => new Set([...words].filter((w) => reachable.has(w) && !all.some((o, j) => j !== i && o.has(w)))),
  );
  // The question a sentence answers: the one whose words it holds most of, with its section's heading, which says
  // what the section answers ("TIAC (Tashkent International Arbitration Centre)" for "which arbitration centre is in
  // Tashkent?", whose sentence names TIAC alone); none when it holds none.
  const partOf = (i: number) => {
    const keys = keysOf[i]!;
    const held = parts.map((words) => [...words].filter((w) => keys.has(w)).length);
    const most = Math.max(...held);
    const part = most === 0 ? -1 : held.indexOf(most);
    const titled =
      part >= 0 && tokenize((ranked[i]!.headingPath ?? []).join(' ')).some((t) => parts[part]!.has(matchKey(t)));
    const shares = held.map((h, j) => h / Math.max(1, parts[j]!.size));
    return { part, share: part >= 0 ? shares[part]! : 0, titled, shares };
  };
  const best = partOf(0);
  // The questions the best sentence answers: its own, and any whose words it holds half of ("…六项出口管制措施暂停实施 至
  // 2026 年 11 月 10 日…" answers "暂停到什么时候？" as well as the question on the lithium-battery controls, trial 14 t14-13).
  const answered = new Set([best.part, ...best.shares.flatMap((s, i) => (s >= HELD ? [i] : []))]);
  const qualifying = ranked.flatMap((c, i) => {
    if (i === 0) return [];
    const { part, share, titled } = partOf(i);
    if (part < 0 || answered.has(part)) return [];
    // From another document, only one whose title or heading names its question: "我们工厂自己能注册吗" after "诚信标志的码是谁去
    // 申请？" was answered with the EAC applicant rule ("中国工厂自己不能单独持有文件"), which holds its words.
    if (c.n !== top.n && !titled) return [];
    return c.score >= (share >= HELD ? NEAR : CLOSE) * top.score ? [{ i, part }] : [];
  });
  // Of those that qualify, the first that names a market its question asks and no other, else the first: "主要出口乌兹别克斯坦和
  // 哈萨克斯坦，这两个国家跟中国有AEO互认吗？" beside the benefits was answered with "中国 AEO 企业与互认伙伴的贸易额约占…60%", not the
  // table's Uzbek row (trial 30 t30-09). ("Unlike Kazakhstan, Russia charges 22%" is Russia's, asked about Kazakhstan.)
  const namesItsMarket = ({ i, part }: { i: number; part: number }) => {
    const asked = askedMarkets(texts[part] ?? '');
    const named = sentenceMarkets(ranked[i]!.text).filter((m) => m !== 'CN');
    return named.length > 0 && named.every((m) => asked.includes(m));
  };
  const at = (qualifying.find(namesItsMarket) ?? qualifying[0])?.i ?? -1;
  if (at < 1) return ranked;
  const { part } = partOf(at);
  const otherPart = all[part]!;
  // Asked before the best one's question, its answer is read first (lead.ts).
  const askedBefore = best.part >= 0 && part < best.part;
  return [
    top,
    { ...ranked[at]!, otherPart, ...(askedBefore ? { askedBefore } : {}) },
    ...ranked.filter((_, i) => i !== 0 && i !== at),
  ];
}
