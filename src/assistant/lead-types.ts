// The types of the direct answer's selection (lead.ts): the documents and passages it reads, its options
// and what it returns.
import type { Jurisdiction } from '../domain/sanctioning-jurisdictions.js';
import type { Lang } from '../domain/lang.js';
import type { LeadSentence } from './compose-lead.js';

export interface LeadPassage {
  /** Stable id of the passage (the chunk id), used to cache its sentences. */
  key: string;
  text: string;
  headingPath: string[];
  /** How the passage ranked within its document for this question: 0 for the best. */
  rank?: number;
}

export interface LeadDoc {
  /** The citation number the document will carry. */
  n: number;
  passages: readonly LeadPassage[];
  /** The document's markets (front-matter `countries`). */
  countries: readonly string[];
  /** The technical regulations (numbers) the document is about: those its title names. */
  regulations?: readonly string[];
  /** Whose sanctions the document is about (its title's US / EU / UK), if any. */
  jurisdictions?: readonly Jurisdiction[];
  /** 0 for the best retrieved document. */
  rank: number;
  /** The document's retrieval score, when known: near-equal scores give near-equal priors. */
  score?: number;
}

export interface LeadOptions {
  lang: Lang;
  /** Lexical weight of a token in the corpus; 0 when the corpus lacks it. */
  idf: (token: string) => number;
  /** The weight of a question word the corpus lacks (it still counts against coverage). */
  missingIdf: number;
  askedMarkets?: readonly string[];
  /** The question is a follow-up that names only a market: the same question, asked of that market. */
  marketSwap?: boolean;
  /** The market whose own note answers (the plan's `ownNote`): only that note is the asked market's, not the union's notes
   * that list it ("эти же коды в Казахстане катят?" after Честный ЗНАК is answered by the Kazakh note, not clothing's rules). */
  ownNote?: string;
  /** The regulations (numbers) the question names or its products fall under. */
  askedRegulations?: readonly string[];
  /** What the previous answer showed first, when the question follows it up: its sentences are not
   * shown again as the answer (previous-lead.ts). */
  shownBefore?: string;
  /** The follow-up as the person wrote it ("а на детскую обувь?"), when the question continues another. */
  followUp?: string;
  /** Today (YYYY-MM-DD): "去年", "last year", "в прошлом году" name a year relative to it. */
  today?: string;
  /** Defaults: 300 characters, 120 for Chinese. */
  maxChars?: number;
  maxSentences?: number;
}

export interface LeadResult {
  /** Absent when no sentence shares a word with the question. */
  lead?: { text: string; citations: number[]; sentences: Array<LeadSentence & { shown: string }> };
  /** For each document, its best sentence and the passage it sits in (shown as that document's passage). */
  bestByDoc: Map<number, LeadSentence>;
  /** Share of the question's weight the best sentence (with its heading) covers, 0–1: how well the
   * knowledge base answers at all. */
  confidence: number;
  /** The best sentence's matched question weight (idf units), not divided by the question's length. */
  matchedWeight?: number;
}
