// The cargo a trip question names ("200kg of spare parts", "20-футовый контейнер", "拼箱 3 吨"): the planner
// prices and weighs the trip for it. Without it every trip was a 40ft container of 15 t: asked for 200 kg by
// air, the reply had "no cost figure" beside per-kg air rates in the data, and 47–54 t of CO₂ (trial 17 t17-34).
export interface CargoAsked {
  container?: '20ft' | '40ft' | 'lcl';
  weight_t?: number;
}

const WEIGHT =
  /(?<![\d.,])(\d{1,6}(?:[.,]\d{1,3})?)\s*(kg|kgs|кг|килограмм\S*|公斤|千克|t|tons?|tonnes?|т|тонн\S*|吨)(?![\p{L}\d])/iu;
const TWENTY = /\b20\s*(?:ft|'|’|-?foot|-?футов\S*|фут\S*|gp)|\b20\s*尺|二十尺|小柜/iu;
const FORTY = /\b40\s*(?:ft|'|’|-?foot|-?футов\S*|фут\S*|hq|hc|gp)|\b40\s*尺|四十尺|大柜|\bfeu\b/iu;
const LCL = /\blcl\b|сборн\S*\s+груз|сборк\S*|консолид\S*|拼箱|散货/iu;
const CONTAINER = /контейнер|конт\b|container|集装箱|整柜|\bfcl\b|\bteu\b/iu;

/** Below this weight without a container named, the goods go as a part load, priced per kilogram. */
const PART_LOAD_T = 5;

export function cargoAsked(text: string): CargoAsked {
  const out: CargoAsked = {};
  const w = WEIGHT.exec(text);
  if (w) {
    const n = Number(w[1]!.replace(',', '.'));
    const kg = /^(?:kg|kgs|кг|килограмм|公斤|千克)/iu.test(w[2]!);
    const t = kg ? n / 1000 : n;
    if (t > 0 && t <= 100) out.weight_t = Math.round(t * 1000) / 1000;
  }
  if (TWENTY.test(text)) out.container = '20ft';
  else if (FORTY.test(text)) out.container = '40ft';
  else if (LCL.test(text) || (out.weight_t !== undefined && out.weight_t < PART_LOAD_T && !CONTAINER.test(text)))
    out.container = 'lcl';
  return out;
}
