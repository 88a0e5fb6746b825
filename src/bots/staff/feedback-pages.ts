// Feedback and knowledge gaps in the staff console: every 👍/👎 with the question, the answer, its
// citations and the channel, marked by staff as wrong document, missing knowledge, outdated or
// fine; and the gap list — questions answered on weak evidence plus 👎 marked "missing knowledge",
// grouped by similar wording with counts, languages and the latest examples.
import type { Router } from '../../http-kit/http-server.js';
import { groupQuestions } from '../../rag/question-groups.js';
import { FEEDBACK_MARKS, type FeedbackMark, type StaffReports } from '../../store/staff-reports.js';
import { csrfField, dateTime, html, page, table, tr } from './html.js';
import { messagePage, redirect, sendHtml, type StaffGuard } from './staff-session.js';

const MARK_KEY: Record<FeedbackMark, 'markWrongDocument' | 'markMissingKnowledge' | 'markOutdated' | 'markFine'> = {
  'wrong-document': 'markWrongDocument',
  'missing-knowledge': 'markMissingKnowledge',
  outdated: 'markOutdated',
  fine: 'markFine',
};

const GAP_DAYS = 90;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function addFeedbackPages(
  router: Router,
  d: { guard: StaffGuard; reports: StaffReports; now: () => Date },
): void {
  router.on(
    'GET',
    '/staff/feedback',
    d.guard.view(async ({ res, url, page: ctx }) => {
      const vote = url.searchParams.get('vote');
      const unmarked = url.searchParams.get('unmarked') === '1';
      const rating = vote === 'up' ? 1 : vote === 'down' ? -1 : undefined;
      const rows = await d.reports.feedback({ rating, unmarked });
      const opt = (v: string, label: string) =>
        html`<option value="${v}" ${(vote ?? '') === v ? html` selected` : ''}>${label}</option>`;
      const filters = html`<form method="get" action="/staff/feedback" class="filters">
        <label
          >${tr(ctx, 'filterVote')}
          <select name="vote">
            ${opt('', tr(ctx, 'any'))}${opt('down', '👎')}${opt('up', '👍')}
          </select></label
        >
        <label
          ><input type="checkbox" name="unmarked" value="1" ${unmarked ? html` checked` : ''} />
          ${tr(ctx, 'filterUnmarked')}</label
        >
        <button type="submit">${tr(ctx, 'filterApply')}</button>
      </form>`;
      const body = table(
        [
          tr(ctx, 'colWhen'),
          tr(ctx, 'colVote'),
          tr(ctx, 'colChannel'),
          tr(ctx, 'colLang'),
          tr(ctx, 'colQuestion'),
          tr(ctx, 'colAnswer'),
          tr(ctx, 'colCitations'),
          tr(ctx, 'colMark'),
        ],
        rows.map(
          (f) =>
            html`<tr data-feedback="${f.id}">
              <td>${dateTime(f.at, ctx.lang)}</td>
              <td class="vote">${f.rating > 0 ? '👍' : '👎'}</td>
              <td>${f.channel}</td>
              <td>${f.lang}</td>
              <td class="question">${f.question}</td>
              <td class="answer">
                <details>
                  <summary>${clip(f.answer.replace(/\s+/g, ' '), 140)}</summary>
                  <pre>${f.answer}</pre>
                </details>
              </td>
              <td>
                <ol class="cites">
                  ${f.citations.map((c) => html`<li>[${c.n}] ${c.title} <small>${c.docId}${c.asOf ? ` · ${c.asOf}` : ''}</small></li>`)}
                </ol>
              </td>
              <td>
                <form method="post" action="/staff/feedback/mark" class="mark">
                  ${csrfField(ctx)}<input type="hidden" name="id" value="${f.id}" />
                  <select name="mark" required aria-label="${tr(ctx, 'colMark')}">
                    <option value="" ${f.mark ? '' : html`selected`}>—</option>
                    ${FEEDBACK_MARKS.map(
                      (m) =>
                        html`<option value="${m}" ${f.mark === m ? html` selected` : ''}>
                          ${tr(ctx, MARK_KEY[m])}
                        </option>`,
                    )}
                  </select>
                  <input name="note" placeholder="${tr(ctx, 'note')}" value="${f.note ?? ''}" maxlength="500" />
                  <button type="submit">${tr(ctx, 'save')}</button>
                  ${f.markedBy ? html`<small class="marked" data-mark="${f.mark ?? ''}">${tr(ctx, MARK_KEY[f.mark!])} · ${f.markedBy}</small>` : ''}
                </form>
              </td>
            </tr>`,
        ),
        tr(ctx, 'noRows'),
        'feedback',
      );
      sendHtml(res, 200, page(ctx, tr(ctx, 'feedbackTitle'), html`${filters}${body}`));
    }),
  );

  router.on(
    'POST',
    '/staff/feedback/mark',
    d.guard.action('feedback.mark', {}, async ({ res, form, session, page: ctx }) => {
      const id = Number(form.get('id'));
      const mark = form.get('mark') as FeedbackMark;
      const note = (form.get('note') ?? '').trim().slice(0, 500);
      if (!Number.isInteger(id) || id <= 0 || !FEEDBACK_MARKS.includes(mark)) {
        messagePage(res, 400, ctx, 'badInput', { what: tr(ctx, 'colMark') });
        return { outcome: 'refused', detail: { reason: 'bad mark' } };
      }
      if (!(await d.reports.markFeedback(id, mark, note, `slack:${session.slackUser}`))) {
        messagePage(res, 404, ctx, 'notFound');
        return { outcome: 'refused', target: String(id), detail: { reason: 'no such feedback' } };
      }
      redirect(res, '/staff/feedback');
      return { target: String(id), detail: { mark, note } };
    }),
  );

  router.on(
    'GET',
    '/staff/gaps',
    d.guard.view(async ({ res, page: ctx }) => {
      const groups = groupQuestions(await d.reports.gapQuestions(GAP_DAYS, d.now()));
      const body = table(
        [
          tr(ctx, 'colQuestion'),
          tr(ctx, 'colCount'),
          tr(ctx, 'colLangs'),
          tr(ctx, 'colReasons'),
          tr(ctx, 'colLatest'),
          tr(ctx, 'colExamples'),
        ],
        groups.map(
          (g) =>
            html`<tr class="gap">
              <td class="question">${g.label}</td>
              <td class="count">${g.count}</td>
              <td>
                ${Object.entries(g.langs)
                  .map(([l, n]) => `${l} ${n}`)
                  .join(', ')}
              </td>
              <td>
                ${Object.entries(g.reasons)
                  .map(([r, n]) => `${tr(ctx, r === 'weak' ? 'reasonWeak' : 'reasonMarked')} ${n}`)
                  .join(', ')}
              </td>
              <td>${dateTime(g.latest, ctx.lang)}</td>
              <td>
                <ul>
                  ${g.examples.map((e) => html`<li>${e}</li>`)}
                </ul>
              </td>
            </tr>`,
        ),
        tr(ctx, 'noRows'),
        'gaps',
      );
      sendHtml(
        res,
        200,
        page(
          ctx,
          tr(ctx, 'gapsTitle'),
          html`<p class="hint">${tr(ctx, 'gapsExplain')}</p>
            ${body}`,
        ),
      );
    }),
  );
}
