// Approximate nearest neighbours with hnswlib-node (cosine). Labels are positions in the
// caller's chunk list; the file on disk is paired with a manifest that says which chunk each
// label was, so a reload can be checked against the database before it is trusted.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';

export interface VectorHit {
  idx: number;
  score: number;
}

export interface IndexManifest {
  version: 1;
  embedder: string;
  dimensions: number;
  /** sha256 of the index file: a damaged file is caught here, never handed to the C++ loader. */
  sha256: string;
  chunkIds: string[];
}

export class IndexFileError extends Error {
  override readonly name = 'IndexFileError';
}

const INDEX_FILE = 'hnsw.bin';
/**
 * A filter allowing at most this many vectors (one document, a rare country) is searched exactly;
 * hnswlib's own filtered search would walk most of the graph for it. getPoint costs about 25 µs a
 * vector (measured at 10,000 chunks: 665 allowed vectors took 17 ms), so only small sets go this way.
 */
const EXACT_BELOW = 64;
/**
 * Over-fetching past this many neighbours cost more than hnswlib's filtered search (bench:scale,
 * filtered hybrid: ef ≈ 1,000 was 4× slower at 10,000 chunks). A filter's share of the whole index
 * underrates what over-fetching finds: a question's neighbours are mostly in its own language, so a
 * language filter keeps far more of them than its share.
 */
const MAX_OVERFETCH = 400;
const MANIFEST_FILE = 'hnsw.manifest.json';

export class HnswVectorIndex {
  private constructor(
    private readonly index: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
    private count: number,
  ) {}

  static build(vectors: readonly Float32Array[], dimensions: number): HnswVectorIndex {
    const index = HnswVectorIndex.create(dimensions, vectors.length);
    vectors.forEach((v, i) => index.add(v, i));
    return index.ready();
  }

  /** An empty index for `capacity` vectors, filled one at a time (a build that streams its passages). */
  static create(dimensions: number, capacity: number): HnswVectorIndex {
    const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
    // M=16, efConstruction=100, ef=64: kept after the sweep of bench/hnsw-sweep.ts at 100,000 chunks
    // (docs/decisions/017-retrieval-at-scale.md): smaller graphs built faster but found fewer of the
    // exact 50 nearest.
    index.initIndex(Math.max(1, capacity), 16, 100, 42);
    index.setEf(64);
    return new HnswVectorIndex(index, dimensions, 0);
  }

  add(v: Float32Array, label: number): void {
    if (v.length !== this.dimensions)
      throw new Error(`vector ${label} has ${v.length} dimensions, expected ${this.dimensions}`);
    this.index.addPoint(Array.from(v), label);
    this.count++;
  }

  /** Kept for the call sites that build all at once. */
  private ready(): this {
    return this;
  }

  get size(): number {
    return this.count;
  }

  /**
   * The k nearest vectors, among those a mask allows (1 = allowed) when one is given. A filter test
   * called across the native boundary for every visited node costs more than over-fetching and
   * filtering here, so the mask's share of the index decides how: a few allowed vectors are compared
   * exactly, others over-fetch (up to MAX_OVERFETCH), and only when that finds too few is the
   * search handed to hnswlib's filtered search.
   */
  search(query: Float32Array, k: number, mask?: Uint8Array): VectorHit[] {
    if (this.size === 0) return [];
    const n = Math.min(k, this.size);
    const q = Array.from(query);
    if (mask) {
      const allowed = this.allowedCount(mask);
      if (allowed === 0) return [];
      if (allowed <= EXACT_BELOW) return this.exact(q, mask, n);
      const wide = Math.min(this.size, Math.max(n * 8, Math.min(MAX_OVERFETCH, Math.ceil((n * this.size) / allowed))));
      const near = this.index.searchKnn(q, wide);
      const kept: VectorHit[] = [];
      for (let i = 0; i < near.neighbors.length && kept.length < n; i++) {
        const idx = near.neighbors[i]!;
        if (mask[idx] === 1) kept.push({ idx, score: 1 - near.distances[i]! });
      }
      if (kept.length >= n || near.neighbors.length === this.size) return kept;
      const r = this.index.searchKnn(q, n, (idx) => mask[idx] === 1);
      return r.neighbors.map((idx, i) => ({ idx, score: 1 - r.distances[i]! }));
    }
    const r = this.index.searchKnn(q, n);
    return r.neighbors.map((idx, i) => ({ idx, score: 1 - r.distances[i]! }));
  }

