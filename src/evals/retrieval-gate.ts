// The quality gates: measured figures against evals/thresholds.json; a list of what fell short.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const metricPair = z.object({ recallAt5: z.number(), mrrAt10: z.number() });
export const thresholdsSchema = z.object({
  xquad: z.record(z.string(), metricPair),
  domain: z.object({ recallAt5: z.record(z.string(), z.number()) }),
  /** evals/datasets/domain-heldout.jsonl: questions written without seeing the documents. */
  domainHeldout: z.object({ recallAt5: z.record(z.string(), z.number()) }),
  /** evals/datasets/domain-2.jsonl: the second wave's topics (products, e-commerce, currency, sanctions, liability). */
  domain2: z.object({ recallAt5: z.record(z.string(), z.number()) }),
  /** evals/datasets/domain-heldout-2.jsonl: second-wave questions written from the fact sheets only. */
  domainHeldout2: z.object({ recallAt5: z.record(z.string(), z.number()) }),
  /** Answer in the lead on the xquad format (the extractive suite). */
  extractive: z.object({ answerInLead: z.record(z.string(), z.number()) }).passthrough(),
  /** Direct answers without a model on the domain sets, follow-ups and coverage honesty. */
  leads: z
    .object({
      keyInLead: z.number(),
      sectionTop3: z.number(),
      /** The same with the further sections of evals/annotations (`also`) accepted. */
      keyInLeadAny: z.number(),
      sectionTop3Any: z.number(),
      followUps: z.number(),
      /** The blind set (evals/datasets/followups-heldout.jsonl), gated at what it reached when first run. */
      followUpsHeldout: z.number(),
      followUpsHeldout2: z.number(),
      uncoveredFlagged: z.number(),
      answerableFlaggedWeak: z.number(),
    })
    .passthrough(),
  /** evals/datasets/domain-offtopic.jsonl: at most this many passages shown per unanswerable question. */
  domainOffTopic: z.object({ passagesPerQuestion: z.record(z.string(), z.number()) }).optional(),
  /** Answer-level rates of the answers suite (run only with an LLM). */
  answers: z
    .object({
      languageMatch: z.number(),
      citationsValid: z.number(),
      citedExpected: z.number(),
      keyFact: z.number(),
      faithful: z.number(),
      escalation: z.number(),
      toolChoice: z.number(),
    })
    .partial()
    .optional(),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export function loadThresholds(path = 'evals/thresholds.json'): Thresholds {
  return thresholdsSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function xquadShortfalls(lang: string, got: { recallAt5: number; mrrAt10: number }, t: Thresholds): string[] {
  const want = t.xquad[lang];
  if (!want) return [`no xquad threshold for ${lang}`];
  const out: string[] = [];
  if (got.recallAt5 < want.recallAt5) out.push(`xquad ${lang} recall@5 ${got.recallAt5} < ${want.recallAt5}`);
  if (got.mrrAt10 < want.mrrAt10) out.push(`xquad ${lang} MRR@10 ${got.mrrAt10} < ${want.mrrAt10}`);
  return out;
}

export type DomainSet = 'domain' | 'domainHeldout' | 'domain2' | 'domainHeldout2';

export function domainShortfalls(
  byLang: Record<string, { recallAt5: number }>,
  t: Thresholds,
  set: DomainSet = 'domain',
): string[] {
  return Object.entries(t[set].recallAt5).flatMap(([lang, min]) => {
    const got = byLang[lang]?.recallAt5 ?? 0;
    return got < min ? [`${set} ${lang} recall@5 ${got} < ${min}`] : [];
  });
}

export function offTopicShortfalls(byLang: Record<string, { passagesPerQuestion: number }>, t: Thresholds): string[] {
  return Object.entries(t.domainOffTopic?.passagesPerQuestion ?? {}).flatMap(([lang, max]) => {
    const got = byLang[lang]?.passagesPerQuestion;
    if (got === undefined) return [`domainOffTopic ${lang}: no questions`];
    return got > max ? [`domainOffTopic ${lang} passages per question ${got} > ${max}`] : [];
  });
}
