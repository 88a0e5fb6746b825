// Documents in the staff console: every document with its language, category, countries, as_of,
// review_by and translations; the review queue (past or near review_by); a document's page with
// "re-checked" (who, when, a note — the only way its dates move here) and the upload of a new
// version, linted before it replaces anything.
import type { Router } from '../../http-kit/http-server.js';
import { DocumentEditError, type DocumentEdits } from '../../rag/document-edits.js';
import type { DocumentListRow, DocumentReviews } from '../../store/document-reviews.js';
import { csrfField, dateTime, html, page, table, tr, type Html, type PageContext } from './html.js';
import { messagePage, sendHtml, type StaffGuard } from './staff-session.js';

/** Documents whose review_by is this close are in the queue with the overdue ones. */
export const DUE_SOON_DAYS = 30;

export interface DocumentPagesDeps {
  guard: StaffGuard;
  reviews: DocumentReviews;
  edits: DocumentEdits;
  now: () => Date;
}

function dueState(doc: DocumentListRow, today: string, soon: string): 'overdue' | 'soon' | undefined {
  if (!doc.reviewBy) return undefined;
  if (doc.reviewBy < today) return 'overdue';
  return doc.reviewBy <= soon ? 'soon' : undefined;
}

export function addDocumentPages(router: Router, d: DocumentPagesDeps): void {
  const days = () => {
    const now = d.now();
    return {
      today: now.toISOString().slice(0, 10),
      soon: new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000).toISOString().slice(0, 10),
    };
  };

  const docTable = (ctx: PageContext, docs: DocumentListRow[], cls: string) => {
    const { today, soon } = days();
    return table(
      [
        tr(ctx, 'colTitle'),
        'id',
        tr(ctx, 'colLang'),
        tr(ctx, 'colCategory'),
        tr(ctx, 'colCountries'),
        tr(ctx, 'colAsOf'),
        tr(ctx, 'colReviewBy'),
        tr(ctx, 'colTranslations'),
        tr(ctx, 'colLastCheck'),
      ],
      docs.map((doc) => {
        const due = dueState(doc, today, soon);
        return html`<tr data-doc="${doc.id}">
          <td><a href="/staff/document?id=${encodeURIComponent(doc.id)}">${doc.title}</a></td>
          <td><code>${doc.id}</code></td>
          <td>${doc.lang}</td>
          <td>${doc.category}</td>
          <td>${doc.countries.join(', ')}</td>
          <td class="date">${doc.asOf ?? '—'}</td>
          <td class="date ${due ? `due-${due}` : ''}">
            ${doc.reviewBy ?? '—'}${due ? html` <span class="badge">${tr(ctx, due === 'overdue' ? 'overdue' : 'dueSoon')}</span>` : ''}
          </td>
          <td>
            ${doc.translations.map((t, i) => html`${i ? ', ' : ''}<a href="/staff/document?id=${encodeURIComponent(t)}">${t}</a>`)}
          </td>
          <td>${doc.lastReviewAt ? `${dateTime(doc.lastReviewAt, ctx.lang)} · ${doc.lastReviewer}` : '—'}</td>
        </tr>`;
      }),
      tr(ctx, 'noRows'),
      cls,
    );
  };

  router.on(
    'GET',
    '/staff/documents',
    d.guard.view(async ({ res, page: ctx }) => {
      const docs = await d.reviews.list();
      const { soon } = days();
      const queue = docs.filter((x) => x.reviewBy !== null && x.reviewBy <= soon);
      const body = html`<h2 id="queue">${tr(ctx, 'reviewQueue', { days: DUE_SOON_DAYS })} · ${queue.length}</h2>
        ${docTable(ctx, queue, 'review-queue')}
        <h2>${tr(ctx, 'allDocuments')} · ${docs.length}</h2>
        ${docTable(ctx, docs, 'all-documents')}`;
      sendHtml(res, 200, page(ctx, tr(ctx, 'documentsTitle'), body));
    }),
  );

  const documentPage = async (ctx: PageContext, doc: DocumentListRow, flash?: Html) => {
    const [reviews, uploads] = await Promise.all([d.reviews.reviews(doc.id), d.reviews.uploads(doc.id)]);
    const { today, soon } = days();
    const due = dueState(doc, today, soon);
    const body = html`<p class="doc-title">${doc.title}</p>
      <dl class="facts">
        <dt>${tr(ctx, 'colLang')}</dt>
        <dd>${doc.lang}</dd>
        <dt>${tr(ctx, 'colCategory')}</dt>
        <dd>${doc.category}</dd>
        <dt>${tr(ctx, 'colCountries')}</dt>
        <dd>${doc.countries.join(', ') || '—'}</dd>
        <dt>${tr(ctx, 'colAsOf')}</dt>
        <dd data-field="as_of">${doc.asOf ?? '—'}</dd>
        <dt>${tr(ctx, 'colReviewBy')}</dt>
        <dd data-field="review_by">
          ${doc.reviewBy ?? '—'}${due ? html` <span class="badge">${tr(ctx, due === 'overdue' ? 'overdue' : 'dueSoon')}</span>` : ''}
        </dd>
        <dt>${tr(ctx, 'colTranslations')}</dt>
        <dd>
          ${doc.translations.map((t, i) => html`${i ? ', ' : ''}<a href="/staff/document?id=${encodeURIComponent(t)}">${t}</a>`)}
        </dd>
        <dt>${tr(ctx, 'path')}</dt>
        <dd><code>${doc.path}</code> (${doc.format})</dd>
      </dl>
      <section class="card">
        <h2>${tr(ctx, 'recheck')}</h2>
        <p class="hint">${tr(ctx, 'recheckExplain')}</p>
        <form method="post" action="/staff/document/recheck" class="recheck">
          ${csrfField(ctx)}<input type="hidden" name="id" value="${doc.id}" />
          <label
            >${tr(ctx, 'newReviewBy')}
            <input type="date" name="review_by" value="${d.edits.defaultReviewBy(doc)}" min="${today}" required
          /></label>
          <label>${tr(ctx, 'note')} <input name="note" required maxlength="500" size="50" /></label>
          <button type="submit">${tr(ctx, 'recheck')}</button>
        </form>
      </section>
      <section class="card">
        <h2>${tr(ctx, 'upload')}</h2>
        <p class="hint">${tr(ctx, 'uploadExplain')}</p>
        <form method="post" action="/staff/document/upload" enctype="multipart/form-data" class="upload">
          ${csrfField(ctx)}<input type="hidden" name="id" value="${doc.id}" />
          <input type="file" name="file" accept=".md,.pdf,.docx" required />
          <button type="submit">${tr(ctx, 'uploadButton')}</button>
        </form>
      </section>
      <h2>${tr(ctx, 'reviews')}</h2>
      ${table(
        [tr(ctx, 'colWhen'), tr(ctx, 'colReviewer'), tr(ctx, 'note'), tr(ctx, 'colAsOf'), tr(ctx, 'colReviewBy')],
        reviews.map(
          (r) =>
            html`<tr class="review">
              <td>${dateTime(r.at, ctx.lang)}</td>
              <td>${r.reviewer}</td>
              <td>${r.note}</td>
              <td>${r.asOfBefore ?? '—'} → ${r.asOfAfter}</td>
              <td>${r.reviewByBefore ?? '—'} → ${r.reviewByAfter}</td>
            </tr>`,
        ),
        tr(ctx, 'noRows'),
        'reviews',
      )}
      <h2>${tr(ctx, 'uploads')}</h2>
      ${table(
        [tr(ctx, 'colWhen'), tr(ctx, 'colReviewer'), tr(ctx, 'path'), tr(ctx, 'colOutcome'), tr(ctx, 'colProblems')],
        uploads.map(
          (u) =>
            html`<tr class="upload-row">
              <td>${dateTime(u.at, ctx.lang)}</td>
              <td>${u.uploadedBy}</td>
              <td>${u.fileName}</td>
              <td>${u.outcome}</td>
              <td>
                <ul>
                  ${u.problems.map((p) => html`<li>${p}</li>`)}
                </ul>
              </td>
            </tr>`,
        ),
        tr(ctx, 'noRows'),
      )}`;
    return page(ctx, tr(ctx, 'documentTitle', { id: doc.id }), body, { flash });
  };

  router.on(
    'GET',
    '/staff/document',
    d.guard.view(async ({ res, url, page: ctx }) => {
      const doc = await d.reviews.get(url.searchParams.get('id') ?? '');
      if (!doc) return messagePage(res, 404, ctx, 'notFound');
      sendHtml(res, 200, await documentPage(ctx, doc));
    }),
  );

  router.on(
    'POST',
    '/staff/document/recheck',
    d.guard.action('document.recheck', {}, async ({ res, form, session, page: ctx }) => {
      const doc = await d.reviews.get(form.get('id') ?? '');
      if (!doc) {
        messagePage(res, 404, ctx, 'notFound');
        return { outcome: 'refused', detail: { reason: 'no such document' } };
      }
      const note = (form.get('note') ?? '').trim().slice(0, 500);
      const reviewBy = (form.get('review_by') ?? '').trim();
      if (!note) {
        messagePage(res, 400, ctx, 'badInput', { what: tr(ctx, 'note') });
        return { outcome: 'refused', target: doc.id, detail: { reason: 'no note' } };
      }
      try {
        const dates = await d.edits.recheck(doc, `slack:${session.slackUser}`, note, reviewBy);
        const fresh = (await d.reviews.get(doc.id)) ?? doc;
        const flash = html`<p class="flash" role="status">${tr(ctx, 'recheckDone', dates)}</p>`;
        sendHtml(res, 200, await documentPage(ctx, fresh, flash));
        return { target: doc.id, detail: { note, before: { asOf: doc.asOf, reviewBy: doc.reviewBy }, after: dates } };
      } catch (err) {
        if (!(err instanceof DocumentEditError)) throw err;
        messagePage(res, 400, ctx, 'badInput', { what: err.message });
        return { outcome: 'refused', target: doc.id, detail: { reason: err.message } };
      }
    }),
  );

  router.on(
    'POST',
    '/staff/document/upload',
    d.guard.action('document.upload', { upload: true }, async ({ res, form, files, session, page: ctx }) => {
      const doc = await d.reviews.get(form.get('id') ?? '');
      if (!doc) {
        messagePage(res, 404, ctx, 'notFound');
        return { outcome: 'refused', detail: { reason: 'no such document' } };
      }
      const file = files.find((f) => f.field === 'file' && f.fileName);
      if (!file || file.data.length === 0) {
        messagePage(res, 400, ctx, 'badInput', { what: 'file' });
        return { outcome: 'refused', target: doc.id, detail: { reason: 'no file' } };
      }
      const result = await d.edits.upload(doc, `slack:${session.slackUser}`, {
        fileName: file.fileName,
        data: file.data,
      });
      const fresh = (await d.reviews.get(doc.id)) ?? doc;
      const flash = result.ok
        ? html`<p class="flash" role="status">${tr(ctx, 'uploadIngested')}</p>`
        : html`<div class="flash error" role="alert">
            <p>${tr(ctx, 'uploadRefused')}</p>
            <ul class="problems">
              ${result.problems.map((p) => html`<li>${p}</li>`)}
            </ul>
          </div>`;
      sendHtml(res, result.ok ? 200 : 422, await documentPage(ctx, fresh, flash));
      return result.ok
        ? { target: doc.id, detail: { file: file.fileName, bytes: file.data.length } }
        : { outcome: 'refused', target: doc.id, detail: { file: file.fileName, problems: result.problems } };
    }),
  );
}
