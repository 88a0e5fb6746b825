// The answers suite: the whole assistant (retrieval, model, real tools) on domain questions and on
// behaviour cases, graded by rules (language, citations, tool choice, escalation) and by an LLM
// judge (faithfulness to the evidence, key fact, no legal opinion of its own).
import { z } from 'zod';
import type { Assistant } from '../assistant/assistant.js';
import { citedNumbers } from '../assistant/grounding.js';
import { detectLang } from '../i18n/detect-lang.js';
import { LEGAL_ESCALATION_TOOL } from '../assistant/legal-escalation-tool.js';
import type { AskResult } from '../domain/answer.js';
import type { ChatModel, ChatRequest, ChatResult } from '../llm/chat-model.js';
import type { DomainQuestion } from './eval-domain.js';
import { readJsonl } from '../rag/eval-retrieval.js';
import { LANGS, type Lang } from '../domain/lang.js';
import { judgeAnswer, type Verdict } from './answer-judge.js';

export const behaviourCase = z.object({
  id: z.string().min(1),
  lang: z.enum(LANGS),
  /** legal: must propose escalation and give no legal opinion; credit/route: must call that tool. */
  kind: z.enum(['legal', 'credit', 'route']),
  question: z.string().min(1),
});
export type BehaviourCase = z.infer<typeof behaviourCase>;
export const readBehaviourCases = (path = 'evals/datasets/answers.jsonl') => readJsonl(path, behaviourCase);

const EXPECTED_TOOL: Record<BehaviourCase['kind'], string> = {
  legal: LEGAL_ESCALATION_TOOL,
  credit: 'credit_lookup',
  route: 'plan_route',
};

/** Wraps the assistant's model so the judge sees exactly the evidence the model was given. */
export class RecordingChatModel implements ChatModel {
  readonly id: string;
  requests: ChatRequest[] = [];
  constructor(private readonly inner: ChatModel) {
    this.id = inner.id;
  }
  chat(req: ChatRequest, onDelta?: (text: string) => void): Promise<ChatResult> {
    this.requests.push(req);
    return this.inner.chat(req, onDelta);
  }
  /** Passages and tool results of the last answering request (not the JSON rewrite). */
  lastEvidence(): string {
    const req = [...this.requests].reverse().find((r) => !r.json);
    if (!req) return '';
    const lastUser = [...req.messages].reverse().find((m) => m.role === 'user');
    const tools = req.messages.filter((m) => m.role === 'tool').map((m) => `TOOL RESULT: ${m.content}`);
    return [lastUser?.content ?? '', ...tools].filter(Boolean).join('\n\n');
  }
}

export interface AnswerRow {
  id: string;
  kind: 'fact' | BehaviourCase['kind'];
  lang: Lang;
  langOk: boolean;
  /** The passages answered because the model's answer could not be shown. */
  fellBack?: boolean;
  /** Every [n] is a listed citation and there is at least one (fact questions). */
  citationsOk: boolean;
  /** A citation comes from one of the expected documents (fact questions). */
  citedExpected: boolean;
  tools: string[];
  /** The tool the case requires was called without error (behaviour cases). */
  toolOk: boolean;
  verdict?: Verdict;
  judgeError?: string;
  pass: boolean;
  answer: string;
}

export interface AnswersReport {
  rows: AnswerRow[];
  rates: Record<
    'languageMatch' | 'citationsValid' | 'citedExpected' | 'keyFact' | 'faithful' | 'escalation' | 'toolChoice',
    number
  >;
  meanFaithfulness: number;
  judgeErrors: number;
  /** Answers the passages gave because the model's could not be shown. */
  fellBack: number;
}

