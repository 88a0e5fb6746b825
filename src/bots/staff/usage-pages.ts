// Usage in the staff console: questions per day by channel and by language, answer modes, the
// feedback ratio, top topics and countries. Each chart is drawn in the browser by uPlot from the
// table printed beside it (assets/charts.js reads the table), so the picture and its numbers cannot
// disagree and the numbers are there without script. Also the audit of console actions.
import type { Router } from '../../http-kit/http-server.js';
import type { StaffAuthRepo } from '../../store/staff-auth-repo.js';
import type { StaffReports } from '../../store/staff-reports.js';
import { dateTime, html, page, table, tr, type Html, type PageContext } from './html.js';
import { sendHtml, type StaffGuard } from './staff-session.js';

const USAGE_DAYS = 30;

/** Rows day × key → one row per day, one column per key (0 where nothing was counted). */
function pivot(rows: Array<{ day: string; key: string; n: number }>): {
  keys: string[];
  days: string[];
  at: (d: string, k: string) => number;
} {
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const m = new Map(rows.map((r) => [`${r.day}|${r.key}`, r.n]));
  return { keys, days, at: (d, k) => m.get(`${d}|${k}`) ?? 0 };
}

function chart(
  ctx: PageContext,
  title: string,
  kind: 'time' | 'bars',
  headers: string[],
  rows: Array<Array<string | number>>,
): Html {
  const id = `chart-${title.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}`;
  return html`<section class="chart-card">
    <h2 id="${id}">${title}</h2>
    <div class="chart-box">
      <div class="chart" data-for="${id}-table" role="img" aria-labelledby="${id}"></div>
      ${
        rows.length === 0
          ? html`<p class="empty">${tr(ctx, 'noRows')}</p>`
          : html`<table class="chart-data" id="${id}-table" data-kind="${kind}">
              <thead>
                <tr>
                  ${headers.map((h) => html`<th>${h}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (r) =>
                    html`<tr>
                      ${r.map((v, i) => (i === 0 ? html`<th scope="row">${v}</th>` : html`<td>${v}</td>`))}
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </div>
  </section>`;
}

export function addUsagePages(
  router: Router,
  d: { guard: StaffGuard; reports: StaffReports; auth: StaffAuthRepo; now: () => Date },
): void {
  router.on(
    'GET',
    '/staff/usage',
    d.guard.view(async ({ res, page: ctx }) => {
      const u = await d.reports.usage(USAGE_DAYS, d.now());
      const byChannel = pivot(u.perDayChannel);
      const byLang = pivot(u.perDayLang);
      const total = u.feedback.up + u.feedback.down;
      const ratio = total ? `${Math.round((u.feedback.up / total) * 100)}%` : '—';
      const body = html`<div class="charts">
        ${chart(
          ctx,
          tr(ctx, 'chartPerDayChannel'),
          'time',
          [tr(ctx, 'colDay'), ...byChannel.keys],
          byChannel.days.map((day) => [day, ...byChannel.keys.map((k) => byChannel.at(day, k))]),
        )}
        ${chart(
          ctx,
          tr(ctx, 'chartPerDayLang'),
          'time',
          [tr(ctx, 'colDay'), ...byLang.keys],
          byLang.days.map((day) => [day, ...byLang.keys.map((k) => byLang.at(day, k))]),
        )}
        ${chart(
          ctx,
          tr(ctx, 'chartModes'),
          'bars',
          [tr(ctx, 'colMode'), tr(ctx, 'colCount')],
          u.modes.map((m) => [m.key, m.n]),
        )}
        ${chart(
          ctx,
          tr(ctx, 'chartFeedback'),
          'bars',
          [tr(ctx, 'colVote'), tr(ctx, 'colCount')],
          total
            ? [
                [tr(ctx, 'up'), u.feedback.up],
                [tr(ctx, 'down'), u.feedback.down],
              ]
            : [],
        )}
        <p class="ratio">${tr(ctx, 'ratio')}: <strong data-ratio>${ratio}</strong></p>
        ${chart(
          ctx,
          tr(ctx, 'topTopics'),
          'bars',
          [tr(ctx, 'colTopic'), tr(ctx, 'colCount')],
          u.topics.map((m) => [m.key, m.n]),
        )}
        ${chart(
          ctx,
          tr(ctx, 'topCountries'),
          'bars',
          [tr(ctx, 'colCountry'), tr(ctx, 'colCount')],
          u.countries.map((m) => [m.key, m.n]),
        )}
      </div>`;
      sendHtml(res, 200, page(ctx, tr(ctx, 'usageTitle', { days: USAGE_DAYS }), body, { charts: true }));
    }),
  );

  router.on(
    'GET',
    '/staff/audit',
    d.guard.view(async ({ res, page: ctx }) => {
      const rows = await d.auth.recentAudit(300);
      const body = table(
        [
          tr(ctx, 'colWhen'),
          tr(ctx, 'colActor'),
          tr(ctx, 'colAction'),
          tr(ctx, 'colTarget'),
          tr(ctx, 'colOutcome'),
          '',
        ],
        rows.map(
          (a) =>
            html`<tr class="audit outcome-${a.outcome}" data-action="${a.action}" data-outcome="${a.outcome}">
              <td class="date">${dateTime(a.at, ctx.lang)}</td>
              <td>${a.actor}${a.role ? ` (${a.role})` : ''}</td>
              <td>${a.action}</td>
              <td>${a.target ?? '—'}</td>
              <td>${a.outcome}</td>
              <td><code class="detail">${JSON.stringify(a.detail)}</code></td>
            </tr>`,
        ),
        tr(ctx, 'noRows'),
        'audit',
      );
      sendHtml(res, 200, page(ctx, tr(ctx, 'auditTitle'), body));
    }),
  );
}
