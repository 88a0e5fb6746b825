// Incremental updates against full rebuilds (docs/decisions/023-incremental-index-updates.md): random
// sequences of documents added, changed and removed, each applied to the index the previous steps
// left; after every step the updated index must answer as an index built from scratch over the same
// documents does — the same top 10 (ids, order and scores within 1e-9) with and without each filter,
// the same idf of every word — and hold the same postings. The vocabulary is small on purpose: many
// passages share words, lengths and whole texts, so df, average length and ties all move.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocMeta, IndexedChunk, SearchOptions } from '../domain/knowledge.js';
import type { Lang } from '../domain/lang.js';
import { applyDocumentChanges, CannotApplyChanges, type IndexParts } from './apply-document-changes.js';
import type { Bm25Index } from './bm25-index.js';
import { FlatVectors } from './flat-vectors.js';
import { HashingEmbedder } from './hashing-embedder.js';
import { HybridIndex, indexText, LEXICAL_FIRST_FUSION } from './hybrid-index.js';

const WORDS = [
  'customs',
  'tariff',
  'quota',
  'export',
  'licence',
  'grain',
  'cotton',
  'rail',
  'border',
  'certificate',
  'таможня',
  'пошлина',
  'экспорт',
  'сертификат',
  'зерно',
  '海关',
  '关税',
  '出口',
  '证书',
  '铁路',
];
const LANGS: Lang[] = ['en', 'ru', 'zh'];
const CATEGORIES = ['policy', 'logistics', 'legal-faq'];
const COUNTRIES = ['KZ', 'UZ', 'RU'];
const IDS = Array.from({ length: 12 }, (_, i) => `doc-${String(i).padStart(2, '0')}`);
const embedder = new HashingEmbedder(32);

interface DocSpec {
  lang: Lang;
  category: string;
  countries: string[];
  title: number[];
  passages: number[][];
}

const words = (ns: readonly number[]) => ns.map((n) => WORDS[n % WORDS.length]).join(' ');
const docSpec: fc.Arbitrary<DocSpec> = fc.record({
  lang: fc.constantFrom(...LANGS),
  category: fc.constantFrom(...CATEGORIES),
  countries: fc.subarray(COUNTRIES),
  title: fc.array(fc.nat(WORDS.length - 1), { minLength: 1, maxLength: 3 }),
  // Few words per passage and a few passages a document: identical passages and lengths are common.
  passages: fc.array(fc.array(fc.nat(WORDS.length - 1), { minLength: 1, maxLength: 8 }), {
    minLength: 1,
    maxLength: 4,
  }),
});
type Op = { put: number; spec: DocSpec } | { remove: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ put: fc.nat(IDS.length - 1), spec: docSpec }) },
  { weight: 1, arbitrary: fc.record({ remove: fc.nat(IDS.length - 1) }) },
);

/** A document as the store returns it: metadata and passages with their vectors. */
function materialise(id: string, s: DocSpec) {
  const doc: DocMeta = {
    id,
    slug: id,
    lang: s.lang,
    title: words(s.title),
    category: s.category,
    countries: s.countries,
    sources: [`https://example.org/${id}`],
    translations: [],
    asOf: undefined,
    reviewBy: undefined,
  };
  const chunks = s.passages.map((p, ord) => {
    const chunk: IndexedChunk = { id: `${id}#${ord}`, docId: id, ord, headingPath: [doc.title], text: words(p) };
    return { ...chunk, embedding: embedder.embedOne(indexText(chunk, doc)) };
  });
  return { doc, chunks };
}
type Stored = ReturnType<typeof materialise>;

/**
 * What KnowledgeBase's full path builds from the store: documents by id, passages by position; no
 * vectors in process is the pgvector case.
 */
function fullBuild(store: ReadonlyMap<string, Stored>, withVectors = true): IndexParts {
  const ordered = [...store.keys()].sort().map((id) => store.get(id)!);
  const docs = ordered.map((s) => s.doc);
  const stored = ordered.flatMap((s) => s.chunks);
  const chunks = stored.map(({ embedding: _e, ...c }) => c);
  const lexical = HybridIndex.buildLexical(chunks, new Map(docs.map((d) => [d.id, d])));
  const vectors = withVectors
    ? FlatVectors.from(
        stored.map((c) => c.embedding),
        embedder.dimensions,
      )
    : undefined;
  return { docs, chunks, lexical, vectors };
}

const indexOf = (p: IndexParts) => new HybridIndex(p.chunks, p.docs, p.vectors, LEXICAL_FIRST_FUSION, p.lexical);

