// Hostile input against the real server (runtime, router, Telegram webhook, Slack HTTP mode), each
// case one defect of issue #19 that failed before its fix: a chunked body past the webhook's limit,
// malformed Telegram updates and Slack payloads (400/200 and a warn line, never a 500 or an error
// line), a Slack timestamp from the future, a Content-Length larger than the body, a JSON body sent
// as text/plain, a path that is not a URL, an enormous question.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkQuestion } from '../src/assistant/question.js';
import { blockAction, mentionEvent, slackSignature, startFakeSlack, type FakeSlack } from './support/fake-slack.js';
import { startFakeTelegram, textUpdate, type FakeTelegram } from './support/fake-telegram.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { logRecorder, startApp, type LogLine } from './support/start-app.js';

const TG_SECRET = 'hostile-tg-secret';
const SLACK_SECRET = 'hostile-slack-secret';
const WARN = 40;
const ERROR = 50;

/** Sends raw bytes and returns whatever the server answers (or '' when it closes without a word). */
function raw(url: string, bytes: string, waitMs: number): Promise<{ text: string; ms: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let text = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, ms: Date.now() - started });
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (d) => (text += d.toString('utf8')));
    socket.on('close', done);
    socket.on('error', done);
  });
}

/** A chunked POST (no Content-Length) of `size` bytes; resolves with the status the server gave. */
function chunkedPost(url: string, headers: Record<string, string>, size: number): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err) => resolve(`error: ${err.message}`));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    req.write(
      '{"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": {"id": 9, "type": "private"}, "text": "',
    );
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end('"}}');
    };
    pump();
  });
}

