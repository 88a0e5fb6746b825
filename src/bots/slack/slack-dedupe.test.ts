import { describe, expect, it } from 'vitest';
import { onceBySlackId, slackDeliveryId } from './slack-dedupe.js';

describe('slackDeliveryId', () => {
  it('is the event id, else the trigger id of a click or command, else none', () => {
    expect(slackDeliveryId({ event_id: 'Ev1', trigger_id: 't' })).toBe('Ev1');
    expect(slackDeliveryId({ trigger_id: 'tr9' })).toBe('trigger:tr9');
    expect(slackDeliveryId({ event_id: '', trigger_id: 'tr9' })).toBe('trigger:tr9');
    for (const body of [{}, { event_id: 5 }, { trigger_id: '' }, { trigger_id: ['x'] }, null, undefined, 'x'])
      expect(slackDeliveryId(body), JSON.stringify(body)).toBeUndefined();
  });
});

describe('onceBySlackId', () => {
  function setup() {
    const seen = new Set<string>();
    const claims: string[] = [];
    const ledger = {
      async claim(source: 'telegram' | 'slack', id: string | number) {
        claims.push(`${source}:${id}`);
        if (seen.has(String(id))) return false;
        seen.add(String(id));
        return true;
      },
    };
    return { mw: onceBySlackId(ledger), claims };
  }
  const call = async (mw: ReturnType<typeof onceBySlackId>, body: unknown, withAck = true) => {
    const log: string[] = [];
    await mw({
      body,
      next: async () => void log.push('next'),
      ...(withAck ? { ack: async () => void log.push('ack') } : {}),
    } as never);
    return log;
  };

  it('passes the first delivery on and acknowledges and drops a repeat', async () => {
    const { mw, claims } = setup();
    expect(await call(mw, { event_id: 'Ev1' }, false)).toEqual(['next']);
    expect(await call(mw, { event_id: 'Ev1' }, false)).toEqual([]);
    expect(await call(mw, { trigger_id: 'tr1' })).toEqual(['next']);
    expect(await call(mw, { trigger_id: 'tr1' })).toEqual(['ack']);
    expect(claims).toEqual(['slack:Ev1', 'slack:Ev1', 'slack:trigger:tr1', 'slack:trigger:tr1']);
  });

  it('passes on what carries no id without claiming anything', async () => {
    const { mw, claims } = setup();
    expect(await call(mw, { type: 'url_verification' })).toEqual(['next']);
    expect(claims).toEqual([]);
  });
});
