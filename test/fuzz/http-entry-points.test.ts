// Fuzz: the server's entry points with hostile requests — POST /api/ask (any body, any content
// type, JSON or event stream), POST /telegram/webhook (updates with every field possibly the wrong
// shape, the secret mostly right), POST /slack/events (signed events, button clicks and commands
// with every field possibly wrong). Whatever arrives: no 5xx, no error-level log line (a handler
// that threw), an answer within a bound, memory that does not run away — and the data of a person
// who was never part of the fuzzing (their conversation, language, answers, feedback) unchanged.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockAction,
  mentionEvent,
  slackSignature,
  slashCommand,
  startFakeSlack,
  type FakeSlack,
} from '../support/fake-slack.js';
import {
  callbackUpdate,
  photoUpdate,
  startFakeTelegram,
  textUpdate,
  type FakeTelegram,
} from '../support/fake-telegram.js';
import { makeKnowledgeDir, tempDir } from '../support/knowledge-fixture.js';
import { logRecorder, startApp } from '../support/start-app.js';
import { anyText, fuzzOptions, fuzzTimeout, timed, hangBound } from './fuzz-options.js';

const TG_SECRET = 'fuzz-tg-secret';
const SLACK_SECRET = 'fuzz-slack-secret';
const VICTIM_CHAT = 4242;
const VICTIM_CONVERSATION = 'victim-conversation-0001';
const ERROR = 50;

