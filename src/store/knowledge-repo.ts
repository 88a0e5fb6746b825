// Documents, chunks and ingest runs in Postgres (either engine).
import type { Db, Queryable } from './db.js';
import type { DocMeta, IndexedChunk } from '../domain/knowledge.js';
import type { Lang } from '../domain/lang.js';
import type { DocumentChange } from '../domain/watch.js';
import { recordChanges } from './change-log.js';

/** Where an ingest's changes are logged (the regulation watch): the batch and its changes. */
export interface ChangeRecord {
  batch: { name: string; source: 'ingest'; initial: boolean };
  changes: DocumentChange[];
}

/** A stored document as the change log compares it: its metadata and its passages. */
export interface StoredVersion {
  doc: DocMeta;
  chunks: Array<{ headingPath: string[]; text: string }>;
}

export interface StoredDocRef {
  id: string;
  path: string;
  contentHash: string;
}

export interface LoadedKnowledge {
  docs: DocMeta[];
  /** Each document's content hash, by id. */
  hashes: Map<string, string>;
  chunks: StoredChunk[];
}

export interface DocumentState {
  id: string;
  contentHash: string;
  /** How many passages it has. */
  chunks: number;
  /** Whether every passage carries the asked embedder's vector. */
  usable: boolean;
}

export interface NewChunk {
  headingPath: string[];
  text: string;
  /** The section's sources; undefined when the document does not say (PDF, DOCX, older Markdown). */
  sources?: string[] | undefined;
  embedding: Float32Array;
}

export interface DocumentRow extends DocMeta {
  path: string;
  format: string;
  contentHash: string;
}

export interface StoredChunk extends IndexedChunk {
  embedder: string;
  embedding: Float32Array;
}

export interface IngestCounts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  skipped: number;
  errors: { path: string; error: string }[];
}

export class KnowledgeRepo {
  constructor(private readonly db: Db) {}

  async documentRefs(): Promise<StoredDocRef[]> {
    const r = await this.db.query<{ id: string; path: string; content_hash: string }>(
      'SELECT id, path, content_hash FROM documents',
    );
    return r.rows.map((row) => ({ id: row.id, path: row.path, contentHash: row.content_hash }));
  }

  /** Replaces the document stored at `doc.path` (and its chunks) in one transaction. */
  async replaceDocument(doc: DocumentRow, chunks: NewChunk[], embedder: string): Promise<void> {
    await this.replaceDocuments([{ doc, chunks }], embedder);
  }

  /**
   * Replaces several documents (each at its path, or under its id) and their chunks in one
   * transaction with multi-row inserts: ingest writes a group of files at a time.
   */
  async replaceDocuments(
    items: ReadonlyArray<{ doc: DocumentRow; chunks: NewChunk[] }>,
    embedder: string,
    log?: ChangeRecord,
  ) {
    if (items.length === 0) return;
    await this.db.transaction(async (tx) => {
      if (log?.changes.length) await recordChanges(tx, log.batch, log.changes);
      await tx.query('DELETE FROM documents WHERE path = ANY($1::text[]) OR id = ANY($2::text[])', [
        items.map((i) => i.doc.path),
        items.map((i) => i.doc.id),
      ]);
      const values: unknown[] = [];
      const rows = items.map(({ doc }, n) => {
        values.push(
          doc.id,
          doc.slug,
          doc.lang,
          doc.title,
          doc.category,
          doc.countries,
          doc.sources,
          doc.translations,
          doc.asOf ?? null,
          doc.reviewBy ?? null,
          doc.path,
          doc.format,
          doc.contentHash,
        );
        return `(${Array.from({ length: 13 }, (_, i) => `$${n * 13 + i + 1}`).join(', ')})`;
      });
      await tx.query(
        `INSERT INTO documents (id, slug, lang, title, category, countries, sources, translations, as_of, review_by,
                                path, format, content_hash)
         VALUES ${rows.join(', ')}`,
        values,
      );
      await insertChunks(
        tx,
        items.flatMap(({ doc, chunks }) => chunks.map((c, ord) => ({ ...c, docId: doc.id, ord }))),
        embedder,
      );
    });
  }

