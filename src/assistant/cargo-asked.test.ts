import { describe, expect, it } from 'vitest';
import { cargoAsked } from './cargo-asked.js';

describe('the cargo a trip question names', () => {
  it('reads a small weight without a container as a part load priced per kilogram', () => {
    expect(cargoAsked('need 200kg of phone spare parts from Qingdao to Moscow asap')).toEqual({
      container: 'lcl',
      weight_t: 0.2,
    });
    expect(cargoAsked('拼箱 3 吨 青岛到阿拉木图')).toEqual({ container: 'lcl', weight_t: 3 });
    expect(cargoAsked('сборный груз 500 кг в Ташкент')).toEqual({ container: 'lcl', weight_t: 0.5 });
  });

  it('reads a container size, and a weight in a container as that container’s load', () => {
    expect(cargoAsked('20-футовый контейнер до Алматы сколько стоит?')).toEqual({ container: '20ft' });
    expect(cargoAsked('40HQ Qingdao to Moscow, 18 t of tiles')).toEqual({ container: '40ft', weight_t: 18 });
    expect(cargoAsked('контейнер 2 т в Минск')).toEqual({ weight_t: 2 });
  });

  it('reads no cargo where a number is something else', () => {
    expect(cargoAsked('сколько идёт поезд из Циндао в Москву?')).toEqual({});
    expect(cargoAsked('Incoterms 2020 for rail to Almaty')).toEqual({});
    expect(cargoAsked('ТР ТС 004/2011 на лампы 220 В')).toEqual({});
  });
});
