// In-process BM25 over pre-tokenized texts (see docs/decisions/003-bm25.md). Postings live in flat
// typed arrays (document numbers as Int32Array, term frequencies as Uint16Array), and a top-k query
// is answered with MaxScore dynamic pruning (docs/decisions/017-retrieval-at-scale.md): each query
// term has an upper bound of its score; once the k-th best score so far exceeds what the rarest
// terms could add together, those terms only score documents found through the others, and a
// document is dropped as soon as what is left of its bound cannot lift it into the top k. The
// result is the exhaustive ranking's top k exactly, with the same scores to the last bit: a
// document's score is always summed over its terms in query order, as the exhaustive pass does.

export interface ScoredIndex {
  idx: number;
  score: number;
}

/** Which documents a search may return: a mask (1 = allowed) or a test. */
export type Accept = Uint8Array | ((idx: number) => boolean);

/** The frozen index as plain arrays, for saving (lexical-index-file.ts). */
export interface Bm25Data {
  k1: number;
  b: number;
  docLen: Int32Array;
  terms: string[];
  /** Term i's postings are docs[offsets[i] .. offsets[i + 1]) with their frequencies in tfs. */
  offsets: Int32Array;
  docs: Int32Array;
  tfs: Uint16Array;
}

// A bound inflated a little so that summing in another order (float rounding) never makes a real
// score exceed it: pruning must never drop a document that belongs in the top k.
const BOUND_SLACK = 1 + 1e-9;

interface QueryTerm {
  /** Position in the query's unique terms: the order scores are summed in. */
  q: number;
  start: number;
  end: number;
  /** qn × idf: the factor before the frequency part. */
  weight: number;
  bound: number;
}

export class Bm25Index {
  private readonly k1: number;
  private readonly b: number;
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  // While building: each document's (term, frequency) pairs, appended in document order.
  private pairTerm: Int32Array = new Int32Array(1024);
  private pairTf: Uint16Array = new Uint16Array(1024);
  private pairs = 0;
  private docStart: number[] = [0];
  private scratch: Int32Array = new Int32Array(1024); // per-term counter while adding one document
  private lens: number[] = [];
  // Frozen:
  private docLen: Int32Array = new Int32Array(0);
  private offsets: Int32Array = new Int32Array(1);
  private docs: Int32Array = new Int32Array(0);
  private tfs: Uint16Array = new Uint16Array(0);
  /** k1 × (1 − b + b × len / avgLen) per document, computed once as the exhaustive formula does. */
  private norm: Float64Array = new Float64Array(0);
  /** Per term: the largest f(k1+1)/(f+norm) over its postings (its score bound before idf). */
  private maxTfPart: Float64Array = new Float64Array(0);
  private frozen = false;
  /** The Cyrillic terms in order, built on the first completion (the index no longer changes then). */
  private cyrillic: string[] | undefined;
  private acc: Float64Array | undefined;

  constructor(opts: { k1?: number; b?: number } = {}) {
    this.k1 = opts.k1 ?? 0.9;
    this.b = opts.b ?? 0.75;
  }

  get size(): number {
    return this.frozen ? this.docLen.length : this.lens.length;
  }

