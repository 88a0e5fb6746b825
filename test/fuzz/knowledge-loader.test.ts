// Fuzz: the knowledge loader on hostile files — front-matter (YAML tricks included), Markdown
// bodies, HTML, and PDF and DOCX files built for real and then corrupted (bits flipped, truncated,
// garbage spliced in) or replaced by random bytes. Each file either loads or is refused with a
// message, quickly; at ingest a refused file is reported, the other documents stay as they were and
// a document that loaded before keeps its previous version.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrontMatterError, parseFrontMatter } from '../../src/rag/front-matter.js';
import { HashingEmbedder } from '../../src/rag/hashing-embedder.js';
import { ingestKnowledge } from '../../src/rag/ingest.js';
import { KnowledgeBase } from '../../src/rag/knowledge-base.js';
import { loadDocument } from '../../src/rag/load-document.js';
import { splitMarkdown } from '../../src/rag/split-text.js';
import type { Db } from '../../src/store/db.js';
import { KnowledgeRepo } from '../../src/store/knowledge-repo.js';
import { openDb } from '../../src/store/open-db.js';
import { tempDir } from '../support/knowledge-fixture.js';
import { anyText, fuzzOptions, fuzzTimeout, timed, hangBound } from './fuzz-options.js';

const GOOD_MD = `---
id: steady-doc-en
lang: en
title: Steady document
category: logistics
sources: [https://example.org/steady]
as_of: 2025-01-01
review_by: 2026-12-31
---
# Steady document

## Gauge change

Wagons change bogies at the border station of Dostyk in about two hours.
`;

const SIDECAR = (id: string) =>
  `id: ${id}\nlang: en\ntitle: Fuzzed ${id}\ncategory: logistics\nsources: [https://example.org/${id}]\nas_of: 2025-01-01\nreview_by: 2026-12-31\n`;

/** Front-matter values people get wrong, and YAML that attacks the parser. */
const yamlValue = fc.oneof(
  anyText(40).map((s) => JSON.stringify(s)),
  fc.constantFrom(
    '',
    '~',
    'null',
    '[]',
    '{}',
    '[a, [b, [c, [d]]]]',
    '2025-13-45',
    '99999-01-01',
    '!!binary aGVsbG8=',
    '!!js/function "() => 1"',
    '&a [*a]',
    '*undefined_alias',
    '"\\u0000"',
    '1e999',
    '-0',
    '0x1F',
    `[${'[x,'.repeat(200)}]`,
  ),
);
const FIELDS = [
  'id',
  'lang',
  'title',
  'category',
  'countries',
  'sources',
  'translations',
  'as_of',
  'review_by',
  'volatility',
];
const frontMatter = fc
  .tuple(fc.subarray(FIELDS), fc.array(yamlValue, { minLength: FIELDS.length, maxLength: FIELDS.length }))
  .map(([keys, values]) => keys.map((k, i) => `${k}: ${values[i]}`).join('\n'));
// The "billion laughs": nested aliases that expand exponentially.
const laughs = Array.from({ length: 9 }, (_, i) =>
  i === 0
    ? 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'
    : `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
).join('\n');

const markdownBody = fc
  .array(
    fc.oneof(
      anyText(200),
      fc.constantFrom('# ', '## Heading', '###### deep', '```', '~~~', '<!-- sources: 1 -->', '<!-- sources: none -->'),
      fc.constantFrom('<!-- sources: 99999999999999999999 -->', '- item', '| a | b |', '> quote', '。。。', '...!?'),
      fc.string({ unit: 'grapheme', minLength: 500, maxLength: 3000 }),
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.join('\n'));

/** A file's bytes corrupted the ways storage and transfer corrupt them. */
function corrupted(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc
      .array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 })
      .map((flips) => {
        const b = Uint8Array.from(base);
        for (const [at, v] of flips) b[at] = v;
        return b;
      }),
    fc.nat(base.length).map((n) => base.slice(0, n)),
    fc
      .tuple(fc.nat(base.length), fc.uint8Array({ minLength: 1, maxLength: 2000 }))
      .map(([at, junk]) => Uint8Array.from([...base.slice(0, at), ...junk, ...base.slice(at)])),
    fc.uint8Array({ maxLength: 4000 }),
  );
}

