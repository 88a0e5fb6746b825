import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from './front-matter.js';
import { addMonths, reviewPolicyProblems, sectionSourceProblems, termProblems } from './knowledge-rules.js';

const doc = (body: string, extra = '') =>
  parseFrontMatter(
    `---\nid: x-en\nlang: en\ntitle: X\ncategory: policy\nsources: [https://a.example/1, https://b.example/2]\nas_of: 2026-01-31\nreview_by: 2026-07-31\n${extra}---\n${body}`,
  );

describe('knowledge rules', () => {
  it('adds months keeping the end of a month at the end of a month', () => {
    expect(addMonths('2025-09-30', 6)).toBe('2026-03-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', 18)).toBe('2027-07-15');
  });

  it('checks review_by against the volatility', () => {
    expect(reviewPolicyProblems(doc('# X\n', 'volatility: rates\n').meta)).toEqual([]);
    expect(reviewPolicyProblems(doc('# X\n').meta)[0]).toMatch(/volatility: missing/);
    const late = parseFrontMatter(
      '---\nid: x-en\nlang: en\ntitle: X\ncategory: policy\nsources: [https://a.example/1]\nas_of: 2026-01-15\nreview_by: 2026-08-01\nvolatility: rates\n---\n# X\n',
    );
    expect(reviewPolicyProblems(late.meta)[0]).toMatch(/more than 6 months/);
  });

  it('wants one marker per section, numbers that exist and every source used', () => {
    const ok = doc(
      '# X\n\n## A\n\nText.\n\n<!-- sources: 1 -->\n\n## B\n\nMore.\n\n<!-- sources: 2 -->\n\n### B1\n\nInherits.\n',
    );
    expect(sectionSourceProblems(ok.meta, ok.body)).toEqual([]);
    const bad = doc('# X\n\n## A\n\nText.\n\n## B\n\nMore.\n\n<!-- sources: 3 -->\n');
    const problems = sectionSourceProblems(bad.meta, bad.body);
    expect(problems.some((p) => p.includes('## A') && p.includes('no <!-- sources'))).toBe(true);
    expect(problems.some((p) => p.includes('source 3 does not exist'))).toBe(true);
    expect(problems.some((p) => p.includes('source 1 (https://a.example/1) backs no section'))).toBe(true);
  });

  it('refuses the variant terms', () => {
    const zh = parseFrontMatter(
      '---\nid: x-zh\nlang: zh\ntitle: X\ncategory: policy\nsources: [https://a.example/1]\nas_of: 2026-01-15\nreview_by: 2026-02-01\n---\n# X\n\n海关联盟的规定。\n',
    );
    expect(termProblems(zh.meta, zh.body)[0]).toMatch(/关税同盟/);
  });
});
