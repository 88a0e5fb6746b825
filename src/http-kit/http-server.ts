// One HTTP server on PORT for the web console, /api/*, the health endpoints and (later) the
// Telegram and Slack webhooks. One error boundary: a failing handler is logged with its details
// and the caller gets a short message, never a stack trace.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { t } from '../i18n/messages.js';
import type { Logger } from '../observability/logger.js';
import type { Lang } from '../domain/lang.js';
import type { Metrics } from '../observability/metrics.js';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  requestId: string;
  log: Logger;
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class Router {
  private readonly routes = new Map<string, Handler>();
  /** Answers a path no route has (a channel's own 404 page); a JSON 404 otherwise. */
  notFound: Handler | undefined;

  on(method: string, path: string, handler: Handler): this {
    this.routes.set(`${method.toUpperCase()} ${path}`, handler);
    return this;
  }

  match(method: string, path: string): Handler | 'method-not-allowed' | undefined {
    // HEAD is GET without the body (Node's response drops it).
    const h = this.routes.get(`${method} ${path}`) ?? (method === 'HEAD' ? this.routes.get(`GET ${path}`) : undefined);
    if (h) return h;
    for (const key of this.routes.keys()) if (key.endsWith(` ${path}`)) return 'method-not-allowed';
    return undefined;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** The language of an error for a caller we know nothing about yet. */
export function langFromHeaders(req: IncomingMessage): Lang {
  const al = String(req.headers['accept-language'] ?? '').toLowerCase();
  for (const part of al.split(',')) {
    const code = part.trim().slice(0, 2);
    if (code === 'zh' || code === 'ru' || code === 'en') return code;
  }
  return 'en';
}

export function createHttpServer(router: Router, log: Logger, metrics?: Metrics): Server {
  return createServer((req, res) => {
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reqLog = log.child({ requestId, method: req.method, path: url.pathname });
    const started = performance.now();
    res.setHeader('x-request-id', requestId);
    const handler = router.match(req.method ?? 'GET', url.pathname);
    res.on('finish', () => {
      reqLog.debug({ status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
      // Unknown paths are counted together so scanners cannot blow up the label set.
      metrics?.httpRequests.inc({
        route: typeof handler === 'function' ? url.pathname : 'other',
        status: String(res.statusCode),
      });
    });
    if (handler === 'method-not-allowed') return sendJson(res, 405, { error: 'method not allowed' });
    const run = handler ?? router.notFound;
    if (run === undefined) return sendJson(res, 404, { error: 'not found' });
    Promise.resolve()
      .then(() => run({ req, res, url, requestId, log: reqLog }))
      .catch((err: unknown) => {
        if (err instanceof HttpError) {
          if (!res.headersSent) sendJson(res, err.status, { error: err.message, ...err.body });
          else res.end();
          return;
        }
        reqLog.error({ err }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: t(langFromHeaders(req), 'internalError'), requestId });
        else res.end();
      });
  });
}

export async function listen(server: Server, port: number, host: string): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { url: `http://${shownHost}:${addr.port}`, port: addr.port };
}

export async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
