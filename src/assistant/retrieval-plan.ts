// What to search for a question, without a model: the question itself; a short follow-up joined with
// the previous question; the question with the regulation words of the products it names; and the
// markets it names. The assistant and the retrieval evaluations use the same plan, so the gates
// measure what users get.
import { askedMarkets, impliedMarkets, withoutMarkets } from '../domain/markets.js';
import { detectProducts, type ProductGroup } from '../domain/products.js';
import { namedRegulations } from '../domain/regulations.js';
import type { StoredMessage } from '../store/conversation-repo.js';
import { followUpQuery, previousQuestion } from './query-rewrite.js';

export interface RetrievalPlan {
  queries: string[];
  /** How much each query counts in the fusion: the product-words phrasing helps, it does not lead. */
  weights: number[];
  markets: string[];
  products: ProductGroup[];
  /** The regulations (numbers) of those products: their documents are brought into the results. */
  regulations: string[];
  /** The question as it is understood: a follow-up joined with the question before it. */
  understood: string;
  /** The previous question, when this one is a follow-up of it. */
  previous?: string;
}

const EXPANSION_WEIGHT = 1;

export function planRetrieval(question: string, history: readonly StoredMessage[] = []): RetrievalPlan {
  const own = askedMarkets(question);
  const joined = followUpQuery(question, history);
  // "а в Казахстане?" after a question about Russia: Kazakhstan replaces Russia in the question.
  const before = joined !== question ? previousQuestion(history) : undefined;
  const followUp =
    before && own.length
      ? `${withoutMarkets(
          before,
          askedMarkets(before).filter((c) => !own.includes(c)),
        )} ${question}`
      : joined;
  const products = detectProducts(followUp);
  const carried = own.length ? own : askedMarkets(followUp);
  // A system of one market ("Честный ЗНАК") names that market when the question names none.
  const markets = carried.length ? carried : impliedMarkets(followUp);
  const expansion = products.flatMap((p) => p.expand).join(' ');
  const queries = [question, followUp, ...(expansion ? [`${followUp} ${expansion}`] : [])];
  const weights = [1, 1, ...(expansion ? [EXPANSION_WEIGHT] : [])];
  // A follow-up that names a market ("а для Казахстана?") replaces the previous one; otherwise the
  // conversation's market carries over.
  const previous = before;
  return {
    queries,
    weights,
    markets,
    products,
    regulations: [...new Set(products.flatMap((p) => namedRegulations(p.expand.join(' ')).map((r) => r.number)))],
    understood: followUp,
    ...(previous ? { previous } : {}),
  };
}