describe('fuzz: knowledge loader', () => {
  let pdf: Uint8Array;
  let docx: Uint8Array;
  let db: Db;
  let repo: KnowledgeRepo;
  const dir = tempDir('fuzz-knowledge');
  const embedder = new HashingEmbedder(64);

  beforeAll(async () => {
    const p = await PDFDocument.create();
    const font = await p.embedFont(StandardFonts.Helvetica);
    p.addPage([595, 842]).drawText('Reefer containers need power at the gauge-change yard.', {
      x: 50,
      y: 780,
      size: 12,
      font,
    });
    pdf = await p.save();
    docx = await Packer.toBuffer(
      new Document({
        sections: [{ children: [new Paragraph('Dangerous goods need a declaration and a UN number.')] }],
      }),
    );
    db = await openDb({ databaseUrl: undefined, dataDir: undefined });
    repo = new KnowledgeRepo(db);
  });
  afterAll(async () => {
    await db?.close();
    dir.remove();
  });

  it('front-matter: parsed or refused with a FrontMatterError, quickly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyText(500),
          fc.tuple(frontMatter, markdownBody).map(([fm, body]) => `---\n${fm}\n---\n${body}`),
          fc.constant(`---\n${laughs}\nid: x\n---\nbody`),
          fc
            .tuple(fc.constantFrom('\uFEFF', '', '\r\n', ' '), frontMatter)
            .map(([pre, fm]) => `${pre}---\r\n${fm}\r\n---\r\n`),
        ),
        async (source) => {
          const { value, ms } = await timed(() => {
            try {
              return parseFrontMatter(source);
            } catch (err) {
              if (err instanceof FrontMatterError) return err;
              throw err;
            }
          });
          expect(ms).toBeLessThan(hangBound(500));
          if (value instanceof FrontMatterError) return void expect(value.message.length).toBeGreaterThan(0);
          expect(value.meta.id).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/);
          expect(value.meta.sources.length).toBeGreaterThan(0);
          expect(value.meta.review_by >= value.meta.as_of).toBe(true);
        },
      ),
      fuzzOptions('front-matter', 500),
    );
  });

  it('markdown: split into non-empty chunks that invent nothing, quickly', async () => {
    /** Are a's non-space characters, in order, found among b's? (Joins may change whitespace.) */
    const drawnFrom = (a: string, b: string) => {
      const bb = b.replace(/\s+/g, '');
      let j = 0;
      for (const ch of a.replace(/\s+/g, '')) {
        j = bb.indexOf(ch, j);
        if (j < 0) return false;
        j += ch.length;
      }
      return true;
    };
    await fc.assert(
      fc.asyncProperty(markdownBody, async (body) => {
        const { value: chunks, ms } = await timed(() => splitMarkdown(body));
        expect(ms).toBeLessThan(hangBound(1000));
        for (const c of chunks) {
          expect(c.text.trim().length).toBeGreaterThan(0);
          expect(Array.isArray(c.headingPath)).toBe(true);
          expect(drawnFrom(c.text, body), c.text.slice(0, 80)).toBe(true);
        }
      }),
      fuzzOptions('markdown', 300),
    );
  });

  for (const format of ['pdf', 'docx', 'html'] as const) {
    it(
      `${format}: a corrupted file loads or is refused with a message, within seconds`,
      async () => {
        const bytes =
          format === 'pdf'
            ? corrupted(pdf)
            : format === 'docx'
              ? corrupted(docx)
              : fc
                  .oneof(
                    anyText(2000),
                    markdownBody.map((b) => `<html><title>${b}</title><body><p>${b}</p>`),
                  )
                  .map((s) => new TextEncoder().encode(s));
        await fc.assert(
          fc.asyncProperty(bytes, async (b) => {
            const path = join(dir.path, `logistics-${format}.${format}`);
            writeFileSync(path, b);
            writeFileSync(`${path}.meta.yaml`, SIDECAR(`fuzzed-${format}-en`));
            const { value, ms } = await timed(() =>
              loadDocument(path, dir.path).then(
                (doc) => doc,
                (err: unknown) => err as Error,
              ),
            );
            expect(ms).toBeLessThan(hangBound(5000));
            if (value instanceof Error) return void expect(String(value.message).length).toBeGreaterThan(0);
            expect(value.body.trim().length).toBeGreaterThan(0);
          }),
          fuzzOptions(`${format} loader`, format === 'html' ? 100 : 60),
        );
      },
      fuzzTimeout(300_000),
    );
  }

  it(
    'ingest: a hostile file is reported; the others, and its own earlier version, stay as they were',
    async () => {
      const root = tempDir('fuzz-ingest');
      try {
        writeFileSync(join(root.path, 'steady.en.md'), GOOD_MD);
        const goodPdf = join(root.path, 'guide.pdf');
        writeFileSync(goodPdf, pdf);
        writeFileSync(`${goodPdf}.meta.yaml`, SIDECAR('guide-en'));
        const first = await ingestKnowledge({ root: root.path, repo, embedder });
        expect(first.failed).toEqual([]);
        const kb = await KnowledgeBase.open({ repo, embedder });
        const search = async (q: string) => (await kb.search(q, { k: 3 })).map((h) => h.docId);
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              corrupted(pdf).map((b) => ({ file: 'guide.pdf', bytes: b })),
              fc.tuple(frontMatter, markdownBody).map(([fm, body]) => ({
                file: 'steady.en.md',
                bytes: new TextEncoder().encode(`---\n${fm}\n---\n${body}`),
              })),
            ),
            async ({ file, bytes }) => {
              const original = file === 'guide.pdf' ? pdf : new TextEncoder().encode(GOOD_MD);
              writeFileSync(join(root.path, file), bytes);
              const { value: s, ms } = await timed(() => ingestKnowledge({ root: root.path, repo, embedder }));
              expect(ms).toBeLessThan(hangBound(10_000));
              const outcome = [...s.added, ...s.changed, ...s.failed.map((f) => f.path)];
              if (s.failed.length) {
                expect(s.failed.map((f) => f.path)).toEqual([file]);
                // The file's earlier version is kept: still found by what it said.
                await kb.reload();
                expect(
                  await search(file === 'guide.pdf' ? 'reefer power gauge-change yard' : 'bogies Dostyk'),
                ).toContain(file === 'guide.pdf' ? 'guide-en' : 'steady-doc-en');
              } else expect(outcome.length + s.unchanged).toBe(2);
              // Put the original back for the next run; it must load again.
              writeFileSync(join(root.path, file), original);
              const back = await ingestKnowledge({ root: root.path, repo, embedder });
              expect(back.failed).toEqual([]);
            },
          ),
          fuzzOptions('ingest of hostile files', 15),
        );
      } finally {
        root.remove();
      }
    },
    fuzzTimeout(300_000),
  );
});
