import { describe, expect, it } from 'vitest';
import { withCorpusWords, withElementsApart } from './corpus-words.js';

describe('withCorpusWords', () => {
  it("adds the documents' word after the everyday name of the goods", () => {
    expect(withCorpusWords("men's sneakers + kids school shoes to KZ")).toBe(
      "men's sneakers footwear + kids school shoes to KZ Kazakhstan",
    );
    expect(withCorpusWords('кроссовки в Казахстан')).toBe('кроссовки обувь в Казахстан');
    expect(withCorpusWords('运动鞋出口俄罗斯')).toBe('运动鞋 鞋类出口俄罗斯');
    expect(withCorpusWords('надо ставить контракт на учет в банке')).toBe(
      'надо ставить контракт на учет регистрировать в банке',
    );
  });

  it('reads jackets as outerwear, "DoC" in the message\'s own language, and a Central Asian country code', () => {
    expect(withCorpusWords('детские куртки на 5-7 лет')).toBe('детские куртки верхняя одежда на 5-7 лет');
    expect(withCorpusWords('kids jackets to Almaty')).toBe('kids jackets outerwear to Almaty');
    expect(withCorpusWords('儿童羽绒服出口')).toBe('儿童羽绒服 外衣出口');
    expect(withCorpusWords('can we just do a DoC')).toBe('can we just do a DoC declaration of conformity');
    expect(withCorpusWords('客户说做个EAC DoC 就行')).toBe('客户说做个EAC DoC 符合性声明 就行');
    expect(withCorpusWords('хватит DoC?')).toBe('хватит DoC декларация о соответствии?');
    // Ear muffs are hearing protectors to the PPE notes (trial 30 t30-06).
    expect(withCorpusWords('work gloves and ear muffs, declaration ok?')).toBe(
      'work gloves and ear muffs hearing protectors, declaration ok?',
    );
    expect(withCorpusWords('防噪音耳罩出口俄罗斯')).toBe('防噪音耳罩 听力防护用品出口俄罗斯');
    expect(withCorpusWords('беруши в Россию')).toBe('беруши средства защиты органа слуха в Россию');
    // Not earbuds, noise barriers or a file format (a review of trial 30's change).
    expect(withCorpusWords('蓝牙耳塞出口俄罗斯要做什么认证？')).toBe('蓝牙耳塞出口俄罗斯要做什么认证？');
    expect(withCorpusWords('шумозащитные панели для дорог')).toBe('шумозащитные панели для дорог');
    expect(withCorpusWords('合同发DOC格式还是PDF格式？')).toBe('合同发DOC格式还是PDF格式？');
    // Set in Chinese without spaces (trial 30 t30-01).
    expect(withCorpusWords('EAC是做DoC还是CoC？')).toBe('EAC是做DoC 符合性声明还是CoC 合格证书？');
    expect(withCorpusWords('which of KZ / UZ are in the CISG')).toBe(
      'which of KZ Kazakhstan / UZ Uzbekistan are in the CISG',
    );
    // A unit, a word in capitals, Russia's code: none is read as a country.
    expect(withCorpusWords('10 kg, SHIPPED BY RAIL, RU customs')).toBe('10 kg, SHIPPED BY RAIL, RU customs');
  });

  it('reads customs clearance as the release the notes time', () => {
    expect(withCorpusWords('how long does customs clearance take?')).toBe(
      'how long does customs clearance release take?',
    );
    expect(withCorpusWords('сколько занимает растаможка?')).toBe('сколько занимает растаможка выпуск?');
    expect(withCorpusWords('выпуск после растаможки')).toBe('выпуск после растаможки');
    // Not beside a price or the papers.
    expect(withCorpusWords('what documents do I need for customs clearance?')).toBe(
      'what documents do I need for customs clearance?',
    );
    expect(withCorpusWords('сколько стоит таможенное оформление?')).not.toMatch(/выпуск/);
  });

  it('reads what a thing costs as the notes’ "плата"', () => {
    expect(withCorpusWords('сколько стоит один код честный знак?')).toBe('сколько стоит плата один код честный знак?');
    expect(withCorpusWords('почём код?')).toBe('почём плата код?');
    expect(withCorpusWords('какая стоимость кода?')).toBe('какая стоимость кода?');
    // The thing between (trial 28 t28-01), not a bare "сколько стоит?" nor a duration.
    expect(withCorpusWords('ок а по деньгам сколько один код стоит')).toBe(
      'ок а по деньгам сколько один код стоит плата',
    );
    expect(withCorpusWords('а сколько стоит?')).toBe('а сколько стоит?');
    expect(withCorpusWords('сколько дней идёт')).toBe('сколько дней идёт');
    // "Worth" and fillers (review of 2026-12-07).
    expect(withCorpusWords('сколько времени стоит закладывать на растаможку в Казахстане?')).not.toMatch(/плата/);
    expect(withCorpusWords('а сколько это примерно стоит?')).toBe('а сколько это примерно стоит?');
    expect(withCorpusWords('сколько контейнер до Алматы стоит?')).toBe('сколько контейнер до Алматы стоит?');
  });

  it('reads a regulation that "changed" as amended, only beside the regulation', () => {
    expect(withCorpusWords('слышал ТР ТС 019 поменяли в марте 2026')).toBe(
      'слышал ТР ТС 019 поменяли поправки в марте 2026',
    );
    expect(withCorpusWords('heard TR CU 019 was changed in march')).toBe(
      'heard TR CU 019 was changed amendments in march',
    );
    expect(withCorpusWords('劳保用品技术法规2026年又改了 什么时候生效')).toBe(
      '劳保用品技术法规2026年又改了 修订 什么时候生效',
    );
    expect(withCorpusWords('поменяли маршрут поезда')).toBe('поменяли маршрут поезда');
    expect(withCorpusWords('the price changed again')).toBe('the price changed again');
  });

  it('leaves a message that already uses the word, or names no such goods, as it is', () => {
    expect(withCorpusWords('children’s footwear and shoes')).toBe('children’s footwear and shoes');
    expect(withCorpusWords('детская обувь и кроссовки')).toBe('детская обувь и кроссовки');
    expect(withCorpusWords('LED panels to Russia')).toBe('LED panels to Russia');
  });

  it('writes a controlled metal apart where a word holds it, as the notes list it (trial 30 t30-23)', () => {
    expect(withElementsApart('烧结钕铁硼磁铁（含镝）和金属镓到俄罗斯')).toBe(
      '烧结钕铁硼磁铁（含镝 镝 ）和金属镓 镓 到俄罗斯',
    );
    // Run into the next word too ("锑出口" is read in pairs as "锑出", "出口"); written apart already, as it is.
    expect(withElementsApart('镓、锗、锑出口')).toBe('镓、锗、锑 锑 出口');
    expect(withElementsApart('镓、锗、锑 出口')).toBe('镓、锗、锑 出口');
    expect(withElementsApart('gallium to Russia')).toBe('gallium to Russia');
  });

  it('reads goods stolen as theft, and nothing else stolen (domain heldout2-028, a review of trial 31)', () => {
    expect(withCorpusWords('3 cartons were stolen on the way to Almaty')).toContain('theft');
    expect(withCorpusWords('часть коробок украли по дороге в Алматы')).toContain('кража');
    for (const q of [
      'our email was hacked and the payment was stolen, what can we do?',
      'can the buyer steal our design',
      'a silk stole',
      'у нас украли товарный знак',
      'мошенники похитили деньги',
    ])
      expect(withCorpusWords(q), q).toBe(q);
  });
});
