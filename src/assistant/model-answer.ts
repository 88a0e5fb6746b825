// The model's answer to a turn: the agent loop, with rounds of tool calls, the text streamed out through
// the citation filter, then the checks on citations, figures, ratings and the system prompt. Whatever
// fails in the model, the answer from retrieval alone stands in (without-model.ts).
import type { AskResult, ToolCallRecord } from '../domain/answer.js';
import type { Lang } from '../domain/lang.js';
import { t } from '../i18n/messages.js';
import type { ChatMessage, ChatModel } from '../llm/chat-model.js';
import { toCitations } from './citations.js';
import { errorInfo } from './error-info.js';
import { escalationNotice } from './escalation-notice.js';
import type { EventQueue } from './event-queue.js';
import { removeUnsupportedFigures } from './figure-guard.js';
import { CitationStreamFilter, citedNumbers, removeInvalidCitations } from './grounding.js';
import { neutralizeInstructions } from './injection.js';
import { LEGAL_ESCALATION_TOOL } from './legal-escalation-tool.js';
import { historyMessages, type Memory } from './memory.js';
import { leaksSystemPrompt, removeUnsourcedRatings } from './output-guards.js';
import { systemPrompt, userMessage } from './prompt.js';
import type { RetrievalPlan } from './retrieval-plan.js';
import type { UserHit } from './retrieve.js';
import { runTool, type ToolRunDeps } from './run-tool.js';
import type { AssistantEvent, Turn } from './types.js';
import { withoutModel, type WithoutModelDeps } from './without-model.js';

const MAX_TOOL_ROUNDS = 3;

/** What the model's answer takes of the assistant's dependencies. */
export type ModelAnswerDeps = ToolRunDeps & WithoutModelDeps;

export async function modelAnswer(
  deps: ModelAnswerDeps,
  llm: ChatModel,
  question: string,
  lang: Lang,
  hits: UserHit[],
  memory: Memory,
  turn: Turn,
  queue: EventQueue<AssistantEvent>,
  plan: RetrievalPlan,
): Promise<AskResult> {
  const valid = new Set(hits.map((_, i) => i + 1));
  const messages: ChatMessage[] = [
    { role: 'system', content: systemPrompt(lang, deps.today()) },
    ...historyMessages(memory),
    { role: 'user', content: userMessage(question, hits) },
  ];
  const toolCalls: ToolCallRecord[] = [];
  let escalation: AskResult['escalation'];
  let evidence = hits.map((h) => h.text).join('\n') + '\n' + question;
  try {
    queue.push({ type: 'status', stage: 'generating' });
    for (let round = 0; ; round++) {
      const filter = new CitationStreamFilter(valid, (text) => queue.push({ type: 'text', delta: text }));
      const lastRound = round >= MAX_TOOL_ROUNDS;
      const t0 = performance.now();
      const res = await llm
        .chat(
          {
            messages,
            ...(lastRound ? {} : { tools: deps.tools.specs() }),
            ...(turn.signal ? { signal: turn.signal } : {}),
          },
          (d) => filter.push(d),
        )
        .catch((err: unknown) => {
          deps.metrics?.llmErrors.inc();
          throw err;
        });
      deps.metrics?.llmSeconds.observe((performance.now() - t0) / 1000);
      filter.flush();
      if (res.toolCalls.length === 0 || lastRound) {
        const done = finish(deps, res.content, lang, hits, valid, evidence, toolCalls, escalation, turn.channel);
        // Nothing left once the unsupported figures and ratings are out: the passages answer instead
        // of a blank reply, with the notice of what was removed.
        if (/[\p{L}\p{N}]/u.test(done.answer) || hits.length === 0) return done;
        const fallback = await withoutModel(deps, question, lang, hits, plan, done.notices.join(' ') || undefined);
        return { ...fallback, toolCalls, modelWithheld: true };
      }
      messages.push({ role: 'assistant', content: res.content || null, tool_calls: res.toolCalls });
      for (const call of res.toolCalls) {
        queue.push({ type: 'status', stage: 'tool' });
        const record = await runTool(deps, call.function.name, call.function.arguments, lang, turn);
        toolCalls.push(record);
        queue.push({ type: 'tool_call', call: record });
        if (record.name === LEGAL_ESCALATION_TOOL && !record.error) {
          const input = record.input as { reason: string; practice_area?: string; jurisdiction?: string };
          escalation = {
            suggested: true,
            reason: input.reason,
            ...(input.practice_area ? { practiceArea: input.practice_area } : {}),
            ...(input.jurisdiction ? { jurisdiction: input.jurisdiction } : {}),
          };
        }
        const output = neutralizeInstructions(
          JSON.stringify(record.error ? { error: record.error } : (record.output ?? null)),
        ).text;
        evidence += `\n${output}`;
        messages.push({ role: 'tool', tool_call_id: call.id, content: output });
      }
    }
  } catch (err) {
    deps.log.warn({ err: errorInfo(err) }, 'language model failed; answering from retrieval only');
    const fallback = await withoutModel(deps, question, lang, hits, plan, t(lang, 'llmUnavailable'));
    return { ...fallback, toolCalls };
  }
}

function finish(
  deps: ModelAnswerDeps,
  content: string,
  lang: Lang,
  hits: UserHit[],
  valid: Set<number>,
  evidence: string,
  toolCalls: ToolCallRecord[],
  escalation: AskResult['escalation'],
  channel: Turn['channel'],
): AskResult {
  const notices: string[] = [];
  const grounded = removeInvalidCitations(content, valid);
  if (grounded.removed.length) deps.log.info({ removed: grounded.removed }, 'invalid citations removed');
  const figures = removeUnsupportedFigures(grounded.text, evidence);
  if (figures.removed.length) {
    deps.log.warn({ removed: figures.removed }, 'unsupported figures removed');
    notices.push(t(lang, 'unsupportedFigure'));
  }
  const ratings = removeUnsourcedRatings(figures.text, toolCalls);
  if (ratings.removed) notices.push(t(lang, 'unsourcedRating'));
  figures.text = ratings.text;
  if (leaksSystemPrompt(figures.text)) {
    deps.log.warn('answer repeated the system prompt; withheld');
    return { answer: t(lang, 'promptRefusal'), lang, mode: 'llm', citations: [], toolCalls, notices };
  }
  const cited = new Set(citedNumbers(figures.text));
  const citations = toCitations(hits, deps.today()).filter((c) => cited.has(c.n));
  if (escalation) notices.push(escalationNotice(channel, lang));
  return {
    answer: figures.text,
    lang,
    mode: 'llm',
    citations,
    toolCalls,
    notices,
    // The model answered without citing any passage or using a tool: nothing in the knowledge backs it.
    weakEvidence: citations.length === 0 && toolCalls.length === 0,
    ...(escalation ? { escalation } : {}),
  };
}
