import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { NotReadyError, RetryLaterError, type OutboxRow } from '../store/outbox.js';
import { logRecorder } from '../../test/support/start-app.js';
import { OutboxWorker, type OutboxWorkerOptions } from './outbox-worker.js';

/** The outbox table in memory: what was leased, sent and failed, by id. */
function store(rows: OutboxRow[]) {
  const calls: string[] = [];
  const sent = new Map<number, { at: Date; result: unknown }>();
  const failed = new Map<number, { retryAt: Date; error: string }>();
  const leases: Array<{ now: Date; limit: number; leaseMs: number }> = [];
  return {
    calls,
    sent,
    failed,
    leases,
    repo: {
      async claimDue(now: Date, limit: number, leaseMs: number) {
        leases.push({ now, limit, leaseMs });
        calls.push('claim');
        return rows.filter((r) => !sent.has(r.id)).slice(0, limit);
      },
      async markSent(id: number, at: Date, result: unknown) {
        calls.push(`sent ${id}`);
        sent.set(id, { at, result });
      },
      async markFailed(id: number, retryAt: Date, error: string) {
        calls.push(`failed ${id}`);
        failed.set(id, { retryAt, error });
      },
    },
  };
}

const row = (id: number, over: Partial<OutboxRow> = {}): OutboxRow => ({
  id,
  kind: 'slack.post',
  payload: { text: `m${id}` },
  key: `k${id}`,
  attempts: 1,
  ...over,
});
const T0 = new Date('2026-12-01T10:00:00Z');

function worker(s: ReturnType<typeof store>, o: Partial<OutboxWorkerOptions> = {}) {
  const logs = logRecorder();
  const w = new OutboxWorker({
    repo: s.repo,
    senders: { 'slack.post': async (r) => ({ ts: `ts-${r.id}` }) },
    log: createLogger('debug', logs.stream),
    now: () => T0,
    ...o,
  });
  return { w, logs };
}

describe('OutboxWorker.runOnce', () => {
  it('leases due rows (20, 60 s by default), sends each, marks it sent with its result, in order', async () => {
    const s = store([row(1), row(2)]);
    const remembered: unknown[] = [];
    const { w } = worker(s, { onSent: async (r, result) => void remembered.push([r.id, result]) });
    expect(await w.runOnce()).toBe(2);
    expect(s.leases).toEqual([{ now: T0, limit: 20, leaseMs: 60_000 }]);
    expect(s.calls).toEqual(['claim', 'sent 1', 'sent 2']);
    expect(s.sent.get(1)).toEqual({ at: T0, result: { ts: 'ts-1' } });
    expect(remembered).toEqual([
      [1, { ts: 'ts-1' }],
      [2, { ts: 'ts-2' }],
    ]);
  });

  it('uses the batch and lease it is given', async () => {
    const s = store([row(1), row(2), row(3)]);
    const { w } = worker(s, { batch: 2, leaseMs: 5000 });
    expect(await w.runOnce()).toBe(2);
    expect(s.leases[0]).toEqual({ now: T0, limit: 2, leaseMs: 5000 });
  });

  it('backs off exponentially on a failure (2^attempts s, at most 60 s) and logs it without secrets', async () => {
    for (const [attempts, waitMs] of [
      [0, 1000],
      [1, 2000],
      [3, 8000],
      [6, 60_000],
      [9, 60_000],
    ] as const) {
      const s = store([row(7, { attempts })]);
      const { w, logs } = worker(s, {
        senders: {
          'slack.post': async () => {
            throw new Error('boom with xoxb-1234-secret');
          },
        },
      });
      expect(await w.runOnce()).toBe(0);
      expect(s.failed.get(7), String(attempts)).toEqual({
        retryAt: new Date(T0.getTime() + waitMs),
        error: 'boom with xox*-***',
      });
      expect(logs.lines.find((l) => l.msg === 'outbox send failed; will retry')).toMatchObject({
        level: 40,
        outboxId: 7,
        kind: 'slack.post',
        attempts,
        error: 'boom with xox*-***',
      });
    }
  });

  it('waits at least as long as the service asked (429), and as long as its own backoff when that is longer', async () => {
    const later = (ms: number) => async () => {
      throw new RetryLaterError('rate limited', ms);
    };
    const s = store([row(1, { attempts: 1 })]);
    await worker(s, { senders: { 'slack.post': later(60_000) } }).w.runOnce();
    expect(s.failed.get(1)!.retryAt).toEqual(new Date(T0.getTime() + 60_000));
    const t = store([row(1, { attempts: 4 })]);
    await worker(t, { senders: { 'slack.post': later(100) } }).w.runOnce();
    expect(t.failed.get(1)!.retryAt).toEqual(new Date(T0.getTime() + 16_000));
  });

  it('retries a row that is not ready, or has no sender here, quietly', async () => {
    const s = store([row(1), row(2, { kind: 'telegram.send' })]);
    const { w, logs } = worker(s, {
      senders: {
        'slack.post': async () => {
          throw new NotReadyError('thread not posted yet');
        },
      },
    });
    expect(await w.runOnce()).toBe(0);
    expect([...s.failed.keys()]).toEqual([1, 2]);
    expect(s.failed.get(2)!.error).toBe('no sender for telegram.send in this process');
    expect(logs.lines.filter((l) => l.level >= 40)).toEqual([]);
  });

  it('uses the backoff it is given, and a thrown non-error as its message', async () => {
    const s = store([row(1, { attempts: 3 })]);
    const { w } = worker(s, {
      backoffMs: (n) => n * 10,
      senders: {
        'slack.post': async () => {
          throw 'plain string';
        },
      },
    });
    await w.runOnce();
    expect(s.failed.get(1)).toEqual({ retryAt: new Date(T0.getTime() + 30), error: 'plain string' });
  });

  it('runs the periodic job first with the same clock, and carries on when it fails', async () => {
    const s = store([row(1)]);
    const ticks: Date[] = [];
    const { w, logs } = worker(s, {
      onTick: async (now) => {
        ticks.push(now);
        throw new Error('sla sweep failed');
      },
    });
    expect(await w.runOnce()).toBe(1);
    expect(ticks).toEqual([T0]);
    expect(logs.lines.find((l) => l.msg === 'periodic job failed')).toMatchObject({
      level: 40,
      error: 'sla sweep failed',
    });
  });

  it('sends watch digests (one chat each) several at a time after the ordered rows, 8 lanes by default', async () => {
    for (const lanes of [3, undefined]) {
      const rows = [
        row(1),
        ...Array.from({ length: 12 }, (_, i) => row(10 + i, { key: `watch:changes:2026-12-01:chat${i}` })),
        row(2),
      ];
      const s = store(rows);
      const order: number[] = [];
      let inFlight = 0;
      let most = 0;
      const { w } = worker(s, {
        ...(lanes ? { fanOutConcurrency: lanes } : {}),
        senders: {
          'slack.post': async (r) => {
            order.push(r.id);
            most = Math.max(most, ++inFlight);
            // The ticket rows go one at a time: a second one never starts while one is in flight.
            await new Promise((res) => setTimeout(res, 5));
            inFlight--;
            return 'ok';
          },
        },
      });
      expect(await w.runOnce()).toBe(14);
      expect(order.slice(0, 2)).toEqual([1, 2]);
      expect(most).toBe(lanes ?? 8);
    }
  });

  it('keeps a thrown null or undefined as its message, from a sender and from the periodic job', async () => {
    const s = store([row(1), row(2)]);
    const { w, logs } = worker(s, {
      senders: {
        'slack.post': async (r) => {
          throw r.id === 1 ? null : undefined;
        },
      },
      onTick: () => Promise.reject(undefined),
    });
    expect(await w.runOnce()).toBe(0);
    expect([s.failed.get(1)!.error, s.failed.get(2)!.error]).toEqual(['null', 'undefined']);
    expect(logs.lines.find((l) => l.msg === 'periodic job failed')).toMatchObject({ error: 'undefined' });
  });

  it('marks a sent row with the time after the send, not the time of the lease', async () => {
    const s = store([row(1)]);
    let clock = T0.getTime();
    const { w } = worker(s, {
      now: () => new Date(clock),
      senders: {
        'slack.post': async () => {
          clock += 5000;
          return 'ok';
        },
      },
    });
    await w.runOnce();
    expect(s.sent.get(1)!.at).toEqual(new Date(T0.getTime() + 5000));
  });
});

