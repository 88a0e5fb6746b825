// `advisor serve` / `npm start`: bring the knowledge up to date, then serve HTTP on PORT.
import type { Server } from 'node:http';
import { askRoute } from '../bots/web/ask-route.js';
import { CONSOLE_PAGE } from '../bots/web/console-page.js';
import type { Logger } from '../log/logger.js';
import type { Runtime } from '../main.js';
import { addHealthRoutes } from './health-routes.js';
import { closeServer, createHttpServer, listen, Router } from './http-server.js';

export interface Serving {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function serve(rt: Runtime, log: Logger): Promise<Serving> {
  let ready = false;
  const router = new Router();
  addHealthRoutes(router, { db: rt.db, kb: rt.kb, ready: () => ready });
  router.on('GET', '/', ({ res }) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
    });
    res.end(CONSOLE_PAGE);
  });
  router.on('POST', '/api/ask', askRoute(rt.assistant));

  const summary = await rt.ingest();
  log.info(
    { added: summary.added.length, changed: summary.changed.length, removed: summary.removed.length, unchanged: summary.unchanged, failed: summary.failed.length },
    'knowledge up to date',
  );
  for (const f of summary.failed) log.warn({ path: f.path, error: f.error }, 'document not ingested; its previous version is kept');
  ready = true;

  const server = createHttpServer(router, log);
  const { url } = await listen(server, rt.config.http.port, rt.config.http.host);
  return { url: rt.config.http.publicUrl ?? url, server, close: () => closeServer(server) };
}
