// Language discipline on 30 real questions (10 per language from evals/datasets/domain.jsonl):
// the request to the model asks for the question's language, and retrieval-only answers
// (intro, notices, passages) are in that language.
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

  beforeAll(async () => {
    h = await startHarness({}, join(ROOT, 'knowledge'));
    fake = await startFakeOpenAi((body) =>
      body.response_format?.type === 'json_object' ? { content: '{"standalone": "-"}' } : { content: 'OK [1].' },
    );
  }, 240_000);
  afterAll(async () => {
    await fake?.close();
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
