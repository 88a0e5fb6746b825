// The lexical index kept in PostgreSQL, for a corpus past one machine's memory
// (docs/decisions/017-retrieval-at-scale.md): one row per term holding its postings as the same
// typed arrays the in-memory index uses (document numbers int32, frequencies uint16, as bytea), and
// one row of document lengths. A replica holds the lengths (4 bytes a chunk) and a bounded cache of
// recently asked terms; a question fetches the postings of its own terms by primary key and is
// ranked in process by the same MaxScore code, so its top k is exactly the in-memory index's.
import type { Db, Queryable } from '../store/db.js';
import { Bm25Index, type Accept, type ScoredIndex } from './bm25-index.js';

const IDENT = /^[a-z_][a-z0-9_]*$/;

interface Postings {
  docs: Int32Array;
  tfs: Uint16Array;
  /** Its MaxScore bound before idf, computed once when fetched rather than at every question. */
  bound: number;
}

export class PgLexicalIndex {
  private base: Bm25Index | undefined;
  private readonly cache = new Map<string, Postings | null>(); // null: a term the corpus lacks
  private cachedBytes = 0;

  /** `schema` names where the two tables live (created by save()). */
  constructor(
    private readonly db: Db,
    private readonly schema: string,
    private readonly opts: { cacheBytes?: number } = {},
  ) {
    if (!IDENT.test(schema)) throw new Error(`bad schema name ${schema}`);
  }

  private get t(): { meta: string; terms: string } {
    return { meta: `${this.schema}.lexical_meta`, terms: `${this.schema}.lexical_terms` };
  }

  /** Writes a built index in one transaction, replacing what was there (batches of terms). */
  async save(index: Bm25Index, batch = 2000): Promise<void> {
    const d = index.toData();
    await this.db.exec(`CREATE SCHEMA IF NOT EXISTS ${this.schema};
      CREATE TABLE IF NOT EXISTS ${this.t.meta} (one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one), k1 FLOAT8 NOT NULL,
        b FLOAT8 NOT NULL, doc_len BYTEA NOT NULL);
      CREATE TABLE IF NOT EXISTS ${this.t.terms} (term TEXT PRIMARY KEY, docs BYTEA NOT NULL, tfs BYTEA NOT NULL);
      ALTER TABLE ${this.t.terms} ALTER COLUMN docs SET STORAGE EXTERNAL, ALTER COLUMN tfs SET STORAGE EXTERNAL;`);
    await this.db.transaction(async (tx: Queryable) => {
      await tx.query(`DELETE FROM ${this.t.terms}`);
      await tx.query(`DELETE FROM ${this.t.meta}`);
      await tx.query(`INSERT INTO ${this.t.meta} (k1, b, doc_len) VALUES ($1, $2, $3)`, [d.k1, d.b, bytes(d.docLen)]);
      for (let i = 0; i < d.terms.length; i += batch) {
        const terms = d.terms.slice(i, i + batch);
        const docs = terms.map((_, j) => bytes(d.docs.subarray(d.offsets[i + j]!, d.offsets[i + j + 1]!)));
        const tfs = terms.map((_, j) => bytes(d.tfs.subarray(d.offsets[i + j]!, d.offsets[i + j + 1]!)));
        await tx.query(
          `INSERT INTO ${this.t.terms} (term, docs, tfs) SELECT * FROM unnest($1::text[], $2::bytea[], $3::bytea[])`,
          [terms, docs, tfs],
        );
      }
    });
    this.base = undefined;
    this.cache.clear();
    this.cachedBytes = 0;
  }

  /** Reads the document lengths (the only per-chunk state a replica keeps). */
  async load(): Promise<void> {
    const r = await this.db.query<{ k1: number; b: number; doc_len: Buffer }>(
      `SELECT k1, b, doc_len FROM ${this.t.meta}`,
    );
    const row = r.rows[0];
    if (!row) throw new Error(`no lexical index in schema ${this.schema}`);
    const docLen = new Int32Array(aligned(row.doc_len), 0, row.doc_len.length / 4);
    this.base = Bm25Index.fromData({
      k1: Number(row.k1),
      b: Number(row.b),
      docLen,
      terms: [],
      offsets: new Int32Array(1),
      docs: new Int32Array(0),
      tfs: new Uint16Array(0),
    });
    this.cache.clear();
    this.cachedBytes = 0;
  }

  get size(): number {
    return this.base?.size ?? 0;
  }

  /** Top k by BM25 with MaxScore, fetching the postings of the query's terms not in the cache. */
  async search(queryTokens: readonly string[], k: number, accept?: Accept): Promise<ScoredIndex[]> {
    if (!this.base) await this.load();
    const unique = [...new Set(queryTokens)];
    const missing = unique.filter((t) => !this.cache.has(t));
    if (missing.length) {
      const r = await this.db.query<{ term: string; docs: Buffer; tfs: Buffer }>(
        `SELECT term, docs, tfs FROM ${this.t.terms} WHERE term = ANY($1::text[])`,
        [missing],
      );
      const found = new Map(r.rows.map((x) => [x.term, x]));
      for (const t of missing) {
        const row = found.get(t);
        if (!row) {
          this.remember(t, null);
          continue;
        }
        const docs = new Int32Array(aligned(row.docs), 0, row.docs.length / 4);
        const tfs = new Uint16Array(aligned(row.tfs), 0, row.tfs.length / 2);
        this.remember(t, { docs, tfs, bound: this.base!.tfPartBound(docs, tfs) });
      }
    }
    const terms: string[] = [];
    const lists: Postings[] = [];
    for (const t of unique) {
      const p = this.cache.get(t);
      if (!p) continue;
      // Most recently used last: the cache evicts from the front.
      this.cache.delete(t);
      this.cache.set(t, p);
      terms.push(t);
      lists.push(p);
    }
    const offsets = new Int32Array(terms.length + 1);
    lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.docs.length));
    const docs = new Int32Array(offsets[terms.length]!);
    const tfs = new Uint16Array(offsets[terms.length]!);
    lists.forEach((l, i) => {
      docs.set(l.docs, offsets[i]!);
      tfs.set(l.tfs, offsets[i]!);
    });
    const bounds = Float64Array.from(lists, (l) => l.bound);
    return this.base!.withTerms(terms, offsets, docs, tfs, bounds).search(queryTokens, k, accept);
  }

  private remember(term: string, p: Postings | null): void {
    const limit = this.opts.cacheBytes ?? 64 * 1048576;
    const size = p ? p.docs.byteLength + p.tfs.byteLength : 0;
    this.cache.set(term, p);
    this.cachedBytes += size;
    for (const [t, old] of this.cache) {
      if (this.cachedBytes <= limit) break;
      if (t === term) continue;
      this.cache.delete(t);
      this.cachedBytes -= old ? old.docs.byteLength + old.tfs.byteLength : 0;
    }
  }

  /** Bytes held by the postings cache (what a replica pays beyond the document lengths). */
  get cacheBytes(): number {
    return this.cachedBytes;
  }
}

function bytes(a: Int32Array | Uint16Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** A copy starting on an aligned offset (pg's Buffers may sit at any offset of a pooled slab). */
function aligned(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
}
