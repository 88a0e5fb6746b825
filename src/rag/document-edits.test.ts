import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from './front-matter.js';
import { setDates } from './document-edits.js';

const DOC = `---
id: gauge-change-ru
lang: ru
title: "Смена ширины колеи"
category: logistics
sources: [https://example.org/a]
as_of: 2024-12-31
review_by: 2025-06-30
---
# Смена ширины колеи

as_of: 1999-01-01 is text in the body and stays.
`;

describe('setDates', () => {
  it('moves as_of and review_by in the front-matter only, leaving the body and other fields as written', () => {
    const out = setDates(DOC, '2026-12-01', '2027-12-01', true);
    const { meta, body } = parseFrontMatter(out);
    expect([meta.as_of, meta.review_by]).toEqual(['2026-12-01', '2027-12-01']);
    expect(body).toContain('as_of: 1999-01-01 is text in the body and stays.');
    expect(out.replace('2026-12-01', '2024-12-31').replace('2027-12-01', '2025-06-30')).toBe(DOC);
  });

  it('adds the fields to a sidecar that lacks them', () => {
    expect(setDates('id: x\ntitle: X\n', '2026-12-01', '2027-06-01', false)).toBe(
      'id: x\ntitle: X\nas_of: 2026-12-01\nreview_by: 2027-06-01',
    );
  });
});
