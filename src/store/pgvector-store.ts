// Embeddings in PostgreSQL with pgvector (VECTOR_STORE=pgvector): one HNSW index shared by every
// replica, filters (language, category, country, document) applied in SQL.
import type { SearchFilters } from '../domain/knowledge.js';
import type { Db } from './db.js';
import { bytesToVector } from './knowledge-repo.js';

export interface PgVectorHit {
  chunkId: string;
  score: number;
}

const literal = (v: Float32Array | number[]) => `[${Array.from(v, (x) => (Number.isFinite(x) ? x : 0)).join(',')}]`;

export class PgVectorStore {
  constructor(
    private readonly db: Db,
    private readonly dims: number,
    private readonly embedder: string,
  ) {}

  /** Creates the extension, table and index; recreates them when the embedding size changed. */
  async setup(): Promise<void> {
    await this.db.exec('CREATE EXTENSION IF NOT EXISTS vector');
    const r = await this.db.query<{ typmod: number }>(
      `SELECT a.atttypmod AS typmod FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relname = 'chunk_vectors' AND a.attname = 'embedding' AND NOT a.attisdropped`,
    );
    if (r.rows[0] && Number(r.rows[0].typmod) !== this.dims) await this.db.exec('DROP TABLE chunk_vectors');
    await this.db.exec(`CREATE TABLE IF NOT EXISTS chunk_vectors (
      chunk_id TEXT PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
      doc_id   TEXT NOT NULL,
      embedder TEXT NOT NULL,
      embedding vector(${this.dims}) NOT NULL
    )`);
    await this.db.exec(
      'CREATE INDEX IF NOT EXISTS chunk_vectors_hnsw ON chunk_vectors USING hnsw (embedding vector_cosine_ops)',
    );
  }

  /** Copies the embeddings of chunks not yet in the vector table (after an ingest on any replica). */
  async sync(): Promise<number> {
    const missing = await this.db.query<{ id: string; doc_id: string; embedding: Uint8Array }>(
      `SELECT c.id, c.doc_id, c.embedding FROM chunks c LEFT JOIN chunk_vectors v ON v.chunk_id = c.id
        WHERE v.chunk_id IS NULL AND c.embedder = $1`,
      [this.embedder],
    );
    for (const row of missing.rows) {
      await this.db.query(
        'INSERT INTO chunk_vectors (chunk_id, doc_id, embedder, embedding) VALUES ($1, $2, $3, $4::vector) ON CONFLICT (chunk_id) DO NOTHING',
        [row.id, row.doc_id, this.embedder, literal(bytesToVector(row.embedding))],
      );
    }
    return missing.rows.length;
  }

  async search(vector: Float32Array, k: number, f: SearchFilters = {}): Promise<PgVectorHit[]> {
    const langs = f.lang === undefined ? null : typeof f.lang === 'string' ? [f.lang] : [...f.lang];
    const cats = f.category === undefined ? null : typeof f.category === 'string' ? [f.category] : [...f.category];
    return this.db.transaction(async (tx) => {
      // With filters the index may return fewer rows than asked; pgvector 0.8 can keep scanning.
      await tx.query("SET LOCAL hnsw.iterative_scan = 'relaxed_order'").catch(() => undefined);
      const r = await tx.query<{ chunk_id: string; score: number }>(
        `SELECT v.chunk_id, 1 - (v.embedding <=> $1::vector) AS score
           FROM chunk_vectors v JOIN documents d ON d.id = v.doc_id
          WHERE v.embedder = $2
            AND ($3::text[] IS NULL OR d.lang = ANY($3))
            AND ($4::text[] IS NULL OR d.category = ANY($4))
            AND ($5::text IS NULL OR $5 = ANY(d.countries))
            AND ($6::text IS NULL OR d.id = $6)
          ORDER BY v.embedding <=> $1::vector
          LIMIT $7`,
        [literal(vector), this.embedder, langs, cats, f.country?.toUpperCase() ?? null, f.docId ?? null, k],
      );
      return r.rows.map((x) => ({ chunkId: x.chunk_id, score: Number(x.score) }));
    });
  }
}
