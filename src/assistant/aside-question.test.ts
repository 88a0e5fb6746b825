import { describe, expect, it } from 'vitest';
import { asideInContext, asideQuestion } from './aside-question.js';

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

describe('asideInContext', () => {
  const tool = (s: string) => /律师|юрист/.test(s);
  it('puts the statements before the other question in front of it', () => {
    const message = '货款被我们开户行退回了，银行说有制裁风险。这到底怎么回事？我们以后怎么收款？要不要找律师';
    const aside = asideQuestion(message, tool)!;
    expect(aside).toBe('这到底怎么回事？ 我们以后怎么收款？');
    expect(asideInContext(message, aside, tool)).toBe(
      '货款被我们开户行退回了，银行说有制裁风险。 这到底怎么回事？ 我们以后怎么收款？',
    );
  });

  it('leaves out the request and what follows the question', () => {
    const message = 'Нужен юрист по договору. Покупатель из Алматы. Какой НДС в Казахстане? Срочно, спасибо.';
    const aside = asideQuestion(message, tool)!;
    expect(asideInContext(message, aside, tool)).toBe('Покупатель из Алматы. Какой НДС в Казахстане?');
  });
});
