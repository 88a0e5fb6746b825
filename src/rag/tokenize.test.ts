import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('stems Russian so inflected forms meet', () => {
    const a = tokenize('сертификата соответствия');
    const b = tokenize('сертификат соответствие');
    expect(a).toEqual(b);
  });

  it('stems English and drops stop words', () => {
    expect(tokenize('the certificates of conformity')).toEqual(tokenize('certificate conformity'));
  });

  it('turns Chinese runs into overlapping bigrams', () => {
    expect(tokenize('换轨时间')).toEqual(['换轨', '轨时', '时间']);
  });

  it('handles mixed scripts in one query', () => {
    const t = tokenize('EAC 认证 для Казахстана');
    expect(t).toContain('eac');
    expect(t).toContain('认证');
    expect(t).toEqual(expect.arrayContaining(tokenize('Казахстан')));
    expect(tokenize('Казахстан')).toHaveLength(1);
  });
});
