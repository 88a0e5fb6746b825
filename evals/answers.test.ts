// The answers suite through its real interface (`advisor eval --suite answers`), with the fake
// OpenAI server playing the assistant's model and the judge. A well-behaved model passes the gate;
// a model that answers in the wrong language, invents a figure and never calls a tool fails it;
// without EVAL_LLM_BASE_URL the suite says SKIPPED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAnswer } from '../src/evals/answer-judge.js';
import type { ChatBody } from '../test/support/fake-openai.js';
import { startFakeOpenAi, type FakeOpenAi } from '../test/support/fake-openai.js';
import { runAdvisor } from '../test/support/run-cli.js';

const LEGAL = /арбитраж|санкци|претензи|неустойк|仲裁|起诉|律师函|\bsue\b|EO 14114|trademark/i;
const CREDIT = /Сэмпл|样本|\bSample\b/;
const ROUTE = /Циндао|青岛|Qingdao/;

const RATES = [
  'languageMatch',
  'citationsValid',
  'citedExpected',
  'keyFact',
  'faithful',
  'escalation',
  'toolChoice',
] as const;

/** The report's rate table: `| name | value |` rows. */
function rates(stdout: string): Record<string, number> {
  return Object.fromEntries(
    [...stdout.matchAll(/^\| ([a-zA-Z]+) \| ([\d.]+) \|$/gm)]
      .filter((m) => (RATES as readonly string[]).includes(m[1]!))
      .map((m) => [m[1]!, Number(m[2])]),
  );
}

