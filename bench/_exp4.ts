import { readCorpus, readQueries, evalRetrieval } from '../src/rag/eval-retrieval.ts';
import { l2normalize, type Embedder } from '../src/rag/embedder.ts';
import { tokenize } from '../src/rag/tokenize.ts';
const B = '/work/shared/benchmarks/xquad';
function fnv(s: string) { let h = 0x811c9dc5; for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); } return h >>> 0; }
class E implements Embedder { id='x'; constructor(private dim: number, private gram: number, private w: number, private pairs: number) {}
  async embed(ts: readonly string[]) { return ts.map(t => { const v = new Float32Array(this.dim); const c = new Map<string, number>();
    const toks = tokenize(t); toks.forEach((tk, i) => { c.set(tk, (c.get(tk) ?? 0) + 1); if (this.pairs && i+1<toks.length) { const p = tk+'\u0001'+toks[i+1]; c.set(p,(c.get(p)??0)+this.pairs);} });
    if (this.gram) for (const m of t.normalize('NFKC').toLowerCase().matchAll(/(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)) { const w = `<${m[0]}>`; for (let i = 0; i + this.gram <= w.length; i++) { const g = '#'+w.slice(i, i + this.gram); c.set(g, (c.get(g) ?? 0) + this.w); } }
    for (const [f, n] of c) { const h = fnv(f); v[h % this.dim]! += ((h & 0x80000000) ? -1 : 1) * (n >= 1 ? 1 + Math.log(n) : n); }
    return l2normalize(v); }); } }
for (const lang of ['en','ru','zh']) {
  const corpus = readCorpus(`${B}/corpus.${lang}.jsonl`); const qs = readQueries(`${B}/queries.${lang}.jsonl`);
  for (const [dim, gram, w, pairs] of [[512,3,0.3,0],[512,3,0.5,0.5]] as const) {
    const emb = new E(dim, gram, w, pairs);
    const vr = await evalRetrieval(corpus, qs, emb, { mode: "vector", fusion: {method:"rrf",lexical:1,vector:1,k:60} });
    const line = [lang, dim, gram, w, pairs, 'vec', vr.recallAt1, vr.recallAt5, vr.mrrAt10];
    for (const vw of [0.03, 0.05, 0.08, 0.1, 0.15]) { const r = await evalRetrieval(corpus, qs, emb, { fusion: { method: process.env.M as any, lexical: 1, vector: vw, k: 60 } }); line.push(`| ${vw}:`, r.recallAt1, r.recallAt5, r.mrrAt10); }
    console.log(line.join(' '));
  }
}
