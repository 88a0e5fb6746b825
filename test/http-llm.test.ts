// `npm start` configured with an OpenAI-compatible model (LLM_BASE_URL): the web API streams the
// model's answer as server-sent events and remembers the browser's conversation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { startApp } from './support/start-app.js';

describe('HTTP with a language model', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let fake: FakeOpenAi;
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };

  beforeAll(async () => {
    fake = await startFakeOpenAi((body) =>
      body.response_format
        ? { content: '{"standalone": "x"}' }
        : { content: 'Знак EAC подтверждает соответствие техническим регламентам союза [1].' },
    );
    knowledge = await makeKnowledgeDir({ binaries: false });
    data = tempDir('http-llm');
    app = await startApp({
      KNOWLEDGE_DIR: knowledge.path,
      DATA_DIR: data.path,
      LLM_BASE_URL: fake.url,
      LLM_MODEL: 'fake-model',
      LLM_API_KEY: 'sk-test-secret-key',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
    knowledge?.remove();
    data?.remove();
  });

  it('streams text deltas, then the checked answer with its sources', async () => {
    const r = await fetch(`${app.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: 'Что означает знак EAC?', conversationId: 'browser0001' }),
    });
    const text = await r.text();
    const events = text
      .trim()
      .split('\n\n')
      .map((b) => ({ type: /^event: (.*)$/m.exec(b)![1], data: JSON.parse(/^data: (.*)$/m.exec(b)![1]!) }));
    expect(events.filter((e) => e.type === 'text').length).toBeGreaterThan(3);
    const done = events.at(-1)!;
    expect(done.type).toBe('done');
    // The conversation is named as the page named it, so the id can be sent back as is.
    expect(done.data).toMatchObject({ mode: 'llm', lang: 'ru', conversationId: 'browser0001' });
    expect(done.data.citations[0]).toMatchObject({ n: 1, docId: 'eac-mark-ru' });
    expect(fake.requests.at(-1)!.model).toBe('fake-model');
  });

  it('sends the earlier turn of the same browser conversation to the model', async () => {
    await fetch(`${app.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'А кто может быть заявителем?', conversationId: 'browser0001' }),
    });
    const last = fake.requests.at(-1)!;
    expect(last.messages.some((m) => m.role === 'user' && m.content === 'Что означает знак EAC?')).toBe(true);
  });
});
