import { describe, expect, it } from 'vitest';
import { asideQuestion } from './aside-question.js';

const checksCompany = (s: string) => /OOO|ТОО|проверь|查一下/iu.test(s);

describe('asideQuestion', () => {
  it('finds the question asked beside a company check, in Chinese, Russian and English', () => {
    expect(
      asideQuestion(
        '帮我查一下这家乌兹别克公司的信用：OOO "Samarkand Textile Invest"，在塔什干。顺便问下你们信用上合数据库覆盖多少国家、多少家企业？',
        checksCompany,
      ),
    ).toBe('顺便问下你们信用上合数据库覆盖多少国家、多少家企业？');
    expect(
      asideQuestion('Проверь ТОО «Астана Трейд». И какие документы нужны для ввоза в Казахстан?', checksCompany),
    ).toBe('И какие документы нужны для ввоза в Казахстан?');
    expect(
      asideQuestion('check OOO Tashkent Textile please\nalso what is the VAT rate in Uzbekistan', checksCompany),
    ).toBe('also what is the VAT rate in Uzbekistan');
  });

  it('finds none when the message only makes the request, or its other sentences ask nothing', () => {
    expect(asideQuestion('Проверь ТОО «Астана Трейд»', checksCompany)).toBeUndefined();
    expect(asideQuestion('Проверь ТОО «Астана Трейд». Спасибо заранее!', checksCompany)).toBeUndefined();
    expect(asideQuestion('Проверь ТОО «Астана Трейд». а?', checksCompany)).toBeUndefined();
  });
});