const QUERIES = [
  'customs tariff',
  'export certificate grain',
  'rail border',
  'таможня пошлина экспорт',
  '海关 出口 证书',
  'quota cotton licence export',
  'grain зерно 铁路',
];
const FILTERS: SearchOptions[] = [
  {},
  { dedupe: false },
  { lang: 'en' },
  { lang: ['ru', 'zh'], dedupe: false },
  { category: 'policy' },
  { country: 'kz' },
  { country: 'UZ', category: ['logistics', 'legal-faq'] },
  { docId: IDS[3] },
  { docId: IDS[7], dedupe: false },
];

/** Each term's postings as (document, frequency) pairs: the index's content, whatever its term order. */
function postings(index: Bm25Index): Map<string, string> {
  const d = index.toData();
  return new Map(
    d.terms.map((t, i) => {
      const pairs: string[] = [];
      for (let p = d.offsets[i]!; p < d.offsets[i + 1]!; p++) pairs.push(`${d.docs[p]}:${d.tfs[p]}`);
      return [t, pairs.join(' ')];
    }),
  );
}

function expectSameAnswers(updated: IndexParts, fresh: IndexParts): void {
  expect(updated.chunks).toEqual(fresh.chunks);
  expect(updated.docs).toEqual(fresh.docs);
  expect(Array.from(updated.lexical.toData().docLen)).toEqual(Array.from(fresh.lexical.toData().docLen));
  expect(postings(updated.lexical)).toEqual(postings(fresh.lexical));
  expect(updated.vectors?.toBytes()).toEqual(fresh.vectors?.toBytes());
  const a = indexOf(updated);
  const b = indexOf(fresh);
  for (const w of WORDS) expect(a.termIdf(w)).toBe(b.termIdf(w));
  expect(a.maxIdf()).toBe(b.maxIdf());
  for (const q of QUERIES) {
    const vector = embedder.embedOne(q);
    for (const f of FILTERS) {
      const got = a.search(q, vector, { ...f, k: 10 });
      const want = b.search(q, vector, { ...f, k: 10 });
      expect(got.map((h) => h.id)).toEqual(want.map((h) => h.id));
      got.forEach((h, i) => expect(Math.abs(h.score - want[i]!.score)).toBeLessThanOrEqual(1e-9));
      // The lexical list alone: BM25's scores themselves, not only their fused ranking.
      const lex = a.search(q, undefined, { ...f, k: 10 });
      const lexWant = b.search(q, undefined, { ...f, k: 10 });
      expect(lex.map((h) => [h.id, h.ranks.lexical])).toEqual(lexWant.map((h) => [h.id, h.ranks.lexical]));
    }
  }
}

describe('applyDocumentChanges', () => {
  it('answers as a full rebuild after every step of random adds, changes and removals, with flat vectors or none', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ put: fc.nat(IDS.length - 1), spec: docSpec }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (initial, steps, withVectors) => {
          const store = new Map<string, Stored>();
          for (const p of initial) store.set(IDS[p.put]!, materialise(IDS[p.put]!, p.spec));
          let parts = fullBuild(store, withVectors);
          for (const batch of steps) {
            const changed = new Map<string, Stored>();
            for (const o of batch) {
              if ('remove' in o) {
                store.delete(IDS[o.remove]!);
                changed.delete(IDS[o.remove]!);
              } else {
                const s = materialise(IDS[o.put]!, o.spec);
                store.set(s.doc.id, s);
                changed.set(s.doc.id, s);
              }
            }
            parts = applyDocumentChanges(parts, { order: [...store.keys()].sort(), changed: [...changed.values()] });
            expectSameAnswers(parts, fullBuild(store, withVectors));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses what a full rebuild would lay out differently', () => {
    const store = new Map([IDS[0]!, IDS[1]!].map((id) => [id, materialise(id, spec(['customs tariff']))]));
    const parts = fullBuild(store);
    // The store's order is not the loaded one: the kept passages would have to move past each other.
    expect(() => applyDocumentChanges(parts, { order: [IDS[1]!, IDS[0]!], changed: [] })).toThrow(CannotApplyChanges);
    // A document the index does not hold and the change does not bring.
    expect(() => applyDocumentChanges(parts, { order: [IDS[0]!, IDS[2]!], changed: [] })).toThrow(CannotApplyChanges);
    // A changed passage without its vector, where the index keeps vectors.
    const bare = materialise(IDS[2]!, spec(['rail']));
    const { embedding: _e, ...noVector } = bare.chunks[0]!;
    expect(() =>
      applyDocumentChanges(parts, {
        order: [IDS[0]!, IDS[1]!, IDS[2]!],
        changed: [{ doc: bare.doc, chunks: [noVector] }],
      }),
    ).toThrow(CannotApplyChanges);
  });
});

function spec(passages: string[]): DocSpec {
  return {
    lang: 'en',
    category: 'policy',
    countries: [],
    title: [0],
    passages: passages.map((p) => p.split(' ').map((w) => WORDS.indexOf(w))),
  };
}
