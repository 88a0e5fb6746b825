// The searchable knowledge saved under DATA_DIR/index: documents and passages (knowledge.json), the
// lexical index (lexical-index-file.ts) and the vectors — raw float32 (vectors.bin, flat-vectors.ts)
// for lexical-first fusion, the HNSW index (hnsw-vector-index.ts) otherwise — with a manifest naming what they were built from (the store's fingerprint, the embedder) and each file's
// checksum. Loading it takes tens of milliseconds where reading every passage from the database and
// rebuilding both indexes took seconds. The manifest is written last and removed first, so a
// half-written snapshot is never taken for a whole one.
import { plainChunk } from './plain-chunk.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocMeta, IndexedChunk } from '../domain/knowledge.js';
import type { Bm25Index } from './bm25-index.js';
import { FlatVectors } from './flat-vectors.js';
import { HnswVectorIndex, IndexFileError } from './hnsw-vector-index.js';
import type { VectorStore } from './hybrid-index.js';
import { LEXICAL_FILE, readLexicalIndex, writeLexicalIndex } from './lexical-index-file.js';

const MANIFEST_FILE = 'knowledge.manifest.json';
// Temporary names of this process: replicas sharing a directory never write into one file.
const TMP = `tmp-${process.pid}`;
const DATA_FILE = 'knowledge.json';
const VECTORS_FILE = 'vectors.bin';
const HNSW_FILES = ['hnsw.bin', 'hnsw.manifest.json'];

export interface SnapshotManifest {
  /** 2: vectors.bin for lexical-first fusion. A version-1 snapshot is refused and rebuilt once. */
  version: 2;
  embedder: string;
  vectorStore: 'hnswlib' | 'pgvector';
  /** How the usable chunks' vectors are kept: 'flat' in vectors.bin, 'hnsw' in hnsw.bin (none with pgvector). */
  vectorIndex: VectorIndexKind;
  /** Each vector's length (0 when there are none). */
  dimensions: number;
  /** KnowledgeRepo.fingerprint() of the store the snapshot was built from. */
  fingerprint: string;
  documents: number;
  chunks: number;
  /** The first `usable` chunks carry this embedder's vectors, in the vector index's label order. */
  usable: number;
  /** sha256 of each data file. */
  files: Record<string, string>;
}

export interface Snapshot {
  manifest: SnapshotManifest;
  docs: DocMeta[];
  chunks: IndexedChunk[];
  /**
   * Each document's content hash by id, so an update after the next ingest can tell which documents
   * changed (docs/decisions/023-incremental-index-updates.md). Absent in snapshots saved before: such a
   * snapshot still loads, and the first reload after it rebuilds in full.
   */
  hashes?: Record<string, string> | undefined;
  lexical: Bm25Index;
  vectors: VectorStore | undefined;
}

export type VectorIndexKind = 'flat' | 'hnsw' | 'none';

export function saveSnapshot(dir: string, s: Snapshot): void {
  mkdirSync(dir, { recursive: true });
  dropSnapshot(dir);
  const data = Buffer.from(
    JSON.stringify({ docs: s.docs, chunks: s.chunks.map(plainChunk), ...(s.hashes ? { hashes: s.hashes } : {}) }),
  );
  writeAtomically(join(dir, DATA_FILE), data);
  const lexicalTmp = join(dir, `${LEXICAL_FILE}.${TMP}`);
  writeLexicalIndex(s.lexical, lexicalTmp);
  renameSync(lexicalTmp, join(dir, LEXICAL_FILE));
  const files: Record<string, string> = {
    [DATA_FILE]: sha256(data),
    [LEXICAL_FILE]: sha256(readFileSync(join(dir, LEXICAL_FILE))),
  };
  // The other kind's files, from a snapshot saved before, would only take disk space.
  if (!(s.vectors instanceof HnswVectorIndex)) for (const f of HNSW_FILES) rmSync(join(dir, f), { force: true });
  if (!(s.vectors instanceof FlatVectors)) rmSync(join(dir, VECTORS_FILE), { force: true });
  if (s.vectors instanceof FlatVectors) {
    const bytes = s.vectors.toBytes();
    writeAtomically(join(dir, VECTORS_FILE), bytes);
    files[VECTORS_FILE] = sha256(bytes);
  } else if (s.vectors)
    s.vectors.save(dir, {
      embedder: s.manifest.embedder,
      chunkIds: s.chunks.slice(0, s.manifest.usable).map((c) => c.id),
    });
  const manifest: SnapshotManifest = { ...s.manifest, files };
  writeAtomically(join(dir, MANIFEST_FILE), Buffer.from(JSON.stringify(manifest)));
}

