import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontMatter } from './front-matter.js';
import { joinChunks, splitMarkdown, splitSentences } from './split-text.js';

const KNOWLEDGE = new URL('../../knowledge/', import.meta.url).pathname;

describe('splitSentences', () => {
  it('ends Chinese sentences at 。！？；', () => {
    expect(splitSentences('第一句。第二句！第三句？')).toEqual(['第一句。', '第二句！', '第三句？']);
  });

  it('ends Russian sentences at . ! ? without breaking abbreviations like ТР ТС 010/2011 or numbers', () => {
    const s = splitSentences('Регламент ТР ТС 010/2011 действует с 15.02.2013. Нужна декларация! Верно?');
    expect(s).toEqual(['Регламент ТР ТС 010/2011 действует с 15.02.2013.', 'Нужна декларация!', 'Верно?']);
  });

  it('ends a bold sentence with its marks, which were read as letters and glued it to its neighbours', () => {
    expect(
      splitSentences('It had 58 parties around 2025. **China is not one of them.** Parties on its routes:'),
    ).toEqual(['It had 58 parties around 2025.', '**China is not one of them.**', 'Parties on its routes:']);
    // After a Han stop the marks close a bold sentence when one is open, and open the next one otherwise.
    expect(splitSentences('去俄罗斯595列。**霍尔果斯—阿腾科里。**2013年开通。')).toEqual([
      '去俄罗斯595列。',
      '**霍尔果斯—阿腾科里。**',
      '2013年开通。',
    ]);
  });
});

describe('splitMarkdown', () => {
  it('keeps the heading path of each chunk', () => {
    const chunks = splitMarkdown(
      '# Title\n\nIntro text.\n\n## Section A\n\nText A.\n\n### Sub\n\nText sub.\n\n## Section B\n\nText B.',
    );
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ['Title'],
      ['Title', 'Section A'],
      ['Title', 'Section A', 'Sub'],
      ['Title', 'Section B'],
    ]);
  });

  it('cuts long sections only at sentence ends, each chunk within the size bound', () => {
    const sentence = '这是一个关于欧亚经济联盟技术法规的句子，用来测试分块。';
    const body = `# 标题\n\n${sentence.repeat(80)}`;
    const chunks = splitMarkdown(body, { maxSize: 400, overlapSentences: 0 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.text.endsWith('。')).toBe(true);
      expect([...c.text].length * 2).toBeLessThanOrEqual(400);
    }
  });

  it('keeps a list item whole across a chunk boundary, so the next chunk never opens inside one', () => {
    const items = Array.from(
      { length: 6 },
      (_, i) =>
        `- Пункт ${i + 1}: порог постановки на учёт снижен до ${i + 1}0 000 МРП. Источники расходятся в сумме в тенге, примерно от 39,3 до 43,2 млн.`,
    );
    const chunks = splitMarkdown(`# T\n\n## Какая ставка?\n\n${items.join('\n')}\n`, { maxSize: 300 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      // Every line of every chunk is a whole item: it starts with the item's mark and holds both sentences.
      for (const line of c.text.split('\n').filter(Boolean)) {
        expect(line, c.text).toMatch(/^- Пункт \d: .*Источники расходятся/);
      }
    }
  });

  it('does not split inside a fenced code block', () => {
    const chunks = splitMarkdown('# T\n\n```\nline. one. two.\n```\n');
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.text).toContain('line. one. two.');
  });
});

describe('joinChunks', () => {
  // Every section of the real knowledge base, split small enough to need several chunks, joins back
  // into the section read as one chunk: no sentence or list item twice, none lost.
  const bodies = readdirSync(KNOWLEDGE, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.endsWith('README.md'))
    .map((f) => parseFrontMatter(readFileSync(join(KNOWLEDGE, f), 'utf8')).body);
  const bySection = (chunks: { headingPath: string[]; text: string }[]) => {
    const m = new Map<string, string[]>();
    for (const c of chunks) m.set(c.headingPath.join(' > '), [...(m.get(c.headingPath.join(' > ')) ?? []), c.text]);
    return m;
  };
  const bare = (s: string) => s.replace(/\s+/g, '');

  it.each([1000, 400])('joins every multi-chunk section of the knowledge base back whole (chunks of %i)', (size) => {
    let joined = 0;
    for (const body of bodies) {
      const whole = bySection(splitMarkdown(body, { maxSize: 100_000 }));
      for (const [path, texts] of bySection(splitMarkdown(body, { maxSize: size }))) {
        if (texts.length < 2 || whole.get(path)?.length !== 1) continue;
        expect(bare(joinChunks(texts)), path).toBe(bare(whole.get(path)![0]!));
        joined++;
      }
    }
    expect(joined).toBeGreaterThan(size === 1000 ? 30 : 200);
  });

  it('drops a carried list item once, not only its last sentence', () => {
    const a = 'Intro.\n\n- Kazakhstan: the rate rose from 12% to 16%. It applies to imports from China.';
    const b = '- Kazakhstan: the rate rose from 12% to 16%. It applies to imports from China.\n- Kyrgyzstan: 12%.';
    expect(joinChunks([a, b])).toBe(`${a}\n\n- Kyrgyzstan: 12%.`);
  });
});
