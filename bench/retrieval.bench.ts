// `npm run bench:retrieval [-- --chunks 10000]`: index build time, hybrid query latency p50/p95 and
// peak memory on a synthetic trilingual corpus. Prints figures; asserts nothing (machines are shared).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { HnswVectorIndex } from '../src/rag/hnsw-vector-index.js';
import { fusionFor, HybridIndex } from '../src/rag/hybrid-index.js';
import { percentile } from '../src/rag/retrieval-metrics.js';
import type { DocMeta, IndexedChunk } from '../src/domain/knowledge.js';
import type { Lang } from '../src/domain/lang.js';
import { selectLead } from '../src/assistant/lead.js';
import { shownPassages } from '../src/assistant/shown-passages.js';
import { correctSpelling } from '../src/rag/spelling.js';

const h0Lang = (q: string): Lang => (/\p{Script=Han}/u.test(q) ? 'zh' : /\p{Script=Cyrillic}/u.test(q) ? 'ru' : 'en');

const { values } = parseArgs({
  options: { chunks: { type: 'string', default: '10000' }, queries: { type: 'string', default: '500' } },
});
const N = Number(values.chunks);
const Q = Number(values.queries);

// Deterministic vocabulary per language, drawn from trade words so the tokenizers do real work.
const WORDS: Record<Lang, string[]> = {
  en: 'certificate declaration conformity machinery packaging customs tariff transit rail container border gauge crossing freight insurance payment contract arbitration buyer seller invoice origin licence export import label regulation inspection warehouse route schedule carrier consignment'.split(
    ' ',
  ),
  ru: 'сертификат декларация соответствие машины упаковка таможня тариф транзит железная контейнер граница колея переход фрахт страхование оплата договор арбитраж покупатель продавец счёт происхождение лицензия экспорт импорт маркировка регламент проверка склад маршрут перевозчик'.split(
    ' ',
  ),
  zh: '证书 声明 符合性 机械 包装 海关 关税 过境 铁路 集装箱 边境 轨距 口岸 运费 保险 付款 合同 仲裁 买方 卖方 发票 原产地 许可证 出口 进口 标签 法规 检验 仓库 线路 承运人'.split(
    ' ',
  ),
};

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
const sentence = (lang: Lang, n: number) =>
  Array.from({ length: n }, () => pick(WORDS[lang])).join(lang === 'zh' ? '' : ' ');

const langs: Lang[] = ['zh', 'ru', 'en'];
const docs: DocMeta[] = [];
const chunks: IndexedChunk[] = [];
const seen = new Set<string>();
for (let i = 0; i < N; i++) {
  const lang = langs[i % 3]!;
  const docId = `doc-${Math.floor(i / 15)}-${lang}`; // five chunks per document
  if (!seen.has(docId)) {
    seen.add(docId);
    docs.push({
      id: docId,
      slug: docId,
      lang,
      title: sentence(lang, 4),
      category: 'market-access',
      countries: ['KZ'],
      sources: ['https://example.org'],
      translations: [],
      asOf: '2025-12-31',
      reviewBy: '2026-12-31',
    });
  }
  chunks.push({
    id: `${docId}#${i}`,
    docId,
    ord: i,
    headingPath: [sentence(lang, 3)],
    text: Array.from({ length: 6 }, () => sentence(lang, 12)).join('. '),
  });
}
const queries = Array.from({ length: Q }, (_, i) => sentence(langs[i % 3]!, 5));

const embedder = new HashingEmbedder(256);
const t0 = performance.now();
const vectors = await embedder.embed(chunks.map((c) => c.text));
const tEmbed = performance.now();
const hnsw = HnswVectorIndex.build(vectors, 256);
const tHnsw = performance.now();
const index = new HybridIndex(chunks, docs, hnsw, fusionFor(embedder.id));
const tBuilt = performance.now();