describe('OutboxWorker.start/stop', () => {
  it('runs again after each interval until stopped, and stop waits for the round in progress', async () => {
    const s = store([]);
    let rounds = 0;
    const { w } = worker(s, {
      onTick: async () => {
        rounds++;
        await new Promise((r) => setTimeout(r, 20));
      },
    });
    w.start(10);
    // Until a second round has begun (a fixed sleep saw one round on a loaded machine), then stop.
    for (const end = Date.now() + 30_000; rounds < 2 && Date.now() < end;) await new Promise((r) => setTimeout(r, 10));
    await w.stop();
    const after = rounds;
    expect(after).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 60));
    expect(rounds).toBe(after);
  });

  it('claims again at once while claims come back full (a fan-out), and waits the interval when idle', async () => {
    const s = store(Array.from({ length: 7 }, (_, i) => row(i + 1)));
    const { w } = worker(s, { batch: 2 });
    w.start(60_000);
    // Four claims (2 + 2 + 2 + 1) without waiting a minute between them.
    await expect.poll(() => s.sent.size, { timeout: 10_000 }).toBe(7);
    await new Promise((r) => setTimeout(r, 100));
    await w.stop();
    expect(s.calls.filter((c) => c === 'claim')).toHaveLength(4);
  });

  it('stopped while it waits for the next round, it never runs that round; stopped, it does not start again', async () => {
    const s = store([]);
    const { w } = worker(s);
    w.start(50);
    await expect.poll(() => s.leases.length, { timeout: 10_000 }).toBe(1);
    await w.stop();
    await new Promise((r) => setTimeout(r, 200));
    w.start(50);
    await new Promise((r) => setTimeout(r, 200));
    expect(s.leases).toHaveLength(1);
  });

  it('logs a round that fails and keeps going', async () => {
    let claims = 0;
    const logs = logRecorder();
    const w = new OutboxWorker({
      repo: {
        async claimDue() {
          // The first failure is not even an Error (a driver may reject with anything).
          if (claims++ === 0) throw undefined;
          throw new Error('database away');
        },
        async markSent() {},
        async markFailed() {},
      },
      senders: {},
      log: createLogger('debug', logs.stream),
    });
    w.start(5);
    await new Promise((r) => setTimeout(r, 60));
    await w.stop();
    expect(claims).toBeGreaterThanOrEqual(2);
    expect(logs.lines.filter((l) => l.msg === 'outbox worker failed').slice(0, 2)).toMatchObject([
      { level: 50, error: 'undefined' },
      { level: 50, error: 'database away' },
    ]);
  });

  it('stops cleanly before it was ever started', async () => {
    await expect(worker(store([])).w.stop()).resolves.toBeUndefined();
  });
});
