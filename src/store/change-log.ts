// The per-document change log of ingests and the batches alerts are sent for. Changes are written in
// the transaction that writes the documents themselves: a stored version always has its change row.
import type { Db, Queryable } from './db.js';
import type { DocumentChange, LoggedChange, SectionChange } from '../domain/watch.js';
import type { Lang } from '../domain/lang.js';

export type BatchSource = 'ingest' | 'eping';

/** Opens a batch (once) and appends its changes, inside the caller's transaction. */
export async function recordChanges(
  tx: Queryable,
  batch: { name: string; source: BatchSource; initial?: boolean },
  changes: readonly DocumentChange[],
): Promise<void> {
  await tx.query(
    'INSERT INTO watch_batches (batch, source, initial) VALUES ($1, $2, $3) ON CONFLICT (batch) DO NOTHING',
    [batch.name, batch.source, batch.initial ?? false],
  );
  for (let start = 0; start < changes.length; start += 100) {
    const slice = changes.slice(start, start + 100);
    const values: unknown[] = [];
    const rows = slice.map((c, i) => {
      values.push(
        batch.name,
        c.docId,
        c.slug,
        c.lang,
        c.title,
        c.category,
        c.countries,
        c.translations,
        c.asOf ?? null,
        c.source ?? null,
        c.action,
        JSON.stringify(c.sections),
      );
      const b = i * 12;
      return `(${Array.from({ length: 11 }, (_, k) => `$${b + k + 1}`).join(', ')}, $${b + 12}::jsonb)`;
    });
    await tx.query(
      `INSERT INTO document_changes (batch, doc_id, slug, lang, title, category, countries, translations, as_of, source,
                                     action, sections)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }
}

interface ChangeRow {
  id: string;
  batch: string;
  doc_id: string;
  slug: string;
  lang: Lang;
  title: string;
  category: string;
  countries: string[];
  translations: string[];
  as_of: string | null;
  source: string | null;
  action: DocumentChange['action'];
  sections: SectionChange[] | string;
  at: string;
}

const SELECT = `SELECT id, batch, doc_id, slug, lang, title, category, countries, translations,
                       to_char(as_of, 'YYYY-MM-DD') AS as_of, source, action, sections,
                       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
                  FROM document_changes`;

function toChange(r: ChangeRow): LoggedChange {
  return {
    id: Number(r.id),
    batch: r.batch,
    at: r.at,
    docId: r.doc_id,
    slug: r.slug,
    lang: r.lang,
    title: r.title,
    category: r.category,
    countries: r.countries,
    translations: r.translations,
    asOf: r.as_of ?? undefined,
    source: r.source ?? undefined,
    action: r.action,
    sections: typeof r.sections === 'string' ? JSON.parse(r.sections) : r.sections,
  };
}

export class ChangeLog {
  constructor(private readonly db: Db) {}

  /** The log, oldest first; `since` is a day (YYYY-MM-DD, UTC) and includes it. */
  async list(since?: string): Promise<LoggedChange[]> {
    const r = since
      ? await this.db.query<ChangeRow>(`${SELECT} WHERE created_at >= $1::date ORDER BY id`, [since])
      : await this.db.query<ChangeRow>(`${SELECT} ORDER BY id`);
    return r.rows.map(toChange);
  }

  async ofBatch(batch: string): Promise<LoggedChange[]> {
    const r = await this.db.query<ChangeRow>(`${SELECT} WHERE batch = $1 ORDER BY id`, [batch]);
    return r.rows.map(toChange);
  }

  /** Batches whose alerts are not written yet, oldest first (the first ingest of an empty store has none). */
  async pendingBatches(): Promise<Array<{ batch: string; source: BatchSource }>> {
    const r = await this.db.query<{ batch: string; source: BatchSource }>(
      'SELECT batch, source FROM watch_batches WHERE alerted_at IS NULL AND NOT initial ORDER BY created_at, batch',
    );
    return r.rows;
  }

  async markAlerted(tx: Queryable, batch: string): Promise<void> {
    await tx.query('UPDATE watch_batches SET alerted_at = now() WHERE batch = $1', [batch]);
  }
}