  private readonly counts = new WeakMap<Uint8Array, { allowed: number; labels: number[] }>();

  private allowedCount(mask: Uint8Array): number {
    let c = this.counts.get(mask);
    if (!c) {
      const labels: number[] = [];
      let allowed = 0;
      for (let i = 0; i < mask.length; i++) {
        if (mask[i] !== 1) continue;
        allowed++;
        if (allowed <= EXACT_BELOW && i < this.size) labels.push(i);
      }
      this.counts.set(mask, (c = { allowed, labels }));
    }
    return c.allowed;
  }

  /** Cosine against each allowed vector (stored unit length by hnswlib's cosine space). */
  private exact(q: number[], mask: Uint8Array, n: number): VectorHit[] {
    let qn = 0;
    for (const x of q) qn += x * x;
    const norm = Math.sqrt(qn) || 1;
    const hits = this.counts.get(mask)!.labels.map((idx) => {
      const v = this.index.getPoint(idx);
      let dot = 0;
      for (let j = 0; j < v.length; j++) dot += v[j]! * q[j]!;
      return { idx, score: dot / norm };
    });
    return hits.sort((a, b) => b.score - a.score || a.idx - b.idx).slice(0, n);
  }

  /** Writes both files through temporary names so a crash never leaves a half-written pair. */
  save(dir: string, manifest: Omit<IndexManifest, 'version' | 'dimensions' | 'sha256'>): void {
    mkdirSync(dir, { recursive: true });
    const tmpIndex = join(dir, `${INDEX_FILE}.tmp-${process.pid}`);
    this.index.writeIndexSync(tmpIndex);
    const full: IndexManifest = { version: 1, dimensions: this.dimensions, sha256: sha256File(tmpIndex), ...manifest };
    writeFileSync(join(dir, `${MANIFEST_FILE}.tmp-${process.pid}`), JSON.stringify(full));
    renameSync(tmpIndex, join(dir, INDEX_FILE));
    renameSync(join(dir, `${MANIFEST_FILE}.tmp-${process.pid}`), join(dir, MANIFEST_FILE));
  }

  /** Loads a saved index, or throws IndexFileError saying what is wrong with the files. */
  static load(dir: string): { index: HnswVectorIndex; manifest: IndexManifest } {
    const indexPath = join(dir, INDEX_FILE);
    const manifestPath = join(dir, MANIFEST_FILE);
    if (!existsSync(indexPath) || !existsSync(manifestPath))
      throw new IndexFileError(`no saved vector index in ${dir}`);
    let manifest: IndexManifest;
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as IndexManifest;
    } catch {
      throw new IndexFileError(`vector index manifest ${manifestPath} is not valid JSON`);
    }
    if (manifest.version !== 1 || !Array.isArray(manifest.chunkIds) || !(manifest.dimensions > 0)) {
      throw new IndexFileError(`vector index manifest ${manifestPath} has an unknown shape`);
    }
    if (sha256File(indexPath) !== manifest.sha256) {
      throw new IndexFileError(`vector index ${indexPath} does not match its manifest checksum (damaged or replaced)`);
    }
    const index = new hnswlib.HierarchicalNSW('cosine', manifest.dimensions);
    try {
      index.readIndexSync(indexPath);
    } catch (err) {
      throw new IndexFileError(`vector index ${indexPath} cannot be read (${(err as Error).message})`, { cause: err });
    }
    if (index.getCurrentCount() !== manifest.chunkIds.length) {
      throw new IndexFileError(
        `vector index ${indexPath} holds ${index.getCurrentCount()} vectors but its manifest lists ${manifest.chunkIds.length}`,
      );
    }
    index.setEf(64);
    return { index: new HnswVectorIndex(index, manifest.dimensions, manifest.chunkIds.length), manifest };
  }
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