export async function runAnswersSuite(deps: {
  assistant: Assistant;
  model: RecordingChatModel;
  judge: ChatModel;
  facts: readonly DomainQuestion[];
  cases: readonly BehaviourCase[];
  progress?: (step: { done: number; total: number; label: string }) => void;
}): Promise<AnswersReport> {
  const rows: AnswerRow[] = [];
  const items = [
    ...deps.facts.map((q) => ({
      id: q.id,
      kind: 'fact' as const,
      lang: q.lang,
      question: q.question,
      keyFact: q.key_fact,
      docs: q.answers,
    })),
    ...deps.cases.map((c) => ({
      id: c.id,
      kind: c.kind,
      lang: c.lang,
      question: c.question,
      keyFact: undefined,
      docs: [] as string[],
    })),
  ];
  for (const [i, item] of items.entries()) {
    deps.progress?.({ done: i + 1, total: items.length, label: item.id });
    deps.model.requests = [];
    const res = await deps.assistant.ask({ text: item.question, channel: 'cli' });
    if (!res.ok) {
      rows.push({
        id: item.id,
        kind: item.kind,
        lang: item.lang,
        langOk: false,
        citationsOk: false,
        citedExpected: false,
        tools: [],
        toolOk: false,
        judgeError: res.message,
        pass: false,
        answer: '',
      });
      continue;
    }
    const r = res.result;
    const judged = await judgeAnswer(deps.judge, {
      question: item.question,
      evidence: deps.model.lastEvidence(),
      answer: r.answer,
      referenceFact: item.keyFact,
    }).catch((err: unknown) => ({
      error: `judge failed: ${(err as Error).message}`,
    }));
    const verdict = 'error' in judged ? undefined : judged;
    const tools = r.toolCalls.filter((t) => !t.error).map((t) => t.name);
    // The model's answer was thrown away (nothing left after the figure and rating guards, or the model
    // failed) and the passages answered instead: that is the model failing, whatever the passages score.
    const fellBack = r.mode !== 'llm';
    const row: AnswerRow = {
      id: item.id,
      kind: item.kind,
      lang: item.lang,
      ...(fellBack ? { fellBack } : {}),
      // The language the answer is written in, not the one the assistant detected in the question.
      langOk: !fellBack && detectLang(r.answer)?.lang === item.lang,
      citationsOk: !fellBack && citationsValid(r),
      citedExpected: !fellBack && r.citations.some((c) => item.docs.some((d) => c.docId === `${d}-${c.lang}`)),
      tools,
      toolOk: item.kind !== 'fact' && tools.includes(EXPECTED_TOOL[item.kind]),
      ...(verdict ? { verdict } : { judgeError: (judged as { error: string }).error }),
      pass: false,
      answer: r.answer,
    };
    row.pass = passes(row);
    rows.push(row);
  }
  return summarise(rows);
}

function citationsValid(r: AskResult): boolean {
  const listed = new Set(r.citations.map((c) => c.n));
  const used = citedNumbers(r.answer);
  return used.length > 0 && used.every((n) => listed.has(n));
}

function passes(row: AnswerRow): boolean {
  const v = row.verdict;
  if (row.fellBack || !row.langOk || !v) return false;
  if (row.kind === 'fact') return row.citationsOk && v.faithfulness === 2 && v.key_fact;
  if (row.kind === 'legal') return row.toolOk && !v.legal_opinion && v.faithfulness >= 1;
  return row.toolOk && v.faithfulness >= 1;
}

function summarise(rows: AnswerRow[]): AnswersReport {
  const rate = (subset: AnswerRow[], ok: (r: AnswerRow) => boolean) =>
    subset.length ? Math.round((subset.filter(ok).length / subset.length) * 1000) / 1000 : 0;
  const facts = rows.filter((r) => r.kind === 'fact');
  const judged = rows.filter((r) => r.verdict);
  return {
    rows,
    rates: {
      languageMatch: rate(rows, (r) => r.langOk),
      citationsValid: rate(facts, (r) => r.citationsOk),
      citedExpected: rate(facts, (r) => r.citedExpected),
      keyFact: rate(facts, (r) => r.verdict?.key_fact === true),
      // A missing verdict counts against the answer.
      faithful: rate(rows, (r) => r.verdict?.faithfulness === 2),
      escalation: rate(
        rows.filter((r) => r.kind === 'legal'),
        (r) => r.pass,
      ),
      toolChoice: rate(
        rows.filter((r) => r.kind === 'credit' || r.kind === 'route'),
        (r) => r.toolOk,
      ),
    },
    meanFaithfulness: judged.length
      ? Math.round((judged.reduce((s, r) => s + r.verdict!.faithfulness, 0) / judged.length) * 100) / 100
      : 0,
    judgeErrors: rows.length - judged.length,
    fellBack: rows.filter((r) => r.fellBack).length,
  };
}

export function answersShortfalls(report: AnswersReport, thresholds: Partial<AnswersReport['rates']>): string[] {
  return Object.entries(thresholds)
    .filter(([k, min]) => report.rates[k as keyof AnswersReport['rates']] < (min as number))
    .map(([k, min]) => `answers ${k} ${report.rates[k as keyof AnswersReport['rates']]} < ${min}`);
}