  /** Adds the next document; its index is the return value. */
  add(tokens: readonly string[]): number {
    if (this.frozen) throw new Error('Bm25Index is frozen');
    const idx = this.lens.length;
    this.lens.push(tokens.length);
    const first = this.pairs;
    for (const t of tokens) {
      let id = this.termIds.get(t);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(t, id);
        this.terms.push(t);
        if (id >= this.scratch.length) this.scratch = grow(this.scratch, id + 1) as Int32Array;
      }
      if (this.scratch[id] === 0) {
        if (this.pairs === this.pairTerm.length) {
          this.pairTerm = grow(this.pairTerm, this.pairs + 1) as Int32Array;
          this.pairTf = grow(this.pairTf, this.pairs + 1) as Uint16Array;
        }
        this.pairTerm[this.pairs++] = id;
      }
      this.scratch[id]!++;
    }
    for (let p = first; p < this.pairs; p++) {
      const id = this.pairTerm[p]!;
      this.pairTf[p] = Math.min(65535, this.scratch[id]!);
      this.scratch[id] = 0;
    }
    this.docStart.push(this.pairs);
    return idx;
  }

  freeze(): this {
    if (this.frozen) return this;
    const nTerms = this.terms.length;
    // Counting sort of the (document, term) pairs by term: each term's postings come out in document order.
    const offsets = new Int32Array(nTerms + 1);
    for (let p = 0; p < this.pairs; p++) offsets[this.pairTerm[p]! + 1]!++;
    for (let t = 0; t < nTerms; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, nTerms);
    const docs = new Int32Array(this.pairs);
    const tfs = new Uint16Array(this.pairs);
    for (let d = 0; d + 1 < this.docStart.length; d++) {
      for (let p = this.docStart[d]!; p < this.docStart[d + 1]!; p++) {
        const at = fill[this.pairTerm[p]!]!++;
        docs[at] = d;
        tfs[at] = this.pairTf[p]!;
      }
    }
    this.pairTerm = new Int32Array(0);
    this.pairTf = new Uint16Array(0);
    this.scratch = new Int32Array(0);
    this.docStart = [];
    this.install(Int32Array.from(this.lens), offsets, docs, tfs);
    this.lens = [];
    return this;
  }

  private install(
    docLen: Int32Array,
    offsets: Int32Array,
    docs: Int32Array,
    tfs: Uint16Array,
    norm?: Float64Array,
    maxTfPart?: Float64Array,
  ): void {
    this.docLen = docLen;
    this.offsets = offsets;
    this.docs = docs;
    this.tfs = tfs;
    if (norm) this.norm = norm;
    else {
      let total = 0;
      for (let i = 0; i < docLen.length; i++) total += docLen[i]!;
      const avgLen = docLen.length ? total / docLen.length : 0;
      this.norm = new Float64Array(docLen.length);
      for (let d = 0; d < docLen.length; d++) this.norm[d] = this.k1 * (1 - this.b + (this.b * docLen[d]!) / avgLen);
    }
    if (maxTfPart) this.maxTfPart = maxTfPart;
    else {
      this.maxTfPart = new Float64Array(this.terms.length);
      for (let t = 0; t < this.terms.length; t++)
        this.maxTfPart[t] = this.tfPartBound(
          docs.subarray(offsets[t]!, offsets[t + 1]!),
          tfs.subarray(offsets[t]!, offsets[t + 1]!),
        );
    }
    this.frozen = true;
  }

  /** The largest f(k1+1)/(f+norm) over one term's postings: its score bound before idf. */
  tfPartBound(docs: Int32Array, tfs: Uint16Array): number {
    const k1p = this.k1 + 1;
    let best = 0;
    for (let p = 0; p < docs.length; p++) {
      const f = tfs[p]!;
      const part = (f * k1p) / (f + this.norm[docs[p]!]!);
      if (part > best) best = part;
    }
    return best;
  }

  /** How rare a term is across the indexed texts (BM25's idf); 0 for a term never seen. */
  idf(term: string): number {
    if (!this.frozen) this.freeze();
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    return this.idfOf(this.offsets[id + 1]! - this.offsets[id]!);
  }

  /**
   * The corpus term a Russian word the corpus lacks is a form of: the one sharing its longest beginning
   * (at least six letters, all but its last two), the most common if several. "антидемпинг" finds
   * "антидемпингов" (from "антидемпинговые"), "оцинковк" finds "оцинкова", "планиру" finds "планир":
   * Snowball leaves a noun and its adjective, a verb's forms, apart. Undefined when none is that close.
   */
  completion(token: string): string | undefined {
    if (token.length < COMPLETE_MIN || !/^[а-яё]/.test(token) || this.idf(token) > 0) return undefined;
    const sorted = (this.cyrillic ??= this.terms.filter((t) => /^[а-яё]/.test(t)).sort());
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < token) lo = mid + 1;
      else hi = mid;
    }
    // The terms sharing the longest beginning with the token sit beside where it would be.
    const shared = Math.max(common(token, sorted[lo - 1] ?? ''), common(token, sorted[lo] ?? ''));
    if (shared < COMPLETE_MIN || shared < token.length - 2) return undefined;
    const prefix = token.slice(0, shared);
    let best: { term: string; idf: number } | undefined;
    for (let i = lo - 1; i >= 0 && sorted[i]!.startsWith(prefix); i--)
      best = better(best, sorted[i]!, this.idf(sorted[i]!));
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++)
      best = better(best, sorted[i]!, this.idf(sorted[i]!));
    return best?.term;
  }

  private idfOf(df: number): number {
    const n = this.docLen.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The idf a term would have if it occurred once: the weight of a word the corpus lacks. */
  maxIdf(): number {
    const n = this.size;
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  toData(): Bm25Data {
    if (!this.frozen) this.freeze();
    return {
      k1: this.k1,
      b: this.b,
      docLen: this.docLen,
      terms: this.terms,
      offsets: this.offsets,
      docs: this.docs,
      tfs: this.tfs,
    };
  }

  /** A frozen index over saved arrays (used in place, not copied). */
  static fromData(d: Bm25Data): Bm25Index {
    const index = new Bm25Index({ k1: d.k1, b: d.b });
    index.terms = d.terms;
    index.termIds = new Map(d.terms.map((t, i) => [t, i]));
    index.install(d.docLen, d.offsets, d.docs, d.tfs);
    return index;
  }

  /**
   * The same corpus (document lengths and their normalisation, shared, not copied) with only some
   * terms' postings: what a replica holds when postings live in the database (pg-lexical-index.ts)
   * and only a question's terms are fetched. Each term's postings must be complete.
   */
  withTerms(
    terms: string[],
    offsets: Int32Array,
    docs: Int32Array,
    tfs: Uint16Array,
    /** Each term's tfPartBound, when the caller kept them (else computed here, a pass over the postings). */
    bounds?: Float64Array,
  ): Bm25Index {
    if (!this.frozen) this.freeze();
    const index = new Bm25Index({ k1: this.k1, b: this.b });
    index.terms = terms;
    index.termIds = new Map(terms.map((t, i) => [t, i]));
    index.install(this.docLen, offsets, docs, tfs, this.norm, bounds);
    return index;
  }

  /** The top k documents for the query, best first (ties: lower index first), with MaxScore pruning. */
  search(queryTokens: readonly string[], k: number, accept?: Accept): ScoredIndex[] {
    const terms = this.queryTerms(queryTokens, k);
    if (!terms) return [];
    return this.maxScore(terms, k, acceptFn(accept));
  }

  /** The same ranking by scoring every posting of the query's terms: the reference the pruned search must equal. */
  searchExhaustive(queryTokens: readonly string[], k: number, accept?: Accept): ScoredIndex[] {
    const terms = this.queryTerms(queryTokens, k);
    if (!terms) return [];
    const ok = acceptFn(accept);
    const acc = (this.acc ??= new Float64Array(this.docLen.length));
    const touched: number[] = [];
    for (const t of terms) {
      for (let p = t.start; p < t.end; p++) {
        const d = this.docs[p]!;
        if (acc[d] === 0) touched.push(d);
        acc[d]! += this.score(t.weight, this.tfs[p]!, d);
      }
    }
    const heap = new TopK(Math.min(k, touched.length));
    for (const d of touched.sort((a, b) => a - b)) {
      if (!ok || ok(d)) heap.offer(d, acc[d]!);
      acc[d] = 0;
    }
    return heap.sorted();
  }

  /**
   * The scores of a few given documents (a handful of retrieved documents' chunks), each exactly as the
   * exhaustive formula sums it; documents that hold no query term are absent. Each term's postings are
   * sorted by document, so each document is found by binary search: a question's few dozen chunks cost
   * terms × chunks × log(postings), not a pass over every posting of the question's words (at 10,000
   * chunks that pass was half of the section ranking's time, bench:retrieval).
   */
  scoreDocs(queryTokens: readonly string[], docs: Iterable<number>): Map<number, number> {
    const out = new Map<number, number>();
    const terms = this.queryTerms(queryTokens, 1);
    if (!terms) return out;
    const wanted = [...docs].sort((a, b) => a - b);
    for (const t of terms) {
      let lo = t.start;
      for (const d of wanted) {
        // Documents ascend, so each search starts where the previous one stopped.
        let hi = t.end;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (this.docs[mid]! < d) lo = mid + 1;
          else hi = mid;
        }
        if (lo >= t.end) break;
        if (this.docs[lo] === d) out.set(d, (out.get(d) ?? 0) + this.score(t.weight, this.tfs[lo]!, d));
      }
    }
    return out;
  }

  /** The score part of one posting, written exactly as the exhaustive formula. */
  private score(weight: number, f: number, d: number): number {
    return (weight * (f * (this.k1 + 1))) / (f + this.norm[d]!);
  }

  private queryTerms(queryTokens: readonly string[], k: number): QueryTerm[] | undefined {
    if (!this.frozen) this.freeze();
    if (this.docLen.length === 0 || k <= 0) return undefined;
    const qtf = new Map<string, number>();
    for (const t of queryTokens) qtf.set(t, (qtf.get(t) ?? 0) + 1);
    const out: QueryTerm[] = [];
    for (const [term, qn] of qtf) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const start = this.offsets[id]!;
      const end = this.offsets[id + 1]!;
      const weight = qn * this.idfOf(end - start);
      out.push({ q: out.length, start, end, weight, bound: weight * this.maxTfPart[id]! * BOUND_SLACK });
    }
    return out.length ? out : undefined;
  }

  private maxScore(terms: QueryTerm[], k: number, ok: ((d: number) => boolean) | undefined): ScoredIndex[] {
    const m = terms.length;
    const order = [...terms].sort((a, b) => a.bound - b.bound || a.q - b.q); // weakest first
    const prefix = new Float64Array(m); // prefix[i]: what order[0..i] can add at most
    order.forEach((t, i) => (prefix[i] = (i ? prefix[i - 1]! : 0) + t.bound));
    const pos = Int32Array.from(order, (t) => t.start);
    const end = Int32Array.from(order, (t) => t.end);
    const part = new Float64Array(m); // this document's score per query term (indexed by t.q)
    const has = new Uint8Array(m);
    const heap = new TopK(Math.min(k, this.docLen.length));
    const docs = this.docs;
    let theta = -1; // the k-th best score once the heap is full
    let firstEssential = 0;
    for (;;) {
      // The next candidate: the smallest document among the essential terms' cursors.
      let d = 0x7fffffff;
      for (let i = firstEssential; i < m; i++) if (pos[i]! < end[i]! && docs[pos[i]!]! < d) d = docs[pos[i]!]!;
      if (d === 0x7fffffff) break;
      if (ok && !ok(d)) {
        for (let i = firstEssential; i < m; i++) if (pos[i]! < end[i]! && docs[pos[i]!] === d) pos[i]!++;
        continue;
      }
      has.fill(0);
      let s = 0;
      for (let i = firstEssential; i < m; i++) {
        const p = pos[i]!;
        if (p < end[i]! && docs[p] === d) {
          const t = order[i]!;
          const c = this.score(t.weight, this.tfs[p]!, d);
          part[t.q] = c;
          has[t.q] = 1;
          s += c;
          pos[i] = p + 1;
        }
      }
      let dropped = false;
      for (let i = firstEssential - 1; i >= 0; i--) {
        if (s + prefix[i]! <= theta) {
          dropped = true;
          break;
        }
        const p = (pos[i] = seek(docs, pos[i]!, end[i]!, d));
        if (p < end[i]! && docs[p] === d) {
          const t = order[i]!;
          const c = this.score(t.weight, this.tfs[p]!, d);
          part[t.q] = c;
          has[t.q] = 1;
          s += c;
        }
      }
      if (dropped) continue;
      let score = 0; // summed in query order, bit for bit the exhaustive pass's sum
      for (let q = 0; q < m; q++) if (has[q]) score += part[q]!;
      if (heap.offer(d, score) && heap.full) {
        theta = heap.minScore;
        while (firstEssential < m && prefix[firstEssential]! <= theta) firstEssential++;
        if (firstEssential === m) break;
      }
    }
    return heap.sorted();
  }
}

