// A model must not invent prices or rates. Any money amount in an answer whose number appears in
// none of the passages or tool results is taken out with its sentence, and the user is told.

// Words before codes: with the i flag "EUR" would otherwise take the start of "euros".
const MONEY =
  /(?:[$¥€₽]\s?\d[\d\s.,]*\d|[$¥€₽]\s?\d|\d[\d\s.,]*\s?(?:dollars?|yuan|euros?|roubles?|rubles?|USD|EUR|CNY|RMB|RUB|KZT|UZS|美元|欧元|人民币|元|万元|руб[а-яё]*|долл[а-яё]*|евро|тенге|юан[а-яё]*))/gi;

function numberKey(s: string): string {
  // "4 200", "4,200" and "4200" are one number; a decimal part is kept, and a comma before anything
  // but a group of three digits is a decimal comma ("1,5 рубля" is 1.5, never 15: mutation testing
  // showed the old key read it as 15, so an invented "15 рублей" passed as quoted).
  return s
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/,/g, '.')
    .replace(/[^\d.]/g, '');
}

// A number the evidence gives as a duration, a distance, a weight or a share is no price: "120 дней" in a
// passage does not make an invented "120 USD" quoted (the answers suite's invented figure passed once a
// note gave a 120-day example).
const NOT_MONEY_AFTER =
  /^\s?(?:дн|сут|недел|месяц|лет|год|час|мин|days?\b|weeks?\b|months?\b|years?\b|hours?\b|minutes?\b|天|日|周|个月|月|年|小时|分钟|km\b|км|公里|kg\b|кг|公斤|吨|мм|mm\b|%|％)/iu;

function evidenceNumbers(evidence: string): Set<string> {
  const out = new Set<string>();
  for (const m of evidence.matchAll(/\d[\d\s,.]*\d|\d/g)) {
    if (NOT_MONEY_AFTER.test(evidence.slice(m.index + m[0].length))) continue;
    out.add(numberKey(m[0]));
    for (const part of m[0].split(/[\s–-]+/)) if (part) out.add(numberKey(part));
  }
  return out;
}

export function removeUnsupportedFigures(answer: string, evidence: string): { text: string; removed: string[] } {
  const known = evidenceNumbers(evidence);
  const removed: string[] = [];
  // A sentence ends at . ! ? before a space or the end (not the point of 3.5 EUR), or at 。！？ or a line break.
  const sentences = answer.split(/(?<=[.!?])(?=\s|$)|(?<=[。！？\n])/);
  const kept = sentences.filter((s) => {
    for (const m of s.matchAll(MONEY)) {
      const nums = m[0].match(/\d[\d\s,.]*\d|\d/g) ?? [];
      if (nums.some((n) => !known.has(numberKey(n)))) {
        removed.push(m[0].trim());
        return false;
      }
    }
    return true;
  });
  return { text: kept.join('').trim(), removed };
}
