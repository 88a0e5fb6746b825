import { describe, expect, it } from 'vitest';
import { createLogger } from '../../observability/logger.js';
import { blockAction, mentionEvent, threadMessage } from '../../../test/support/fake-slack.js';
import { logRecorder } from '../../../test/support/start-app.js';
import { dropMalformedPayloads, malformedSlackPayload } from './slack-payload-guard.js';

const mention = mentionEvent('hello');
const command = { command: '/advisor', text: 'help', user_id: 'U1', channel_id: 'C1', trigger_id: 't1' };

describe('malformedSlackPayload', () => {
  it('accepts what Slack sends, and events and payloads it has no schema for', () => {
    for (const body of [
      mention,
      threadMessage('x', { user: 'U1', channel: 'C1', threadTs: '1.2' }),
      { ...mention, event: { type: 'app_home_opened', user: 'U1', tab: 'home' } },
      { ...mention, event: { type: 'reaction_added', user: 5 } },
      blockAction('feedback_up', '1'),
      command,
      { type: 'url_verification', challenge: 'x' },
      { type: 'view_submission' },
    ])
      expect(malformedSlackPayload(body), JSON.stringify(body)).toBeUndefined();
  });

  it('names what is wrong', () => {
    const { user: _u, ...noUser } = mention.event;
    const cases: Array<[unknown, RegExp]> = [
      [null, /^not an object$/],
      ['x', /^not an object$/],
      [{ type: 'event_callback' }, /^event: no type$/],
      [{ type: 'event_callback', event: null }, /^event: no type$/],
      [{ type: 'event_callback', event: { type: 5 } }, /^event: no type$/],
      [{ ...mention, event: noUser }, /^event app_mention: user /],
      [{ ...mention, event: { ...mention.event, text: 5 } }, /^event app_mention: text /],
      [{ ...mention, event: { ...mention.event, thread_ts: 1 } }, /^event app_mention: thread_ts /],
      [{ ...mention, event: { type: 'message', channel: 'C1' } }, /^event message: ts /],
      [{ ...mention, event: { type: 'message', channel: 'C1', ts: '1', user: null } }, /^event message: user /],
      [{ ...mention, event: { type: 'app_home_opened' } }, /^event app_home_opened: user /],
      [{ ...blockAction('a', '1'), user: {} }, /^block_actions: user\.id /],
      [{ ...blockAction('a', '1'), actions: [] }, /^block_actions: actions /],
      [{ ...blockAction('a', '1'), actions: [{ value: '1' }] }, /^block_actions: actions\.0\.action_id /],
      [{ ...blockAction('a', '1'), channel: { id: 5 } }, /^block_actions: channel\.id /],
      [{ ...blockAction('a', '1'), message: { ts: 1 } }, /^block_actions: message\.ts /],
      [{ ...command, text: undefined }, /^command: text /],
      [{ ...command, user_id: 5 }, /^command: user_id /],
      // Every problem, each named, separated.
      [{ ...command, text: 5, user_id: 5 }, /^command: text [^;]+; user_id /],
    ];
    for (const [body, problem] of cases) expect(malformedSlackPayload(body), JSON.stringify(body)).toMatch(problem);
  });
});

describe('dropMalformedPayloads', () => {
  async function through(body: unknown, withAck: boolean) {
    const logs = logRecorder();
    const steps: string[] = [];
    await dropMalformedPayloads(createLogger('warn', logs.stream))({
      body,
      next: async () => void steps.push('next'),
      ...(withAck ? { ack: async () => void steps.push('ack') } : {}),
    } as never);
    return { steps, logs: logs.lines };
  }

  it('passes a good payload on, silently', async () => {
    expect(await through(mention, false)).toEqual({ steps: ['next'], logs: [] });
  });

  it('acknowledges (when it can) and drops a malformed one, with a warning naming the problem', async () => {
    expect(await through({ ...command, text: 5 }, true)).toMatchObject({
      steps: ['ack'],
      logs: [{ level: 40, msg: 'slack payload dropped', problem: expect.stringMatching(/^command: text/) }],
    });
    expect((await through({ type: 'event_callback' }, false)).steps).toEqual([]);
  });
});
