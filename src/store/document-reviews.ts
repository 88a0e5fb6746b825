// The documents as the staff console shows them (metadata, translations, the last re-check), the
// record of re-checks (who, when, a note, the dates before and after) and of uploaded versions.
import type { Lang } from '../domain/lang.js';
import type { Db } from './db.js';

export interface DocumentListRow {
  id: string;
  lang: Lang;
  title: string;
  category: string;
  countries: string[];
  translations: string[];
  asOf: string | null;
  reviewBy: string | null;
  path: string;
  format: string;
  lastReviewAt: Date | null;
  lastReviewer: string | null;
}

export interface ReviewRow {
  reviewer: string;
  note: string;
  asOfBefore: string | null;
  reviewByBefore: string | null;
  asOfAfter: string;
  reviewByAfter: string;
  at: Date;
}

export interface UploadRow {
  uploadedBy: string;
  fileName: string;
  outcome: 'ingested' | 'lint-failed' | 'ingest-failed';
  problems: string[];
  keptCopy: string | null;
  at: Date;
}

const day = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

export class DocumentReviews {
  constructor(private readonly db: Db) {}

  async list(): Promise<DocumentListRow[]> {
    return this.select('', []);
  }

  async get(id: string): Promise<DocumentListRow | undefined> {
    return (await this.select('WHERE d.id = $1', [id]))[0];
  }

  private async select(where: string, params: unknown[]): Promise<DocumentListRow[]> {
    const r = await this.db.query<Record<string, any>>(
      `SELECT d.id, d.lang, d.title, d.category, d.countries, d.translations, d.as_of, d.review_by, d.path, d.format,
              rv.at AS review_at, rv.reviewer
         FROM documents d
         LEFT JOIN LATERAL (SELECT at, reviewer FROM document_reviews r WHERE r.doc_id = d.id ORDER BY at DESC LIMIT 1) rv ON true
         ${where} ORDER BY d.review_by NULLS LAST, d.id`,
      params,
    );
    return r.rows.map((x) => ({
      id: x.id,
      lang: x.lang,
      title: x.title,
      category: x.category,
      countries: x.countries ?? [],
      translations: x.translations ?? [],
      asOf: day(x.as_of),
      reviewBy: day(x.review_by),
      path: x.path,
      format: x.format,
      lastReviewAt: x.review_at ? new Date(x.review_at) : null,
      lastReviewer: x.reviewer ?? null,
    }));
  }

  async recordReview(r: Omit<ReviewRow, 'at'> & { docId: string }, now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO document_reviews (doc_id, reviewer, note, as_of_before, review_by_before, as_of_after, review_by_after, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.docId, r.reviewer, r.note, r.asOfBefore, r.reviewByBefore, r.asOfAfter, r.reviewByAfter, now.toISOString()],
    );
  }

  async reviews(docId: string): Promise<ReviewRow[]> {
    const r = await this.db.query<Record<string, any>>(
      'SELECT * FROM document_reviews WHERE doc_id = $1 ORDER BY at DESC, id DESC',
      [docId],
    );
    return r.rows.map((x) => ({
      reviewer: x.reviewer,
      note: x.note,
      asOfBefore: day(x.as_of_before),
      reviewByBefore: day(x.review_by_before),
      asOfAfter: day(x.as_of_after)!,
      reviewByAfter: day(x.review_by_after)!,
      at: new Date(x.at),
    }));
  }

  async recordUpload(u: Omit<UploadRow, 'at'> & { docId: string }, now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO document_uploads (doc_id, uploaded_by, file_name, outcome, problems, kept_copy, at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
      [u.docId, u.uploadedBy, u.fileName, u.outcome, JSON.stringify(u.problems), u.keptCopy, now.toISOString()],
    );
  }

  async uploads(docId: string): Promise<UploadRow[]> {
    const r = await this.db.query<Record<string, any>>(
      'SELECT * FROM document_uploads WHERE doc_id = $1 ORDER BY at DESC, id DESC',
      [docId],
    );
    return r.rows.map((x) => ({
      uploadedBy: x.uploaded_by,
      fileName: x.file_name,
      outcome: x.outcome,
      problems: typeof x.problems === 'string' ? JSON.parse(x.problems) : x.problems,
      keptCopy: x.kept_copy,
      at: new Date(x.at),
    }));
  }
}
