// The real program in Slack HTTP mode against a fake Slack Web API and a fake LLM: a signed Russian
// mention → threaded Russian answer with sources and buttons; a follow-up in the thread uses the
// earlier turn; 👍 stored; a slash command acknowledged within 3 s while the model takes 5;
// bad signatures refused; a retried event answered once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../src/store/open-db.js';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.js';
import {
  blockAction,
  mentionEvent,
  slackSignature,
  slashCommand,
  startFakeSlack,
  type FakeSlack,
} from './support/fake-slack.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { startProgram, type Program } from './support/program.js';

const SECRET = 'e2e-signing-secret';

describe('slack end to end', () => {
  let slack: FakeSlack;
  let llm: FakeOpenAi;
  let program: Program;
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };

  beforeAll(async () => {
    slack = await startFakeSlack();
    llm = await startFakeOpenAi((body) => {
      if (body.response_format) return { content: '{"standalone": "-"}' };
      const question = body.messages.at(-1)!.content ?? '';
      if (question.includes('медленный')) return { content: 'Медленный ответ [1].', delayMs: 5000 };
      return { content: 'Заявителем может быть организация, зарегистрированная в стране союза [1].' };
    });
    knowledge = await makeKnowledgeDir({ binaries: false });
    data = tempDir('slack-e2e');
    program = await startProgram({
      KNOWLEDGE_DIR: knowledge.path,
      DATA_DIR: data.path,
      SLACK_BOT_TOKEN: 'xoxb-e2e-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      LLM_BASE_URL: llm.url,
      LLM_MODEL: 'fake-model',
    });
  }, 90_000);
  afterAll(async () => {
    if (program?.child.exitCode === null) await program.stop();
    await slack?.close();
    await llm?.close();
    knowledge?.remove();
    data?.remove();
  });

  const post = (
    body: string,
    type = 'application/json',
    headers: Record<string, string> = slackSignature(body, SECRET),
  ) => fetch(`${program.url}/slack/events`, { method: 'POST', headers: { 'content-type': type, ...headers }, body });

  it('refuses a wrong or stale signature with 401', async () => {
    const body = JSON.stringify(mentionEvent('EAC?'));
    expect((await post(body, 'application/json', slackSignature(body, 'not-the-secret'))).status).toBe(401);
    expect(
      (await post(body, 'application/json', slackSignature(body, SECRET, Math.floor(Date.now() / 1000) - 600))).status,
    ).toBe(401);
    expect((await post(body, 'application/json', {})).status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  });

  it('answers a Russian mention in its thread, keeps the thread’s context, stores 👍, and handles a retry once', async () => {
    const ev = mentionEvent('Кто может быть заявителем для EAC?', { eventId: 'EvFirst' });
    expect((await post(JSON.stringify(ev))).status).toBe(200);
    // Slack retries the same event when it thinks we were slow: answered once.
    const retryBody = JSON.stringify(ev);
    expect(
      (
        await post(retryBody, 'application/json', {
          ...slackSignature(retryBody, SECRET),
          'x-slack-retry-num': '1',
          'x-slack-retry-reason': 'http_timeout',
        })
      ).status,
    ).toBe(200);
    const update = await slack.waitFor((c) => c.method === 'chat.update' && Array.isArray(c.args.blocks));
    const blocks = update.args.blocks as Array<Record<string, any>>;
    expect(blocks[0]!.text.text).toContain('Заявителем может быть организация');
    expect(JSON.stringify(blocks)).toContain('Знак EAC: когда он нужен> (на 2025-12-31)');
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toEqual([
      expect.objectContaining({ args: expect.objectContaining({ thread_ts: ev.event.ts }) }),
    ]);

    const follow = mentionEvent('А кто подписывает декларацию?', { threadTs: ev.event.ts });
    await post(JSON.stringify(follow));
    await slack.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.thread_ts === ev.event.ts &&
        slack.calls.filter((x) => x.method === 'chat.postMessage').length === 2,
    );
    await slack.waitFor(() => llm.requests.filter((r) => !r.response_format).length >= 2);
    const second = llm.requests.filter((r) => !r.response_format)[1]!;
    expect(second.messages.some((m) => m.role === 'user' && m.content === 'Кто может быть заявителем для EAC?')).toBe(
      true,
    );

    const answerId = blocks.find((b) => b.type === 'actions')!.elements[0].value as string;
    const click = `payload=${encodeURIComponent(JSON.stringify(blockAction('feedback_up', answerId)))}`;
    expect((await post(click, 'application/x-www-form-urlencoded')).status).toBe(200);
    await slack.waitFor((c) => c.method === 'chat.postEphemeral' && String(c.args.text).includes('Спасибо'));
    expect(await program.stop()).toBe(0);
    const db = await openDb({ databaseUrl: undefined, dataDir: data.path });
    try {
      const rows = await db.query<{ rating: number }>('SELECT rating FROM feedback WHERE answer_id = $1', [
        Number(answerId),
      ]);
      expect(rows.rows).toEqual([{ rating: 1 }]);
    } finally {
      await db.close();
    }
    program = await startProgram({
      KNOWLEDGE_DIR: knowledge.path,
      DATA_DIR: data.path,
      SLACK_BOT_TOKEN: 'xoxb-e2e-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      LLM_BASE_URL: llm.url,
      LLM_MODEL: 'fake-model',
    });
  }, 90_000);

  it('acknowledges a slash command within 3 seconds while the model takes 5', async () => {
    const body = slashCommand('ask медленный вопрос про EAC', slack.responseUrl('cmd1'));
    const started = Date.now();
    const r = await post(body, 'application/x-www-form-urlencoded');
    const elapsed = Date.now() - started;
    expect(r.status).toBe(200);
    expect(elapsed).toBeLessThan(3000);
    expect(await r.json()).toMatchObject({ response_type: 'ephemeral' });
    const done = await slack.waitFor(
      (c) => c.method === 'chat.update' && JSON.stringify(c.args.blocks ?? '').includes('Медленный ответ'),
      20_000,
    );
    expect(done.args.channel).toBe('C1');
  }, 60_000);
});
