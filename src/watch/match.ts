// Which subscriptions a changed document or an ePing notification concerns. Within a list any item
// counts; between the markets and the products-and-topics, both must hold; an empty list is "any".
// A document counts for a market when its front-matter names that country.
import type { DocumentChange } from '../domain/watch.js';
import type { EpingNotification } from '../store/watch-repo.js';
import { hasTerm, watchItem, type WatchItem } from './watch-options.js';

export interface Subject {
  countries: readonly string[];
  category: string;
  slug: string;
  /** Lower-cased words to look for product and topic terms in. */
  text: string;
  hsCodes?: readonly string[];
}

export interface Filters {
  markets: readonly string[];
  products: readonly string[];
  topics: readonly string[];
}

function itemMatches(item: WatchItem | undefined, s: Subject): boolean {
  if (!item) return false;
  if (item.slugs?.test(s.slug)) return true;
  if (item.categories?.includes(s.category)) return true;
  // Where a notification lists its HS codes, an HS chapter is decided by them alone.
  if (item.hs && s.hsCodes?.length)
    return s.hsCodes.some((code) => item.hs!.some((ch) => code.replace(/\D/g, '').startsWith(ch)));
  return item.terms.some((t) => hasTerm(s.text, t));
}

export function matches(f: Filters, s: Subject): boolean {
  if (f.markets.length && !s.countries.some((c) => f.markets.includes(c))) return false;
  const subjects = [...f.products, ...f.topics];
  return subjects.length === 0 || subjects.some((id) => itemMatches(watchItem(id), s));
}

export function changeSubject(c: DocumentChange): Subject {
  const words = [c.title, ...c.sections.flatMap((s) => [s.heading, s.excerpt])].join('\n');
  return {
    countries: c.countries,
    category: c.category,
    slug: c.slug,
    text: words.toLowerCase().replace(/ё/g, 'е'),
  };
}

/** TBT and SPS measures are market-access rules: the certification topic covers them. */
export function noticeSubject(n: EpingNotification): Subject {
  return {
    countries: [n.country],
    category: 'market-access',
    slug: '',
    text: `${n.title}\n${n.products}`.toLowerCase().replace(/ё/g, 'е'),
    hsCodes: n.hsCodes,
  };
}