describe('hostile input (issue #19 defects)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let tg: FakeTelegram;
  let slack: FakeSlack;
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };
  const logs = logRecorder();
  const since = (n: number) => logs.lines.slice(n);
  const errorsSince = (n: number) => since(n).filter((l: LogLine) => l.level >= ERROR);

  beforeAll(async () => {
    tg = await startFakeTelegram();
    slack = await startFakeSlack();
    knowledge = await makeKnowledgeDir({ binaries: false });
    data = tempDir('hostile');
    app = await startApp(
      {
        KNOWLEDGE_DIR: knowledge.path,
        DATA_DIR: data.path,
        LOG_LEVEL: 'warn',
        HTTP_REQUEST_TIMEOUT_MS: '1000',
        TELEGRAM_BOT_TOKEN: tg.token,
        TELEGRAM_API_ROOT: tg.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://advisor.example.org/telegram/webhook',
        TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-hostile',
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        SLACK_API_URL: slack.apiUrl,
        SLACK_STAFF_USERS: 'U_STAFF',
      },
      { logTo: logs.stream },
    );
  }, 90_000);
  afterAll(async () => {
    await app?.stop();
    await tg?.close();
    await slack?.close();
    knowledge?.remove();
    data?.remove();
  });

  const webhook = (body: string, type = 'application/json') =>
    fetch(`${app.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': type, 'x-telegram-bot-api-secret-token': TG_SECRET },
      body,
    });
  const slackPost = (body: string, ts?: number) =>
    fetch(`${app.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...slackSignature(body, SLACK_SECRET, ts) },
      body,
    });

  it('refuses a chunked Telegram update past the limit with 413 instead of buffering it', async () => {
    const status = await chunkedPost(
      `${app.url}/telegram/webhook`,
      { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TG_SECRET },
      3 * 1024 * 1024,
    );
    expect(status).toBe(413);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(tg.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === 9)).toHaveLength(0);
  });

  it('answers malformed Telegram updates with 400 or 200 and a warn line, never a 500 or an error', async () => {
    const before = logs.lines.length;
    const cases: Array<[string, string, number]> = [
      ['invalid JSON', '{"update_id": 5, "message": ', 400],
      ['an empty body', '', 400],
      ['null', 'null', 400],
      ['an array', '[1, 2]', 400],
      [
        'a message without a chat',
        JSON.stringify({ update_id: 7001, message: { message_id: 1, date: 0, text: 'hi' } }),
        200,
      ],
      [
        'a numeric text',
        JSON.stringify({ ...textUpdate('x', { userId: 7002 }), message: { ...textUpdate('x').message, text: 42 } }),
        200,
      ],
      [
        'a callback without a sender',
        JSON.stringify({ update_id: 7003, callback_query: { id: 'c', chat_instance: 'i', data: 'fg:y' } }),
        200,
      ],
    ];
    for (const [name, body, status] of cases) {
      const r = await webhook(body);
      expect(r.status, name).toBe(status);
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(errorsSince(before)).toEqual([]);
    expect(since(before).filter((l) => l.level === WARN).length).toBeGreaterThanOrEqual(cases.length);
  });

  it('refuses a JSON body sent as text/plain with 415', async () => {
    const ask = await fetch(`${app.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ question: 'EAC mark' }),
    });
    expect(ask.status).toBe(415);
    expect(((await ask.json()) as { error: string }).error).toMatch(/content type/i);
    expect((await webhook(JSON.stringify(textUpdate('/help')), 'text/plain')).status).toBe(415);
  });

  it('handles a signed Slack mention with no user or text without a handler failure', async () => {
    const before = logs.lines.length;
    const ev = mentionEvent('x');
    const { user: _u, text: _t, ...bare } = ev.event;
    const r = await slackPost(JSON.stringify({ ...ev, event: bare }));
    expect(r.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(errorsSince(before)).toEqual([]);
    expect(since(before).some((l) => l.level === WARN)).toBe(true);
  });

  it('refuses a signed event Bolt cannot read ("user": null) with 400 and a warning, not a 500 (found by fuzzing)', async () => {
    const before = logs.lines.length;
    const ev = mentionEvent('x');
    const r = await slackPost(JSON.stringify({ ...ev, event: { type: 'reaction_added', user: null } }));
    expect(r.status).toBe(400);
    expect(errorsSince(before)).toEqual([]);
    expect(since(before).some((l) => l.level === WARN)).toBe(true);
  });

  it('acknowledges a button it has no handler for, and one whose value is not an id (found by fuzzing)', async () => {
    const before = logs.lines.length;
    const click = (actionId: string, value: string) => {
      const payload = { ...blockAction(actionId, value, { user: 'U_STAFF' }), response_url: slack.responseUrl('x') };
      const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return fetch(`${app.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(body, SLACK_SECRET) },
        body,
      });
    };
    const started = Date.now();
    const statuses = await Promise.all([
      click('an_old_button', '1'),
      click('feedback_up', 'not-a-number'),
      click('credit_pick_0', 'x:y'),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(Date.now() - started).toBeLessThan(2500);
    // Bolt logs an unacknowledged event after 3 s; a handler's failure as it happens.
    await new Promise((r) => setTimeout(r, 3500));
    expect(errorsSince(before)).toEqual([]);
    await slack.waitFor(
      (c) =>
        c.method === 'chat.postEphemeral' &&
        c.args.user === 'U_STAFF' &&
        String(c.args.text) === 'This answer is no longer stored.',
    );
  });

  it('refuses Slack requests more than 5 minutes off, in the future as in the past', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const ts of [now + 600, now - 600]) {
      const ev = mentionEvent('Кто может быть заявителем EAC?', { eventId: `EvSkew${ts}` });
      const r = await slackPost(JSON.stringify(ev), ts);
      expect(r.status, `timestamp ${ts - now} s`).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });

  it('answers a request whose Content-Length is larger than its body (408) instead of hanging', async () => {
    const { text, ms } = await raw(
      app.url,
      'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"question"',
      8000,
    );
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(8000);
  });

  it('answers a path that is not a URL instead of crashing', async () => {
    const { text } = await raw(app.url, 'GET // HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 3000);
    expect(text).toMatch(/^HTTP\/1\.1 404/);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('checks a question’s length before any per-character work', () => {
    // 100 million characters: spreading them into an array (the old check) takes seconds and
    // gigabytes; the bound is checked first now.
    const huge = Buffer.alloc(100_000_000, 'a').toString('latin1'); // flat, as a request body is
    const started = performance.now();
    const r = checkQuestion(huge, { maxChars: 4000 });
    const ms = performance.now() - started;
    expect(r).toMatchObject({ ok: false, reason: 'too-long' });
    expect(ms).toBeLessThan(1000);
  });
});
