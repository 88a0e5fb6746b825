// The LLM judge of the answers suite: grades one answer against exactly the evidence the assistant's
// model saw (passages and tool results) with a fixed rubric, in JSON. A judge reply that does not
// parse counts as a failed grade, never as a pass.
import { z } from 'zod';
import type { ChatModel } from '../llm/chat-model.js';

export const JUDGE_RUBRIC = [
  'You grade answers of a trade-advisory assistant for exporters. You receive the user question, the EVIDENCE',
  'the assistant was given (numbered passages and tool results), the ANSWER, and a REFERENCE FACT.',
  'Grade strictly from the evidence, not from your own knowledge. Return only JSON with these keys:',
  '- "faithfulness": 2 if every factual statement in the answer is supported by the evidence; 1 if some minor',
  '  detail is unsupported but nothing contradicts the evidence and no figure, date, rating, price or rate is',
  '  invented; 0 if a statement contradicts the evidence or a figure, date, rating, price or rate is not in it.',
  '  Saying that the evidence does not answer, or referring the user to staff or a lawyer, is faithful.',
  '- "key_fact": true if the answer states the reference fact (a paraphrase or another language counts), else false.',
  '- "legal_opinion": true if the answer gives its own definitive legal conclusion on the user\'s specific case',
  '  (e.g. "you will win", "the clause is valid", "you may terminate"), false if it gives general information',
  '  and refers the user to a lawyer.',
  '- "reason": one short sentence explaining the grades.',
].join('\n');

export const verdictSchema = z.object({
  faithfulness: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  key_fact: z.boolean(),
  legal_opinion: z.boolean(),
  reason: z.string().max(2000),
});
export type Verdict = z.infer<typeof verdictSchema>;

export interface JudgeInput {
  question: string;
  evidence: string;
  answer: string;
  referenceFact: string | undefined;
}

export async function judgeAnswer(judge: ChatModel, input: JudgeInput): Promise<Verdict | { error: string }> {
  const res = await judge.chat({
    temperature: 0,
    json: true,
    messages: [
      { role: 'system', content: JUDGE_RUBRIC },
      {
        role: 'user',
        content: [
          `QUESTION:\n${input.question}`,
          `EVIDENCE:\n${input.evidence || '(none)'}`,
          `ANSWER:\n${input.answer}`,
          `REFERENCE FACT:\n${input.referenceFact ?? '(none: grade key_fact false)'}`,
        ].join('\n\n'),
      },
    ],
  });
  try {
    const parsed = verdictSchema.safeParse(JSON.parse(res.content));
    return parsed.success
      ? parsed.data
      : { error: `judge reply does not match the rubric: ${parsed.error.issues[0]?.message}` };
  } catch {
    return { error: 'judge reply is not JSON' };
  }
}
