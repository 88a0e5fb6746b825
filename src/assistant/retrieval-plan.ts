// What to search for a question, without a model: the question itself; a short follow-up joined with
// the previous question; the question with the regulation words of the products it names; and the
// markets it names. The assistant and the retrieval evaluations use the same plan, so the gates
// measure what users get.
import { askedMarkets } from '../domain/markets.js';
import { detectProducts, type ProductGroup } from '../domain/products.js';
import type { StoredMessage } from '../store/conversation-repo.js';
import { followUpQuery } from './query-rewrite.js';

export interface RetrievalPlan {
  queries: string[];
  markets: string[];
  products: ProductGroup[];
}

export function planRetrieval(question: string, history: readonly StoredMessage[] = []): RetrievalPlan {
  const followUp = followUpQuery(question, history);
  const products = detectProducts(followUp);
  const expansion = products.flatMap((p) => p.expand).join(' ');
  const queries = [question, followUp, ...(expansion ? [`${followUp} ${expansion}`] : [])];
  // A follow-up that names a market ("а для Казахстана?") replaces the previous one; otherwise the
  // conversation's market carries over.
  const own = askedMarkets(question);
  return { queries: [...new Set(queries)], markets: own.length ? own : askedMarkets(followUp), products };
}
