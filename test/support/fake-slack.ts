// A fake Slack Web API on 127.0.0.1 (POST /api/<method>, form or JSON bodies, {"ok": true, …})
// plus a response_url endpoint; and helpers that sign requests the way Slack does.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitForCall } from './wait-for-call.js';

export interface SlackCall {
  method: string;
  args: Record<string, any>;
}

export interface FakeSlack {
  apiUrl: string;
  responseUrl: (id: string) => string;
  calls: SlackCall[];
  groupMembers: Map<string, string[]>;
  throttleNext(method: string, seconds: number): void;
  /** While set, every Web API call answers 503 (an outage). */
  down: boolean;
  /** While set, every Web API call answers this status (429 with Retry-After: 60, or a 5xx). */
  failWith: number | undefined;
  /** The next `times` chat.postMessage calls are posted (recorded in `posted`), then the connection
   * is dropped without an answer ('drop') or held open until the fake closes ('hang'): Slack has the
   * message, the caller never learns it. */
  afterPost(mode: 'drop' | 'hang', times?: number): void;
  /** Messages successfully posted (with metadata), as Slack would keep them. */
  posted: Array<{
    channel: string;
    ts: string;
    thread_ts?: string;
    text: string;
    metadata?: { event_type: string; event_payload: Record<string, unknown> };
  }>;
  waitFor(pred: (c: SlackCall) => boolean, timeoutMs?: number): Promise<SlackCall>;
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const groupMembers = new Map<string, string[]>();
  const throttles = new Map<string, number>();
  const state = { down: false, failWith: undefined as number | undefined };
  const afterPost: Array<'drop' | 'hang'> = [];
  const posted: FakeSlack['posted'] = [];
  const uploads = new Map<string, number>();
  let port = 0;
  const channelId = (c: string) =>
    c.startsWith('#')
      ? `C${c
          .slice(1)
          .replace(/[^a-z0-9]/gi, '')
          .toUpperCase()}`
      : c;
  let tsCounter = 1_700_000_000_000_100;
  const server = createServer(async (req, res) => {
    const raw = await read(req);
    const send = (body: unknown, status = 200, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const upload = /^\/upload\/(.+)$/.exec(req.url ?? '');
    if (upload) {
      uploads.set(upload[1]!, Buffer.byteLength(raw, 'latin1'));
      calls.push({
        method: 'upload',
        args: { id: upload[1], bytes: raw.length, png: raw.startsWith('\u0089PNG') || raw.includes('PNG') },
      });
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('OK');
    }
    const resp = /^\/response\/(.+)$/.exec(req.url ?? '');
    if (resp) {
      calls.push({ method: 'response_url', args: { id: resp[1], ...JSON.parse(raw || '{}') } });
      return send({ ok: true });
    }
    const m = /^\/api\/([\w.]+)$/.exec(req.url ?? '');
    if (!m) return send({ ok: false, error: 'unknown_method' }, 404);
    const method = m[1]!;
    const args = parseBody(raw, String(req.headers['content-type'] ?? ''));
    calls.push({ method, args });
    if (state.down) return send({ ok: false, error: 'service_unavailable' }, 503);
    if (state.failWith === 429) return send({ ok: false, error: 'ratelimited' }, 429, { 'retry-after': '60' });
    if (state.failWith) return send({ ok: false, error: 'fatal_error' }, state.failWith);
    const wait = throttles.get(method);
    if (wait !== undefined) {
      throttles.delete(method);
      return send({ ok: false, error: 'ratelimited' }, 429, { 'retry-after': String(wait) });
    }
    const ts = () => `${String(++tsCounter).slice(0, 10)}.${String(tsCounter).slice(10)}`;
    switch (method) {
      case 'auth.test':
        return send({
          ok: true,
          url: 'https://zone.slack.com/',
          team: 'Zone',
          user: 'advisor',
          team_id: 'T1',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        });
      case 'chat.postMessage': {
        const msg = {
          channel: channelId(args.channel),
          ts: ts(),
          text: args.text,
          ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
          ...(args.metadata ? { metadata: args.metadata } : {}),
        };
        posted.push(msg);
        const then = afterPost.shift();
        if (then === 'drop') return void req.socket.destroy();
        if (then === 'hang') return;
        return send({ ok: true, channel: msg.channel, ts: msg.ts, message: { text: args.text } });
      }
      case 'conversations.history':
        return send({
          ok: true,
          messages: posted.filter((m) => m.channel === channelId(args.channel) && !m.thread_ts).reverse(),
        });
      case 'conversations.replies':
        return send({
          ok: true,
          messages: posted.filter(
            (m) => m.channel === channelId(args.channel) && (m.thread_ts === args.ts || m.ts === args.ts),
          ),
        });
      case 'chat.update':
        return send({ ok: true, channel: args.channel, ts: args.ts, text: args.text });
      case 'chat.postEphemeral':
        return send({ ok: true, message_ts: ts() });
      case 'files.getUploadURLExternal': {
        const id = `F${++tsCounter}`;
        return send({ ok: true, upload_url: `http://127.0.0.1:${port}/upload/${id}`, file_id: id });
      }
      case 'files.completeUploadExternal':
        return send({
          ok: true,
          files: (Array.isArray(args.files) ? args.files : []).map((f: { id: string; title?: string }) => ({
            id: f.id,
            title: f.title,
          })),
        });
      case 'usergroups.users.list':
        return send({ ok: true, users: groupMembers.get(args.usergroup) ?? [] });
      default:
        return send({ ok: true });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: (id) => `http://127.0.0.1:${port}/response/${id}`,
    calls,
    posted,
    get down() {
      return state.down;
    },
    set down(v: boolean) {
      state.down = v;
    },
    get failWith() {
      return state.failWith;
    },
    set failWith(v: number | undefined) {
      state.failWith = v;
    },
    afterPost: (mode, times = 1) => void afterPost.push(...Array<'drop' | 'hang'>(times).fill(mode)),
    groupMembers,
    throttleNext: (method, seconds) => void throttles.set(method, seconds),
    waitFor: (pred, timeoutMs) => waitForCall(calls, pred, timeoutMs),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function parseBody(raw: string, type: string): Record<string, any> {
  if (!raw) return {};
  if (type.includes('json')) return JSON.parse(raw);
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

async function read(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** Headers Slack sends with a request body: v0 HMAC-SHA256 of "v0:<ts>:<body>". */
export function slackSignature(
  body: string,
  secret: string,
  ts = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const sig = createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': `v0=${sig}` };
}

let eventCounter = 0;
export function threadMessage(text: string, opts: { user: string; channel: string; threadTs: string }) {
  const ts = `1700001${String(++eventCounter).padStart(3, '0')}.000300`;
  return {
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `EvMsg${Date.now()}${eventCounter}`,
    event_time: 1,
    event: {
      type: 'message',
      channel_type: 'channel',
      user: opts.user,
      text,
      ts,
      channel: opts.channel,
      thread_ts: opts.threadTs,
      event_ts: ts,
    },
  };
}

export function mentionEvent(
  text: string,
  opts: { user?: string; channel?: string; threadTs?: string; eventId?: string } = {},
) {
  const ts = `1700000${String(++eventCounter).padStart(3, '0')}.000200`;
  return {
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${Date.now()}${eventCounter}`,
    event_time: 1,
    event: {
      type: 'app_mention',
      user: opts.user ?? 'U_STAFF',
      text: `<@UBOT> ${text}`,
      ts,
      channel: opts.channel ?? 'C1',
      event_ts: ts,
      ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
    },
  };
}

export function blockAction(actionId: string, value: string, opts: { user?: string; channel?: string } = {}) {
  return {
    type: 'block_actions',
    team: { id: 'T1' },
    user: { id: opts.user ?? 'U_STAFF', name: 'staff' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `tr${Date.now()}${++eventCounter}`,
    channel: { id: opts.channel ?? 'C1', name: 'trade' },
    container: { type: 'message', message_ts: '1.2', channel_id: opts.channel ?? 'C1' },
    message: { ts: '1.2', text: 'answer' },
    response_url: 'http://127.0.0.1:9/none',
    actions: [{ type: 'button', action_id: actionId, block_id: `answer:${value}`, value, action_ts: '1.3' }],
  };
}

export function slashCommand(text: string, responseUrl: string, opts: { user?: string; channel?: string } = {}) {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: opts.channel ?? 'C1',
    channel_name: 'trade',
    user_id: opts.user ?? 'U_STAFF',
    user_name: 'staff',
    command: '/advisor',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: `tr${Date.now()}${++eventCounter}`,
  }).toString();
}