/** Marks the snapshot out of date before the stored knowledge changes. */
export function dropSnapshot(dir: string): void {
  rmSync(join(dir, MANIFEST_FILE), { force: true });
}

/** Loads a snapshot built for this embedder and vector store, or throws IndexFileError saying why not. */
export function loadSnapshot(
  dir: string,
  expected: { embedder: string; vectorStore: SnapshotManifest['vectorStore']; vectorIndex: VectorIndexKind },
): Snapshot {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new IndexFileError(`no saved knowledge index in ${dir}`);
  let manifest: SnapshotManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as SnapshotManifest;
  } catch {
    throw new IndexFileError(`knowledge index manifest ${manifestPath} is not valid JSON`);
  }
  if (manifest.version !== 2 || typeof manifest.files !== 'object' || manifest.files === null)
    throw new IndexFileError(`knowledge index manifest ${manifestPath} has an unknown shape or an older version`);
  if (manifest.embedder !== expected.embedder || manifest.vectorStore !== expected.vectorStore)
    throw new IndexFileError(`the saved knowledge index was built for ${manifest.embedder} (${manifest.vectorStore})`);
  // With no usable vectors either kind describes an empty store.
  if (manifest.usable > 0 && manifest.vectorIndex !== expected.vectorIndex)
    throw new IndexFileError(`the saved knowledge index keeps its vectors as ${manifest.vectorIndex}`);
  const read = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new IndexFileError(`${path} is missing`);
    const bytes = readFileSync(path);
    if (sha256(bytes) !== manifest.files[name])
      throw new IndexFileError(`${path} does not match its manifest checksum (damaged or replaced)`);
    return bytes;
  };
  let parsed: { docs: DocMeta[]; chunks: IndexedChunk[]; hashes?: unknown };
  try {
    parsed = JSON.parse(read(DATA_FILE).toString('utf8')) as typeof parsed;
  } catch (err) {
    if (err instanceof IndexFileError) throw err;
    throw new IndexFileError(`${join(dir, DATA_FILE)} is not valid JSON`);
  }
  read(LEXICAL_FILE);
  const lexical = readLexicalIndex(join(dir, LEXICAL_FILE));
  if (parsed.chunks.length !== manifest.chunks || lexical.size !== manifest.chunks)
    throw new IndexFileError(`the saved knowledge index in ${dir} does not hold ${manifest.chunks} passages`);
  let vectors: VectorStore | undefined;
  if (manifest.vectorStore === 'hnswlib' && manifest.usable > 0 && manifest.vectorIndex === 'flat') {
    const bytes = read(VECTORS_FILE);
    if (!(manifest.dimensions > 0) || bytes.byteLength !== manifest.usable * manifest.dimensions * 4)
      throw new IndexFileError(
        `${join(dir, VECTORS_FILE)} does not hold ${manifest.usable} vectors of ${manifest.dimensions} float32 values`,
      );
    vectors = FlatVectors.fromBytes(bytes, manifest.dimensions, manifest.usable);
  } else if (manifest.vectorStore === 'hnswlib' && manifest.usable > 0) {
    const loaded = HnswVectorIndex.load(dir);
    const ids = parsed.chunks.slice(0, manifest.usable).map((c) => c.id);
    if (loaded.manifest.embedder !== manifest.embedder || !sameIds(loaded.manifest.chunkIds, ids))
      throw new IndexFileError(`the saved vector index in ${dir} belongs to other passages`);
    vectors = loaded.index;
  }
  const hashes = isHashes(parsed.hashes, parsed.docs) ? parsed.hashes : undefined;
  return { manifest, docs: parsed.docs, chunks: parsed.chunks, hashes, lexical, vectors };
}

/** Recorded hashes are used only when they name every document, each with a string. */
function isHashes(h: unknown, docs: readonly DocMeta[]): h is Record<string, string> {
  if (typeof h !== 'object' || h === null) return false;
  const rec = h as Record<string, unknown>;
  return Object.keys(rec).length === docs.length && docs.every((d) => typeof rec[d.id] === 'string');
}

function writeAtomically(path: string, bytes: Uint8Array): void {
  writeFileSync(`${path}.${TMP}`, bytes);
  renameSync(`${path}.${TMP}`, path);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
