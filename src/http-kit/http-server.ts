// One HTTP server on PORT for the web console, /api/*, the health endpoints and (later) the
// Telegram and Slack webhooks. One error boundary: a failing handler is logged with its details
// and the caller gets a short message, never a stack trace.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
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

const CLIENT_ERROR_STATUS: Record<string, string> = {
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
};

export interface ServerTimeouts {
  /** The whole request (headers and body) must arrive within this; else 408 and the socket closes. */
  requestTimeoutMs: number;
  /** The headers must arrive within this (at most requestTimeoutMs). */
  headersTimeoutMs?: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000 };

/** The request target as a URL on this server; undefined when it is not one (`http://[`). */
function requestUrl(target: string | undefined): URL | undefined {
  const t = target ?? '/';
  try {
    // An origin-form target ("//x" included) is a path of this server, never a host.
    return t.startsWith('/') ? new URL(`http://localhost${t}`) : new URL(t);
  } catch {
    return undefined;
  }
}

export function createHttpServer(
  router: Router,
  log: Logger,
  metrics?: Metrics,
  timeouts: ServerTimeouts = DEFAULT_TIMEOUTS,
): Server {
  const requestTimeout = timeouts.requestTimeoutMs;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(timeouts.headersTimeoutMs ?? requestTimeout, requestTimeout),
      // How often Node looks for requests past their timeout: a fraction of it, so a stalled body
      // is answered close to the limit rather than up to 30 s later.
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(requestTimeout / 4))),
    },
    (req, res) => {
      const requestId = randomUUID();
      res.setHeader('x-request-id', requestId);
      const url = requestUrl(req.url);
      const reqLog = log.child({ requestId, method: req.method, path: url?.pathname ?? 'invalid' });
      const started = performance.now();
      const handler = url ? router.match(req.method ?? 'GET', url.pathname) : undefined;
      res.on('finish', () => {
        reqLog.debug({ status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
        // Unknown paths are counted together so scanners cannot blow up the label set.
        metrics?.httpRequests.inc({
          route: typeof handler === 'function' ? url!.pathname : 'other',
          status: String(res.statusCode),
        });
      });
      const fail = (status: number, body: Record<string, unknown>) => {
        if (res.headersSent) return void res.end();
        // A body we stopped reading (too large, wrong type) is not drained: the connection goes.
        if (!req.complete) res.setHeader('connection', 'close');
        sendJson(res, status, body);
      };
      if (!url) return fail(400, { error: 'bad request target' });
      if (handler === 'method-not-allowed') return fail(405, { error: 'method not allowed' });
      // A page the web console answers itself (its 404 page), else the JSON 404.
      const run = handler ?? router.notFound;
      if (run === undefined) return fail(404, { error: 'not found' });
      Promise.resolve()
        .then(() => run({ req, res, url, requestId, log: reqLog }))
        .catch((err: unknown) => {
          if (err instanceof HttpError) return fail(err.status, { error: err.message, ...err.body });
          reqLog.error({ err }, 'request failed');
          fail(500, { error: t(langFromHeaders(req), 'internalError'), requestId });
        });
    },
  );
  // A client that stops talking mid-request (request or header timeout) or sends something that is
  // not HTTP gets a status line before the socket closes, unless an answer has already begun.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket & { _httpMessage?: ServerResponse }) => {
    log.debug({ code: err.code }, 'client error');
    if (!socket.writable || socket._httpMessage?.headersSent) return void socket.destroy();
    const status = CLIENT_ERROR_STATUS[err.code ?? ''] ?? '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  return server;
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
