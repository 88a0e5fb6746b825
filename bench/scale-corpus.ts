// The synthetic corpus of `npm run bench:scale`: XQuAD paragraphs of all three languages (en, ru, zh),
// copied until the corpus holds N chunks. Each copy is a window rotated through two neighbouring
// paragraphs of its language, so copies differ in their words and BM25 statistics stay realistic
// (a plain duplicate would tie every score). Five chunks make a document; documents carry a
// category and countries so filters have something to select.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocMeta, IndexedChunk } from '../src/domain/knowledge.js';
import type { Lang } from '../src/domain/lang.js';

export const XQUAD_DIR =
  [join(import.meta.dirname, '../../shared'), join(import.meta.dirname, '../../../shared')]
    .map((d) => join(d, 'benchmarks/xquad'))
    .find((d) => existsSync(d)) ?? join(import.meta.dirname, '../../shared/benchmarks/xquad');

const LANGS: Lang[] = ['en', 'ru', 'zh'];
const CATEGORIES = ['policy', 'market-access', 'legal-faq', 'logistics', 'zone-services'];
const COUNTRIES = ['KZ', 'RU', 'CN', 'UZ', 'KG', 'TJ', 'IN', 'PK', 'IR', 'BY'];
const CHUNKS_PER_DOC = 5;

interface Para {
  title: string;
  text: string;
}

function paragraphs(lang: Lang): Para[] {
  return readFileSync(join(XQUAD_DIR, `corpus.${lang}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Para);
}

/** Splits into rotation units: words for en/ru, characters for zh (which has no spaces). */
const units = (lang: Lang, text: string) => (lang === 'zh' ? Array.from(text) : text.split(/\s+/));
const join_ = (lang: Lang, us: string[]) => us.join(lang === 'zh' ? '' : ' ');

export function scaleCorpus(n: number): { docs: DocMeta[]; chunks: IndexedChunk[] } {
  const paras = Object.fromEntries(LANGS.map((l) => [l, paragraphs(l)])) as Record<Lang, Para[]>;
  const docs: DocMeta[] = [];
  const chunks: IndexedChunk[] = [];
  for (let i = 0; i < n; i++) {
    const d = Math.floor(i / CHUNKS_PER_DOC);
    const lang = LANGS[d % 3]!;
    const list = paras[lang];
    const j = Math.floor(d / 3) * CHUNKS_PER_DOC + (i % CHUNKS_PER_DOC); // the language's own counter
    const p = j % list.length;
    const copy = Math.floor(j / list.length);
    const docId = `d${d}`;
    if (i % CHUNKS_PER_DOC === 0) {
      docs.push({
        id: docId,
        slug: docId,
        lang,
        title: list[p]!.title.replace(/_/g, ' '),
        category: CATEGORIES[d % CATEGORIES.length]!,
        countries: [COUNTRIES[d % COUNTRIES.length]!, COUNTRIES[(d * 7 + 3) % COUNTRIES.length]!],
        sources: [`https://example.org/${docId}`],
        translations: [],
        asOf: '2026-01-01',
        reviewBy: '2027-01-01',
      });
    }
    const text =
      copy === 0
        ? list[p]!.text
        : (() => {
            const a = units(lang, list[p]!.text);
            const b = units(lang, list[(p + copy) % list.length]!.text);
            const both = [...a, ...b];
            const start = (copy * 37) % both.length;
            return join_(lang, [...both, ...both].slice(start, start + a.length));
          })();
    chunks.push({ id: `${docId}#${i % CHUNKS_PER_DOC}`, docId, ord: i % CHUNKS_PER_DOC, headingPath: [], text });
  }
  return { docs, chunks };
}

export interface ScaleQuery {
  lang: Lang;
  text: string;
}

/** Questions of all three languages, interleaved. */
export function scaleQueries(count: number): ScaleQuery[] {
  const per = LANGS.map((l) =>
    readFileSync(join(XQUAD_DIR, `queries.${l}.jsonl`), 'utf8')
      .trim()
      .split('\n')
      .map((x) => ({ lang: l, text: (JSON.parse(x) as { text: string }).text })),
  );
  return Array.from({ length: count }, (_, i) => per[i % 3]![Math.floor(i / 3) % per[i % 3]!.length]!);
}
