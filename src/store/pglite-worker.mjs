// The embedded database's own thread: PGlite runs here so its CPU (every statement goes through the
// WASM backend) stays off the event loop that serves users (docs/decisions/008-pglite-worker.md).
// Plain JavaScript on purpose: a worker thread does not inherit tsx's loader.
// Protocol, one message per call: {id, op, ...} → {id, result} | {id, error}. A transaction is
// begun, fed its queries by tx id, then committed or rolled back; PGlite's own lock keeps other
// statements out until it ends.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const ROLLBACK = Symbol('rollback');
// PGlite's defaults size shared memory for a server: 128 MB of shared buffers (resident once
// touched) and 100 connection slots, for a single-user engine whose whole database is a few tens of
// MB that the OS page cache holds anyway. 4 MB and 4 slots cut ~140 MB of RSS with no change in
// ingest time (docs/decisions/016-compiled-build-and-footprint.md).
const pg = await PGlite.create(workerData.dataDir, {
  startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=4MB', '-c', 'max_connections=4'],
});
/** Open transactions: tx id → { tx, finish(commit: boolean), done: Promise } */
const open = new Map();

async function handle(m) {
  switch (m.op) {
    case 'query': {
      const target = m.tx === undefined ? pg : open.get(m.tx)?.tx;
      if (!target) throw new Error(`transaction ${m.tx} is not open`);
      const r = await target.query(m.sql, m.params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    }
    case 'exec':
      await pg.exec(m.sql);
      return null;
    case 'begin':
      return new Promise((begun, failed) => {
        let finish;
        const ended = new Promise((resolve, reject) => (finish = (commit) => (commit ? resolve() : reject(ROLLBACK))));
        const done = pg
          .transaction(async (tx) => {
            open.set(m.tx, { tx, finish, done });
            begun(null);
            await ended;
          })
          .catch((err) => {
            if (err !== ROLLBACK) throw err;
          })
          .finally(() => open.delete(m.tx));
        done.catch(failed);
      });
    case 'commit':
    case 'rollback': {
      const t = open.get(m.tx);
      if (!t) throw new Error(`transaction ${m.tx} is not open`);
      t.finish(m.op === 'commit');
      await t.done;
      return null;
    }
    case 'close':
      if (!pg.closed) await pg.close();
      return null;
    default:
      throw new Error(`unknown operation ${m.op}`);
  }
}

parentPort.on('message', (m) => {
  handle(m).then(
    (result) => parentPort.postMessage({ id: m.id, result }),
    (err) =>
      parentPort.postMessage({
        id: m.id,
        error: { name: err?.name, message: String(err?.message ?? err), code: err?.code, detail: err?.detail },
      }),
  );
});
parentPort.postMessage({ ready: true });
