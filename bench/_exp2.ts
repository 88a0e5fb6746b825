import { Bm25Index } from '../src/rag/bm25-index.ts';
import { tokenize } from '../src/rag/tokenize.ts';
import { readCorpus, readQueries } from '../src/rag/eval-retrieval.ts';
const B = '/work/shared/benchmarks/xquad';
const corpus = readCorpus(`${B}/corpus.zh.jsonl`); const qs = readQueries(`${B}/queries.zh.jsonl`);
const idx = new Bm25Index(); for (const c of corpus) idx.add(tokenize(c.text, { zh: 'bigram' })); idx.freeze();
let n=0;
for (const q of qs) { const r = idx.search(tokenize(q.text, { zh: 'bigram' }), 5).map(h => corpus[h.idx]!.id);
  if (!r.includes(q.relevant[0]!)) { if (n++ < 8) { console.log(q.text, tokenize(q.text,{zh:'bigram'}).join('|'), q.relevant, r.slice(0,3)); const rel = corpus.find(c=>c.id===q.relevant[0])!; console.log('  REL:', rel.text.slice(0,150)); } } }
console.log('fails', n);
