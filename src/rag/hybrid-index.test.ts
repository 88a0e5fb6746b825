import { describe, expect, it } from 'vitest';
import type { DocMeta, IndexedChunk } from '../domain/knowledge.js';
import { HybridIndex } from './hybrid-index.js';

const doc = (id: string): DocMeta => ({
  id,
  slug: id,
  lang: 'en',
  title: 'Cosmetics rules',
  category: 'market-access',
  countries: [],
  sources: [],
  translations: [],
  asOf: undefined,
  reviewBy: undefined,
});
const chunk = (docId: string, ord: number, heading: string, text: string): IndexedChunk => ({
  id: `${docId}#${ord}`,
  docId,
  ord,
  headingPath: ['Cosmetics rules', heading],
  text,
});

describe('HybridIndex.rankSections', () => {
  it('ranks a section split into several chunks by all of them, and shows it once', () => {
    const chunks = [
      chunk('c', 0, 'What does it cover?', 'It covers hair products and dye for tattoos, creams and soaps.'),
      // One section in two chunks: the question's "registration" in the heading, "hair" in one chunk and
      // "dye" in the other. Ranked chunk by chunk, the scope section, holding both words, came first.
      chunk('c', 1, 'Registration or declaration?', 'State registration is needed first for products for hair.'),
      chunk('c', 2, 'Registration or declaration?', 'It is also needed for every dye applied to the skin.'),
      chunk('c', 3, 'What must the label say?', 'The label names the product and its maker.'),
      chunk('other', 0, 'Unrelated', 'Rail freight from Qingdao to Almaty takes two weeks.'),
    ];
    const index = new HybridIndex(chunks, [doc('c'), doc('other')], undefined);
    const [best, next] = index.rankSections('hair dye registration', ['c'], 2).get('c')!;
    expect(best!.headingPath.at(-1)).toBe('Registration or declaration?');
    expect(next!.headingPath.at(-1)).toBe('What does it cover?');
  });

  it('reads a Chinese term in a Russian or English question as one of its words, not character by character', () => {
    // "проверьте … через 信用上合, какой у него кредитный рейтинг?": the service's characters, one by one, put the
    // section that names it most ahead of the one on checking a buyer (domain zone-03).
    const chunks = [
      chunk(
        's',
        0,
        'What is 信用上合?',
        '信用上合 is the credit service of the 上合 zone; 信用上合 covers firms in many countries.',
      ),
      chunk(
        's',
        1,
        'How do I check a buyer?',
        'Ask for a buyer check: the assistant gives the credit rating with its date.',
      ),
      chunk('other', 0, 'Unrelated', 'Rail freight from Qingdao to Almaty takes two weeks.'),
    ];
    const index = new HybridIndex(chunks, [doc('s'), doc('other')], undefined);
    const [best] = index
      .rankSections('check a buyer through 信用上合, which credit rating does he have?', ['s'], 2)
      .get('s')!;
    expect(best!.headingPath.at(-1)).toBe('How do I check a buyer?');
    // In a Chinese question the characters are its words.
    const [zh] = index.rankSections('信用上合是什么？', ['s'], 2).get('s')!;
    expect(zh!.headingPath.at(-1)).toBe('What is 信用上合?');
  });
});
