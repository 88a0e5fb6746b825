import { describe, expect, it } from 'vitest';
import { shownPieces } from './previous-lead.js';

describe('shownPieces', () => {
  it('reads each cited sentence without its number and the marks of a cut', () => {
    expect(
      shownPieces(
        'Ввозной НДС уплачивается на таможне по ставке 22%. [1] …повысил основную ставку НДС с 12% до 16%… [2]',
      ),
    ).toEqual(['Ввозной НДС уплачивается на таможне по ставке 22%.', 'повысил основную ставку НДС с 12% до 16%']);
  });

  it('reads a sentence cut after its label as two pieces, each found in the sentence it came from', () => {
    const sentence =
      'ТН ВЭД 编码决定的不仅是税率：俄罗斯平行进口清单按编码列出；中国一侧，出口退税率按 HS 编码在税务总局出口退税率库中设定，分0%、6%、9%、13%几档。';
    const shown = 'ТН ВЭД 编码决定的不仅是税率：…税务总局出口退税率库中设定，分0%、6%、9%、13%… [5]';
    const pieces = shownPieces(shown);
    expect(pieces).toHaveLength(2);
    for (const p of pieces) expect(sentence).toContain(p);
  });

  it('drops fragments too short to recognise a sentence by', () => {
    expect(shownPieces('Да. [1] Алматы: …8–15 дней [2]')).toEqual([]);
  });
});
