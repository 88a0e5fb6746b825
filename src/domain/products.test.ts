import { describe, expect, it } from 'vitest';
import { detectProducts, qualifiesForWhom, withoutProducts } from './products.js';

const ids = (text: string) => detectProducts(text).map((g) => g.id);

describe('detectProducts: whom a product is for does not make it children’s goods', () => {
  it('reads children’s furniture and cosmetics under their own regulations', () => {
    // "а кроватки и столы для детского сада?" was answered with TR CU 007's children's footwear.
    expect(ids('а кроватки и столы для детского сада?')).toEqual(['furniture']);
    expect(ids('детская мебель в Казахстан')).toEqual(['furniture']);
    expect(ids('儿童面霜出口俄罗斯')).toEqual(['cosmetics']);
    expect(ids('婴儿床出口俄罗斯')).toEqual(['furniture']);
  });

  it('keeps children’s clothes and shoes as children’s goods, and a capital as no product', () => {
    expect(ids('детская одежда и обувь')).toEqual(['childrens-goods', 'light-industry']);
    expect(ids('детские игрушки')).toEqual(['toys']);
    // A baby's rattle is a toy (trial 30 t30-01); a baby's bottle or clothes beside toys are children's goods still.
    expect(ids('主要做毛绒玩具和婴儿摇铃（0-3岁用）')).toEqual(['toys']);
    expect(ids('baby rattles and plush toys')).toEqual(['toys']);
    for (const q of [
      'baby clothes and plush toys to Russia',
      '婴儿奶瓶和玩具',
      'детская посуда и игрушки',
      'kids backpacks and toys',
    ])
      expect(ids(q), q).toEqual(['toys', 'childrens-goods']);
    expect(ids('столица Казахстана')).toEqual([]);
  });

  it('names garments and rattles, and never reads "furniture" as fur (trial 10)', () => {
    expect(ids('and for furniture?')).toEqual(['furniture']);
    expect(ids('adult underwear and winter jackets')).toEqual(['light-industry']);
    expect(ids('нижнее бельё, носки и колготки')).toEqual(['light-industry']);
    expect(ids('а на погремушки?')).toEqual(['toys']);
    expect(ids('fur coats to Moscow')).toEqual(['light-industry']);
    // Words that begin like a garment's name but are not one.
    expect(ids('Бельгия')).toEqual([]);
    expect(ids('a socket for 220 V')).toEqual([]);
    expect(ids('a powder coating line')).toEqual([]);
  });
});

describe('words that begin like a product and name none', () => {
  it('reads dollars, safeguard measures and electronic filing as no product', () => {
    expect(ids('can we keep export dollars in an overseas account?')).toEqual([]);
    expect(ids('какие специальные защитные меры ЕАЭС против китайских товаров?')).toEqual([]);
    expect(ids('can we declare electronically at Khorgos?')).toEqual([]);
    expect(ids('механические повреждения при перевозке')).toEqual([]);
    expect(ids('a bottleneck at Alashankou, our team asks')).toEqual([]);
    expect(ids('trucking from Urumqi to Almaty')).toEqual([]);
    // The products themselves still count.
    expect(ids('dolls and teddy bears')).toEqual(['toys']);
    expect(ids('защитные перчатки')).toEqual(['ppe']);
    expect(ids('green tea to Moscow')).toEqual(['food']);
    expect(ids('норковые меха')).toEqual(['light-industry']);
  });

  it('reads a hotel, a wine cabinet and a wine glass as no alcohol (trial 26 t26-05)', () => {
    expect(ids('陶瓷餐具（酒店用）出口蒙古')).not.toContain('alcohol-tobacco');
    expect(ids('酒柜和酒杯出口俄罗斯')).not.toContain('alcohol-tobacco');
    expect(ids('葡萄酒杯出口俄罗斯需要什么认证？')).not.toContain('alcohol-tobacco');
    expect(ids('啤酒瓶出口')).not.toContain('alcohol-tobacco');
    expect(ids('葡萄酒出口俄罗斯')).toContain('alcohol-tobacco');
    expect(ids('白酒出口俄罗斯')).toContain('alcohol-tobacco');
    expect(ids('酒出口俄罗斯要什么证')).toContain('alcohol-tobacco');
  });
});

describe('baby clothes', () => {
  it("reads baby clothes as exporters name them as children's goods (TR CU 007), trial 13", () => {
    expect(ids('Какие доки нужны на ползунки и боди для малышей до года?')).toEqual(['childrens-goods']);
    expect(ids('婴儿连体衣和宝宝爬服出口俄罗斯')).toEqual(['childrens-goods']);
    expect(ids('onesies and rompers for babies')).toEqual(['childrens-goods']);
  });
});

describe('a follow-up that says only whom the product is for', () => {
  it('keeps toys, furniture and cosmetics, which have rules of their own for children; not clothes', () => {
    const toys = 'plush toys age 3+, going to Russia. can the importer just do a DoC?';
    expect(qualifiesForWhom('what if some of them are for babies under 3?', toys)).toBe(true);
    expect(qualifiesForWhom('а если часть для малышей?', 'мягкие игрушки в РФ, декларация или сертификат?')).toBe(true);
    expect(qualifiesForWhom('那婴儿的呢？', '面霜出口俄罗斯要做声明吗')).toBe(true);
    // Clothes for children are children's goods (TR CU 007), and a new product is a new product.
    expect(qualifiesForWhom('а для детей?', 'нужен ли сертификат на одежду в Россию?')).toBe(false);
    expect(qualifiesForWhom('what about baby strollers?', toys)).toBe(false);
  });
});

describe('agricultural machines', () => {
  it('reads seeders and harvesters as machinery (TR CU 010) and only tractors as TR CU 031', () => {
    expect(ids('播种机出口俄罗斯 EAC 做个声明就可以了吗')).toEqual(['machinery']);
    expect(ids('农机出口哈萨克斯坦要认证吗')).toEqual(['machinery']);
    expect(ids('сеялки и комбайны в Казахстан')).toEqual(['machinery']);
    expect(ids('combine harvesters to Russia')).toEqual(['machinery']);
    expect(ids('拖拉机要做什么认证')).toEqual(['tractors']);
  });
});

describe('withoutProducts', () => {
  it('drops the words that name the products, whole', () => {
    const out = withoutProducts('Нужен ли сертификат на детскую одежду в Казахстан?', [
      'childrens-goods',
      'light-industry',
    ]);
    expect(out.replace(/\s+/g, ' ')).toBe('Нужен ли сертификат на в Казахстан?');
    expect(withoutProducts('童装出口俄罗斯要做证书还是声明？', ['childrens-goods'])).toBe(
      ' 出口俄罗斯要做证书还是声明？',
    );
  });
});
