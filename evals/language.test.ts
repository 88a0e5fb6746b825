// Language discipline on 30 real questions (10 per language from evals/datasets/domain.jsonl):
// the request to the model asks for the question's language and the answer delivered is in it;
// when the model fails, the notice and the passages are in it; retrieval-only answers (intro,
// notices, passages) are in that language.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES } from '../src/assistant/prompt.js';
import { detectLang } from '../src/i18n/detect-lang.js';
import { t } from '../src/i18n/messages.js';
import { readDomainQuestions } from '../src/evals/eval-domain.js';
import { collect, startHarness, type Harness } from '../test/support/assistant-harness.js';
import { startFakeOpenAi, type FakeOpenAi } from '../test/support/fake-openai.js';

const ROOT = join(import.meta.dirname, '..');
const all = readDomainQuestions(join(ROOT, 'evals/datasets/domain.jsonl'));
const questions = (['ru', 'zh', 'en'] as const).flatMap((lang) => all.filter((q) => q.lang === lang).slice(0, 10));

describe('answers in the asker’s language (30 questions)', () => {
  let h: Harness;
  let fake: FakeOpenAi;
  let broken: FakeOpenAi;
  const REPLY = {
    ru: 'Ответ основан на приведённом отрывке из базы знаний [1].',
    zh: '答案来自知识库中所引用的段落 [1]。',
    en: 'The answer comes from the cited passage of the knowledge base [1].',
  } as const;

  beforeAll(async () => {
    h = await startHarness({}, join(ROOT, 'knowledge'));
    // A model that answers in whatever language its system prompt asks for.
    fake = await startFakeOpenAi((body) => {
      if (body.response_format?.type === 'json_object') return { content: '{"standalone": "-"}' };
      const asked = (Object.keys(LANGUAGE_NAMES) as Array<keyof typeof LANGUAGE_NAMES>).find((l) =>
        body.messages[0]!.content!.includes(`Answer in ${LANGUAGE_NAMES[l]}`),
      );
      return { content: asked ? REPLY[asked] : 'OK [1].' };
    });
    broken = await startFakeOpenAi(() => ({ status: 500 }));
  }, 240_000);
  afterAll(async () => {
    await fake?.close();
    await broken?.close();
    await h?.close();
  });

  it('uses 10 questions per language', () => {
    expect(
      questions
        .map((q) => q.lang)
        .sort()
        .join(''),
    ).toBe('en'.repeat(10) + 'ru'.repeat(10) + 'zh'.repeat(10));
  });

  it('asks the model for the question’s language', async () => {
    const a = h.assistant({ llmUrl: fake.url });
    for (const q of questions) {
      fake.requests.length = 0;
      const { result } = await collect(a, { text: q.question });
      expect(result.lang, q.id).toBe(q.lang);
      const answerReq = fake.requests.find((b) => b.response_format?.type !== 'json_object')!;
      expect(answerReq.messages[0]!.content, q.id).toContain(`Answer in ${LANGUAGE_NAMES[q.lang]}`);
      const rewrite = fake.requests.find((b) => b.response_format?.type === 'json_object')!;
      expect(rewrite.messages[1]!.content, q.id).toContain(`Question (${q.lang}):`);
      // What the person reads: the model's answer, in their language, citing a passage in it.
      expect(result.mode, q.id).toBe('llm');
      expect(result.answer, q.id).toBe(REPLY[q.lang]);
      expect(detectLang(result.answer)?.lang, q.id).toBe(q.lang);
      expect(
        result.citations.map((c) => c.lang),
        q.id,
      ).toEqual([q.lang]);
    }
  });

  it('says in the question’s language that the model failed, and shows passages in it', async () => {
    const a = h.assistant({ llmUrl: broken.url });
    for (const q of questions) {
      const { result } = await collect(a, { text: q.question });
      expect(result.lang, q.id).toBe(q.lang);
      expect(result.mode, q.id).toBe('retrieval-only');
      // The model's failure first; a question on shipping to a sanctioned market may add that the decision is
      // a lawyer's (countries-12, "can we ship pumps to iran"), in the same language.
      expect(result.notices[0], q.id).toBe(t(q.lang, 'llmUnavailable'));
      for (const n of result.notices.slice(1)) expect(n, q.id).toContain(t(q.lang, 'decisionNotGiven'));
      expect(result.citations.length, q.id).toBeGreaterThan(0);
      for (const c of result.citations) expect(detectLang(c.excerpt)?.lang, `${q.id} ${c.docId}`).toBe(q.lang);
    }
  });

  it('writes retrieval-only answers in the question’s language', async () => {
    const a = h.assistant();
    for (const q of questions) {
      const { result } = await collect(a, { text: q.question });
      expect(result.lang, q.id).toBe(q.lang);
      // The whole reply — direct answer or "not covered" note, and the passages — reads in the asker's language.
      expect(detectLang(result.answer.replace(/\[\d+\]/g, ''))?.lang, `${q.id}: ${result.answer.slice(0, 120)}`).toBe(
        q.lang,
      );
      for (const c of result.citations) {
        expect(c.lang, `${q.id} ${c.docId}`).toBe(q.lang);
        expect(detectLang(c.excerpt)?.lang, `${q.id} ${c.docId}: ${c.excerpt.slice(0, 80)}`).toBe(q.lang);
        expect(detectLang(c.headingPath.join(' '))?.lang, `${q.id} heading`).toBe(q.lang);
      }
    }
  });
});
