// A frozen BM25 index with some documents removed and others added, built from the old index's
// postings without tokenizing the documents that stay (docs/decisions/023-incremental-index-updates.md).
// The result is the index a fresh build over the new document list would give: the same document
// lengths, the same postings per term in document order, no term left without postings; only the
// order of the term list differs, which no score depends on. Its statistics (N, average length,
// each term's df) and so its scores are therefore those of the merged corpus, bit for bit.
import { Bm25Index } from './bm25-index.js';

export interface AddedDocument {
  /** Its number in the new index. */
  at: number;
  tokens: readonly string[];
}

/**
 * `keep[d]` is old document d's number in the new index, or -1 when it is removed; kept documents
 * must keep their relative order (what the callers' store order guarantees), as must `added` (by
 * `at`). Every number below `size` must be taken exactly once. Throws when any of that fails, so the
 * caller can rebuild instead.
 */
export function mergeBm25(base: Bm25Index, keep: Int32Array, added: readonly AddedDocument[], size: number): Bm25Index {
  const old = base.toData();
  if (keep.length !== old.docLen.length)
    throw new Error(`keep maps ${keep.length} documents, the index holds ${old.docLen.length}`);
  const docLen = new Int32Array(size).fill(-1);
  let last = -1;
  for (let d = 0; d < keep.length; d++) {
    const to = keep[d]!;
    if (to < 0) continue;
    if (to <= last || to >= size) throw new Error(`kept document ${d} moves out of order (to ${to})`);
    last = to;
    docLen[to] = old.docLen[d]!;
  }
  // The added documents as a small index of their own: the same code counts their frequencies.
  const delta = new Bm25Index({ k1: old.k1, b: old.b });
  const deltaAt = new Int32Array(added.length);
  last = -1;
  added.forEach((a, i) => {
    if (a.at <= last || a.at >= size || docLen[a.at] !== -1) throw new Error(`added document at ${a.at} is misplaced`);
    last = a.at;
    docLen[a.at] = a.tokens.length;
    deltaAt[i] = a.at;
    delta.add(a.tokens);
  });
  if (docLen.includes(-1)) throw new Error('some document numbers are neither kept nor added');
  const add = delta.toData();
  const addIds = new Map(add.terms.map((t, i) => [t, i]));
  const used = new Uint8Array(add.terms.length);

  const capacity = old.docs.length + add.docs.length;
  const docs = new Int32Array(capacity);
  const tfs = new Uint16Array(capacity);
  const terms: string[] = [];
  const offsets: number[] = [0];
  let n = 0;
  const oldDocs = old.docs;
  const oldTfs = old.tfs;
  // One term's postings: the old ones renumbered (removed documents dropped), merged in document
  // order with the added ones; a term none of the remaining documents holds is dropped, as a fresh
  // build would never have seen it (its idf would otherwise be a rare word's, not 0).
  const emit = (term: string, oldStart: number, oldEnd: number, addStart: number, addEnd: number) => {
    const from = n;
    let p = oldStart;
    let q = addStart;
    // Most terms gain no posting: their old postings renumbered is all (the bulk of the work).
    if (q === addEnd) {
      for (; p < oldEnd; p++) {
        const to = keep[oldDocs[p]!]!;
        if (to >= 0) {
          docs[n] = to;
          tfs[n++] = oldTfs[p]!;
        }
      }
    }
    for (;;) {
      while (p < oldEnd && keep[oldDocs[p]!]! < 0) p++;
      const a = p < oldEnd ? keep[oldDocs[p]!]! : 0x7fffffff;
      const b = q < addEnd ? deltaAt[add.docs[q]!]! : 0x7fffffff;
      if (a === 0x7fffffff && b === 0x7fffffff) break;
      if (a < b) {
        docs[n] = a;
        tfs[n++] = oldTfs[p++]!;
      } else {
        docs[n] = b;
        tfs[n++] = add.tfs[q++]!;
      }
    }
    if (n > from) {
      terms.push(term);
      offsets.push(n);
    }
  };
  old.terms.forEach((term, t) => {
    const j = addIds.get(term);
    if (j !== undefined) used[j] = 1;
    emit(
      term,
      old.offsets[t]!,
      old.offsets[t + 1]!,
      j === undefined ? 0 : add.offsets[j]!,
      j === undefined ? 0 : add.offsets[j + 1]!,
    );
  });
  add.terms.forEach((term, j) => {
    if (!used[j]) emit(term, 0, 0, add.offsets[j]!, add.offsets[j + 1]!);
  });
  return Bm25Index.fromData({
    k1: old.k1,
    b: old.b,
    docLen,
    terms,
    offsets: Int32Array.from(offsets),
    docs: docs.slice(0, n),
    tfs: tfs.slice(0, n),
  });
}
