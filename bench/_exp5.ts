import { readCorpus, readQueries, buildEvalIndex } from '../src/rag/eval-retrieval.ts';
import { HashingEmbedder } from '../src/rag/hashing-embedder.ts';
import { tokenize } from '../src/rag/tokenize.ts';
const B = '/work/shared/benchmarks/xquad';
const lang = process.argv[2] ?? 'ru';
const corpus = readCorpus(`${B}/corpus.${lang}.jsonl`); const qs = readQueries(`${B}/queries.${lang}.jsonl`);
const emb = new HashingEmbedder(512);
const { index } = await buildEvalIndex(corpus, emb, { fusion: { method: 'score', lexical: 1, vector: 0, k: 60 } });
for (const q of qs) { const hits = index.search(q.text, undefined, { k: 10 }); const r = hits.findIndex(h => h.docId === q.relevant[0]);
  if (r < 0 || r >= 5) { console.log(r, q.text, '|', tokenize(q.text).join(' '), '| top:', hits[0]?.text.slice(0, 80)); console.log('   REL', corpus.find(c => c.id === q.relevant[0])!.text.slice(0, 200)); } }
