// The retrieval-only answer of a turn: when there is no model, when the model failed, and when nothing
// was left of what it wrote.
import type { AskResult } from '../domain/answer.js';
import type { Lang } from '../domain/lang.js';
import type { Logger } from '../observability/logger.js';
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import { withCorpusWords } from '../domain/corpus-words.js';
import { composeRetrievalAnswer } from './retrieval-answer.js';
import type { RetrievalPlan } from './retrieval-plan.js';
import type { UserHit } from './retrieve.js';

/** What the retrieval-only answer takes of the assistant's dependencies; `today` is the date the turn reads. */
export interface WithoutModelDeps {
  kb: KnowledgeBase;
  log: Logger;
  today: () => string;
}

/** The answer from retrieval alone: the direct answer first, then the passages (retrieval-answer.ts). */
export async function withoutModel(
  deps: WithoutModelDeps,
  question: string,
  lang: Lang,
  hits: UserHit[],
  plan: RetrievalPlan,
  notice?: string,
): Promise<AskResult> {
  const { evidence, ...result } = await composeRetrievalAnswer({
    // A follow-up is answered as the question it continues ("а в Казахстане?" → the VAT question, for Kazakhstan).
    question: plan.understood,
    lang,
    hits,
    kb: deps.kb,
    markets: plan.markets,
    products: plan.products,
    regulations: plan.regulations,
    ...(plan.ownNote ? { ownNote: plan.ownNote } : {}),
    ...(plan.marketSwap ? { marketSwap: true } : {}),
    ...(plan.shownBefore ? { shownBefore: plan.shownBefore } : {}),
    // In the notes' words, as the plan searched it: "ок а по деньгам сколько один код стоит" asks the code's "плата" (trial 28
    // t28-01), and the follow-up's own words pick the section that states it.
    ...(plan.previous ? { followUp: withCorpusWords(question) } : {}),
    today: deps.today(),
    ...(notice ? { notice } : {}),
  });
  if (evidence.weak) deps.log.info({ confidence: evidence.confidence, gaps: evidence.gaps }, 'weak evidence');
  return { ...result, weakEvidence: evidence.weak };
}
