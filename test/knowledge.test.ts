// Every knowledge document: front-matter complete, translations present and pointing back, sources
// non-empty, dates real — and the partner directory well-formed, with placeholders marked.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintKnowledge } from '../src/rag/lint-knowledge.js';
import { splitMarkdown } from '../src/rag/split-text.js';
import { loadLawFirmDirectory, PRACTICE_AREAS } from '../src/tickets/law-firm-directory.js';

const ROOT = join(import.meta.dirname, '../knowledge');

describe('knowledge/', () => {
  const { documents, problems } = lintKnowledge(ROOT);

  it('has no document with a front-matter, naming or translation problem', () => {
    expect(problems).toEqual([]);
  });

  it('holds at least 50 documents, each in Chinese and Russian, linked both ways', () => {
    const bySlug = new Map<string, Set<string>>();
    for (const d of documents) {
      const slug = d.meta.id.replace(/-(zh|ru|en)$/, '');
      bySlug.set(slug, (bySlug.get(slug) ?? new Set()).add(d.meta.lang));
    }
    expect(bySlug.size).toBeGreaterThanOrEqual(50);
    const missing = [...bySlug].filter(([, langs]) => !langs.has('zh') || !langs.has('ru')).map(([s]) => s);
    expect(missing).toEqual([]);
    for (const d of documents) {
      const others = documents.filter(
        (o) =>
          o.meta.id !== d.meta.id && o.meta.id.replace(/-(zh|ru|en)$/, '') === d.meta.id.replace(/-(zh|ru|en)$/, ''),
      );
      expect(new Set(d.meta.translations), d.file).toEqual(new Set(others.map((o) => o.meta.id)));
    }
  });

  it("links passages of a multi-source document to their own sections' sources, never all to one URL", () => {
    for (const { meta, body, file } of documents) {
      const chunks = splitMarkdown(body);
      for (const c of chunks) {
        expect(c.sourceRefs, `${file} › ${c.headingPath.join(' › ')}`).toBeDefined();
        for (const n of c.sourceRefs!) expect(meta.sources[n - 1], `${file}: source ${n}`).toBeDefined();
      }
      if (meta.sources.length < 2) continue;
      const linkSets = new Set(chunks.filter((c) => c.sourceRefs!.length > 0).map((c) => c.sourceRefs!.join(',')));
      expect(linkSets.size, `${file}: every passage cites the same sources`).toBeGreaterThan(1);
    }
  });

  it('gives every document sources, an as_of date and a later review_by', () => {
    for (const { meta, file } of documents) {
      expect(meta.sources.length, file).toBeGreaterThan(0);
      expect(meta.as_of, file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(meta.as_of)), file).toBe(false);
      expect(meta.review_by > meta.as_of, file).toBe(true);
    }
  });

  it('covers every category and the SCO markets the issue names', () => {
    const cats = new Set(documents.map((d) => d.meta.category));
    expect([...cats].sort()).toEqual(['legal-faq', 'logistics', 'market-access', 'policy', 'zone-services']);
    const countries = new Set(documents.flatMap((d) => d.meta.countries));
    for (const c of ['RU', 'KZ', 'UZ', 'KG', 'TJ', 'PK', 'IN', 'IR', 'CN']) expect(countries.has(c), c).toBe(true);
  });

  it('states unverified zone figures only as unconfirmed', () => {
    // The fact sheet marks these as unverified or contradicted; they may appear only with a hedge.
    for (const { body, file } of documents) {
      for (const figure of ['22,000', '22 000', '2.2万', '216']) {
        const at = body.indexOf(figure);
        if (at < 0) continue;
        const around = body.slice(Math.max(0, at - 300), at + 300).toLowerCase();
        expect(
          /not confirmed|unconfirmed|не подтвержд|未经证实|未获证实|未能证实|尚未证实|未证实|无法证实|待核实|disagree|расходятся|说法不一/.test(
            around,
          ),
          `${file}: ${figure}`,
        ).toBe(true);
      }
    }
  });
});

describe('knowledge/partners/law-firms.yaml', () => {
  const dir = loadLawFirmDirectory(join(ROOT, 'partners/law-firms.yaml'));

  it('parses, and marks every shipped entry as an example', () => {
    expect(dir.firms.length).toBeGreaterThan(0);
    for (const f of dir.firms) {
      expect(f.example, f.id).toBe(true);
      expect(f.name, f.id).toMatch(/example|placeholder/i);
      expect(f.contact_email.endsWith('@example.com'), f.id).toBe(true);
    }
  });

  it('covers every practice area and the main jurisdictions', () => {
    const areas = new Set(dir.firms.flatMap((f) => f.practice_areas));
    expect([...areas].sort()).toEqual([...PRACTICE_AREAS].sort());
    const juris = new Set(dir.firms.flatMap((f) => f.jurisdictions));
    for (const j of ['CN', 'RU', 'KZ']) expect(juris.has(j), j).toBe(true);
  });
});
