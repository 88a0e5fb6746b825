// A route, company or lawyer request answered without a model: the tool's summary is the direct
// answer, the rest of its output follows. A lawyer request is only ever proposed: channels ask the
// user to confirm before anything is shared.
import type { AskResult, ToolCallRecord } from '../domain/answer.js';
import type { Lang } from '../domain/lang.js';
import { ct, noCompanyText } from '../i18n/credit-texts.js';
import { t } from '../i18n/messages.js';
import { caveatText } from '../i18n/route-texts.js';
import type { Intent } from './intent.js';
import type { Turn } from './types.js';
import { escalationNotice } from './escalation-notice.js';

export interface ToolRunner {
  has(name: string): boolean;
  /** Runs the tool and records the call (its output, or the error it failed with). */
  run(name: string, args: Record<string, unknown>): Promise<ToolCallRecord>;
}

interface ToolOutput {
  summary?: string;
  plan?: string;
  report?: string;
  candidates?: string[];
  searched?: string[];
  countryGiven?: boolean;
  /** No company found because no source answered: not "no source knows it". */
  allDown?: boolean;
  error?: string;
}

export async function toolAnswer(
  intent: Exclude<Intent, { kind: 'none' }>,
  lang: Lang,
  channel: Turn['channel'],
  tools: ToolRunner,
  notice?: string,
): Promise<AskResult> {
  // A trip asked beside the check: the report, then the route plan's answer.
  if (intent.kind === 'credit' && intent.route) {
    const { route, ...check } = intent;
    const done = await toolAnswer(check, lang, channel, tools, notice);
    const trip = await toolAnswer(route, lang, channel, tools);
    return {
      ...done,
      answer: `${done.answer}\n\n${trip.answer}`,
      toolCalls: [...done.toolCalls, ...trip.toolCalls],
    };
  }
  // Asked for a lawyer in the same message as a company check: the report (or why there is none),
  // then the offer, as a lawyer request alone gets it.
  if (intent.kind === 'credit' && intent.lawyer) {
    const { lawyer: _, ...check } = intent;
    const done = await toolAnswer(check, lang, channel, tools, notice);
    // In the answer itself: channels show a tool's answer text, not its notices.
    return {
      ...done,
      answer: `${done.answer}\n\n${escalationNotice(channel, lang)}`,
      escalation: { suggested: true, reason: 'the user asked for a lawyer' },
    };
  }
  // Crossings weighed against each other: a plan through each, their lines together, each caveat once.
  if (intent.kind === 'route' && intent.compareVia) {
    const { compareVia, ...trip } = intent;
    const plans = await Promise.all(
      compareVia.map((via) => toolAnswer({ ...trip, via }, lang, channel, tools, notice)),
    );
    const answered = plans.filter((p) => p.lead);
    if (answered.length === 0) return plans[0]!;
    const said = new Set<string>();
    const once = (text: string) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith('⚠') || (!said.has(line) && said.add(line)))
        .join('\n');
    const summaries = answered.map((p) => p.lead!.text.split('\n'));
    // The options' lines first, then every caveat of any of them once.
    const lines = summaries.flatMap((l) => l.filter((x) => !x.startsWith('⚠')));
    const lead = once([...lines, ...summaries.flatMap((l) => l.filter((x) => x.startsWith('⚠')))].join('\n'));
    const rest = answered.map((p) => once(p.answer.slice(p.lead!.text.length).trim())).filter(Boolean);
    return {
      ...answered[0]!,
      answer: [lead, ...rest].join('\n\n'),
      lead: { text: lead, citations: [] },
      toolCalls: plans.flatMap((p) => p.toolCalls),
    };
  }
  const notices = notice ? [notice] : [];
  const base = { lang, mode: 'retrieval-only' as const, citations: [], notices };
  if (intent.kind === 'lawyer') {
    // The offer travels as a notice too, as in a model's answer: channels put it to the user to confirm.
    const answer = escalationNotice(channel, lang);
    return {
      ...base,
      notices: [...notices, answer],
      answer,
      lead: { text: answer, citations: [] },
      toolCalls: [],
      escalation: { suggested: true, reason: 'the user asked for a lawyer' },
    };
  }
  const name = intent.kind === 'route' ? 'plan_route' : 'credit_lookup';
  if (!tools.has(name)) return { ...base, answer: t(lang, 'toolOff'), toolCalls: [] };
  const args =
    intent.kind === 'route'
      ? {
          from: intent.from,
          to: intent.to,
          ...(intent.via ? { via: intent.via } : {}),
          ...(intent.modes ? { modes: intent.modes } : {}),
          ...(intent.seaPassage ? { sea_passage: intent.seaPassage } : {}),
          ...intent.cargo,
        }
      : {
          company: intent.company,
          ...(intent.country ? { country: intent.country } : {}),
          ...(intent.registrationId ? { registration_id: intent.registrationId } : {}),
        };
  const record = await tools.run(name, args);
  const output = (record.output ?? {}) as ToolOutput;
  if (record.error || output.error) return { ...base, answer: t(lang, 'toolFailed'), toolCalls: [record] };
  if (intent.kind === 'route') {
    const summary = output.summary ?? '';
    // "а сколько стоит?" about the trip just planned: the options' lines (cost included) and where a
    // rate comes from, not the same plan printed again.
    const rest = intent.again ? `⚠ ${caveatText({ code: 'not-a-quote' }, lang)}` : (output.plan ?? '');
    return {
      ...base,
      // No route found: the plan says only what the summary says ("Циндао → Новороссийск: Маршрут не найден…" twice).
      answer: [summary, rest.trim() === summary.trim() ? '' : rest].filter(Boolean).join('\n\n'),
      lead: { text: summary, citations: [] },
      toolCalls: [record],
    };
  }
  const text =
    output.report ??
    (output.candidates?.length
      ? `${t(lang, 'whichCompany')}\n${output.candidates.join('\n')}`
      : output.allDown
        ? ct(lang, 'allDown')
        : `${noCompanyText(
            lang,
            output.searched ?? [],
            output.countryGiven === true,
            (record.input as { company?: string } | undefined)?.company,
          )}\n${t(lang, 'noVerdict')} ${t(lang, 'humanHelp')}`);
  // The report leads with the company, its sanctions screening and risk signals: those lines are the direct answer.
  const head = text.split('\n\n')[0]!;
  const sanctions = intent.kind === 'credit' && intent.aspect === 'sanctions';
  // "有没有被制裁？" about a company no source knows: "not found" must not read as "not listed".
  const lead = sanctions
    ? output.report
      ? sanctionsFirst(head, lang)
      : [t(lang, 'sanctionsNotFound'), head, t(lang, 'humanHelp')].join('\n')
    : head;
  // The whole text leads the same way: Telegram shows the text of a tool's answer, not its lead.
  const answer = [lead, ...text.split('\n\n').slice(1)].join('\n\n');
  return { ...base, answer, lead: { text: lead, citations: [] }, toolCalls: [record] };
}

/** A follow-up on sanctions ("а по санкциям они чистые?"): the screening's lines first, then the company;
 * when no screening is connected, who can help. */
function sanctionsFirst(head: string, lang: Lang): string {
  const lines = head.split('\n');
  const words = [ct(lang, 'sanctions'), ct(lang, 'noSanctions'), ct(lang, 'notScreened'), ct(lang, 'legal')];
  const screening = lines.filter((l) => words.some((w) => l.startsWith(w)) || l.startsWith('  • '));
  const rest = lines.filter((l) => !screening.includes(l));
  const help = screening.some((l) => l.startsWith(ct(lang, 'notScreened'))) ? [t(lang, 'humanHelp')] : [];
  return [...screening, ...help, ...rest].join('\n');
}
