// In-process BM25 over pre-tokenized texts. Postings are flat typed arrays once frozen, and a
// query touches only the postings of its own terms (see docs/decisions/003-bm25.md).

export interface ScoredIndex {
  idx: number;
  score: number;
}

/** The frozen index as plain arrays, for saving (lexical-index-file.ts). */
export interface Bm25Data {
  k1: number;
  b: number;
  docLen: Int32Array;
  terms: string[];
  /** Term i's postings are postings[offsets[i] .. offsets[i + 1]) as [doc, tf, doc, tf, …]. */
  offsets: Int32Array;
  postings: Int32Array;
}

export class Bm25Index {
  private readonly k1: number;
  private readonly b: number;
  private readonly building = new Map<string, number[]>(); // term → [doc, tf, doc, tf, …]
  private postings = new Map<string, Int32Array>();
  private docLen: number[] = [];
  private avgLen = 0;
  private frozen = false;

  constructor(opts: { k1?: number; b?: number } = {}) {
    this.k1 = opts.k1 ?? 0.9;
    this.b = opts.b ?? 0.75;
  }

  get size(): number {
    return this.docLen.length;
  }

  /** Adds the next document; its index is the return value. */
  add(tokens: readonly string[]): number {
    if (this.frozen) throw new Error('Bm25Index is frozen');
    const idx = this.docLen.length;
    this.docLen.push(tokens.length);
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      let list = this.building.get(term);
      if (!list) this.building.set(term, (list = []));
      list.push(idx, n);
    }
    return idx;
  }

  freeze(): this {
    for (const [term, list] of this.building) this.postings.set(term, Int32Array.from(list));
    this.building.clear();
    const total = this.docLen.reduce((a, n) => a + n, 0);
    this.avgLen = this.docLen.length ? total / this.docLen.length : 0;
    this.frozen = true;
    return this;
  }

  /** How rare a term is across the indexed texts (BM25's idf); 0 for a term never seen. */
  idf(term: string): number {
    if (!this.frozen) this.freeze();
    const list = this.postings.get(term);
    if (!list) return 0;
    const n = this.docLen.length;
    const df = list.length / 2;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The idf a term would have if it occurred once: the weight of a word the corpus lacks. */
  maxIdf(): number {
    const n = this.docLen.length;
    return Math.log(1 + (n - 0.5) / 1.5);
  }

  toData(): Bm25Data {
    if (!this.frozen) this.freeze();
    const terms = [...this.postings.keys()];
    const offsets = new Int32Array(terms.length + 1);
    terms.forEach((t, i) => (offsets[i + 1] = offsets[i]! + this.postings.get(t)!.length));
    const postings = new Int32Array(offsets[terms.length]!);
    terms.forEach((t, i) => postings.set(this.postings.get(t)!, offsets[i]!));
    return { k1: this.k1, b: this.b, docLen: Int32Array.from(this.docLen), terms, offsets, postings };
  }

  /** A frozen index over saved arrays; each term's postings are views into `postings`, not copies. */
  static fromData(d: Bm25Data): Bm25Index {
    const index = new Bm25Index({ k1: d.k1, b: d.b });
    d.terms.forEach((t, i) => index.postings.set(t, d.postings.subarray(d.offsets[i]!, d.offsets[i + 1]!)));
    index.docLen = Array.from(d.docLen);
    const total = index.docLen.reduce((a, n) => a + n, 0);
    index.avgLen = index.docLen.length ? total / index.docLen.length : 0;
    index.frozen = true;
    return index;
  }

  search(queryTokens: readonly string[], k: number, accept?: (idx: number) => boolean): ScoredIndex[] {
    if (!this.frozen) this.freeze();
    const n = this.docLen.length;
    if (n === 0 || k <= 0) return [];
    const qtf = new Map<string, number>();
    for (const t of queryTokens) qtf.set(t, (qtf.get(t) ?? 0) + 1);
    const scores = new Map<number, number>();
    for (const [term, qn] of qtf) {
      const list = this.postings.get(term);
      if (!list) continue;
      const df = list.length / 2;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        const f = list[i + 1]!;
        const norm = this.k1 * (1 - this.b + (this.b * this.docLen[doc]!) / this.avgLen);
        const s = (qn * idf * (f * (this.k1 + 1))) / (f + norm);
        scores.set(doc, (scores.get(doc) ?? 0) + s);
      }
    }
    return topK(scores, k, accept);
  }
}

function topK(scores: Map<number, number>, k: number, accept?: (idx: number) => boolean): ScoredIndex[] {
  const all: ScoredIndex[] = [];
  for (const [idx, score] of scores) if (!accept || accept(idx)) all.push({ idx, score });
  all.sort((a, b) => b.score - a.score || a.idx - b.idx);
  return all.length > k ? all.slice(0, k) : all;
}
