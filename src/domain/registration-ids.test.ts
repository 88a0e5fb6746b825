import { describe, expect, it } from 'vitest';
import { isRegistrationNumber, registrationIdIn } from './registration-ids.js';

describe('registration numbers in chat', () => {
  it('reads the number with the country its kind and length say', () => {
    expect(registrationIdIn('проверь контрагента ИНН 7701234567')).toEqual({ value: '7701234567', country: 'RU' });
    expect(registrationIdIn('ИНН: 305123456, Ташкент')).toEqual({ value: '305123456', country: 'UZ' });
    expect(registrationIdIn('БИН 180340021234 надёжный?')).toEqual({ value: '180340021234', country: 'KZ' });
    expect(registrationIdIn('查一下 统一社会信用代码 91370200MA3C1234XY')).toEqual({
      value: '91370200MA3C1234XY',
      country: 'CN',
    });
    expect(registrationIdIn('can you check BIN: 000000000001')).toEqual({ value: '000000000001', country: 'KZ' });
    // A number whose kind does not say the country is still the number.
    expect(registrationIdIn('TIN 123456789012')).toEqual({ value: '123456789012' });
  });

  it('reads no number where there is none, or where it is not one', () => {
    expect(registrationIdIn('что такое ИНН и где его взять?')).toBeUndefined();
    expect(registrationIdIn('ИНН 12345')).toBeUndefined();
    expect(registrationIdIn('БИН ABCDEFGHIJKL')).toBeUndefined();
    expect(registrationIdIn('контейнер 40 футов, 7701234567 кг')).toBeUndefined();
    expect(isRegistrationNumber('Sample Almaty Trading LLP')).toBe(false);
    expect(isRegistrationNumber('000000000001')).toBe(true);
  });
});
