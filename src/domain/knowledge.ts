// Shapes shared by ingestion, the indexes, storage and everything that shows a hit to a person.
import type { Lang } from './lang.js';

export const CATEGORIES = ['policy', 'market-access', 'legal-faq', 'logistics', 'zone-services'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Document metadata as it is shown with every citation. */
export interface DocMeta {
  id: string;
  slug: string;
  lang: Lang;
  title: string;
  category: string;
  countries: string[];
  sources: string[];
  translations: string[];
  asOf: string | undefined;
  reviewBy: string | undefined;
}

export interface IndexedChunk {
  id: string;
  docId: string;
  ord: number;
  headingPath: string[];
  text: string;
  /** The sources behind this passage's section (its `<!-- sources -->` marker); absent → the document's. */
  sources?: string[] | undefined;
}

export interface SearchFilters {
  lang?: Lang | readonly Lang[] | undefined;
  category?: string | readonly string[] | undefined;
  country?: string | undefined;
  docId?: string | undefined;
}

export interface SearchOptions extends SearchFilters {
  k?: number;
  /** Keep only the best chunk of each document (default true). */
  dedupe?: boolean;
}

export interface Hit {
  id: string;
  docId: string;
  title: string;
  lang: Lang;
  category: string;
  headingPath: string[];
  text: string;
  score: number;
  /** The first of `sources`. */
  source: string | undefined;
  /** The sources behind this passage (its section's), or the document's when the section names none. */
  sources: string[];
  asOf: string | undefined;
  doc: DocMeta;
  /** Ranks in the two lists before fusion (debugging and evals). */
  ranks: { lexical?: number; vector?: number };
}