/** Any JSON value, for the field a hostile sender gets wrong. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', 0, -1, 1e308, true, [], {}, '\u0000', 'x'.repeat(5000)),
);
const maybe = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: junk });

describe('fuzz: HTTP entry points', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let tg: FakeTelegram;
  let slack: FakeSlack;
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };
  const logs = logRecorder();
  let victimBefore: unknown;

  /** Everything stored about the person who is never part of the fuzzing. */
  const victimData = async () => {
    const q = async (sql: string, params: unknown[]) => (await app.rt.db.query(sql, params)).rows;
    const conversations = [`web:${VICTIM_CONVERSATION}`, `telegram:${VICTIM_CHAT}`];
    return {
      messages: await q(
        'SELECT conversation_id, role, content, lang FROM messages WHERE conversation_id = ANY($1) ORDER BY id',
        [conversations],
      ),
      answers: await q('SELECT id, question, answer, lang FROM answers WHERE conversation_id = ANY($1) ORDER BY id', [
        conversations,
      ]),
      prefs: await q('SELECT channel, user_id, lang FROM user_prefs WHERE user_id = $1', [String(VICTIM_CHAT)]),
      feedback: await q(
        'SELECT answer_id, rating FROM feedback WHERE answer_id IN (SELECT id FROM answers WHERE conversation_id = ANY($1))',
        [conversations],
      ),
    };
  };

  beforeAll(async () => {
    tg = await startFakeTelegram();
    slack = await startFakeSlack();
    knowledge = await makeKnowledgeDir({ binaries: false });
    data = tempDir('fuzz-http');
    app = await startApp(
      {
        KNOWLEDGE_DIR: knowledge.path,
        DATA_DIR: data.path,
        LOG_LEVEL: 'warn',
        HTTP_REQUEST_TIMEOUT_MS: '3000',
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://advisor.example.org/telegram/webhook',
        TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-fuzz',
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        SLACK_API_URL: slack.apiUrl,
        SLACK_STAFF_USERS: 'U_STAFF,U_LAW',
        SLACK_LEGAL_USERS: 'U_LAW',
      },
      { logTo: logs.stream },
    );
    // The person whose data must come through untouched: a web conversation and a Telegram chat
    // with a chosen language, an answer and a 👍.
    const web = await fetch(`${app.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Кто может быть заявителем для EAC?', conversationId: VICTIM_CONVERSATION }),
    });
    expect(web.status).toBe(200);
    const webhook = (u: unknown) =>
      fetch(`${app.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
        body: JSON.stringify(u),
      });
    await webhook(callbackUpdate('lang:zh', { userId: VICTIM_CHAT }));
    await webhook(textUpdate('Что означает знак EAC?', { userId: VICTIM_CHAT }));
    const answer = await tg.waitFor(
      (c) =>
        c.method === 'sendMessage' && c.payload.chat_id === VICTIM_CHAT && JSON.stringify(c.payload).includes('fb:'),
    );
    const fb = JSON.stringify(answer.payload.reply_markup).match(/fb:u:\d+/)![0];
    await webhook(callbackUpdate(fb, { userId: VICTIM_CHAT }));
    victimBefore = await victimData();
    expect((victimBefore as { feedback: unknown[] }).feedback).toHaveLength(1);
  }, fuzzTimeout(120_000));

  afterAll(async () => {
    await app?.stop();
    await tg?.close();
    await slack?.close();
    knowledge?.remove();
    data?.remove();
  });

  /** Runs one request and checks what every entry point owes: an answer, soon, and not a 5xx. */
  async function within(
    run: () => Promise<Response>,
    boundMs: number,
  ): Promise<{ status: number; body: string; errors: string[] }> {
    const mark = logs.lines.length;
    const { value: res, ms } = await timed(async () => {
      const r = await run();
      return { status: r.status, body: await r.text() };
    });
    expect(ms).toBeLessThan(hangBound(boundMs));
    expect(res.status).toBeLessThan(500);
    // Handlers that finish after the answer (Slack acknowledges first) get a moment to fail.
    await new Promise((r) => setTimeout(r, 30));
    const errors = logs.lines
      .slice(mark)
      .filter((l) => l.level >= ERROR)
      .map((l) => `${l.msg}: ${JSON.stringify(l)}`);
    return { ...res, errors };
  }

  it(
    'POST /api/ask: any body, any content type: 2xx/4xx within seconds, no error logged',
    async () => {
      const heapBefore = process.memoryUsage().heapUsed;
      const question = fc.record(
        {
          question: maybe(anyText(600)),
          lang: maybe(fc.constantFrom('zh', 'ru', 'en', 'de', '')),
          conversationId: maybe(fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/).filter((id) => id !== VICTIM_CONVERSATION)),
        },
        { requiredKeys: [] },
      );
      const body = fc.oneof(
        question.map((q) => JSON.stringify(q)),
        fc.jsonValue().map((v) => JSON.stringify(v)),
        anyText(400),
        fc.constant(`{"question": "${'认证'.repeat(3000)}"}`),
      );
      const type = fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'APPLICATION/JSON',
        'text/plain',
        'application/x-www-form-urlencoded',
        '',
        'multipart/form-data; boundary=x',
      );
      await fc.assert(
        fc.asyncProperty(body, type, fc.boolean(), async (b, t, sse) => {
          const r = await within(
            () =>
              fetch(`${app.url}/api/ask`, {
                method: 'POST',
                headers: { ...(t ? { 'content-type': t } : {}), ...(sse ? { accept: 'text/event-stream' } : {}) },
                body: b,
              }),
            10_000,
          );
          expect(r.errors).toEqual([]);
          if (r.status === 200 && !sse) expect(typeof JSON.parse(r.body).answer).toBe('string');
          if (r.status === 200 && sse) expect(r.body).toContain('event: done');
          if (t.split(';')[0]!.trim().toLowerCase() !== 'application/json') expect(r.status).toBe(415);
        }),
        fuzzOptions('api ask', 150),
      );
      // Memory that comes back: a fuzz run must not leave hundreds of megabytes behind.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(300 * 1024 * 1024);
    },
    fuzzTimeout(600_000),
  );

  const user = fc.record({
    id: fc.integer({ min: 1, max: 9_999_999 }).filter((id) => id !== VICTIM_CHAT),
    is_bot: maybe(fc.boolean()),
    first_name: maybe(anyText(20)),
    language_code: maybe(fc.constantFrom('ru', 'zh', 'en', 'de', '')),
  });
  const chat = (id: number) =>
    fc.record({
      id: maybe(fc.constant(id)),
      type: maybe(fc.constantFrom('private', 'group', 'supergroup', 'channel')),
    });
  const text = fc.oneof(
    anyText(300),
    fc.constantFrom(
      '/start',
      '/help',
      '/lang',
      '/privacy',
      '/forget',
      '/lawyer',
      '/ask',
      '/credit',
      '/route',
      '/unknown',
    ),
    fc
      .tuple(fc.constantFrom('/ask ', '/credit ', '/route ', '/start@sco_advisor_bot '), anyText(80))
      .map(([a, b]) => a + b),
    fc.constantFrom('/route Qingdao Almaty', '/route 清岛 塔什干 reefer', '/credit Almaty Example KZ'),
  );
  const entity = fc.record({
    type: maybe(fc.constantFrom('bot_command', 'mention', 'url', 'bold')),
    offset: maybe(fc.integer({ min: -5, max: 400 })),
    length: maybe(fc.integer({ min: -5, max: 400 })),
  });
  const message = user.chain((from) =>
    fc.record(
      {
        message_id: maybe(fc.nat()),
        date: maybe(fc.nat()),
        chat: maybe(chat(from.id)),
        from: maybe(fc.constant(from)),
        text: maybe(text),
        caption: maybe(anyText(100)),
        entities: maybe(fc.array(entity, { maxLength: 3 })),
        message_thread_id: maybe(fc.nat()),
        reply_to_message: maybe(fc.record({ message_id: maybe(fc.nat()), from: maybe(user) })),
      },
      { requiredKeys: ['message_id', 'chat'] },
    ),
  );
  const callbackData = fc.oneof(
    fc.constantFrom(
      'lang:ru',
      'lang:xx',
      'fb:u:1',
      'fb:d:99999999999',
      'src:1',
      'fg:y',
      'fg:n',
      'law:1',
      'esc:y:1',
      'rate:1:5',
    ),
    anyText(64),
  );
  const update = fc.oneof(
    fc.record({ update_id: maybe(fc.nat()), message: message }, { requiredKeys: ['update_id'] }),
    fc.record({ update_id: maybe(fc.nat()), edited_message: message }, { requiredKeys: ['update_id'] }),
    user.chain((from) =>
      fc.record(
        {
          update_id: maybe(fc.nat()),
          callback_query: fc.record(
            {
              id: maybe(fc.string()),
              from: maybe(fc.constant(from)),
              chat_instance: maybe(fc.string()),
              data: maybe(callbackData),
              message: maybe(fc.record({ message_id: maybe(fc.nat()), date: fc.nat(), chat: chat(from.id) })),
            },
            { requiredKeys: ['id', 'from'] },
          ),
        },
        { requiredKeys: ['update_id'] },
      ),
    ),
    fc.record({ update_id: fc.nat(), my_chat_member: junk, inline_query: junk }, { requiredKeys: ['update_id'] }),
    fc.constantFrom(photoUpdate('caption'), photoUpdate()),
  );

  it(
    'POST /telegram/webhook: any update: 200/400/401/413/415 within seconds, no error logged',
    async () => {
      const body = fc.oneof(
        { weight: 8, arbitrary: update.map((u) => JSON.stringify(u)) },
        { weight: 1, arbitrary: anyText(300) },
        { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
      );
      // The header as an HTTP client can send it: right, wrong, or absent.
      const secret = fc.oneof(
        { weight: 9, arbitrary: fc.constant<string | undefined>(TG_SECRET) },
        { weight: 1, arbitrary: fc.stringMatching(/^[\x21-\x7e]{0,30}$/) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
      await fc.assert(
        fc.asyncProperty(body, secret, async (b, s) => {
          const header: Record<string, string> = s === undefined ? {} : { 'x-telegram-bot-api-secret-token': s };
          const r = await within(
            () =>
              fetch(`${app.url}/telegram/webhook`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', ...header },
                body: b,
              }),
            20_000,
          );
          expect([200, 400, 401, 413, 415]).toContain(r.status);
          expect(r.errors).toEqual([]);
        }),
        fuzzOptions('telegram webhook', 200),
      );
    },
    fuzzTimeout(600_000),
  );

  const slackUser = fc.oneof(fc.constantFrom('U_STAFF', 'U_LAW'), fc.stringMatching(/^U[A-Z0-9]{1,10}$/));
  const slackEvent = fc.oneof(
    fc.tuple(anyText(200), slackUser).map(([t, u]) => mentionEvent(t, { user: u })),
    fc
      .record(
        {
          type: fc.constantFrom('app_mention', 'message', 'app_home_opened', 'reaction_added'),
          user: maybe(slackUser),
          text: maybe(anyText(200)),
          channel: maybe(fc.constantFrom('C1', 'D1')),
          channel_type: maybe(fc.constantFrom('im', 'channel')),
          ts: maybe(fc.constantFrom('1700000000.000100', '1')),
          thread_ts: maybe(fc.constantFrom('1700000000.000100')),
          tab: maybe(fc.constantFrom('home', 'messages')),
          subtype: maybe(fc.constantFrom('bot_message', 'message_changed')),
        },
        { requiredKeys: ['type'] },
      )
      .map((event) => ({ ...mentionEvent('x'), event })),
  );
  const actionIds = fc.constantFrom(
    'feedback_up',
    'feedback_down',
    'escalate_legal',
    'escalate_confirm',
    'escalate_cancel',
    'ticket_claim',
    'ticket_release',
    'ticket_close',
    'ticket_reopen',
    'ticket_reply',
    'credit_pick_0',
    'credit_pick_9',
    'unknown_action',
  );
  const slackBody = fc.oneof(
    slackEvent.map((e) => ({ body: JSON.stringify(e), type: 'application/json' })),
    fc
      .tuple(
        actionIds,
        fc.oneof(fc.constantFrom('1', '0', '-1', '99999999999999999999', '1:0', 'x:y', ''), anyText(40)),
        slackUser,
      )
      .map(([id, value, u]) => {
        const payload = { ...blockAction(id, value, { user: u }), response_url: slack.responseUrl('fuzz') };
        return {
          body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
          type: 'application/x-www-form-urlencoded',
        };
      }),
    fc
      .tuple(
        fc.oneof(fc.constantFrom('', 'help', 'ask', 'credit', 'route', 'tickets'), anyText(30)),
        anyText(120),
        slackUser,
      )
      .map(([sub, rest, u]) => ({
        body: slashCommand(`${sub} ${rest}`, slack.responseUrl('fuzz-cmd'), { user: u }),
        type: 'application/x-www-form-urlencoded',
      })),
    anyText(300).map((b) => ({ body: b, type: 'application/json' })),
  );

  it(
    'POST /slack/events: any signed payload: 2xx/4xx at once, no handler failure logged',
    async () => {
      const start = logs.lines.length;
      await fc.assert(
        fc.asyncProperty(slackBody, fc.integer({ min: 0, max: 19 }), async ({ body, type }, skewPick) => {
          // Mostly now; sometimes minutes off either way, which must be refused (401).
          const skew = skewPick === 0 ? 900 : skewPick === 1 ? -900 : 0;
          const r = await within(
            () =>
              fetch(`${app.url}/slack/events`, {
                method: 'POST',
                headers: {
                  'content-type': type,
                  ...slackSignature(body, SLACK_SECRET, Math.floor(Date.now() / 1000) + skew),
                },
                body,
              }),
            5000,
          );
          if (skew) expect(r.status).toBe(401);
          // A slash command or a click may take the handler a little longer than the answer.
          await new Promise((res) => setTimeout(res, 80));
          const late = logs.lines
            .slice(start)
            .filter((l) => l.level >= ERROR)
            .map((l) => JSON.stringify(l));
          expect([...r.errors, ...late]).toEqual([]);
        }),
        fuzzOptions('slack events', 200),
      );
    },
    fuzzTimeout(600_000),
  );

  it('left the data of someone who was never part of it unchanged', async () => {
    await new Promise((r) => setTimeout(r, 500));
    expect(await victimData()).toEqual(victimBefore);
  });
});
