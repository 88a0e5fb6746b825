// Tickets in the staff console: the queue with its filters and SLA state, a ticket's page (the
// consented summary, both directions of the thread, the audit events, the rating), and the legal
// team's actions — claim, reply, release, close — through the same TicketService as Slack's buttons.
import { ticketListText } from '../../i18n/ticket-list-texts.js';
import type { Router } from '../../http-kit/http-server.js';
import type { StaffReports } from '../../store/staff-reports.js';
import { TicketTransitionError } from '../../tickets/ticket-repo.js';
import type { TicketService } from '../../tickets/ticket-service.js';
import { slaState, type SlaState } from '../../tickets/ticket-sla.js';
import { csrfField, dateTime, html, page, table, tr, type PageContext } from './html.js';
import { messagePage, redirect, sendHtml, type StaffGuard } from './staff-session.js';

export interface TicketPagesDeps {
  guard: StaffGuard;
  reports: StaffReports;
  tickets: TicketService;
  claimMinutes: number;
  now: () => Date;
}

const SLA_KEY: Record<SlaState, 'slaOk' | 'slaDue' | 'slaEscalated' | 'slaWaiting' | 'slaNone'> = {
  ok: 'slaOk',
  due: 'slaDue',
  escalated: 'slaEscalated',
  waiting: 'slaWaiting',
  none: 'slaNone',
};

const STATUSES = ['open', 'new', 'offered', 'claimed', 'answered', 'closed', 'cancelled'];

function hours(from: Date, now: Date, lang: string): string {
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, useGrouping: false });
  return `${n.format((now.getTime() - from.getTime()) / 3_600_000)} h`;
}

