// Shapes of the regulation watch shared by ingestion (which records changes), storage and the
// alerts built from them (docs/decisions/020-regulation-watch.md).
import type { Lang } from './lang.js';

export interface SectionChange {
  /** The section's headings below the document title, joined with " › ". */
  heading: string;
  kind: 'added' | 'removed' | 'changed';
  figures: { added: string[]; removed: string[] };
  dates: { added: string[]; removed: string[] };
  /** One or two sentences of the new text that are not in the old (empty for a removed section). */
  excerpt: string;
}

export type ChangeAction = 'added' | 'removed' | 'changed' | 'rechecked';

/** One document in one ingest: what happened to it and, for a change, in which sections. */
export interface DocumentChange {
  docId: string;
  slug: string;
  lang: Lang;
  title: string;
  category: string;
  countries: string[];
  translations: string[];
  asOf: string | undefined;
  /** The first source of the (new) document: the citation an alert links to. */
  source: string | undefined;
  action: ChangeAction;
  sections: SectionChange[];
}

export interface LoggedChange extends DocumentChange {
  id: number;
  batch: string;
  at: string;
}

/** One document in a digest, in the subscriber's language where a translation exists. */
export interface DigestDoc {
  title: string;
  action: Exclude<ChangeAction, 'rechecked'>;
  sections: string[];
  excerpt: string;
  dates: string[];
  figures: string[];
  source: string | undefined;
  asOf: string | undefined;
  /** The language of `sections` and `excerpt` when no version in the subscriber's language changed. */
  otherLang?: Lang | undefined;
}

export interface DigestNotice {
  symbol: string;
  country: string;
  area: 'TBT' | 'SPS';
  title: string;
  products: string;
  deadline: string | undefined;
  link: string | undefined;
}

export interface DigestReview {
  title: string;
  reviewBy: string;
  path: string;
}

/** What an outbox row of the watch carries; the channel's sender renders it. */
export type WatchDigest =
  | { kind: 'changes'; lang: Lang; docs: DigestDoc[]; more: number }
  | { kind: 'eping'; lang: Lang; notices: DigestNotice[]; more: number }
  | { kind: 'review'; lang: Lang; docs: DigestReview[]; more: number };
