import { describe, expect, it } from 'vitest';
import { passedEndDates } from './passed-end-dates.js';

describe('passedEndDates', () => {
  it('finds an end date written as still to come that has passed, in Chinese, Russian and English', () => {
    const zh = '商务部公告 2025 年第 70 号将六项出口管制措施暂停实施至 2026 年 11 月 10 日。';
    expect(passedEndDates(zh, '2026-03-01', '2026-12-05')).toEqual(['2026-11-10']);
    expect(passedEndDates('Меры приостановлены до 10 ноября 2026 года.', '2026-03-01', '2026-12-05')).toEqual([
      '2026-11-10',
    ]);
    expect(passedEndDates('The measures are suspended until 10 Nov 2026.', '2026-03-01', '2026-12-05')).toEqual([
      '2026-11-10',
    ]);
    expect(passedEndDates('suspended until November 10, 2026', '2026-03-01', '2026-12-05')).toEqual(['2026-11-10']);
    // The end word after the date, or "before" (trial 30 t30-23).
    const before = '向欧亚经济联盟出口的中国企业在 2026 年 11 月 10 日之前同样享有 2025 年 10 月措施的暂停待遇。';
    expect(passedEndDates(before, '2026-03-01', '2026-12-05')).toEqual(['2026-11-10']);
    expect(passedEndDates('Stock must be marked before 30 Nov 2026.', '2026-03-01', '2026-12-05')).toEqual([
      '2026-11-30',
    ]);
  });

  it('says nothing of a date still to come, of one the note already wrote as past, or without the note’s date', () => {
    const zh = '暂停实施至 2026 年 11 月 10 日。';
    expect(passedEndDates(zh, '2026-03-01', '2026-10-01')).toEqual([]);
    // History: the relief ran to 31 March 2024, and the note of 2025 says so.
    expect(passedEndDates('с весны 2022 года по 31 марта 2024 года — 1 000 евро', '2025-12-31', '2026-12-05')).toEqual(
      [],
    );
    expect(passedEndDates(zh, undefined, '2026-12-05')).toEqual([]);
    // A start date is not an end date.
    expect(passedEndDates('自 2026 年 7 月 1 日起施行', '2026-03-01', '2026-12-05')).toEqual([]);
  });
});
