// Where a retrieved document stands to the question, which the direct answer (lead.ts) counts in every
// sentence of it: whether it is about the asked market, another market, another jurisdiction's sanctions
// or another regulation than the asked one, and the words it holds anywhere.
import { aboutOtherMarkets, EAEU_MEMBERS } from '../domain/markets.js';
import type { Jurisdiction } from '../domain/sanctioning-jurisdictions.js';
import type { LeadDoc } from './lead-types.js';
import { unitsOf } from './passage-units.js';
import { namedCharges, type Charge } from '../domain/charges.js';
import { isMarkingScheme } from '../domain/legal-conventions.js';

const EAEU: ReadonlySet<string> = new Set(EAEU_MEMBERS);

export interface DocStance {
  /** The document's markets include an asked one. */
  ofAsked: boolean;
  /** The document's markets but China. */
  markets: string[];
  /** Every sentence of the document is about the asked market. */
  ownMarket: boolean;
  /** The document is about another market than the asked one. */
  offMarket: boolean;
  /** The document is about another jurisdiction's sanctions than the asked one. */
  otherJurisdiction: boolean;
  /** The document is about another technical regulation than the asked one. */
  offRegulation: boolean;
  /** The document is about the asked regulation. */
  ownRule: boolean;
  /** The document is about a charge (anti-dumping duties) and the question asks none, or about another charge than the
   * one the question names. */
  chargeUnasked: boolean;
  /** The words the document holds anywhere. */
  docTokens: ReadonlySet<string>;
}

/** A document's title that says it is about a charge. */
const CHARGE_TITLE = /антидемпинг|anti-?dumping|反倾销/iu;

export function docStance(
  doc: LeadDoc,
  asked: ReadonlySet<string>,
  theirSide: boolean,
  askedJurisdictions: readonly Jurisdiction[],
  askedRegulations: ReadonlySet<string>,
  chargeAsked: boolean,
  askedCharges: readonly Charge[] = [],
  conformityAsked = true,
): DocStance {
  const ofAsked = doc.countries.some((c) => asked.has(c));
  // A note on the asked market alone (China beside it is where the goods come from), or on the union's
  // common rules when the asked market is a member, is about that market in every sentence, though few
  // write its name again: "а в Таджикистане?" after a VAT question led with the TIR note's list of
  // neighbours that names Tajikistan, over the Tajik note's VAT sentence (trial 6). A note on markets
  // of all kinds is not (follow-up sets 90 → 91 of 108; domain key terms .624 → .634 with the union's
  // notes, which a Russia-only note outranked otherwise).
  const markets = doc.countries.filter((c) => c !== 'CN');
  const ownMarket =
    ofAsked && (markets.length <= 1 || (markets.every((c) => EAEU.has(c)) && [...asked].some((c) => EAEU.has(c))));
  // "у них по валютному контролю", "any fx rules on their side": asked of the buyer's country, a note on
  // China's own rules is another market's (trial 18 t18-31, 18b-06 led with China's SAFE reporting rule).
  const offMarket =
    aboutOtherMarkets(doc.countries, asked) ||
    (theirSide && doc.countries.length > 0 && doc.countries.every((c) => c === 'CN'));
  const otherJurisdiction =
    askedJurisdictions.length > 0 &&
    (doc.jurisdictions?.length ?? 0) > 0 &&
    !doc.jurisdictions!.some((j) => askedJurisdictions.includes(j));
  // A document about another technical regulation answers for its own products: asked about toys
  // (TR CU 008), "only a declaration, no certificate" from the RoHS document is the wrong rule.
  // A note on the marking scheme is about marking any product (asked about children's shoes, its rule on where codes
  // are applied answers).
  const rules = doc.regulations?.filter((r) => !isMarkingScheme(r)) ?? [];
  const offRegulation =
    askedRegulations.size > 0 && rules.length > 0 && !doc.regulations!.some((r) => askedRegulations.has(r));
  // The regulation the question names ("ТР ТС 032 с какого давления применяется?") is the subject of
  // every sentence of the document about it, though few write its number again: the sentence that did
  // ("Перечня … по ТР ТС 032/2013 … в наших источниках нет") led over the 0,05 МПа threshold (trial 11).
  const ownRule = doc.regulations?.some((r) => askedRegulations.has(r)) ?? false;
  // Words the document holds anywhere: a sentence of a document about the topic shares its context
  // ("сколько это занимает" under a gauge-change document that names 换轨 once).
  const docTokens =
    doc.passages.length === 1
      ? unitsOf(doc.passages[0]!).allTokens
      : new Set(doc.passages.flatMap((p) => [...unitsOf(p).allTokens]));
  // Every passage carries its document's title first in its heading path.
  const title = doc.passages[0]?.headingPath[0] ?? '';
  // Asked one charge by name, a note titled by another one is not its answer: "какой ндс при импорте в рф? везем
  // бытовую технику" was led by the recycling-fee note's "…строительной техники утильсбор — часть стоимости…" (trial 24
  // t24-03).
  // China's export rebate named in a title is one topic of a note on China's side ("9610、9710、9810、1210 怎么选：通关、退税与退货"),
  // not a charge the buyer pays: the note still answers a duty question on returned parcels (trial 14 t14-15).
  const titleCharges = askedCharges.length ? namedCharges(title).filter((c) => c !== 'rebate') : [];
  // Nor is a technical regulation's note, unless the question asks about conformity too: the low-voltage note's "ТР ТС
  // 020/2011 … прямо называет бытовую технику" came second under the 22% VAT rate there.
  const technicalRule = (doc.regulations ?? []).some((r) => /^\d{3}$/.test(r));
  const chargeUnasked =
    (!chargeAsked && CHARGE_TITLE.test(title)) ||
    (titleCharges.length > 0 && !titleCharges.some((c) => askedCharges.includes(c))) ||
    (askedCharges.length > 0 && !conformityAsked && technicalRule);
  return {
    ofAsked,
    markets,
    ownMarket,
    offMarket,
    otherJurisdiction,
    offRegulation,
    ownRule,
    chargeUnasked,
    docTokens,
  };
}
