// Embedded Postgres (WASM) for one machine with no server: data lives under DATA_DIR. PGlite runs in
// a worker thread (pglite-worker.mjs); this side speaks to it through the Db interface.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db, Queryable, QueryResult } from './db.js';
import { storableParams } from './storable-params.js';

interface Reply {
  id?: number;
  ready?: boolean;
  result?: unknown;
  error?: { name?: string; message: string; code?: string; detail?: string };
}

/** dataDir undefined → in-memory (tests). */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  if (dataDir && !existsSync(join(dataDir, 'PG_VERSION'))) {
    // A new data directory: initdb runs in a worker of its own that then exits, because the memory
    // initdb grows (~500 MB) is never given back while its thread lives. Measured: a first start
    // held ~1 GB, later starts ~490 MB.
    const init = await startWorker(dataDir);
    await new PgliteDb(init).close();
  }
  return new PgliteDb(await startWorker(dataDir));
}

async function startWorker(dataDir: string | undefined): Promise<Worker> {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: Reply) => {
      if (!m.ready) return;
      worker.off('error', reject);
      worker.off('message', onMessage);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  return worker;
}

class PgliteDb implements Db {
  readonly engine = 'pglite' as const;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: Reply) => {
      const p = m.id === undefined ? undefined : this.pending.get(m.id);
      if (!p) return;
      this.settle(m.id!);
      if (m.error) p.reject(Object.assign(new Error(m.error.message), m.error));
      else p.resolve(m.result);
    });
    const fail = (err: Error) => {
      this.failure = err;
      for (const [id, p] of this.pending) {
        this.settle(id);
        p.reject(err);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the embedded database stopped (exit ${code})`)));
    // The worker keeps the process alive only while a call is waiting for it.
    worker.unref();
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  private settle(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    return this.call<QueryResult<T>>({ op: 'query', sql, params: storableParams(params) });
  }

  async exec(sql: string): Promise<void> {
    await this.call({ op: 'exec', sql });
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const tx = this.nextId++;
    await this.call({ op: 'begin', tx });
    let result: T;
    try {
      result = await fn({
        query: <R>(sql: string, params: readonly unknown[] = []) =>
          this.call<QueryResult<R>>({ op: 'query', sql, params: storableParams(params), tx }),
      });
    } catch (err) {
      await this.call({ op: 'rollback', tx }).catch(() => undefined);
      throw err;
    }
    await this.call({ op: 'commit', tx });
    return result;
  }

  async close(): Promise<void> {
    if (this.failure) return;
    await this.call({ op: 'close' });
    await this.worker.terminate();
  }
}
