// `npm run bench:scale -- --update [--sizes 100000]`: what a reload after an ingest costs — the full
// rebuild from the store against the incremental update of the changed documents
// (docs/decisions/023-incremental-index-updates.md). The synthetic corpus of scale-corpus.ts is
// written into the embedded store (PGlite, in memory) with its vectors, the knowledge base opened on
// it with a snapshot directory; then, each round, 10 documents spread over the corpus are rewritten
// in the store, kb.reload() runs (incremental), its answers to the questions are taken, and
// kb.reload({ full: true }) rebuilds the same store in full (the path every reload took before), whose
// answers must be the same. Prints both times with their steps (read the store, build or update the
// indexes, save the snapshot); asserts nothing.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocMeta, IndexedChunk } from '../src/domain/knowledge.js';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { indexText } from '../src/rag/hybrid-index.js';
import { KnowledgeBase, type ReloadReport } from '../src/rag/knowledge-base.js';
import { percentile } from '../src/rag/retrieval-metrics.js';
import { KnowledgeRepo, type DocumentRow, type NewChunk } from '../src/store/knowledge-repo.js';
import { openDb } from '../src/store/open-db.js';
import { scaleCorpus, scaleQueries } from './scale-corpus.js';

export interface UpdateFigures {
  chunks: number;
  documents: number;
  changedPerRound: number;
  /** Writing the corpus into the store and opening the knowledge base on it (a full build): setup. */
  storeMs: number;
  openMs: number;
  incremental: ReloadReport[];
  full: ReloadReport[];
  /** Rounds whose incremental answers differed from the full rebuild's (must be 0). */
  mismatches: number;
  questions: number;
  peakRssMb: number;
}

const GROUP = 200;

export async function updateRun(
  n: number,
  opts: { rounds: number; changed: number; questions: number; peakRssMb: () => number },
): Promise<UpdateFigures> {
  const { docs, chunks } = scaleCorpus(n);
  const embedder = new HashingEmbedder(256);
  const db = await openDb({ databaseUrl: undefined, dataDir: undefined });
  const repo = new KnowledgeRepo(db);
  const dir = mkdtempSync(join(tmpdir(), 'sco-bench-update-'));
  try {
    const byDoc = new Map<string, IndexedChunk[]>();
    for (const c of chunks) byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), c]);
    const rows = (list: readonly DocMeta[], version: number) =>
      list.map((doc) => ({
        doc: row(doc, version),
        chunks: (byDoc.get(doc.id) ?? []).map((c) => newChunk(c, doc, version, embedder)),
      }));
    let t = performance.now();
    for (let i = 0; i < docs.length; i += GROUP)
      await repo.replaceDocuments(rows(docs.slice(i, i + GROUP), 0), embedder.id);
    const storeMs = performance.now() - t;
    t = performance.now();
    const kb = await KnowledgeBase.open({ repo, embedder, indexDir: join(dir, 'index') });
    const openMs = performance.now() - t;

    const questions = scaleQueries(opts.questions);
    const answers = async () => {
      const out: string[] = [];
      for (const q of questions) {
        for (const f of [{}, { lang: q.lang, category: 'policy' }])
          for (const h of await kb.search(q.text, { ...f, k: 10 })) out.push(`${h.id} ${h.score}`);
      }
      return out.join('\n');
    };
    const figures: UpdateFigures = {
      chunks: n,
      documents: docs.length,
      changedPerRound: opts.changed,
      storeMs,
      openMs,
      incremental: [],
      full: [],
      mismatches: 0,
      questions: questions.length,
      peakRssMb: 0,
    };
    for (let round = 1; round <= opts.rounds; round++) {
      // Documents spread over the corpus (every language, category and part of the id order).
      const picked = Array.from(
        { length: opts.changed },
        (_, k) => docs[(round * 7919 + Math.floor((k * docs.length) / opts.changed)) % docs.length]!,
      );
      await repo.replaceDocuments(rows(picked, round), embedder.id);
      await kb.reload();
      figures.incremental.push(kb.stats().lastReload!);
      const a = await answers();
      await kb.reload({ full: true });
      figures.full.push(kb.stats().lastReload!);
      if (a !== (await answers())) figures.mismatches++;
    }
    figures.peakRssMb = opts.peakRssMb();
    return figures;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Version v of a document: its passages rotated by v words (v = 0 is the corpus as generated). */
function textOf(c: IndexedChunk, version: number): string {
  if (version === 0) return c.text;
  const words = c.text.split(' ');
  const at = version % Math.max(1, words.length);
  return [...words.slice(at), ...words.slice(0, at), `revision${version}`].join(' ');
}

function row(doc: DocMeta, version: number): DocumentRow {
  return {
    ...doc,
    path: `${doc.category}/${doc.id}.${doc.lang}.md`,
    format: 'markdown',
    contentHash: createHash('sha256').update(`${doc.id}\0${version}`).digest('hex'),
  };
}

function newChunk(c: IndexedChunk, doc: DocMeta, version: number, embedder: HashingEmbedder): NewChunk {
  const text = textOf(c, version);
  return {
    headingPath: c.headingPath,
    text,
    embedding: embedder.embedOne(indexText({ ...c, text }, doc)),
  };
}

export function printUpdate(r: UpdateFigures): void {
  const med = (xs: number[]) => percentile(xs, 50);
  const line = (name: string, reports: ReloadReport[]) => {
    const step = (k: 'read' | 'index' | 'save') => med(reports.map((x) => x.steps?.[k] ?? 0));
    console.log(
      `| ${name} | ${r.chunks.toLocaleString('en')} | ${reports.map((x) => (x.ms / 1000).toFixed(2)).join(' / ')} s | ` +
        `${(med(reports.map((x) => x.ms)) / 1000).toFixed(2)} s | read ${step('read')} ms, index ${step('index')} ms, save ${step('save')} ms | ` +
        `${[...new Set(reports.map((x) => x.path))].join(', ')} |`,
    );
  };
  console.log(
    `reload after an ingest: ${r.documents.toLocaleString('en')} documents, ${r.changedPerRound} changed per round; ` +
      `store written in ${(r.storeMs / 1000).toFixed(1)} s, opened (full build + snapshot) in ${(r.openMs / 1000).toFixed(1)} s`,
  );
  console.log('| reload | chunks | each round | median | median steps | path |');
  console.log('|---|---|---|---|---|---|');
  line('full rebuild', r.full);
  line(`incremental, ${r.changedPerRound} documents`, r.incremental);
  console.log(
    `answers of ${r.questions} questions (unfiltered and lang + category, top 10) equal after every round: ${
      r.mismatches === 0 ? 'yes' : `NO, ${r.mismatches} rounds differ`
    }; peak RSS ${r.peakRssMb} MB`,
  );
}
