import { describe, expect, it } from 'vitest';
import { selectLead } from './lead.js';

describe('selectLead', () => {
  const docs = [
    {
      n: 1,
      rank: 0,
      countries: ['CN'],
      passages: [
        {
          key: 'trains',
          headingPath: ['班列', '示范区开行了多少班列'],
          text: '2024年全年开行班列1008列，同比增长。\n\n2025年全年开行班列1225列，同比增长。',
        },
      ],
    },
  ];
  const lead = (question: string, today?: string) =>
    // The first sentence: the other year's total may follow it.
    selectLead(question, docs, { lang: 'zh', idf: () => 1, missingIdf: 1, ...(today ? { today } : {}) }).lead
      ?.sentences[0]?.text;

  it('reads "去年" as the year before today, and "今年" as this year (trial 14 t14-23)', () => {
    expect(lead('示范区班列去年全年开行了多少列？', '2026-12-05')).toContain('1225');
    expect(lead('示范区班列去年全年开行了多少列？', '2025-06-01')).toContain('1008');
    expect(lead('示范区班列今年全年开行了多少列？', '2025-06-01')).toContain('1225');
  });
});

describe('a sentence that points back', () => {
  it('is shown with the sentence it points back to: "这两个日期均已过去。" alone says nothing (trial 16 t16-15)', () => {
    const docs = [
      {
        n: 1,
        rank: 0,
        countries: ['CN'],
        passages: [
          {
            key: 'suspension',
            headingPath: ['出口管制', '暂停到什么时候'],
            text: '第70号公告暂停实施上述措施，暂停期原定至2026年11月10日。这两个日期均已过去，暂停是否延长未能证实。',
          },
        ],
      },
    ];
    const [first] =
      selectLead('暂停期的日期已过去了吗', docs, { lang: 'zh', idf: () => 1, missingIdf: 1, maxChars: 200 }).lead
        ?.sentences ?? [];
    expect(first?.text).toMatch(/^第70号公告/);
    expect(first?.text).toContain('这两个日期均已过去');
  });
});

describe('a border crossing the goods pass', () => {
  it('does not make a sentence about the crossing\'s country: "…через Хоргос" is not a Kazakh figure (domain logistics-01)', () => {
    const docs = [
      {
        n: 1,
        rank: 0,
        countries: ['CN', 'KZ', 'UZ'],
        passages: [
          {
            key: 'times',
            headingPath: ['Сроки поездов', 'Сколько дней до городов Центральной Азии?'],
            text:
              'Ташкент: около 16 дней у поезда из 150 вагонов из зоны через Хоргос (май 2023).\n\n' +
              'Алматы: около 10–12 дней у поезда из зоны (2018), 8 дней у первого поезда (апрель 2020).',
          },
        ],
      },
    ];
    const first = selectLead('сколько едет поезд из циндао до алматы? примерно дней', docs, {
      lang: 'ru',
      idf: () => 1,
      missingIdf: 1,
      askedMarkets: ['KZ'],
    }).lead?.sentences[0]?.text;
    expect(first).toMatch(/^Алматы/);
  });
});
