// Ingestion through the real store (PGlite in memory), loaders, splitter and indexes.
import { readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { ingestKnowledge } from '../src/rag/ingest.js';
import { KnowledgeBase } from '../src/rag/knowledge-base.js';
import type { Embedder } from '../src/rag/embedder.js';
import type { Db } from '../src/store/db.js';
import { KnowledgeRepo } from '../src/store/knowledge-repo.js';
import { openDb } from '../src/store/open-db.js';
import { makeKnowledgeDir, tempDir } from './support/knowledge-fixture.js';

class CountingEmbedder implements Embedder {
  private readonly inner = new HashingEmbedder(64);
  readonly id = this.inner.id;
  texts = 0;
  async embed(texts: readonly string[]) {
    this.texts += texts.length;
    return this.inner.embed(texts);
  }
}

describe('ingest', () => {
  let db: Db;
  let repo: KnowledgeRepo;
  let knowledge: { path: string; remove: () => void };
  let data: { path: string; remove: () => void };
  const embedder = new CountingEmbedder();

  beforeEach(async () => {
    db = await openDb({ databaseUrl: undefined, dataDir: undefined });
    repo = new KnowledgeRepo(db);
    knowledge = await makeKnowledgeDir();
    data = tempDir('data');
    embedder.texts = 0;
  });
  afterEach(async () => {
    await db.close();
    knowledge.remove();
    data.remove();
  });

  const ingest = () => ingestKnowledge({ root: knowledge.path, repo, embedder });
  const open = () => KnowledgeBase.open({ repo, embedder, indexDir: join(data.path, 'index') });

  it("links each passage to the sources of its own section, not to the document's first source", async () => {
    writeFileSync(
      join(knowledge.path, 'market-access', 'two-sections.en.md'),
      [
        '---',
        'id: two-sections-en',
        'lang: en',
        'title: "Two sections"',
        'category: market-access',
        'countries: [KZ]',
        'sources: [https://example.org/first, https://example.org/second, https://example.org/third]',
        'as_of: 2026-01-31',
        'review_by: 2026-07-31',
        'volatility: rates',
        '---',
        '# Two sections',
        '',
        '## Pomegranate juice quotas',
        '',
        'The pomegranate juice quota is set each spring.',
        '',
        '<!-- sources: 1 -->',
        '',
        '## Walnut kernel grading',
        '',
        'Walnut kernels are graded by colour before export.',
        '',
        '<!-- sources: 2, 3 -->',
        '',
        // A ### section without a marker takes its parent's.
        '### Walnut moisture',
        '',
        'Walnut kernel moisture is measured at the border.',
      ].join('\n'),
    );
    await ingest();
    const kb = await open();
    const [juice] = await kb.search('pomegranate juice quota', { k: 1 });
    expect(juice).toMatchObject({
      docId: 'two-sections-en',
      source: 'https://example.org/first',
      sources: ['https://example.org/first'],
    });
    expect(juice!.text).not.toContain('<!--');
    const [walnut] = await kb.search('walnut kernels graded by colour', { k: 1 });
    expect(walnut).toMatchObject({
      docId: 'two-sections-en',
      source: 'https://example.org/second',
      sources: ['https://example.org/second', 'https://example.org/third'],
    });
    const [moisture] = await kb.search('walnut kernel moisture measured at the border', { k: 1 });
    expect(moisture).toMatchObject({
      headingPath: ['Two sections', 'Walnut kernel grading', 'Walnut moisture'],
      sources: ['https://example.org/second', 'https://example.org/third'],
    });
  });

  it('reads markdown, HTML, PDF and DOCX and finds each by its content with heading path and dates', async () => {
    const s = await ingest();
    expect(s.added).toHaveLength(8);
    expect(s.failed).toEqual([]);
    const kb = await open();
    const pdf = await kb.search('reefer genset power', { k: 1 });
    expect(pdf[0]).toMatchObject({
      docId: 'reefer-guide-en',
      asOf: '2025-01-31',
      source: 'https://example.org/reefer-guide-en',
    });
    const docx = await kb.search('UN number dangerous goods declaration', { k: 1 });
    expect(docx[0]!.docId).toBe('dangerous-goods-en');
    const html = await kb.search('sealed road vehicle customs guarantee', { k: 1 });
    expect(html[0]).toMatchObject({ docId: 'tir-note-en', headingPath: ['TIR carnet basics', 'What the carnet does'] });
    const md = await kb.search('кто может быть заявителем', { k: 1 });
    expect(md[0]).toMatchObject({
      docId: 'eac-mark-ru',
      lang: 'ru',
      headingPath: ['Знак EAC: когда он нужен', 'Кто может быть заявителем'],
    });
  });

  it('filters by language, category and country', async () => {
    await ingest();
    const kb = await open();
    const zh = await kb.search('EAC', { lang: 'zh', k: 5 });
    expect(zh.map((h) => h.docId)).toEqual(['eac-mark-zh']);
    const logistics = await kb.search('1435', { category: 'logistics', k: 5 });
    expect(logistics.every((h) => h.category === 'logistics')).toBe(true);
    expect(await kb.search('EAC', { country: 'UZ', k: 5 })).toEqual([]);
  });

  it('re-embeds only what changed and forgets what was removed', async () => {
    await ingest();
    const firstTexts = embedder.texts;
    expect(firstTexts).toBeGreaterThan(0);

    const again = await ingest();
    expect(again).toMatchObject({ added: [], changed: [], removed: [], unchanged: 8 });
    expect(embedder.texts).toBe(firstTexts);

    const ru = join(knowledge.path, 'logistics/gauge-change.ru.md');
    writeFileSync(ru, readFileSync(ru, 'utf8').replace('от одних до нескольких суток', 'от 1 до 5 суток'));
    rmSync(join(knowledge.path, 'policy/tir-note.html'));
    rmSync(join(knowledge.path, 'policy/tir-note.html.meta.yaml'));
    const third = await ingest();
    expect(third.changed).toEqual(['logistics/gauge-change.ru.md']);
    expect(third.removed).toEqual(['policy/tir-note.html']);
    expect(embedder.texts - firstTexts).toBeLessThanOrEqual(3);

    const kb = await open();
    expect(await kb.search('sealed road vehicle customs guarantee', { k: 3 })).toEqual([]);
    expect((await kb.search('от 1 до 5 суток', { k: 1 }))[0]!.text).toContain('от 1 до 5 суток');
  });

  it('reports a malformed front-matter by field and keeps the version already ingested', async () => {
    await ingest();
    const en = join(knowledge.path, 'market-access/eac-mark.en.md');
    writeFileSync(
      en,
      readFileSync(en, 'utf8')
        .replace('as_of: 2025-12-31', 'as_of: last winter')
        .replace('Only an organisation', 'NEW TEXT'),
    );
    const s = await ingest();
    expect(s.failed).toHaveLength(1);
    expect(s.failed[0]!.path).toBe('market-access/eac-mark.en.md');
    expect(s.failed[0]!.error).toMatch(/as_of: must be a date/);
    const kb = await open();
    const hit = (await kb.search('authorised representative of a foreign manufacturer', { k: 1 }))[0]!;
    expect(hit.docId).toBe('eac-mark-en');
    expect(hit.text).toContain('Only an organisation');
  });

  it('refuses two files with one id and keeps the first', async () => {
    await ingest();
    const copy = readFileSync(join(knowledge.path, 'market-access/eac-mark.en.md'), 'utf8');
    writeFileSync(join(knowledge.path, 'market-access/zz-copy.en.md'), copy);
    const s = await ingest();
    expect(s.failed).toEqual([
      {
        path: 'market-access/zz-copy.en.md',
        error: expect.stringMatching(/already used by market-access\/eac-mark.en.md/),
      },
    ]);
  });

  it('rebuilds a corrupt vector index file from the database instead of failing', async () => {
    await ingest();
    const first = await open();
    expect(first.stats().vectorIndex).toBe('built');
    expect((await open()).stats().vectorIndex).toBe('loaded');
    const dir = join(data.path, 'index');
    for (const f of readdirSync(dir)) if (!f.endsWith('.json')) writeFileSync(join(dir, f), 'garbage');
    const kb = await open();
    expect(kb.stats()).toMatchObject({ vectorIndex: 'built', documents: 8 });
    expect(kb.stats().vectorIndexNote).toBeTruthy();
    expect((await kb.search('EAC', { lang: 'en', k: 1 }))[0]!.docId).toBe('eac-mark-en');
  });

  // docs/decisions/022-vectors-for-lexical-first-fusion.md: the hashing embedder's vectors are kept
  // flat (vectors.bin); an embedder whose vectors bring hits of their own keeps its HNSW graph.
  it('saves flat vectors for the hashing embedder and rebuilds a version-1 snapshot once', async () => {
    await ingest();
    const dir = join(data.path, 'index');
    expect((await open()).stats().vectorIndex).toBe('built');
    expect(readdirSync(dir)).toContain('vectors.bin');
    expect(readdirSync(dir)).not.toContain('hnsw.bin');
    const loaded = await open();
    expect(loaded.stats()).toMatchObject({ vectorIndex: 'loaded', source: 'snapshot' });
    const hit = (await loaded.search('authorised representative of a foreign manufacturer', { k: 1 }))[0]!;
    expect(hit.docId).toBe('eac-mark-en');
    expect(hit.ranks.vector).toBeGreaterThan(0);

    const manifest = join(dir, 'knowledge.manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"version":2', '"version":1'));
    const rebuilt = await open();
    expect(rebuilt.stats()).toMatchObject({ vectorIndex: 'built', source: 'store' });
    expect(rebuilt.stats().vectorIndexNote).toMatch(/older version/);
    expect((await open()).stats().vectorIndex).toBe('loaded');
  });

  it('keeps an HNSW graph for an embedder fused by reciprocal rank', async () => {
    const semantic: Embedder = { id: 'test-semantic/64', embed: (texts) => embedder.embed(texts) };
    await ingestKnowledge({ root: knowledge.path, repo, embedder: semantic });
    const dir = join(data.path, 'index');
    const openSemantic = () => KnowledgeBase.open({ repo, embedder: semantic, indexDir: dir });
    expect((await openSemantic()).stats().vectorIndex).toBe('built');
    expect(readdirSync(dir)).toContain('hnsw.bin');
    expect(readdirSync(dir)).not.toContain('vectors.bin');
    const kb = await openSemantic();
    expect(kb.stats().vectorIndex).toBe('loaded');
    expect((await kb.search('EAC', { lang: 'en', k: 1 }))[0]!.docId).toBe('eac-mark-en');
  });
});
