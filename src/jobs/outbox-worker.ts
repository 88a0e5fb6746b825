// Sends outbox rows: each kind has a sender; a failure is retried with exponential backoff (capped),
// and rows are leased so several replicas never send one row at the same time.
import type { Logger } from '../observability/logger.js';
import { scrubSecrets } from '../observability/logger.js';
import {
  NotReadyError,
  RetryLaterError,
  type OutboxKind,
  type OutboxRepo,
  type OutboxRow,
  type Sender,
} from '../store/outbox.js';

export interface OutboxWorkerOptions {
  repo: Pick<OutboxRepo, 'claimDue' | 'markSent' | 'markFailed'>;
  senders: Partial<Record<OutboxKind, Sender>>;
  log: Logger;
  now?: () => Date;
  batch?: number;
  leaseMs?: number;
  /** Delay before the n-th retry. */
  backoffMs?: (attempt: number) => number;
  /** Runs after a row was sent (e.g. remember the message id it produced). */
  onSent?: (row: OutboxRow, result: unknown) => Promise<void>;
  /** Watch digests (keys `watch:…`, one chat each) sent this many at a time; the throttler paces them. */
  fanOutConcurrency?: number;
  /** Extra periodic work on the same loop (SLA timers). */
  onTick?: (now: Date) => Promise<void>;
}

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** The last claim filled the batch: more is due, so the loop goes on without waiting (a fan-out). */
  private full = false;

  constructor(private readonly o: OutboxWorkerOptions) {}

  private now(): Date {
    return this.o.now?.() ?? new Date();
  }

  /** Sends what is due once; returns how many rows were sent. */
  async runOnce(): Promise<number> {
    const now = this.now();
    await this.o
      .onTick?.(now)
      .catch((err: unknown) =>
        this.o.log.warn({ error: String((err as Error)?.message ?? err) }, 'periodic job failed'),
      );
    const batch = this.o.batch ?? 20;
    const rows = await this.o.repo.claimDue(now, batch, this.o.leaseMs ?? 60_000);
    this.full = rows.length >= batch;
    let sent = 0;
    const deliver = async (row: OutboxRow) => {
      const sender = this.o.senders[row.kind];
      try {
        if (!sender) throw new NotReadyError(`no sender for ${row.kind} in this process`);
        const result = await sender(row);
        await this.o.repo.markSent(row.id, this.now(), result);
        await this.o.onSent?.(row, result);
        sent++;
      } catch (err) {
        const backoff = this.o.backoffMs ?? ((n: number) => Math.min(60_000, 1000 * 2 ** Math.min(n, 6)));
        const message = scrubSecrets(String((err as Error)?.message ?? err));
        // A service that named its delay is not asked again sooner.
        const wait = Math.max(backoff(row.attempts), err instanceof RetryLaterError ? err.afterMs : 0);
        await this.o.repo.markFailed(row.id, new Date(this.now().getTime() + wait), message);
        if (!(err instanceof NotReadyError))
          this.o.log.warn(
            { outboxId: row.id, kind: row.kind, attempts: row.attempts, error: message },
            'outbox send failed; will retry',
          );
      }
    };
    // Notices of one ticket depend on their order: one at a time, as claimed. A digest fan-out goes
    // to a different chat per row and has no order, so several are in flight at once.
    const fanOut = rows.filter((r) => r.key.startsWith('watch:'));
    for (const row of rows) if (!row.key.startsWith('watch:')) await deliver(row);
    const lanes = Math.max(1, this.o.fanOutConcurrency ?? 8);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(lanes, fanOut.length) }, async () => {
        while (next < fanOut.length) await deliver(fanOut[next++]!);
      }),
    );
    return sent;
  }

  start(intervalMs: number): void {
    // A stopped worker stays stopped; a round in progress schedules no next one (below), and stop()
    // clears the one scheduled.
    if (this.stopped) return;
    const loop = () => {
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((err: unknown) =>
          this.o.log.error({ error: String((err as Error)?.message ?? err) }, 'outbox worker failed'),
        )
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.full ? 0 : intervalMs);
        });
    };
    loop();
  }

  /** Stops after the batch in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
