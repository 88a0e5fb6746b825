// The Slack adapter in-process behind our HTTP server: signed events, Block Kit answers, access,
// App Home, Web API rate limits; and the Socket Mode wiring.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../src/bots/slack/slack-app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/observability/logger.js';
import { startHarness } from './support/assistant-harness.js';
import { AnswerRepo, UpdateLedger } from '../src/store/answer-repo.js';
import { blockAction, mentionEvent, slackSignature, startFakeSlack, type FakeSlack } from './support/fake-slack.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { startApp } from './support/start-app.js';

const SECRET = 'slack-signing-secret';

describe('slack app over HTTP', () => {
  let slack: FakeSlack;
  let app: Awaited<ReturnType<typeof startApp>>;
  const dirs: Array<{ remove: () => void }> = [];

  beforeAll(async () => {
    slack = await startFakeSlack();
    slack.groupMembers.set('S_STAFF', ['U_GROUP']);
    const knowledge = await makeKnowledgeDir({ binaries: false });
    const data = tempDir('slack');
    dirs.push(knowledge, data);
    app = await startApp({
      KNOWLEDGE_DIR: knowledge.path,
      DATA_DIR: data.path,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      SLACK_STAFF_USERS: 'U_STAFF',
      SLACK_STAFF_USERGROUP: 'S_STAFF',
      SLACK_LEGAL_USERS: 'U_LEGAL',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await slack?.close();
    for (const d of dirs) d.remove();
  });
  beforeEach(() => {
    slack.calls.length = 0;
  });

  const post = (
    body: string,
    type = 'application/json',
    headers: Record<string, string> = slackSignature(body, SECRET),
  ) => fetch(`${app.url}/slack/events`, { method: 'POST', headers: { 'content-type': type, ...headers }, body });

  it('answers a mention in its thread with Block Kit: escaped text, sources with dates, buttons', async () => {
    const ev = mentionEvent('Кто может быть заявителем для EAC?');
    expect((await post(JSON.stringify(ev))).status).toBe(200);
    const update = await slack.waitFor((c) => c.method === 'chat.update' && Array.isArray(c.args.blocks));
    const placeholder = slack.calls.find((c) => c.method === 'chat.postMessage')!;
    expect(placeholder.args).toMatchObject({ channel: 'C1', thread_ts: ev.event.ts });
    const blocks = update.args.blocks as Array<Record<string, any>>;
    expect(blocks[0]!.type).toBe('section');
    const context = blocks.find((b) => b.type === 'context')!;
    expect(context.elements[0].text).toBe('*Источники*');
    expect(context.elements[1].text).toBe(
      '[1] <https://en.wikipedia.org/wiki/Eurasian_Conformity_mark|Знак EAC: когда он нужен> (на 2025-12-31)',
    );
    const actions = blocks.find((b) => b.type === 'actions')!;
    expect(actions.elements.map((e: { action_id: string }) => e.action_id)).toEqual([
      'feedback_up',
      'feedback_down',
      'escalate_legal',
    ]);
  });

  it('lets members of the staff user group in and refuses anyone else politely', async () => {
    await post(JSON.stringify(mentionEvent('EAC mark?', { user: 'U_GROUP' })));
    await slack.waitFor((c) => c.method === 'chat.update');
    slack.calls.length = 0;
    await post(JSON.stringify(mentionEvent('Что такое EAC?', { user: 'U_STRANGER' })));
    const refusal = await slack.waitFor((c) => c.method === 'chat.postEphemeral');
    expect(refusal.args).toMatchObject({
      user: 'U_STRANGER',
      text: expect.stringContaining('только сотрудникам зоны'),
    });
    expect(slack.calls.some((c) => c.method === 'chat.postMessage')).toBe(false);
  });

  it('stores 👎 from a button and thanks the user', async () => {
    await post(JSON.stringify(mentionEvent('What does the EAC mark mean?')));
    const update = await slack.waitFor((c) => c.method === 'chat.update' && Array.isArray(c.args.blocks));
    const answerId = (update.args.blocks as Array<Record<string, any>>).find((b) => b.type === 'actions')!.elements[1]
      .value;
    const body = `payload=${encodeURIComponent(JSON.stringify(blockAction('feedback_down', answerId)))}`;
    expect((await post(body, 'application/x-www-form-urlencoded')).status).toBe(200);
    await slack.waitFor((c) => c.method === 'chat.postEphemeral' && c.args.text === 'Thanks for the feedback!');
    const rows = await app.rt.db.query<{ rating: number }>('SELECT rating FROM feedback WHERE answer_id = $1', [
      Number(answerId),
    ]);
    expect(rows.rows).toEqual([{ rating: -1 }]);
  });

  it('refuses a feedback click for an answer given in another channel or on another channel type (found by fuzzing)', async () => {
    await post(JSON.stringify(mentionEvent('What does the EAC mark mean?')));
    const update = await slack.waitFor((c) => c.method === 'chat.update' && Array.isArray(c.args.blocks));
    const answerId = (update.args.blocks as Array<Record<string, any>>).find((b) => b.type === 'actions')!.elements[0]
      .value as string;
    const web = await fetch(`${app.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'What does the EAC mark mean?', conversationId: 'web-conversation-of-someone' }),
    });
    const webAnswerId = String(((await web.json()) as { answerId: number }).answerId);
    slack.calls.length = 0;
    for (const [id, channel] of [
      [answerId, 'C_OTHER'],
      [webAnswerId, 'C1'],
    ] as const) {
      const body = `payload=${encodeURIComponent(JSON.stringify(blockAction('feedback_up', id, { channel })))}`;
      expect((await post(body, 'application/x-www-form-urlencoded')).status).toBe(200);
      await slack.waitFor((c) => c.method === 'chat.postEphemeral' && c.args.channel === channel);
    }
    expect(slack.calls.filter((c) => c.method === 'chat.postEphemeral').map((c) => c.args.text)).toEqual([
      'This answer is no longer stored.',
      'This answer is no longer stored.',
    ]);
    const rows = await app.rt.db.query('SELECT answer_id FROM feedback WHERE answer_id = ANY($1)', [
      [Number(answerId), Number(webAnswerId)],
    ]);
    expect(rows.rows).toEqual([]);
  });

  it('publishes the App Home with recent questions, and the ticket section for the legal team', async () => {
    const home = (user: string) => ({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: `EvHome${user}${Date.now()}`,
      event: { type: 'app_home_opened', user, channel: 'D1', tab: 'home', event_ts: '1.1' },
    });
    await post(JSON.stringify(home('U_STAFF')));
    const staffView = await slack.waitFor((c) => c.method === 'views.publish');
    const text = JSON.stringify(staffView.args.view);
    expect(text).toContain('Your recent questions');
    expect(text).toContain('Кто может быть заявителем для EAC?');
    expect(text).not.toContain('Open legal tickets');
    slack.calls.length = 0;
    await post(JSON.stringify(home('U_LEGAL')));
    expect(JSON.stringify((await slack.waitFor((c) => c.method === 'views.publish')).args.view)).toContain(
      'Open legal tickets',
    );
  });

  it('retries a rate-limited Web API call after its delay', async () => {
    slack.throttleNext('chat.postMessage', 1);
    await post(JSON.stringify(mentionEvent('EAC declaration?')));
    await slack.waitFor((c) => c.method === 'chat.update', 10_000);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(2);
  }, 15_000);
});

describe('slack Socket Mode wiring', () => {
  it('builds a Socket Mode app with no HTTP route and no network call', async () => {
    const h = await startHarness();
    try {
      const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-test' });
      const running = await createSlackApp({
        config: config.slack,
        assistant: h.assistant(),
        answers: new AnswerRepo(h.db),
        ledger: new UpdateLedger(h.db),
        db: h.db,
        log: createLogger('silent'),
        identity: { botUserId: 'UBOT', botId: 'BBOT' },
      });
      expect(running.mode).toBe('socket');
      expect(running.listener).toBeUndefined();
      expect((running.app as unknown as { receiver: object }).receiver.constructor.name).toBe('SocketModeReceiver');
    } finally {
      await h.close();
    }
  });
});