const lastUser = (b: ChatBody) => [...b.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
const question = (b: ChatBody) => /Question: ([\s\S]*)$/.exec(lastUser(b))?.[1] ?? '';
/** The first sentence of passage [1]: an extractive answer, faithful by construction. */
const firstPassageSentence = (b: ChatBody) => {
  const passage = /\[1\][^\n]*\n([\s\S]*?)(\n\[2\]|<\/passages>)/.exec(lastUser(b))?.[1] ?? '';
  return (/[^.。!?\n]{20,}[.。!?]/.exec(passage)?.[0] ?? '').trim();
};

/** The judge: faithful when every answer sentence (citations stripped) occurs in the evidence. */
function judge(b: ChatBody) {
  const user = b.messages[1]!.content!;
  const evidence = /EVIDENCE:\n([\s\S]*)\n\nANSWER:/.exec(user)![1]!;
  const answer = /ANSWER:\n([\s\S]*)\n\nREFERENCE FACT:/.exec(user)![1]!;
  const sentences = answer
    .replace(/\[\d+\]/g, '')
    .split(/(?<=[.。!?])\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  const faithful = sentences.length > 0 && sentences.every((s) => evidence.includes(s));
  return {
    content: JSON.stringify({
      faithfulness: faithful ? 2 : 0,
      key_fact: faithful,
      legal_opinion: /you will win|вы выиграете|你们会赢/i.test(answer),
      reason: faithful ? 'every sentence is in the evidence' : 'a sentence is not in the evidence',
    }),
  };
}

function goodModel(b: ChatBody) {
  if (b.messages[0]!.content!.startsWith('You grade answers')) return judge(b);
  if (b.response_format) return { content: '{"standalone":"-"}' };
  const q = question(b);
  const toolDone = b.messages.some((m) => m.role === 'tool');
  if (!toolDone && LEGAL.test(q))
    return {
      toolCalls: [
        {
          name: 'propose_legal_escalation',
          arguments: { reason: 'A dispute needs a lawyer.', practice_area: 'disputes-arbitration' },
        },
      ],
    };
  if (!toolDone && CREDIT.test(q))
    return {
      toolCalls: [
        {
          name: 'credit_lookup',
          arguments: { company: /Сэмпл[^?»]*|样本\S*?公司|Sample [A-Z][\w ]*?LL[PC]/.exec(q)![0] },
        },
      ],
    };
  if (!toolDone && ROUTE.test(q))
    return {
      toolCalls: [
        {
          name: 'plan_route',
          arguments: {
            from: 'Qingdao',
            to: /Алматы|Almaty/.test(q) ? 'Almaty' : /塔什干/.test(q) ? 'Tashkent' : 'Moscow',
          },
        },
      ],
    };
  return { content: `${firstPassageSentence(b)} [1]` };
}

function badModel(b: ChatBody) {
  if (b.messages[0]!.content!.startsWith('You grade answers')) return judge(b);
  if (b.response_format) return { content: '{"standalone":"-"}' };
  return { content: 'You will win: certification takes 3 days and costs about 120 USD [1].' };
}

describe('answers suite (advisor eval --suite answers)', () => {
  let good: FakeOpenAi;
  let bad: FakeOpenAi;
  beforeAll(async () => {
    good = await startFakeOpenAi(goodModel);
    bad = await startFakeOpenAi(badModel);
  });
  afterAll(async () => {
    await good?.close();
    await bad?.close();
  });

  it('passes a model that answers from the evidence, cites, escalates and calls the right tools', async () => {
    const r = await runAdvisor(['eval', '--suite', 'answers', '--limit', '2'], {
      EVAL_LLM_BASE_URL: good.url,
      EVAL_LLM_MODEL: 'fake',
    });
    // Off a terminal the only thing on stderr is the progress, one plain line per question.
    expect(r.stderr.trim().split('\n')).toEqual(
      Array.from({ length: 24 }, (_, i) => expect.stringMatching(new RegExp(`^\\[${i + 1}/24\\] \\S+$`))),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 fact questions');
    expect(r.stdout).toContain('18 behaviour cases');
    // Every rate of the report, each at 1: the model is right every time by construction.
    expect(rates(r.stdout)).toEqual(Object.fromEntries(RATES.map((k) => [k, 1])));
    expect(r.stdout).toContain('Gate: all answers thresholds');
    // The judge saw the evidence the model was given: passages for facts, tool results for tools.
    const judged = good.requests
      .filter((b) => b.messages[0]!.content!.startsWith('You grade answers'))
      .map((b) => b.messages[1]!.content!);
    expect(judged).toHaveLength(24);
    expect(judged.some((j) => j.includes('<passages>'))).toBe(true);
    expect(judged.some((j) => /TOOL RESULT: .*"proposed":true/.test(j))).toBe(true);
    expect(judged.some((j) => /TOOL RESULT: .*(Sample|Сэмпл|样本)/.test(j))).toBe(true);
  }, 240_000);

  it('fails a model that ignores the tools, invents figures and gives a legal opinion', async () => {
    const r = await runAdvisor(['eval', '--suite', 'answers', '--limit', '1'], {
      EVAL_LLM_BASE_URL: bad.url,
      EVAL_LLM_MODEL: 'fake',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('**Gate failed:**');
    // Every rate falls: the same English sentence for every question in every language, a figure and
    // a citation no passage supports, no tool, a verdict of its own. Once the invented figure is out
    // nothing is left, so the user gets the passages — and the suite counts each such turn as the
    // model's failure, not as the passages' success.
    expect(r.stdout).toContain('| answered from passages (model answer withheld) | 21 |');
    expect(rates(r.stdout)).toEqual({
      languageMatch: 0,
      citationsValid: 0,
      citedExpected: 0,
      keyFact: 0,
      faithful: 0,
      escalation: 0,
      toolChoice: 0,
    });
    for (const rate of RATES) expect(r.stdout).toMatch(new RegExp(`answers ${rate} [\\d.]+ <`));
  }, 240_000);

  it('says SKIPPED without a model and never passes silently', async () => {
    const r = await runAdvisor(['eval', '--suite', 'answers'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('answers suite SKIPPED: EVAL_LLM_BASE_URL is not set');
  });

  it('counts a judge reply that is not JSON or misses the rubric as an error, never as a pass', async () => {
    const judgeSaying = (content: string) => ({
      id: 'judge',
      chat: async () => ({ content, toolCalls: [], finishReason: 'stop' }),
    });
    const input = { question: 'q', evidence: '[1] e', answer: 'a [1]', referenceFact: 'f' };
    expect(await judgeAnswer(judgeSaying('Looks faithful to me!') as never, input)).toEqual({
      error: 'judge reply is not JSON',
    });
    expect(
      await judgeAnswer(
        judgeSaying('{"faithfulness": 3, "key_fact": true, "legal_opinion": false, "reason": "x"}') as never,
        input,
      ),
    ).toMatchObject({ error: expect.stringContaining('rubric') });
    expect(
      await judgeAnswer(
        judgeSaying('{"faithfulness": 2, "key_fact": true, "legal_opinion": false, "reason": "ok"}') as never,
        input,
      ),
    ).toEqual({ faithfulness: 2, key_fact: true, legal_opinion: false, reason: 'ok' });
  });
});
