import { describe, expect, it } from 'vitest';
import { namesIncoterms } from './incoterms.js';

describe('namesIncoterms', () => {
  it('finds a rule written as the rules write it, between Han characters too', () => {
    for (const q of [
      'Is CIF ok for rail to Almaty?',
      '可以用CIF吗',
      'FCA Циндао или EXW завод?',
      'fob price?',
      'инкотермс',
    ])
      expect(namesIncoterms(q), q).toBe(true);
  });

  it('does not take a product or a lower-case word for a rule', () => {
    for (const q of [
      'DAP fertilizer to Russia',
      'DAP удобрения в Казахстан',
      'dap',
      'what is the cip of this',
      'Cpt. Smith',
    ])
      expect(namesIncoterms(q), q).toBe(false);
  });
});