/** The first position in docs[from, to) holding a document ≥ d (galloping, then binary search). */
function seek(docs: Int32Array, from: number, to: number, d: number): number {
  if (from >= to || docs[from]! >= d) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < to && docs[hi]! < d) {
    lo = hi;
    step *= 2;
    hi = Math.min(to, hi + step);
  }
  // docs[lo] < d, and docs[hi] ≥ d or hi = to
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < d) lo = mid;
    else hi = mid;
  }
  return hi;
}

function acceptFn(accept: Accept | undefined): ((d: number) => boolean) | undefined {
  if (!accept) return undefined;
  if (typeof accept === 'function') return accept;
  return (d) => accept[d] === 1;
}

function grow(a: Int32Array | Uint16Array, need: number): Int32Array | Uint16Array {
  const b = new (a.constructor as Int32ArrayConstructor | Uint16ArrayConstructor)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The k best (score, document) pairs: a min-heap whose root is the worst kept pair. Documents are
 * offered in increasing order, so a later one with an equal score ranks below (ties: lower index first).
 */
class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  private n = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(k);
    this.ids = new Int32Array(k);
  }

  get full(): boolean {
    return this.n === this.k;
  }

  get minScore(): number {
    return this.scores[0]!;
  }

  /** Keeps the pair if it ranks among the k best so far; says whether it did. */
  offer(id: number, score: number): boolean {
    if (this.k === 0) return false;
    if (this.n < this.k) {
      let i = this.n++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(score, id, this.scores[parent]!, this.ids[parent]!)) break;
        this.scores[i] = this.scores[parent]!;
        this.ids[i] = this.ids[parent]!;
        i = parent;
      }
      this.scores[i] = score;
      this.ids[i] = id;
      return true;
    }
    if (!this.worse(this.scores[0]!, this.ids[0]!, score, id)) return false;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.n) break;
      const r = l + 1;
      const c = r < this.n && this.worse(this.scores[r]!, this.ids[r]!, this.scores[l]!, this.ids[l]!) ? r : l;
      if (!this.worse(this.scores[c]!, this.ids[c]!, score, id)) break;
      this.scores[i] = this.scores[c]!;
      this.ids[i] = this.ids[c]!;
      i = c;
    }
    this.scores[i] = score;
    this.ids[i] = id;
    return true;
  }

  private worse(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  sorted(): ScoredIndex[] {
    const out: ScoredIndex[] = [];
    for (let i = 0; i < this.n; i++) out.push({ idx: this.ids[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.idx - b.idx);
  }
}

const COMPLETE_MIN = 6;
const common = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};
const better = (best: { term: string; idf: number } | undefined, term: string, idf: number) =>
  !best || idf < best.idf || (idf === best.idf && term.length < best.term.length) ? { term, idf } : best;
