import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, createHttpServer, listen, Router } from '../../http-kit/http-server.js';
import { createLogger } from '../../observability/logger.js';
import { logRecorder } from '../../../test/support/start-app.js';
import { guardedSlackRoute, SLACK_BODY_LIMIT } from './slack-http-guard.js';

describe('guardedSlackRoute', () => {
  const NOW = 1_800_000_000_000;
  const seen: Array<{ raw: string | undefined }> = [];
  const logs = logRecorder();
  let url: string;
  let server: ReturnType<typeof createHttpServer>;
  beforeAll(async () => {
    const listener = (req: IncomingMessage, res: ServerResponse) => {
      seen.push({ raw: (req as IncomingMessage & { rawBody?: Buffer }).rawBody?.toString('utf8') });
      res.writeHead(200).end('bolt');
    };
    server = createHttpServer(
      new Router().on(
        'POST',
        '/slack/events',
        guardedSlackRoute(listener, () => NOW),
      ),
      createLogger('warn', logs.stream),
    );
    url = (await listen(server, 0, '127.0.0.1')).url;
  });
  afterAll(async () => {
    await closeServer(server);
  });

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${url}/slack/events`, { method: 'POST', headers, body }).then(async (r) => ({
      status: r.status,
      text: await r.text(),
    }));
  const signed = (ts: number | string, type = 'application/json') => ({
    'content-type': type,
    'x-slack-signature': 'v0=abc',
    'x-slack-request-timestamp': String(ts),
  });
  const sec = NOW / 1000;

  it('hands Bolt the body it read, for the two media types Slack sends, within five minutes either way', async () => {
    const event = '{"type":"event_callback","event":{"type":"app_mention"}}';
    const command = 'command=%2Fadvisor&text=hi';
    for (const [ts, type, body] of [
      [sec, 'application/json', event],
      [sec - 300, 'application/x-www-form-urlencoded', command],
      [sec + 300, 'application/json; charset=utf-8', event],
      [
        sec,
        'application/x-www-form-urlencoded',
        `payload=${encodeURIComponent('{"type":"block_actions","actions":[]}')}`,
      ],
      [sec, 'application/json', '{not json'],
    ] as const) {
      seen.length = 0;
      expect(await post(body, signed(ts, type))).toEqual({ status: 200, text: 'bolt' });
      expect(seen).toEqual([{ raw: body }]);
    }
  });

  it('answers a signed request Bolt would not recognise itself (Bolt never acknowledges one), with a warning', async () => {
    for (const [type, body] of [
      ['application/json', '{}'],
      ['application/json', '{"type":"app_rate_limited"}'],
      ['application/json', 'null'],
      ['application/json', '[1]'],
      ['application/json', '""'],
      ['application/x-www-form-urlencoded', 'foo=bar'],
      ['application/x-www-form-urlencoded', `payload=${encodeURIComponent('{"type":"surprise"}')}`],
    ] as const) {
      const mark = logs.lines.length;
      seen.length = 0;
      expect(await post(body, signed(sec, type)), body).toEqual({ status: 200, text: '' });
      expect(seen).toEqual([]);
      expect(logs.lines.slice(mark)).toMatchObject([{ level: 40, msg: 'slack request of an unknown kind dropped' }]);
    }
  });

  it('refuses a timestamp more than five minutes off, missing or not a number, with a warning', async () => {
    // A number with anything before or after it is not a timestamp (Number() would make it NaN,
    // and NaN is never "more than five minutes off").
    const refused: Array<[number | string, string]> = [
      [sec - 301, 'request timestamp out of range'],
      [sec + 301, 'request timestamp out of range'],
      ['-5', 'no request timestamp'],
      ['1e9', 'no request timestamp'],
      ...['', 'abc', '1234567890123', `x${sec}`, `${sec}x`].map((ts): [string, string] => [ts, 'no request timestamp']),
    ];
    for (const [ts, problem] of refused) {
      const mark = logs.lines.length;
      seen.length = 0;
      const r = await post('{}', signed(ts));
      expect(r.status, String(ts)).toBe(401);
      expect(seen).toEqual([]);
      expect(logs.lines.slice(mark), String(ts)).toMatchObject([
        { level: 40, msg: 'slack request refused', status: 401, problem },
      ]);
    }
    const mark = logs.lines.length;
    const r = await post('{}', { 'content-type': 'application/json', 'x-slack-signature': 'v0=abc' });
    expect(r.status).toBe(401);
    expect(logs.lines.slice(mark)).toMatchObject([{ problem: 'no request timestamp' }]);
  });

  it('lets an unsigned request through to Bolt (its ssl_check), any timestamp', async () => {
    seen.length = 0;
    const r = await post('ssl_check=1', {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': '1',
    });
    expect(r.status).toBe(200);
    expect(seen).toEqual([{ raw: 'ssl_check=1' }]);
  });

  it('refuses another media type (415) and a body over the limit (413) with a warning', async () => {
    seen.length = 0;
    expect((await post('{}', signed(sec, 'text/plain'))).status).toBe(415);
    expect((await post('x'.repeat(SLACK_BODY_LIMIT + 1), signed(sec))).status).toBe(413);
    expect(await post(`{"event":{},"x":"${'x'.repeat(SLACK_BODY_LIMIT - 20)}"}`, signed(sec))).toMatchObject({
      status: 200,
      text: 'bolt',
    });
    expect(seen).toHaveLength(1);
    expect(logs.lines.filter((l) => l.status === 415 || l.status === 413).map((l) => l.level)).toEqual([40, 40]);
  });
});