const latencies: number[] = [];
for (const q of queries.slice(0, 20)) index.search(q, embedder.embedOne(q), { k: 5 }); // warm-up
for (const q of queries) {
  const t = performance.now();
  index.search(q, embedder.embedOne(q), { k: 5 });
  latencies.push(performance.now() - t);
}
const filtered: number[] = [];
for (const q of queries) {
  const t = performance.now();
  index.search(q, embedder.embedOne(q), { k: 5, lang: 'ru', category: 'market-access' });
  filtered.push(performance.now() - t);
}

// What the direct answer adds to a retrieval-only turn, as composeRetrievalAnswer does it: each
// document's best section for the question (shown-passages.ts), then sentence selection over them.
// Timed on the wall clock and in CPU time (this process's own, whatever else the machine runs).
const leadRun = () => {
  const added: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const qv = embedder.embedOne(q);
    const hits = index.search(q, qv, { k: 5 });
    const t = performance.now();
    const c = process.cpuUsage();
    const shown = shownPassages(q, hits, index);
    const docs = shown.map((h, rank) => ({
      n: rank + 1,
      passages: [{ key: h.id, text: h.text, headingPath: h.headingPath, rank: 0 }],
      countries: h.doc.countries,
      rank,
      score: h.score,
    }));
    selectLead(q, docs, { lang: h0Lang(q), idf: (token) => index.termIdf(token), missingIdf: index.maxIdf() });
    const used = process.cpuUsage(c);
    added.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return { added, cpu };
};
// The first pass splits and tokenizes each passage's sentences; later questions on the same passages reuse them.
const leadCold = leadRun();
const leadWarm = leadRun();

// Reading mistyped words as the corpus spells them (rag/spelling.ts), once per phrasing of a turn: timed
// on each question with a vowel dropped from its longest word, the case that searches for a correction.
const misspelled = queries.map((q) => {
  const longest = q.split(/\s+/).reduce((a, w) => (w.length > a.length ? w : a), '');
  const at = longest.slice(1).search(/[aeiouаеиоуыэюя]/i);
  return at < 0 ? q : q.replace(longest, longest.slice(0, at + 1) + longest.slice(at + 2));
});
const spelling: number[] = [];
for (const q of misspelled) {
  const t = performance.now();
  correctSpelling(q, (token) => index.termIdf(token));
  spelling.push(performance.now() - t);
}

const peakMb = (() => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Math.round(process.memoryUsage().rss / 1048576);
})();
const ms = (x: number) => `${x.toFixed(2)} ms`;
console.log(
  `retrieval benchmark: ${N} chunks (${docs.length} documents, zh/ru/en), ${Q} queries, embedder ${embedder.id}, node ${process.version}`,
);
console.log(
  `  build: ${((tBuilt - t0) / 1000).toFixed(2)} s (embed ${((tEmbed - t0) / 1000).toFixed(2)} s, HNSW ${((tHnsw - tEmbed) / 1000).toFixed(2)} s, BM25 ${((tBuilt - tHnsw) / 1000).toFixed(2)} s)`,
);
console.log(
  `  hybrid query (embed + BM25 + HNSW + fusion): p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`,
);
console.log(
  `  hybrid query with lang+category filter:       p50 ${ms(percentile(filtered, 50))}, p95 ${ms(percentile(filtered, 95))}`,
);
console.log(
  `  direct answer (sections + lead) added to a turn: first sight of the passages p50 ${ms(percentile(leadCold.added, 50))}, p95 ${ms(percentile(leadCold.added, 95))} (CPU p50 ${ms(percentile(leadCold.cpu, 50))}, p95 ${ms(percentile(leadCold.cpu, 95))}); passages seen before p50 ${ms(percentile(leadWarm.added, 50))}, p95 ${ms(percentile(leadWarm.added, 95))} (CPU p50 ${ms(percentile(leadWarm.cpu, 50))}, p95 ${ms(percentile(leadWarm.cpu, 95))}) (target: p95 ≤ 2 ms)`,
);
console.log(
  `  spelling check per phrasing (a word mistyped): p50 ${ms(percentile(spelling, 50))}, p95 ${ms(percentile(spelling, 95))}`,
);
console.log(`  peak memory (VmHWM): ${peakMb} MB`);
