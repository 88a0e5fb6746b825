import { describe, expect, it } from 'vitest';
import { withOwnScriptTerms } from './cross-script-terms.js';

describe('withOwnScriptTerms', () => {
  it("adds the message's own word right after a term written in another script", () => {
    expect(withOwnScriptTerms('俄罗斯进口 НДС 现在还是20%吧？')).toBe('俄罗斯进口 НДС 增值税 现在还是20%吧？');
    expect(withOwnScriptTerms('出口俄罗斯 утильсбор 怎么算')).toBe('出口俄罗斯 утильсбор 报废税 怎么算');
    expect(withOwnScriptTerms('kazakhstan 增值税 rate?')).toBe('kazakhstan 增值税 VAT rate?');
    expect(withOwnScriptTerms('出口防噪音耳塞到俄罗斯 按ТР ТС 019 是做декларация还是сертификат？')).toBe(
      '出口防噪音耳塞到俄罗斯 按ТР ТС 019 是做декларация 声明 还是сертификат 认证 ？',
    );
  });

  it('leaves a message that names the term in its own language, or names none, as it is', () => {
    const both = 'оцинковка (镀锌板) из Китая — антидемпинг ещё действует?';
    expect(withOwnScriptTerms(both)).toBe(both);
    expect(withOwnScriptTerms('какой ндс в казахстане')).toBe('какой ндс в казахстане');
    expect(withOwnScriptTerms('那哈萨克斯坦呢')).toBe('那哈萨克斯坦呢');
  });
});
