// An ingest that changed a few documents, applied to the loaded indexes instead of rebuilding them
// (docs/decisions/023-incremental-index-updates.md): the passages of changed and removed documents
// leave, the new passages are tokenized (and their stored vectors copied in), and the passages that
// stay are neither tokenized nor re-embedded. The result is laid out exactly as a full rebuild from
// the same store lays it out — documents in the store's order, each document's passages by position
// — so a search gives the same hits, scores and tie order as that rebuild.
import { plainChunk } from './plain-chunk.js';
import type { DocMeta, IndexedChunk } from '../domain/knowledge.js';
import type { Bm25Index } from './bm25-index.js';
import { FlatVectors } from './flat-vectors.js';
import { indexText } from './hybrid-index.js';
import { mergeBm25, type AddedDocument } from './merge-bm25.js';
import { tokenize } from './tokenize.js';

/** What a HybridIndex is built from. */
export interface IndexParts {
  /** In the store's order. */
  docs: readonly DocMeta[];
  /** By document (in `docs` order), then by position in the document. */
  chunks: readonly IndexedChunk[];
  lexical: Bm25Index;
  /** Flat vectors of every passage, or none (pgvector keeps them, or nothing is embedded). */
  vectors: FlatVectors | undefined;
}

export interface DocumentChanges {
  /** Every document id after the change, in the store's order. */
  order: readonly string[];
  /** The added and changed documents with all their passages (and, with flat vectors, their embeddings). */
  changed: ReadonlyArray<{
    doc: DocMeta;
    chunks: ReadonlyArray<IndexedChunk & { embedding?: Float32Array }>;
  }>;
}

/** Why the change could not be applied; the caller rebuilds from the store. */
export class CannotApplyChanges extends Error {
  override readonly name = 'CannotApplyChanges';
}

export function applyDocumentChanges(
  parts: IndexParts,
  changes: DocumentChanges,
  tokenizer: (text: string) => string[] = tokenize,
): IndexParts {
  const oldDocs = new Map(parts.docs.map((d) => [d.id, d]));
  const changed = new Map(changes.changed.map((c) => [c.doc.id, c]));
  const oldAt = passageRuns(parts.chunks);
  if (parts.vectors && parts.vectors.size !== parts.chunks.length)
    throw new CannotApplyChanges('some passages have no vector of this embedder');

  const docs: DocMeta[] = [];
  const chunks: IndexedChunk[] = [];
  const keep = new Int32Array(parts.chunks.length).fill(-1);
  const added: AddedDocument[] = [];
  const vectors = parts.vectors ? FlatVectors.create(parts.vectors.dimensions, countAfter(oldAt, changes)) : undefined;
  // Kept vectors are copied a run of consecutive passages at a time (most of the index is one run).
  let run = { from: 0, count: 0 };
  const flush = () => {
    if (run.count) vectors?.addStored(parts.vectors!, run.from, run.count);
    run = { from: 0, count: 0 };
  };
  for (const id of changes.order) {
    const fresh = changed.get(id);
    if (fresh) {
      docs.push(fresh.doc);
      const byDoc = new Map([[fresh.doc.id, fresh.doc]]);
      flush();
      for (const c of [...fresh.chunks].sort((a, b) => a.ord - b.ord)) {
        if (c.docId !== id) throw new CannotApplyChanges(`passage ${c.id} is not of document ${id}`);
        added.push({ at: chunks.length, tokens: tokenizer(indexText(c, byDoc.get(c.docId))) });
        chunks.push(plainChunk(c));
        if (vectors) {
          if (!c.embedding) throw new CannotApplyChanges(`passage ${c.id} comes without its vector`);
          vectors.add(c.embedding);
        }
      }
      continue;
    }
    const doc = oldDocs.get(id);
    if (!doc) throw new CannotApplyChanges(`document ${id} is neither loaded nor among the changed ones`);
    docs.push(doc);
    const at = oldAt.get(id);
    if (!at) continue;
    if (run.from + run.count !== at.start) flush();
    if (run.count === 0) run.from = at.start;
    run.count += at.count;
    for (let i = at.start; i < at.start + at.count; i++) {
      keep[i] = chunks.length;
      chunks.push(parts.chunks[i]!);
    }
  }
  flush();
  let lexical: Bm25Index;
  try {
    lexical = mergeBm25(parts.lexical, keep, added, chunks.length);
  } catch (err) {
    throw new CannotApplyChanges((err as Error).message);
  }
  return { docs, chunks, lexical, vectors };
}

/**
 * Where each document's passages are in the list: one run each, as the store's order lays them out.
 * A document whose passages are scattered means the list was not laid out that way: refused.
 */
function passageRuns(chunks: readonly IndexedChunk[]): Map<string, { start: number; count: number }> {
  const runs = new Map<string, { start: number; count: number }>();
  let current: { start: number; count: number } | undefined;
  let currentDoc: string | undefined;
  chunks.forEach((c, i) => {
    if (c.docId !== currentDoc) {
      if (runs.has(c.docId)) throw new CannotApplyChanges(`the passages of ${c.docId} are not together`);
      current = { start: i, count: 0 };
      currentDoc = c.docId;
      runs.set(c.docId, current);
    }
    current!.count++;
  });
  return runs;
}

function countAfter(oldAt: ReadonlyMap<string, { count: number }>, changes: DocumentChanges): number {
  const fresh = new Map(changes.changed.map((c) => [c.doc.id, c.chunks.length]));
  return changes.order.reduce((n, id) => n + (fresh.get(id) ?? oldAt.get(id)?.count ?? 0), 0);
}