  /**
   * What the stored knowledge is, in one short value: documents and their content hashes (which
   * cover the splitter and the embedder). A saved index built from a different value is out of date.
   */
  async fingerprint(): Promise<string> {
    const r = await this.db.query<{ n: number; h: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(id || ':' || content_hash, ',' ORDER BY id), '')) AS h
         FROM documents`,
    );
    return `${r.rows[0]!.n}:${r.rows[0]!.h}`;
  }

  async removeByPath(paths: string[], log?: ChangeRecord): Promise<number> {
    if (paths.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      if (log?.changes.length) await recordChanges(tx, log.batch, log.changes);
      const r = await tx.query('DELETE FROM documents WHERE path = ANY($1::text[])', [paths]);
      return r.rowCount;
    });
  }

  /** The stored documents at these paths with their passages in order (what an ingest replaces). */
  async storedVersions(paths: readonly string[]): Promise<Map<string, StoredVersion>> {
    const out = new Map<string, StoredVersion>();
    if (paths.length === 0) return out;
    const d = await this.db.query<DocRow & { path: string }>(
      `SELECT ${DOC_COLUMNS}, path FROM documents WHERE path = ANY($1::text[])`,
      [paths],
    );
    const byId = new Map<string, StoredVersion>();
    for (const row of d.rows) {
      const v: StoredVersion = { doc: toDocMeta(row), chunks: [] };
      out.set(row.path, v);
      byId.set(row.id, v);
    }
    if (byId.size === 0) return out;
    const c = await this.db.query<{ doc_id: string; heading_path: string[]; text: string }>(
      'SELECT doc_id, heading_path, text FROM chunks WHERE doc_id = ANY($1::text[]) ORDER BY doc_id, ord',
      [[...byId.keys()]],
    );
    for (const row of c.rows) byId.get(row.doc_id)?.chunks.push({ headingPath: row.heading_path, text: row.text });
    return out;
  }

  /**
   * Every document's id, content hash, passage count and whether all its passages carry `embedder`'s
   * vectors, in the order loadAll() returns them: what a loaded index compares itself with to find
   * the documents an ingest changed (docs/decisions/023-incremental-index-updates.md).
   */
  async documentStates(embedder: string): Promise<DocumentState[]> {
    const r = await this.db.query<{ id: string; content_hash: string; chunks: number; usable: boolean }>(
      `SELECT d.id, d.content_hash, count(c.id)::int AS chunks, coalesce(bool_and(c.embedder = $1), true) AS usable
         FROM documents d LEFT JOIN chunks c ON c.doc_id = d.id
        GROUP BY d.id ORDER BY d.id`,
      [embedder],
    );
    return r.rows.map((row) => ({
      id: row.id,
      contentHash: row.content_hash,
      chunks: Number(row.chunks),
      usable: row.usable,
    }));
  }

  /** The documents `ids` and their passages, as loadAll() gives them. */
  async loadDocuments(ids: readonly string[]): Promise<LoadedKnowledge> {
    return this.load(ids);
  }

  /** Every document and passage, ordered by document id then position; `hashes` by document id. */
  async loadAll(): Promise<LoadedKnowledge> {
    return this.load(undefined);
  }

  private async load(ids: readonly string[] | undefined): Promise<LoadedKnowledge> {
    const only = ids ? ' WHERE id = ANY($1::text[])' : '';
    const d = await this.db.query<DocRow & { content_hash: string }>(
      `SELECT ${DOC_COLUMNS}, content_hash FROM documents${only} ORDER BY id`,
      ids ? [ids] : [],
    );
    const c = await this.db.query<{
      id: string;
      doc_id: string;
      ord: number;
      heading_path: string[];
      text: string;
      embedder: string;
      embedding: Uint8Array;
      sources: string[] | null;
    }>(
      `SELECT id, doc_id, ord, heading_path, text, embedder, embedding, sources FROM chunks${ids ? ' WHERE doc_id = ANY($1::text[])' : ''} ORDER BY doc_id, ord`,
      ids ? [ids] : [],
    );
    return {
      docs: d.rows.map(toDocMeta),
      hashes: new Map(d.rows.map((row) => [row.id, row.content_hash])),
      chunks: c.rows.map((row) => ({
        id: row.id,
        docId: row.doc_id,
        ord: row.ord,
        headingPath: row.heading_path,
        text: row.text,
        ...(row.sources ? { sources: row.sources } : {}),
        embedder: row.embedder,
        embedding: bytesToVector(row.embedding),
      })),
    };
  }

  /** The latest ingest run: 'running' after its process was stopped before it finished. */
  async lastRun(): Promise<{ id: number; status: 'running' | 'ok' | 'failed'; startedAt: string } | undefined> {
    const r = await this.db.query<{ id: string; status: 'running' | 'ok' | 'failed'; started_at: string | Date }>(
      'SELECT id, status, started_at FROM ingest_runs ORDER BY id DESC LIMIT 1',
    );
    const row = r.rows[0];
    return row
      ? { id: Number(row.id), status: row.status, startedAt: new Date(row.started_at).toISOString() }
      : undefined;
  }

  async startRun(embedder: string): Promise<number> {
    const r = await this.db.query<{ id: string }>('INSERT INTO ingest_runs (embedder) VALUES ($1) RETURNING id', [
      embedder,
    ]);
    return Number(r.rows[0]!.id);
  }

  async finishRun(id: number, status: 'ok' | 'failed', counts: IngestCounts): Promise<void> {
    await this.db.query(
      `UPDATE ingest_runs SET finished_at = now(), status = $2, added = $3, changed = $4, removed = $5,
              unchanged = $6, skipped = $7, errors = $8::jsonb WHERE id = $1`,
      [
        id,
        status,
        counts.added,
        counts.changed,
        counts.removed,
        counts.unchanged,
        counts.skipped,
        JSON.stringify(counts.errors),
      ],
    );
  }
}

interface DocRow {
  id: string;
  slug: string;
  lang: Lang;
  title: string;
  category: string;
  countries: string[];
  sources: string[];
  translations: string[];
  as_of: string | null;
  review_by: string | null;
}

const DOC_COLUMNS = `id, slug, lang, title, category, countries, sources, translations,
       to_char(as_of, 'YYYY-MM-DD') AS as_of, to_char(review_by, 'YYYY-MM-DD') AS review_by`;

function toDocMeta(row: DocRow): DocMeta {
  return {
    id: row.id,
    slug: row.slug,
    lang: row.lang,
    title: row.title,
    category: row.category,
    countries: row.countries,
    sources: row.sources,
    translations: row.translations,
    asOf: row.as_of ?? undefined,
    reviewBy: row.review_by ?? undefined,
  };
}

async function insertChunks(
  tx: Queryable,
  chunks: ReadonlyArray<NewChunk & { docId: string; ord: number }>,
  embedder: string,
): Promise<void> {
  // One multi-row insert per 200 chunks keeps round trips (and PGlite worker messages) few.
  for (let start = 0; start < chunks.length; start += 200) {
    const slice = chunks.slice(start, start + 200);
    const values: unknown[] = [];
    const rows = slice.map((c, i) => {
      values.push(
        `${c.docId}#${c.ord}`,
        c.docId,
        c.ord,
        c.headingPath,
        c.text,
        embedder,
        vectorToBytes(c.embedding),
        c.sources ?? null,
      );
      const b = i * 8;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
    });
    await tx.query(
      `INSERT INTO chunks (id, doc_id, ord, heading_path, text, embedder, embedding, sources) VALUES ${rows.join(', ')}`,
      values,
    );
  }
}

export function vectorToBytes(v: Float32Array): Uint8Array {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

export function bytesToVector(b: Uint8Array): Float32Array {
  // Copy: the driver's buffer may be shared and unaligned.
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Float32Array(copy.buffer);
}
