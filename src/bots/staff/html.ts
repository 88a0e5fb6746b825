// Server-rendered HTML for the staff console: every interpolated value is escaped unless it is
// already an Html fragment, so a question, a note or a file name can never become markup. Pages
// carry no inline script or style (the console's CSP allows neither).
import type { Lang } from '../../domain/lang.js';
import { staffText, type StaffTextKey } from '../../i18n/staff-texts.js';
import type { StaffSession } from '../../store/staff-auth-repo.js';

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function escapeHtml(v: string): string {
  return v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Value = string | number | boolean | null | undefined | Html | Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

export interface PageContext {
  lang: Lang;
  session: StaffSession | undefined;
  /** The path of the page, to mark the current tab. */
  path: string;
}

export const tr = (ctx: { lang: Lang }, key: StaffTextKey, values?: Record<string, string | number>) =>
  staffText(ctx.lang, key, values);

const NAV: Array<[string, StaffTextKey]> = [
  ['/staff/tickets', 'navTickets'],
  ['/staff/feedback', 'navFeedback'],
  ['/staff/gaps', 'navGaps'],
  ['/staff/documents', 'navDocuments'],
  ['/staff/usage', 'navUsage'],
  ['/staff/audit', 'navAudit'],
];

/** The hidden field every form carries; the server compares it with the session's token. */
export function csrfField(ctx: PageContext): Html {
  return html`<input type="hidden" name="_csrf" value="${ctx.session?.csrfToken ?? ''}" />`;
}

export function page(
  ctx: PageContext,
  title: string,
  body: Html,
  opts: { flash?: Html | undefined; charts?: boolean } = {},
): string {
  const s = ctx.session;
  const header = s
    ? html`<header class="top">
        <strong class="brand">${tr(ctx, 'title')}</strong>
        <nav>
          ${NAV.map(
            ([href, key]) =>
              html`<a
                href="${href}"
                ${new Html(ctx.path.startsWith(href.replace(/s$/, '')) ? ' aria-current="page"' : '')}
                >${tr(ctx, key)}</a
              >`,
          )}
        </nav>
        <form method="post" action="/staff/signout" class="signout">
          ${csrfField(ctx)}
          <span class="who"
            >${tr(ctx, 'signedInAs', { user: s.slackUser, role: tr(ctx, s.role === 'legal' ? 'roleLegal' : 'roleStaff') })}</span
          >
          <button type="submit">${tr(ctx, 'signOut')}</button>
        </form>
      </header>`
    : html`<header class="top"><strong class="brand">${tr(ctx, 'title')}</strong></header>`;
  const charts = opts.charts
    ? html`<link rel="stylesheet" href="/staff/assets/vendor/uPlot.min.css" />
        <script type="module" src="/staff/assets/charts.js"></script>`
    : '';
  return `<!doctype html>${html`<html lang="${ctx.lang}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title} · ${tr(ctx, 'title')}</title>
      <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/staff/assets/staff.css" />
      ${charts}
    </head>
    <body>
      ${header}
      <main>
        <h1>${title}</h1>
        ${opts.flash ?? ''}${body}
      </main>
    </body>
  </html>`}`;
}

export function table(headers: string[], rows: Html[], empty: string, cls = ''): Html {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<table class="${cls}">
    <thead>
      <tr>
        ${headers.map((h) => html`<th>${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

export function dateTime(d: Date | string | null | undefined, lang: Lang): string {
  if (!d) return '—';
  const date = typeof d === 'string' ? new Date(d) : d;
  return date.toLocaleString(lang === 'zh' ? 'zh-CN' : lang === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
}
