import { describe, expect, it } from 'vitest';
import { showsHedged } from './shows-hedged.js';

describe('a cut of a unit that holds a hedged sentence', () => {
  const unit =
    'Новый Налоговый кодекс вступил в силу 01.01.2026 и повысил основную ставку НДС с 12% до 16%. Соответственно, ввозной НДС на товары из Китая тоже должен составлять 16% — это вывод из основной ставки, отдельно не подтверждённый.';
  it('shows the hedged sentence only with its hedge (trial 30 t30-08)', () => {
    expect(showsHedged(unit, '…повысил основную ставку НДС с 12% до 16%. Соответственно, ввозной НДС на товары…')).toBe(
      true,
    );
  });
  it('may show the sentence before it alone', () => {
    expect(
      showsHedged(
        unit,
        'Новый Налоговый кодекс вступил в силу 01.01.2026 и повысил основную ставку НДС с 12% до 16%.…',
      ),
    ).toBe(false);
  });
});
