// The incremental reload through the real interface (docs/decisions/023-incremental-index-updates.md):
// knowledge/ copied to a temporary directory and ingested into the embedded store, the knowledge
// base opened from it; then a file is edited, added or removed there, ingested again and the
// knowledge base reloaded, as the runtime's ingest does. The edit must be searchable at once, the
// old text gone, the log must say the incremental path ran, and the result must answer as a knowledge
// base rebuilt from the store and as one opened from the snapshot the reload saved.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchOptions } from '../src/domain/knowledge.js';
import { readDomainQuestions } from '../src/evals/eval-domain.js';
import { createLogger } from '../src/observability/logger.js';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { ingestKnowledge, listKnowledgeFiles } from '../src/rag/ingest.js';
import { KnowledgeBase } from '../src/rag/knowledge-base.js';
import { tokenize } from '../src/rag/tokenize.js';
import type { Db } from '../src/store/db.js';
import { KnowledgeRepo } from '../src/store/knowledge-repo.js';
import { openDb } from '../src/store/open-db.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';
import { createTempDatabase, TEST_DATABASE_URL } from './support/temp-database.js';

const ROOT = join(import.meta.dirname, '..');
const TIR = 'policy/tir-carnet.en.md';
const MARKER = '## What is TIR?';

describe('incremental reload (knowledge/ in the embedded store)', () => {
  let db: Db;
  let repo: KnowledgeRepo;
  let kb: KnowledgeBase;
  const embedder = new HashingEmbedder(256);
  const knowledge = tempDir('knowledge');
  const data = tempDir('data');
  const indexDir = join(data.path, 'index');
  const logged: Array<Record<string, unknown>> = [];
  const log = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line));
        done();
      },
    }),
  );
  const file = (rel: string) => join(knowledge.path, rel);
  const edit = (rel: string, f: (text: string) => string) =>
    writeFileSync(file(rel), f(readFileSync(file(rel), 'utf8')));
  const ingest = () => ingestKnowledge({ root: knowledge.path, repo, embedder, beforeChange: () => kb.dropSnapshot() });
  const reloads = () => logged.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('knowledge reloaded'));

  beforeAll(async () => {
    cpSync(join(ROOT, 'knowledge'), knowledge.path, { recursive: true });
    // A section of invented words, so that a search finds this passage and nothing else.
    edit(TIR, (t) =>
      t.replace(
        MARKER,
        '## Quillfeather seals\n\nQuillfeather seals are fixed on every load compartment.\n\n' + MARKER,
      ),
    );
    db = await openDb({ databaseUrl: undefined, dataDir: undefined });
    repo = new KnowledgeRepo(db);
    const s = await ingestKnowledge({ root: knowledge.path, repo, embedder });
    expect(s.failed).toEqual([]);
    kb = await KnowledgeBase.open({ repo, embedder, indexDir, log });
  }, 240_000);
  afterAll(async () => {
    await db.close();
    knowledge.remove();
    data.remove();
  });

  it('finds an edited document by its new text at once, no longer by its old, and says it updated incrementally', async () => {
    const [before] = await kb.search('quillfeather seals');
    expect(before).toMatchObject({ docId: 'tir-carnet-en' });
    expect(before!.text).toMatch(/Quillfeather seals are fixed/);
    const [oldWord] = tokenize('Quillfeather');
    expect(kb.termIdf(oldWord!)).toBeGreaterThan(0);

    edit(TIR, (t) => t.replaceAll('Quillfeather', 'Brambleworth'));
    const s = await ingest();
    expect(s).toMatchObject({ changed: [TIR], added: [], removed: [] });
    await kb.reload();

    const [after] = await kb.search('brambleworth seals');
    expect(after).toMatchObject({ docId: 'tir-carnet-en' });
    expect(after!.text).toMatch(/Brambleworth seals are fixed/);
    expect(await kb.search('quillfeather')).toEqual([]);
    expect(kb.passagesOf('tir-carnet-en').some((h) => /Quillfeather/.test(h.text))).toBe(false);
    expect(kb.termIdf(oldWord!)).toBe(0);
    expect(reloads().at(-1)).toMatchObject({
      path: 'incremental',
      changed: 1,
      added: 0,
      removed: 0,
      msg: 'knowledge reloaded: incremental update of the changed documents',
    });
    expect(kb.stats().lastReload).toMatchObject({ path: 'incremental' });
  });

  it('adds and removes documents as a full rebuild would, and the snapshot it saved answers the same', async () => {
    edit(TIR, (t) => t.replace(MARKER, 'Brambleworth seals are checked at the border.\n\n' + MARKER));
    writeFileSync(
      file('policy/tir-carnet-copy.en.md'),
      readFileSync(file(TIR), 'utf8')
        .replace('id: tir-carnet-en', 'id: tir-carnet-copy-en')
        .replace(/translations: .*/, 'translations: []'),
    );
    rmSync(file('policy/tir-carnet.ru.md'));
    const s = await ingest();
    expect(s).toMatchObject({
      changed: [TIR],
      added: ['policy/tir-carnet-copy.en.md'],
      removed: ['policy/tir-carnet.ru.md'],
    });
    await kb.reload();
    expect(reloads().at(-1)).toMatchObject({ path: 'incremental', changed: 1, added: 1, removed: 1 });
    expect(kb.doc('tir-carnet-ru')).toBeUndefined();

    const rebuilt = await KnowledgeBase.open({ repo, embedder });
    expect(rebuilt.stats().source).toBe('store');
    const snapshot = await KnowledgeBase.open({ repo, embedder, indexDir, trustSnapshot: true });
    expect(snapshot.stats().source).toBe('snapshot');
    const questions = readDomainQuestions(join(ROOT, 'evals/datasets/domain.jsonl')).slice(0, 40);
    const filters: SearchOptions[] = [
      {},
      { dedupe: false },
      { lang: 'ru' },
      { category: 'policy' },
      { country: 'KZ' },
      { docId: 'tir-carnet-copy-en', dedupe: false },
    ];
    const answers = async (k: KnowledgeBase) => {
      const out: Array<[string, number]> = [];
      for (const q of [...questions.map((x) => x.question), 'brambleworth seals border', 'TIR carnet'])
        for (const f of filters) for (const h of await k.search(q, { ...f, k: 10 })) out.push([h.id, h.score]);
      return out;
    };
    const got = await answers(kb);
    expect(got.length).toBeGreaterThan(1000);
    for (const other of [rebuilt, snapshot]) {
      const want = await answers(other);
      expect(got.map(([id]) => id)).toEqual(want.map(([id]) => id));
      got.forEach(([, score], i) => expect(Math.abs(score - want[i]![1])).toBeLessThanOrEqual(1e-9));
    }
    expect(kb.topicLines()).toEqual(rebuilt.topicLines());
    expect([...kb.markets()]).toEqual([...rebuilt.markets()]);
  });

  it('rebuilds in full, with a warning, when the update fails unexpectedly', async () => {
    const states = repo.documentStates;
    repo.documentStates = () => Promise.reject(new Error('connection reset'));
    try {
      edit(TIR, (t) => t.replace(MARKER, 'Brambleworth seals are counted twice.\n\n' + MARKER));
      await ingest();
      await kb.reload();
    } finally {
      repo.documentStates = states;
    }
    expect(logged.at(-2)).toMatchObject({ level: 40, error: 'connection reset' });
    expect(reloads().at(-1)).toMatchObject({ path: 'full', reason: 'connection reset' });
    expect((await kb.search('brambleworth counted twice'))[0]?.text).toMatch(/counted twice/);
  });

  it('rebuilds in full when more than a quarter of the documents changed, and says why', async () => {
    const files = listKnowledgeFiles(knowledge.path).filter((f) => f.endsWith('.md') && !/tir-carnet/.test(f));
    const many = Math.ceil(kb.stats().documents * 0.3);
    for (const f of files.slice(0, many)) writeFileSync(f, `${readFileSync(f, 'utf8')}\n\nReviewed again.\n`);
    await ingest();
    await kb.reload();
    expect(reloads().at(-1)).toMatchObject({
      path: 'full',
      reason: expect.stringMatching(/documents changed/),
      msg: 'knowledge reloaded: full rebuild from the store',
    });
    expect((await kb.search('brambleworth seals')).map((h) => h.docId)).toContain('tir-carnet-en');
  });

  it('updates a knowledge base opened from its snapshot; one saved without hashes rebuilds once', async () => {
    const fromSnapshot = await KnowledgeBase.open({ repo, embedder, indexDir, trustSnapshot: true, log });
    expect(fromSnapshot.stats().source).toBe('snapshot');
    const change = async (k: KnowledgeBase, words: string) => {
      edit(TIR, (t) => t.replace(MARKER, `${words}\n\n${MARKER}`));
      await ingestKnowledge({ root: knowledge.path, repo, embedder, beforeChange: () => k.dropSnapshot() });
      await k.reload();
      expect((await k.search(words))[0]?.text).toContain(words);
      return k.stats().lastReload;
    };
    expect(await change(fromSnapshot, 'Gorseblossom permits')).toMatchObject({ path: 'incremental', changed: 1 });

    // A snapshot written before the hashes were recorded: still loads, first reload rebuilds.
    const manifestPath = join(indexDir, 'knowledge.manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, string> };
    const { hashes: _h, ...older } = JSON.parse(readFileSync(join(indexDir, 'knowledge.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const bytes = Buffer.from(JSON.stringify(older));
    writeFileSync(join(indexDir, 'knowledge.json'), bytes);
    manifest.files['knowledge.json'] = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const old = await KnowledgeBase.open({ repo, embedder, indexDir, trustSnapshot: true, log });
    expect(old.stats().source).toBe('snapshot');
    expect(await change(old, 'Thistledown manifests')).toMatchObject({
      path: 'full',
      reason: expect.stringMatching(/content hashes/),
    });
    expect(await change(old, 'Cloudberry waybills')).toMatchObject({ path: 'incremental', changed: 1 });
  });
});

// A server's collation orders ids its own way; the update must follow it as the rebuild's ORDER BY does.
describe.skipIf(!TEST_DATABASE_URL)('incremental reload on PostgreSQL', () => {
  it('updates in place and answers as a rebuild from the same database', async () => {
    const temp = await createTempDatabase();
    const fixture = await makeKnowledgeDir({ binaries: false });
    const db = await openDb({ databaseUrl: temp.url, dataDir: undefined });
    try {
      const repo = new KnowledgeRepo(db);
      const embedder = new HashingEmbedder(64);
      await ingestKnowledge({ root: fixture.path, repo, embedder });
      const kb = await KnowledgeBase.open({ repo, embedder });
      const [rel] = listKnowledgeFiles(fixture.path).filter((f) => f.endsWith('.md'));
      writeFileSync(rel!, `${readFileSync(rel!, 'utf8')}\n\nMarsh-harrier inspections happen at dawn.\n`);
      const s = await ingestKnowledge({ root: fixture.path, repo, embedder });
      expect(s.changed).toHaveLength(1);
      await kb.reload();
      expect(kb.stats().lastReload).toMatchObject({ path: 'incremental', changed: 1 });
      expect((await kb.search('marsh-harrier inspections'))[0]?.text).toMatch(/Marsh-harrier/);
      const rebuilt = await KnowledgeBase.open({ repo, embedder });
      for (const q of ['marsh-harrier inspections', 'customs declaration', 'EAC', 'сертификат', '海关'])
        for (const f of [{}, { dedupe: false }, { lang: 'en' as const }])
          expect(await kb.search(q, { ...f, k: 10 })).toEqual(await rebuilt.search(q, { ...f, k: 10 }));
    } finally {
      await db.close();
      await temp.drop();
      fixture.remove();
    }
  }, 120_000);
});
