// The answer every channel renders: the JSON of `advisor ask --json` and `POST /api/ask`.
import type { Lang } from './lang.js';

export interface Citation {
  /** The number used in the answer text: [1], [2] … */
  n: number;
  docId: string;
  chunkId: string;
  title: string;
  lang: Lang;
  category: string;
  headingPath: string[];
  excerpt: string;
  source: string | undefined;
  sources: string[];
  asOf: string | undefined;
  reviewBy: string | undefined;
  /** The markets (ISO codes) of a document about one or a few countries; absent for general ones. */
  markets?: string[];
  /** True when today is past the document's review_by date. */
  stale: boolean;
  /** Set when the passage was found in another language version and shown in the asker's. */
  translatedFrom?: string;
  score: number;
}

export interface ToolCallRecord {
  name: string;
  input: unknown;
  output?: unknown;
  error?: string;
}

/** The direct answer shown first when the turn is answered without a model: one to three sentences
 * taken verbatim from the passages (or a tool's summary), with the citation numbers behind them. */
export interface Lead {
  text: string;
  /** Numbers of `citations` the lead's sentences come from ([1] → 1). */
  citations: number[];
}

export interface AskResult {
  answer: string;
  /** Present whenever the turn is answered without a model; channels show it first. */
  lead?: Lead;
  lang: Lang;
  mode: 'retrieval-only' | 'llm';
  citations: Citation[];
  toolCalls: ToolCallRecord[];
  escalation?: { suggested: boolean; reason: string; practiceArea?: string; jurisdiction?: string };
  /** The passages found did not back an answer well (or none were found): recorded with the answer so
   * staff see knowledge gaps without guessing them from the text. Absent for tool answers. */
  weakEvidence?: boolean;
  /** The model answered, but nothing of its answer could be shown (every sentence held an unsourced
   * figure or rating): the passages answer instead, with the notice of what was removed. */
  modelWithheld?: boolean;
  /** Short notes for the user: the model was unavailable, a figure was removed, … */
  notices: string[];
  /** A tool's answer only: the knowledge base's direct answer to another question the message asked beside
   * the request ("…。顺便问下你们信用上合数据库覆盖多少国家？"), also at the end of `answer`; its citations are
   * `citations`. Channels that show a tool's answer their own way (Telegram's route plan) show it after. */
  aside?: string;
  conversationId?: string;
  /** The stored answer (feedback and the Sources button refer to it); set for conversation turns. */
  answerId?: number;
}
