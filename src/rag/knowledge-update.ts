// The incremental path of a reload (docs/decisions/023-incremental-index-updates.md): the documents
// an ingest added, changed or removed, applied to the loaded indexes.
import type { StoredChunk } from '../store/knowledge-repo.js';
import { applyDocumentChanges, CannotApplyChanges } from './apply-document-changes.js';
import { FlatVectors } from './flat-vectors.js';
import { fusionFor, HybridIndex } from './hybrid-index.js';
import { save, stopwatch, type Loaded, type KnowledgeBaseOptions } from './knowledge-load.js';

/** An ingest touching more than this share of the documents is rebuilt: the update would not save much. */
export const MAX_INCREMENTAL_SHARE = 0.25;

/**
 * The loaded indexes with the documents an ingest added, changed or removed applied to them: the
 * store says which (each document's content hash against the one loaded), only those documents are
 * read and tokenized. Throws CannotApplyChanges when a full rebuild is the safer answer.
 */
export async function update(o: KnowledgeBaseOptions, current: Loaded): Promise<Loaded> {
  const { repo, embedder, pgvector } = o;
  const { parts, hashes } = current;
  if (!hashes) throw new CannotApplyChanges("the loaded index does not record its documents' content hashes");
  if (!pgvector && !(parts.vectors instanceof FlatVectors))
    throw new CannotApplyChanges(parts.vectors ? 'the vectors are kept in an HNSW graph' : 'no vectors are loaded');
  // Read before the passages, as load() does: a change in between shows at the next check.
  const watch = stopwatch();
  const fingerprint = await repo.fingerprint();
  const states = await repo.documentStates(embedder.id);
  if (!pgvector && states.some((s) => !s.usable))
    throw new CannotApplyChanges(`some passages carry another embedder's vectors than ${embedder.id}`);
  const loadedCount = new Map<string, number>();
  for (const c of parts.chunks) loadedCount.set(c.docId, (loadedCount.get(c.docId) ?? 0) + 1);
  const inStore = new Set(states.map((s) => s.id));
  const changed: string[] = [];
  let added = 0;
  for (const s of states) {
    const before = hashes.get(s.id);
    if (before !== s.contentHash) {
      changed.push(s.id);
      if (before === undefined) added++;
    } else if ((loadedCount.get(s.id) ?? 0) !== s.chunks)
      // Same content hash, other passages: written by something other than ingest. Trust nothing.
      throw new CannotApplyChanges(
        `document ${s.id} has ${s.chunks} passages in the store, ${loadedCount.get(s.id) ?? 0} loaded`,
      );
  }
  const removed = parts.docs.filter((d) => !inStore.has(d.id)).length;
  const touched = changed.length + removed;
  const base = Math.max(parts.docs.length, states.length);
  if (touched > MAX_INCREMENTAL_SHARE * base)
    throw new CannotApplyChanges(`${touched} of ${base} documents changed (more than ${MAX_INCREMENTAL_SHARE * 100}%)`);
  const fresh = changed.length ? await repo.loadDocuments(changed) : undefined;
  const byDoc = new Map<string, StoredChunk[]>();
  for (const c of fresh?.chunks ?? []) {
    const list = byDoc.get(c.docId);
    if (list) list.push(c);
    else byDoc.set(c.docId, [c]);
  }
  const want = new Map(states.map((s) => [s.id, s]));
  for (const id of changed) {
    const s = want.get(id)!;
    if (fresh?.hashes.get(id) !== s.contentHash || (byDoc.get(id)?.length ?? 0) !== s.chunks)
      throw new CannotApplyChanges(`document ${id} changed again while it was read`);
  }
  watch.lap('read');
  const next = touched
    ? applyDocumentChanges(
        { ...parts, vectors: parts.vectors as FlatVectors | undefined },
        {
          order: states.map((s) => s.id),
          changed: (fresh?.docs ?? []).map((doc) => ({ doc, chunks: byDoc.get(doc.id) ?? [] })),
        },
        o.tokenizer,
      )
    : parts;
  watch.lap('index');
  if (pgvector) await pgvector.sync();
  const nextHashes = new Map(states.map((s) => [s.id, s.contentHash]));
  watch.lap('read');
  save(o, next, nextHashes, fingerprint, pgvector ? 0 : next.chunks.length);
  watch.lap('save');
  const stats = {
    documents: next.docs.length,
    chunks: next.chunks.length,
    embedder: embedder.id,
    vectorIndex: pgvector ? ('pgvector' as const) : ('built' as const),
    source: 'store' as const,
    fingerprint,
  };
  const index = new HybridIndex(
    next.chunks,
    next.docs,
    next.vectors,
    fusionFor(embedder.id),
    next.lexical,
    o.tokenizer,
  );
  return {
    index,
    stats,
    parts: next,
    hashes: nextHashes,
    counts: { added, changed: changed.length - added, removed },
    steps: watch.steps,
  };
}
