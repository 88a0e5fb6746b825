import { Bm25Index } from '../src/rag/bm25-index.ts';
import { tokenize } from '../src/rag/tokenize.ts';
import { readCorpus, readQueries } from '../src/rag/eval-retrieval.ts';
import { summarize } from '../src/rag/retrieval-metrics.ts';
const B = '/work/shared/benchmarks/xquad';
const variants: Record<string, (t: string) => string[]> = {
  default: (t) => tokenize(t, { zh: 'bigram' }),
  uni_bi: (t) => { const toks = tokenize(t, { zh: 'bigram' }); const uni = Array.from(t.matchAll(/\p{Script=Han}/gu)).map(m => m[0]); return [...toks, ...uni]; },
  prefix5: (t) => tokenize(t, { zh: 'bigram', keepStopwords: false }).map(w => /\p{Script=Cyrillic}/u.test(w) ? w : w),
};
function raw(t: string) { return Array.from(t.normalize('NFKC').toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)).map(m => m[0]); }
variants.ruprefix5 = (t) => raw(t).map(w => w.slice(0,5));
variants.ruprefix6 = (t) => raw(t).map(w => w.slice(0,6));
for (const lang of ['en','ru','zh']) {
  const corpus = readCorpus(`${B}/corpus.${lang}.jsonl`); const qs = readQueries(`${B}/queries.${lang}.jsonl`);
  for (const [name, tok] of Object.entries(variants)) {
    if (lang !== 'ru' && name.startsWith('ru')) continue;
    if (lang !== 'zh' && name === 'uni_bi') continue;
    for (const k1 of [0.9, 1.2, 1.5]) for (const b of [0.5, 0.75, 0.9]) {
      const idx = new Bm25Index({k1, b}); for (const c of corpus) idx.add(tok(c.title.replace(/_/g,' ') + ' ' + c.text)); idx.freeze();
      const ranked = qs.map(q => ({ relevant: q.relevant, ranked: idx.search(tok(q.text), 10).map(h => corpus[h.idx]!.id) }));
      const s = summarize(ranked); console.log(lang, name, k1, b, s.recallAt1, s.recallAt5, s.mrrAt10);
    }
  }
}