export function addTicketPages(router: Router, d: TicketPagesDeps): void {
  router.on(
    'GET',
    '/staff/tickets',
    d.guard.view(async ({ res, url, page: ctx }) => {
      const q = url.searchParams;
      const age = Number(q.get('age') ?? '');
      const filter = {
        status: q.get('status') || undefined,
        firm: q.get('firm') || undefined,
        owner: q.get('owner') || undefined,
        olderThanHours: Number.isFinite(age) && age > 0 ? age : undefined,
      };
      const now = d.now();
      const rows = await d.reports.ticketQueue(filter, now);
      const words = ticketListText(ctx.lang);
      const firms = d.tickets.firms.firms;
      const option = (value: string, label: string, current: string | undefined) =>
        html`<option value="${value}" ${current === value ? html` selected` : ''}>${label}</option>`;
      const form = html`<form method="get" action="/staff/tickets" class="filters">
        <label
          >${tr(ctx, 'filterStatus')}
          <select name="status">
            ${option('', tr(ctx, 'any'), filter.status ?? '')}${STATUSES.map((s) =>
              option(s, s === 'open' ? tr(ctx, 'statusOpen') : (words.status[s] ?? s), filter.status),
            )}
          </select></label
        >
        <label
          >${tr(ctx, 'filterFirm')}
          <select name="firm">
            ${option('', tr(ctx, 'any'), filter.firm ?? '')}${firms.map((f) => option(f.id, f.name, filter.firm))}
          </select></label
        >
        <label>${tr(ctx, 'filterOwner')} <input name="owner" value="${filter.owner ?? ''}" size="12" /></label>
        <label
          >${tr(ctx, 'filterAge')}
          <input name="age" type="number" min="0" step="1" value="${filter.olderThanHours ?? ''}" size="5"
        /></label>
        <button type="submit">${tr(ctx, 'filterApply')}</button>
      </form>`;
      const body = table(
        [
          tr(ctx, 'colTicket'),
          tr(ctx, 'colStatus'),
          tr(ctx, 'colSla'),
          tr(ctx, 'colFirm'),
          tr(ctx, 'colOwner'),
          tr(ctx, 'colCountry'),
          tr(ctx, 'colArea'),
          tr(ctx, 'colAge'),
        ],
        rows.map((t) => {
          const sla = slaState(t, now, d.claimMinutes);
          return html`<tr data-ticket="${t.id}">
            <td><a href="/staff/ticket?id=${t.id}">#${t.id}</a></td>
            <td>${words.status[t.status] ?? t.status}</td>
            <td class="sla sla-${sla}">${tr(ctx, SLA_KEY[sla])}</td>
            <td>${firms.find((f) => f.id === t.firmId)?.name ?? t.firmId ?? '—'}</td>
            <td>${t.claimedBy ?? '—'}</td>
            <td>${t.country ?? '—'}</td>
            <td>${t.practiceArea}</td>
            <td>${hours(t.createdAt, now, ctx.lang)}</td>
          </tr>`;
        }),
        tr(ctx, 'noRows'),
      );
      sendHtml(res, 200, page(ctx, tr(ctx, 'ticketsTitle'), html`${form}${body}`));
    }),
  );

  router.on(
    'GET',
    '/staff/ticket',
    d.guard.view(async ({ res, url, page: ctx, session }) => {
      const id = Number(url.searchParams.get('id'));
      const t = Number.isInteger(id) && id > 0 ? await d.tickets.repo.get(id) : undefined;
      if (!t || t.status === 'draft') return messagePage(res, 404, ctx, 'notFound');
      const [thread, events] = await Promise.all([d.reports.ticketThread(id), d.reports.ticketEvents(id)]);
      const words = ticketListText(ctx.lang);
      const legal = session.role === 'legal';
      const action = (name: string, label: string) =>
        html`<form method="post" action="/staff/ticket/${name}" class="inline">
          ${csrfField(ctx)}<input type="hidden" name="id" value="${t.id}" /><button
            type="submit"
            name="do"
            value="${name}"
          >
            ${label}
          </button>
        </form>`;
      const flash = url.searchParams.get('done')
        ? html`<p class="flash" role="status">${tr(ctx, 'done')}</p>`
        : undefined;
      const body = html` <dl class="facts">
          <dt>${tr(ctx, 'colStatus')}</dt>
          <dd data-status="${t.status}">${words.status[t.status] ?? t.status}</dd>
          <dt>${tr(ctx, 'colSla')}</dt>
          <dd>${tr(ctx, SLA_KEY[slaState(t, d.now(), d.claimMinutes)])}</dd>
          <dt>${tr(ctx, 'colFirm')}</dt>
          <dd>${d.tickets.firms.firms.find((f) => f.id === t.firmId)?.name ?? t.firmId ?? '—'}</dd>
          <dt>${tr(ctx, 'colOwner')}</dt>
          <dd>${t.claimedBy ?? '—'}</dd>
          <dt>${tr(ctx, 'colCountry')}</dt>
          <dd>${t.country ?? '—'}</dd>
          <dt>${tr(ctx, 'colArea')}</dt>
          <dd>${t.practiceArea}</dd>
          <dt>${tr(ctx, 'colLang')}</dt>
          <dd>${t.lang}</dd>
          <dt>${tr(ctx, 'colChannel')}</dt>
          <dd>${t.channel}</dd>
          <dt>${tr(ctx, 'rating')}</dt>
          <dd>${t.rating ? '★'.repeat(t.rating) : tr(ctx, 'noRating')}</dd>
        </dl>
        <h2>${tr(ctx, 'summary')}</h2>
        <pre class="summary">${t.summary}</pre>
        ${
          t.note
            ? html`<h2>${tr(ctx, 'exporterNote')}</h2>
                <p>${t.note}</p>`
            : ''
        }
        <div class="actions">
          ${action('claim', tr(ctx, 'claim'))}${action('release', tr(ctx, 'release'))}${action('close', tr(ctx, 'close'))}
        </div>
        ${legal ? '' : html`<p class="hint">${tr(ctx, 'legalOnly')}</p>`}
        <h2>${tr(ctx, 'thread')}</h2>
        ${table(
          [tr(ctx, 'colWhen'), '', tr(ctx, 'colActor'), ''],
          thread.map(
            (m) =>
              html`<tr class="msg ${m.direction}">
                <td>${dateTime(m.at, ctx.lang)}</td>
                <td>${tr(ctx, m.direction === 'to_user' ? 'toUser' : 'toFirm')}</td>
                <td>${m.author}</td>
                <td class="text">${m.text}</td>
              </tr>`,
          ),
          tr(ctx, 'noRows'),
          'thread',
        )}
        <form method="post" action="/staff/ticket/reply" class="reply">
          ${csrfField(ctx)}<input type="hidden" name="id" value="${t.id}" />
          <label for="reply-text">${tr(ctx, 'reply')}</label>
          <textarea id="reply-text" name="text" rows="4" maxlength="4000" required></textarea>
          <p class="hint">${tr(ctx, 'replyHint')}</p>
          <button type="submit">${tr(ctx, 'send')}</button>
        </form>
        <h2>${tr(ctx, 'events')}</h2>
        ${table(
          [tr(ctx, 'colWhen'), tr(ctx, 'colStatus'), tr(ctx, 'colActor'), ''],
          events.map(
            (e) =>
              html`<tr>
                <td>${dateTime(e.at, ctx.lang)}</td>
                <td>${e.from ? `${words.status[e.from] ?? e.from} → ` : ''}${words.status[e.to] ?? e.to}</td>
                <td>${e.actor}</td>
                <td><code class="detail">${Object.keys(e.detail).length ? JSON.stringify(e.detail) : ''}</code></td>
              </tr>`,
          ),
          tr(ctx, 'noRows'),
        )}`;
      sendHtml(res, 200, page(ctx, tr(ctx, 'ticketTitle', { id: t.id }), body, { flash }));
    }),
  );

  // The legal team's actions; a staff member is refused (and the refusal audited) by the guard.
  const act = (name: 'claim' | 'release' | 'close' | 'reply') =>
    d.guard.action(`ticket.${name}`, { role: 'legal' }, async ({ res, form, session, page: ctx }) => {
      const id = Number(form.get('id'));
      if (!Number.isInteger(id) || id <= 0) {
        messagePage(res, 400, ctx, 'badInput', { what: 'id' });
        return { outcome: 'refused', detail: { reason: 'bad id' } };
      }
      const user = session.slackUser;
      const text = (form.get('text') ?? '').trim();
      if (name === 'reply' && (!text || text.length > 4000)) {
        messagePage(res, 400, ctx as PageContext, 'badInput', { what: tr(ctx, 'reply') });
        return { outcome: 'refused', target: String(id), detail: { reason: 'empty or too long' } };
      }
      try {
        if (name === 'claim') await d.tickets.claim(id, user);
        else if (name === 'release') await d.tickets.release(id, user);
        else if (name === 'close') await d.tickets.close(id, `slack:${user}`);
        else await d.tickets.consoleReply(id, user, text);
      } catch (err) {
        if (!(err instanceof TicketTransitionError)) throw err;
        sendHtml(
          res,
          409,
          page(
            ctx,
            tr(ctx, 'ticketTitle', { id }),
            html`<p class="message" role="alert">${err.message}</p>
              <p><a href="/staff/ticket?id=${id}">#${id}</a></p>`,
          ),
        );
        return { outcome: 'refused', target: String(id), detail: { reason: err.message } };
      }
      redirect(res, `/staff/ticket?id=${id}&done=${name}`);
      return { target: String(id), detail: name === 'reply' ? { chars: text.length } : {} };
    });
  for (const name of ['claim', 'release', 'close', 'reply'] as const)
    router.on('POST', `/staff/ticket/${name}`, act(name));
}
