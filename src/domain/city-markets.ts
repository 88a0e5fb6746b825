// A city named where a country is meant: "холодильники везем в Ташкент — наш EAC серт там прокатит?" asks whether an EAC
// certificate holds in Uzbekistan, but "Ташкент" matched the Kashgar–Tashkent road note, which names the city in every
// line, and the lead gave truck days (trial 21b t21b-20). The country's name is added beside the city, in the city's
// script (Latin or Cyrillic), so the note on the country's rules is found.
import { detectMarkets, MARKETS, stemAt } from './markets.js';

/** The text with each market it names only by a city (or another name that is not the country's own) followed by the
 * country's name; unchanged when it names the country itself or no market. */
export function withCountryOfCity(text: string): string {
  let out = text;
  for (const code of detectMarkets(text)) {
    const market = MARKETS[code];
    if (!market || code === 'CN') continue;
    // Read afresh: an earlier market's name may have been added before this one's city.
    const lower = out.toLowerCase().replace(/ё/g, 'е');
    const own = Object.values(market.names).map((n) => n.toLowerCase());
    // A stem that begins the country's name ("узбек" of "узбекистан") or a Chinese name inside it names the country.
    // So does an abbreviation ("рф", "рк"). Chinese is left as it is: a city there is often part of a company's name
    // ("塔什干农业有限责任公司"), which an added word would split (follow-up fu-23 lost its credit check).
    const namesCountry =
      market.stems.some((s) => (s.length <= 3 || own.some((n) => n.startsWith(s))) && stemAt(lower, s) >= 0) ||
      market.han.some((h) => lower.includes(h));
    if (namesCountry) continue;
    // The first stem found, as markets.ts finds it, to the end of its word ("Ташкент|е").
    const at = market.stems.map((s) => stemAt(lower, s)).find((i) => i >= 0);
    if (at === undefined) continue;
    const end = at + (/^[\p{L}-]*/u.exec(out.slice(at))?.[0].length ?? 0);
    const name = market.names[/\p{Script=Cyrillic}/u.test(out.slice(at, end)) ? 'ru' : 'en'];
    out = `${out.slice(0, end)} ${name}${out.slice(end)}`;
  }
  return out;
}
