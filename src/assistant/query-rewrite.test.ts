import { describe, expect, it } from 'vitest';
import { isFollowUp } from './query-rewrite.js';

describe('isFollowUp', () => {
  it('takes a pronoun pointing back as a follow-up in a longer Chinese question', () => {
    expect(isFollowUp('这个证书的有效期是多长时间')).toBe(true);
    expect(isFollowUp('它们需要办理哪些清关手续')).toBe(true);
  });

  it('takes "那部分" ("that part") for a pointer back in a follow-up of up to twenty characters (trial 11)', () => {
    expect(isFollowUp('那没卖掉的那部分最晚什么时候要结清？')).toBe(true);
    expect(isFollowUp('这批货退回来还要交税吗')).toBe(true);
    expect(isFollowUp('部分中亚国家对中国商品有哪些进口配额限制和许可证要求')).toBe(false);
  });

  it('takes "what if some of them…" of up to ten words for a follow-up (trial 13)', () => {
    expect(isFollowUp('what if some of them are for babies under 3?')).toBe(true);
    expect(isFollowUp('а если часть из них для малышей до 3 лет?')).toBe(true);
    expect(isFollowUp('what are the labelling rules for plush toys sold to children under three in Russia?')).toBe(
      false,
    );
  });

  it('takes "the same there?" naming a market for a follow-up (trial 13)', () => {
    expect(isFollowUp('哈萨克斯坦那边也一样吗？')).toBe(true);
    expect(isFollowUp('а в Казахстане так же?')).toBe(true);
    expect(isFollowUp('same rules in Kazakhstan?')).toBe(true);
    expect(isFollowUp('其它国家的产品认证要求一样吗')).toBe(false);
  });

  it('does not take 其它 ("other") or 这个月 ("this month") for a pointer back', () => {
    expect(isFollowUp('其它国家的产品认证要求一样吗')).toBe(false);
    expect(isFollowUp('这个月去莫斯科的铁路运价涨了吗')).toBe(false);
  });

  it('takes a question that names no subject of its own, only a date, for a follow-up', () => {
    expect(isFollowUp('what changes in july 2026?')).toBe(true);
    expect(isFollowUp('что изменится с 1 июля 2026 года?')).toBe(true);
    expect(isFollowUp('what are the EAC rules for toys from july 2026?')).toBe(false);
  });

  it('takes a choice among what was said before for a follow-up, though it names a trip', () => {
    expect(isFollowUp('and for a rail container to almaty which one should we buy?')).toBe(true);
    expect(isFollowUp('а для фуры в Ташкент какой из них лучше взять, подскажите?')).toBe(true);
    expect(isFollowUp('铁路集装箱发阿拉木图的话，买哪一种保险比较合适？')).toBe(true);
    // A question that only asks which one of its own options stays standalone.
    expect(isFollowUp('which documents does a rail container from qingdao to almaty need at the border?')).toBe(false);
  });
});
