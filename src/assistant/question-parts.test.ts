import { describe, expect, it } from 'vitest';
import { questionParts } from './question-parts.js';

describe('questionParts', () => {
  it('splits a message at each question that more text follows', () => {
    expect(
      questionParts(
        'Кто наносит коды Честный знак — мы сами на фабрике или импортёр? И что по маркировке обуви в Казахстане?',
      ),
    ).toEqual([
      'Кто наносит коды Честный знак — мы сами на фабрике или импортёр?',
      'И что по маркировке обуви в Казахстане?',
    ]);
    expect(
      questionParts('欧盟第18轮制裁是不是把中国的银行也列进去了？我们收俄罗斯货款一直走黑河农商行，会有影响吗？'),
    ).toHaveLength(2);
  });

  it('leaves one question whole, and a tail too short to ask anything with it', () => {
    expect(questionParts('ндс?')).toEqual(['ндс?']);
    expect(questionParts("what's duty + VAT there, and will they accept our CCC reports?")).toHaveLength(1);
    expect(questionParts('какая ставка? ok?')).toEqual(['какая ставка? ok?']);
    // A tail that leans on the question before it, or tells its context, is no question of its own.
    expect(questionParts('какой НДС на импорт в РФ в 2026? и от какой базы считается')).toHaveLength(1);
    expect(questionParts('какой щас ндс на ввоз детской одежды из китая? слышал с 2026 все подняли')).toHaveLength(1);
    // What someone said is context, not a question of its own: "что" after "говорит" asks nothing.
    expect(
      questionParts('какой сейчас ндс при импорте в казахстан? клиент из алматы говорит что с января поднялся'),
    ).toHaveLength(1);
  });

  it('reads a Chinese A-not-A question ("是不是", "要不要") as a question of its own (trial 22 t22-10)', () => {
    expect(questionParts('乌兹别克斯坦进口增值税现在是多少？另外标签是不是一定要有乌兹别克语')).toEqual([
      '乌兹别克斯坦进口增值税现在是多少？',
      '另外标签是不是一定要有乌兹别克语',
    ]);
  });

  it('reads any Chinese A-not-A ("认不认") as asking, and 还有 after a space as a second question (trial 23)', () => {
    expect(
      questionParts('跟哈萨克斯坦客户签销售合同 CISG是不是自动适用？另外如果在CIETAC仲裁赢了 哈萨克那边法院认不认'),
    ).toEqual(['跟哈萨克斯坦客户签销售合同 CISG是不是自动适用？', '另外如果在CIETAC仲裁赢了 哈萨克那边法院认不认']);
    expect(
      questionParts('问下 9810海外仓现在是不是货一离境就能退税了 还有9710单票超过5000块是不是就不能走清单申报了'),
    ).toEqual(['问下 9810海外仓现在是不是货一离境就能退税了', '还有9710单票超过5000块是不是就不能走清单申报了']);
  });
});
