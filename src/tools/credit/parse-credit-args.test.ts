import { describe, expect, it } from 'vitest';
import { parseCreditArgs } from './parse-credit-args.js';

describe('/credit arguments', () => {
  it('reads a trailing two-letter word as the country', () => {
    expect(parseCreditArgs('Sample Almaty Trading LLP kz')).toEqual({
      name: 'Sample Almaty Trading LLP',
      country: 'KZ',
    });
    expect(parseCreditArgs('Ромашка')).toEqual({ name: 'Ромашка', country: undefined });
  });

  it('searches a labelled registration number as the number, in its country unless one is given', () => {
    expect(parseCreditArgs('БИН 000000000001')).toEqual({ name: '000000000001', country: 'KZ' });
    expect(parseCreditArgs('ИНН 7701234567')).toEqual({ name: '7701234567', country: 'RU' });
    expect(parseCreditArgs('TIN 123456789012 UZ')).toEqual({ name: '123456789012', country: 'UZ' });
  });
});
