// The console's files (src/bots/web/assets/) and the two vendored libraries (marked, DOMPurify, from
// node_modules so their version is package.json's), read once at start and served with their content
// type and an ETag. No file name carries a hash (there is no build step), so every response says
// `no-cache`: the browser keeps the file and revalidates it, a 304 when it has not changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'assets');

/**
 * Nothing but our own files: scripts, styles, images and connections to this server. No inline
 * script or style, no plugin, no framing, no <base> rewriting.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function asset(body: Buffer | string, type: string): Asset {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  return { body: buf, type, etag: `"${createHash('sha256').update(buf).digest('base64url').slice(0, 22)}"` };
}

/** URL path → file, for every file under assets/ (served at /assets/…) and the vendored libraries. */
export function loadAssets(): Map<string, Asset> {
  const out = new Map<string, Asset>();
  for (const entry of readdirSync(ASSETS_DIR, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const type = TYPES[extname(entry.name)];
    if (!type) continue;
    const full = join(entry.parentPath, entry.name);
    const rel = full
      .slice(ASSETS_DIR.length + 1)
      .split('\\')
      .join('/');
    out.set(`/assets/${rel}`, asset(readFileSync(full), type));
  }
  const require = createRequire(import.meta.url);
  const js = TYPES['.js']!;
  // The ES-module builds: one file each, no imports of their own.
  out.set('/assets/vendor/marked.js', asset(readFileSync(require.resolve('marked')), js));
  const purify = join(dirname(require.resolve('dompurify')), 'purify.es.mjs');
  out.set('/assets/vendor/purify.js', asset(readFileSync(purify), js));
  return out;
}

export function sendAsset(
  req: IncomingMessage,
  res: ServerResponse,
  a: Asset,
  opts: { status?: number; headers?: Record<string, string> } = {},
): void {
  const headers: Record<string, string> = {
    'content-type': a.type,
    'cache-control': 'no-cache',
    etag: a.etag,
    'x-content-type-options': 'nosniff',
    ...opts.headers,
  };
  if (a.type.startsWith('text/html')) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['referrer-policy'] = 'no-referrer';
  }
  const status = opts.status ?? 200;
  if (status === 200 && req.headers['if-none-match'] === a.etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(status, { ...headers, 'content-length': String(a.body.length) });
  res.end(req.method === 'HEAD' ? undefined : a.body);
}
