// The staff console under /staff on the shared HTTP server (the public console at / is untouched):
// sign-in by one-time link, then tickets, feedback, knowledge gaps, documents, usage and the audit.
// Pages are rendered on the server; the only script draws the usage charts (uPlot, served from
// node_modules like the public console's vendored libraries). Same CSP as the public console.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { langFromHeaders, type Router } from '../../http-kit/http-server.js';
import { readBody } from '../../http-kit/read-body.js';
import type { DocumentEdits } from '../../rag/document-edits.js';
import type { Db } from '../../store/db.js';
import { DocumentReviews } from '../../store/document-reviews.js';
import { StaffAuthRepo } from '../../store/staff-auth-repo.js';
import { StaffReports } from '../../store/staff-reports.js';
import type { TicketService } from '../../tickets/ticket-service.js';
import { asset, sendAsset, type Asset } from '../web/static-assets.js';
import { addDocumentPages } from './document-pages.js';
import { addFeedbackPages } from './feedback-pages.js';
import { html, page, tr, type PageContext } from './html.js';
import {
  isHttps,
  messagePage,
  redirect,
  sendHtml,
  SESSION_COOKIE,
  sessionCookie,
  StaffGuard,
} from './staff-session.js';
import { addTicketPages } from './ticket-pages.js';
import { addUsagePages } from './usage-pages.js';

export interface StaffConsoleDeps {
  db: Db;
  tickets: TicketService;
  edits: DocumentEdits;
  claimMinutes: number;
  publicUrl: string | undefined;
  now?: () => Date;
}

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), 'assets');
const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

function staffAssets(): Map<string, Asset> {
  const out = new Map<string, Asset>();
  for (const name of readdirSync(ASSETS)) {
    const type = TYPES[extname(name)];
    if (type) out.set(`/staff/assets/${name}`, asset(readFileSync(join(ASSETS, name)), type));
  }
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('uplot'));
  out.set('/staff/assets/vendor/uPlot.js', asset(readFileSync(join(dist, 'uPlot.esm.js')), TYPES['.js']!));
  out.set('/staff/assets/vendor/uPlot.min.css', asset(readFileSync(join(dist, 'uPlot.min.css')), TYPES['.css']!));
  return out;
}

export function addStaffConsole(router: Router, deps: StaffConsoleDeps): StaffAuthRepo {
  const now = deps.now ?? (() => new Date());
  const auth = new StaffAuthRepo(deps.db);
  const reports = new StaffReports(deps.db);
  const reviews = new DocumentReviews(deps.db);
  const guard = new StaffGuard(auth, now);

  for (const [path, a] of staffAssets()) router.on('GET', path, ({ req, res }) => sendAsset(req, res, a));

  router.on('GET', '/staff', async ({ req, res, url }) => {
    const session = await guard.current(req);
    if (session) return redirect(res, '/staff/tickets');
    messagePage(res, 401, { lang: langFromHeaders(req), session: undefined, path: url.pathname }, 'needSignIn');
  });

  // The link opens a page with a button: a link preview or a scanner fetching the URL does not use it up.
  router.on('GET', '/staff/signin', ({ req, res, url }) => {
    const ctx: PageContext = { lang: langFromHeaders(req), session: undefined, path: url.pathname };
    const token = url.searchParams.get('token') ?? '';
    sendHtml(
      res,
      200,
      page(
        ctx,
        tr(ctx, 'signInTitle'),
        html`<form method="post" action="/staff/signin" class="signin">
          <input type="hidden" name="token" value="${token}" />
          <p>${tr(ctx, 'signInExplain')}</p>
          <button type="submit">${tr(ctx, 'signInButton')}</button>
        </form>`,
      ),
    );
  });

  router.on('POST', '/staff/signin', async ({ req, res, url }) => {
    const ctx: PageContext = { lang: langFromHeaders(req), session: undefined, path: url.pathname };
    // Another site must not sign a person in as someone else (login CSRF).
    const origin = req.headers.origin;
    if (origin && origin !== 'null' && new URL(origin).host !== req.headers.host)
      return messagePage(res, 403, ctx, 'csrfRefused');
    const body = await readBody(req, { limit: 4096, types: ['application/x-www-form-urlencoded'] });
    const token = new URLSearchParams(body.toString('utf8')).get('token') ?? '';
    const result = await auth.redeem(token, now());
    if (!result.ok) {
      await auth.audit({
        actor: 'anonymous',
        role: undefined,
        action: 'signin',
        outcome: 'refused',
        detail: { reason: result.reason },
      });
      const key = result.reason === 'used' ? 'linkUsed' : result.reason === 'expired' ? 'linkExpired' : 'linkUnknown';
      return messagePage(res, result.reason === 'unknown' ? 403 : 410, ctx, key);
    }
    await auth.audit({
      actor: `slack:${result.session.slackUser}`,
      role: result.session.role,
      action: 'signin',
      outcome: 'ok',
    });
    const maxAge = (result.session.expiresAt.getTime() - now().getTime()) / 1000;
    redirect(res, '/staff/tickets', {
      'set-cookie': sessionCookie(result.token, maxAge, isHttps(req, deps.publicUrl)),
    });
  });

  router.on(
    'POST',
    '/staff/signout',
    guard.action('signout', {}, async ({ req, res, session, page: ctx }) => {
      const ended = await auth.signOutEverywhere(session.slackUser, now());
      const cleared = `${SESSION_COOKIE}=; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=0${isHttps(req, deps.publicUrl) ? '; Secure' : ''}`;
      sendHtml(
        res,
        200,
        page(
          { ...ctx, session: undefined },
          tr(ctx, 'title'),
          html`<p class="message" role="status">${tr(ctx, 'signedOut')}</p>`,
        ),
        {
          'set-cookie': cleared,
        },
      );
      return { detail: { sessions: ended } };
    }),
  );

  addTicketPages(router, { guard, reports, tickets: deps.tickets, claimMinutes: deps.claimMinutes, now });
  addFeedbackPages(router, { guard, reports, now });
  addDocumentPages(router, { guard, reviews, edits: deps.edits, now });
  addUsagePages(router, { guard, reports, auth, now });
  return auth;
}
