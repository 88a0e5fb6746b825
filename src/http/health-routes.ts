// /healthz: the process answers. /readyz: the database answers and the knowledge index is loaded.
import type { Db } from '../store/db.js';
import type { KnowledgeBase } from '../rag/knowledge-base.js';
import { sendJson, type Router } from '../http-kit/http-server.js';

export function addHealthRoutes(router: Router, deps: { db: Db; kb: KnowledgeBase; ready: () => boolean }): void {
  router.on('GET', '/healthz', ({ res }) => sendJson(res, 200, { status: 'ok' }));
  router.on('GET', '/readyz', async ({ res }) => {
    let database = false;
    try {
      await deps.db.query('SELECT 1');
      database = true;
    } catch {
      database = false;
    }
    const stats = deps.kb.stats();
    const ready = database && deps.ready() && stats.documents > 0;
    sendJson(res, ready ? 200 : 503, {
      status: ready ? 'ready' : 'not ready',
      database,
      engine: deps.db.engine,
      documents: stats.documents,
      chunks: stats.chunks,
      embedder: stats.embedder,
    });
  });
}
