import { readCorpus, readQueries, evalRetrieval } from '../src/rag/eval-retrieval.ts';
import { HashingEmbedder } from '../src/rag/hashing-embedder.ts';
const B = '/work/shared/benchmarks/xquad';
for (const lang of ['en','ru','zh']) { const corpus = readCorpus(`${B}/corpus.${lang}.jsonl`); const qs = readQueries(`${B}/queries.${lang}.jsonl`);
 for (const split of [false,true]) { const r = await evalRetrieval(corpus, qs, new HashingEmbedder(64), { mode: 'lexical', split }); console.log(lang, split, r.recallAt1, r.recallAt5, r.mrrAt10); } }
