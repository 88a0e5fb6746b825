// Who is asking, and may they: the session cookie (HttpOnly, SameSite=Strict, Secure behind https),
// the CSRF token every form carries, the role an action needs. Every POST is written to the audit
// table with its outcome, refusals included; a refusal is a page in the reader's language.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Lang } from '../../domain/lang.js';
import { HttpError, langFromHeaders, type RequestContext } from '../../http-kit/http-server.js';
import { mediaType, readBody } from '../../http-kit/read-body.js';
import { multipartBoundary, parseMultipart, type FilePart } from '../../http-kit/multipart.js';
import type { StaffTextKey } from '../../i18n/staff-texts.js';
import type { StaffAuthRepo, StaffRole, StaffSession } from '../../store/staff-auth-repo.js';
import { CONTENT_SECURITY_POLICY } from '../web/static-assets.js';
import { html, page, tr, type PageContext } from './html.js';

export const SESSION_COOKIE = 'staff_session';
const FORM_LIMIT = 64 * 1024;
export const UPLOAD_LIMIT = 10 * 1024 * 1024;

export interface StaffRequest extends RequestContext {
  lang: Lang;
  session: StaffSession;
  page: PageContext;
}

export interface StaffActionRequest extends StaffRequest {
  form: Map<string, string>;
  files: FilePart[];
}

/** What an action reports for the audit row: its target and details. */
export interface ActionOutcome {
  target?: string;
  /** Refused by a rule of the workflow (a ticket already closed, a form value out of range). */
  outcome?: 'ok' | 'refused';
  detail?: Record<string, unknown>;
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Secure when the console is reached over https (PUBLIC_URL or the proxy's X-Forwarded-Proto). */
export function isHttps(req: IncomingMessage, publicUrl: string | undefined): boolean {
  return publicUrl?.startsWith('https:') === true || String(req.headers['x-forwarded-proto'] ?? '') === 'https';
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/staff',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

export function redirect(res: ServerResponse, to: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { location: to, 'cache-control': 'no-store', ...headers });
  res.end();
}

/** A short page with one sentence (sign in, refused, not found). */
export function messagePage(
  res: ServerResponse,
  status: number,
  ctx: PageContext,
  key: StaffTextKey,
  values?: Record<string, string | number>,
): void {
  sendHtml(res, status, page(ctx, tr(ctx, 'title'), html`<p class="message" role="alert">${tr(ctx, key, values)}</p>`));
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class StaffGuard {
  constructor(
    private readonly auth: StaffAuthRepo,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async current(req: IncomingMessage): Promise<StaffSession | undefined> {
    const token = readCookie(req, SESSION_COOKIE);
    return token ? this.auth.session(token, this.now()) : undefined;
  }

  /** A page for anyone signed in. */
  view(handler: (r: StaffRequest) => Promise<void> | void) {
    return async (ctx: RequestContext) => {
      const lang = langFromHeaders(ctx.req);
      const session = await this.current(ctx.req);
      const pctx: PageContext = { lang, session, path: ctx.url.pathname };
      if (!session) return messagePage(ctx.res, 401, pctx, 'needSignIn');
      await handler({ ...ctx, lang, session, page: pctx });
    };
  }

  /**
   * A form's POST: signed in, the form's CSRF token, the role; then the action, audited whatever
   * happens. The handler answers (usually a redirect back to the page).
   */
  action(
    name: string,
    opts: { role?: StaffRole; upload?: boolean },
    handler: (r: StaffActionRequest) => Promise<ActionOutcome | void>,
  ) {
    return async (ctx: RequestContext) => {
      const lang = langFromHeaders(ctx.req);
      const session = await this.current(ctx.req);
      const pctx: PageContext = { lang, session, path: ctx.url.pathname };
      if (!session) return messagePage(ctx.res, 401, pctx, 'needSignIn');
      const actor = `slack:${session.slackUser}`;
      const { form, files } = await readForm(ctx.req, opts.upload === true);
      const target = form.get('id') ?? undefined;
      const audit = (outcome: 'ok' | 'refused' | 'failed', detail: Record<string, unknown> = {}, t = target) =>
        this.auth.audit({ actor, role: session.role, action: name, target: t, outcome, detail });
      if (!sameToken(form.get('_csrf') ?? '', session.csrfToken)) {
        await audit('refused', { reason: 'csrf' });
        return messagePage(ctx.res, 403, pctx, 'csrfRefused');
      }
      if (opts.role === 'legal' && session.role !== 'legal') {
        await audit('refused', { reason: 'role', needs: 'legal' });
        return messagePage(ctx.res, 403, pctx, 'legalOnly');
      }
      try {
        const outcome = await handler({ ...ctx, lang, session, page: pctx, form, files });
        await audit(outcome?.outcome ?? 'ok', outcome?.detail ?? {}, outcome?.target ?? target);
      } catch (err) {
        await audit('failed', { error: String((err as Error)?.message ?? err).slice(0, 300) });
        throw err;
      }
    };
  }
}

async function readForm(
  req: IncomingMessage,
  upload: boolean,
): Promise<{ form: Map<string, string>; files: FilePart[] }> {
  const boundary = multipartBoundary(req);
  if (upload && boundary) {
    const body = await readBody(req, { limit: UPLOAD_LIMIT });
    const parsed = parseMultipart(body, boundary);
    return { form: parsed.fields, files: parsed.files };
  }
  if (mediaType(req) !== 'application/x-www-form-urlencoded')
    throw new HttpError(415, 'send the form as application/x-www-form-urlencoded');
  const body = await readBody(req, { limit: FORM_LIMIT });
  return { form: new Map(new URLSearchParams(body.toString('utf8'))), files: [] };
}
