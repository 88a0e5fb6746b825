// `npm run eval -- --suite retrieval|safety|answers`: runs one suite and writes a markdown and a
// JSON report under evals/reports/ with the commit it ran on. Returns the exit code.
import type { Config, EvalModelConfig } from '../config.js';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Assistant } from '../assistant/assistant.js';
import { legalEscalationTool } from '../assistant/legal-escalation-tool.js';
import { ToolRegistry } from '../assistant/tools.js';
import { OpenAiChat } from '../llm/openai-chat.js';
import { createLogger } from '../observability/logger.js';
import { evalDomain, evalOffTopic, readDomainQuestions, readOffTopicQuestions } from './eval-domain.js';
import { evalRetrieval, readCorpus, readQueries } from '../rag/eval-retrieval.js';
import { HashingEmbedder } from '../rag/hashing-embedder.js';
import { ingestKnowledge } from '../rag/ingest.js';
import { KnowledgeBase } from '../rag/knowledge-base.js';
import { ConversationRepo } from '../store/conversation-repo.js';
import { KnowledgeRepo } from '../store/knowledge-repo.js';
import { openDb } from '../store/open-db.js';
import { LANGS } from '../domain/lang.js';
import { CreditService } from '../tools/credit/credit-service.js';
import { creditTool } from '../tools/credit/credit-tool.js';
import { LocalCreditProvider, seedLocalCompanies } from '../tools/credit/providers/local-provider.js';
import { RouteService } from '../tools/routes/route-service.js';
import { routesTool } from '../tools/routes/routes-tool.js';
import { answersShortfalls, readBehaviourCases, RecordingChatModel, runAnswersSuite } from './answers-suite.js';
import { writeReport } from './report-file.js';
import { domainShortfalls, loadThresholds, offTopicShortfalls, xquadShortfalls } from './retrieval-gate.js';
import { POISONED_DOC, readSafetyCases, runSafetySuite } from './safety-suite.js';

const XQUAD = '../shared/benchmarks/xquad';

/** The model under evaluation (EVAL_LLM_*) or the judge (EVAL_JUDGE_*, defaulting to the same), from the config. */
function evalModel(model: EvalModelConfig): OpenAiChat {
  return new OpenAiChat({ baseUrl: model.baseUrl, apiKey: model.apiKey, model: model.model, timeoutMs: 60_000 });
}

async function runAnswers(
  print: (s: string) => void,
  opts: SuiteOptions,
  models: { llm: EvalModelConfig; judge: EvalModelConfig },
): Promise<number> {
  const { db, kb, cleanup } = await knowledgeBase();
  try {
    await seedLocalCompanies(db, 'knowledge/credit/sample-companies.csv');
    const credit = new CreditService({
      db,
      providers: [new LocalCreditProvider(db)],
      timeoutMs: 5000,
      cacheTtlHours: 1,
    });
    const tools = new ToolRegistry()
      .register(legalEscalationTool)
      .register(creditTool(credit))
      .register(routesTool(new RouteService({ networkFile: 'knowledge/logistics/network.yaml' })));
    const model = new RecordingChatModel(evalModel(models.llm));
    const assistant = new Assistant({
      kb,
      llm: model,
      tools,
      conversations: new ConversationRepo(db),
      limits: { maxQuestionChars: 4000 },
      log: createLogger('silent'),
    });
    const all = readDomainQuestions(opts.facts ?? 'evals/datasets/domain.jsonl');
    const facts = opts.limit ? LANGS.flatMap((l) => all.filter((q) => q.lang === l).slice(0, opts.limit)) : all;
    const report = await runAnswersSuite({
      assistant,
      model,
      judge: evalModel(models.judge),
      facts,
      cases: readBehaviourCases(),
      ...(opts.progress ? { progress: opts.progress } : {}),
    });
    const shortfalls = answersShortfalls(report, loadThresholds().answers ?? {});
    const md = [
      `Model: ${model.id} at ${models.llm.baseUrl}; judge: ${models.judge.model}`,
      `${facts.length} fact questions (${opts.facts ?? 'evals/datasets/domain.jsonl'}), ${report.rows.length - facts.length} behaviour cases (evals/datasets/answers.jsonl)`,
      '',
      '| rate | value |',
      '|---|---|',
      ...Object.entries(report.rates).map(([k, v]) => `| ${k} | ${v} |`),
      `| mean faithfulness (0–2) | ${report.meanFaithfulness} |`,
      `| judge errors | ${report.judgeErrors} |`,
      `| answered from passages (model answer withheld) | ${report.fellBack} |`,
      '',
      '| id | kind | lang | pass | tools | faithfulness | key fact | legal opinion | note |',
      '|---|---|---|---|---|---|---|---|---|',
      ...report.rows.map(
        (r) =>
          `| ${r.id} | ${r.kind} | ${r.lang} | ${r.pass ? 'ok' : '**FAIL**'} | ${r.tools.join(', ')} | ${r.verdict?.faithfulness ?? '–'} | ${r.verdict?.key_fact ?? '–'} | ${r.verdict?.legal_opinion ?? '–'} | ${(r.verdict?.reason ?? r.judgeError ?? '').replace(/\|/g, '/').slice(0, 160)} |`,
      ),
      '',
      shortfalls.length
        ? `**Gate failed:** ${shortfalls.join('; ')}`
        : 'Gate: all answers thresholds of evals/thresholds.json met.',
    ];
    const base = writeReport('answers', { ...report, shortfalls }, md);
    print(`${md.join('\n')}\n\nreport: ${base}.md`);
    return shortfalls.length ? 1 : 0;
  } finally {
    await cleanup();
  }
}

async function knowledgeBase(extra?: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'sco-eval-'));
  cpSync('knowledge', dir, { recursive: true });
  for (const [p, text] of Object.entries(extra ?? {})) writeFileSync(join(dir, p), text);
  const db = await openDb({ databaseUrl: undefined, dataDir: undefined });
  const repo = new KnowledgeRepo(db);
  const embedder = new HashingEmbedder(256);
  await ingestKnowledge({ root: dir, repo, embedder });
  const kb = await KnowledgeBase.open({ repo, embedder });
  return {
    db,
    kb,
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SuiteOptions {
  /** EVAL_LLM_* and EVAL_JUDGE_* from the config; absent → safety runs retrieval-only, answers is skipped. */
  models?: Config['evals'];
  /** answers: the fact questions (default evals/datasets/domain.jsonl). */
  facts?: string | undefined;
  /** answers: at most this many fact questions per language. */
  limit?: number | undefined;
  /** Each step of the run as it finishes (a bar on a terminal, plain lines otherwise). */
  progress?: (step: { done: number; total: number; label: string }) => void;
}

export async function runSuite(suite: string, print: (s: string) => void, opts: SuiteOptions = {}): Promise<number> {
  if (suite === 'retrieval') {
    const t = loadThresholds();
    const embedder = new HashingEmbedder(256);
    const rows: Array<Record<string, unknown>> = [];
    const shortfalls: string[] = [];
    const runs = [
      ['en', 'en'],
      ['ru', 'ru'],
      ['zh', 'zh'],
      ['ru', 'zh'],
      ['zh', 'ru'],
    ] as const;
    const steps = runs.length + 2;
    let done = 0;
    for (const [q, c] of runs) {
      const r = await evalRetrieval(
        readCorpus(join(XQUAD, `corpus.${c}.jsonl`)),
        readQueries(join(XQUAD, `queries.${q}.jsonl`)),
        embedder,
      );
      rows.push({
        run: `xquad ${q}→${c}`,
        recallAt1: r.recallAt1,
        recallAt5: r.recallAt5,
        recallAt10: r.recallAt10,
        mrrAt10: r.mrrAt10,
        ndcgAt10: r.ndcgAt10,
        p95ms: r.latencyMs.p95,
      });
      if (q === c) shortfalls.push(...xquadShortfalls(q, r, t));
      opts.progress?.({ done: ++done, total: steps, label: `xquad ${q}→${c}` });
    }
    const { kb, cleanup } = await knowledgeBase();
    opts.progress?.({ done: ++done, total: steps, label: 'knowledge/ ingested' });
    const domain = await evalDomain(kb, readDomainQuestions('evals/datasets/domain.jsonl'));
    // Written from the fact sheets by someone who never saw the documents: the honest figure.
    const heldout = await evalDomain(kb, readDomainQuestions('evals/datasets/domain-heldout.jsonl'));
    const offTopic = await evalOffTopic(kb, readOffTopicQuestions('evals/datasets/domain-offtopic.jsonl'));
    await cleanup();
    opts.progress?.({ done: ++done, total: steps, label: 'domain questions' });
    shortfalls.push(
      ...domainShortfalls(domain.byLang, t),
      ...domainShortfalls(heldout.byLang, t, 'domainHeldout'),
      ...offTopicShortfalls(offTopic.byLang, t),
    );
    const md = [
      '| run | recall@1 | recall@5 | recall@10 | MRR@10 | nDCG@10 | p95 ms |',
      '|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.run} | ${r.recallAt1} | ${r.recallAt5} | ${r.recallAt10} | ${r.mrrAt10} | ${r.ndcgAt10} | ${r.p95ms} |`,
      ),
      '',
      `Domain (${domain.questions} questions): recall@1 ${domain.recallAt1}, recall@5 ${domain.recallAt5}`,
      ...Object.entries(domain.byLang).map(([l, v]) => `- ${l}: recall@5 ${v.recallAt5} (${v.n})`),
      ...Object.entries(domain.byCategory).map(([c, v]) => `- ${c}: recall@5 ${v.recallAt5} (${v.n})`),
      '',
      `Held-out domain (${heldout.questions} questions, evals/datasets/domain-heldout.jsonl): recall@1 ${heldout.recallAt1}, recall@5 ${heldout.recallAt5}`,
      ...Object.entries(heldout.byLang).map(([l, v]) => `- ${l}: recall@5 ${v.recallAt5} (${v.n})`),
      ...Object.entries(heldout.byCategory).map(([c, v]) => `- ${c}: recall@5 ${v.recallAt5} (${v.n})`),
      ...heldout.misses.map((m) => `- miss ${m.id} (${m.lang}): top ${m.top.join(', ')}`),
      '',
      'Off-topic questions (evals/datasets/domain-offtopic.jsonl): passages shown per question, fewer is better',
      ...Object.entries(offTopic.byLang).map(
        ([l, v]) => `- ${l}: ${v.passagesPerQuestion} per question, none for ${v.abstained} of ${v.n}`,
      ),
      '',
      shortfalls.length
        ? `**Gate failed:** ${shortfalls.join('; ')}`
        : 'Gate: all thresholds of evals/thresholds.json met.',
    ];
    const base = writeReport('retrieval', { xquad: rows, domain, heldout, offTopic, shortfalls }, md);
    print(`${md.join('\n')}\n\nreport: ${base}.md`);
    return shortfalls.length ? 1 : 0;
  }
  if (suite === 'safety') {
    const llmUrl = opts.models?.llm?.baseUrl;
    const { db, kb, cleanup } = await knowledgeBase({ 'logistics/reefer-power-note.en.md': POISONED_DOC });
    const llm = opts.models?.llm ? evalModel(opts.models.llm) : undefined;
    const assistant = new Assistant({
      kb,
      llm,
      tools: new ToolRegistry().register(legalEscalationTool),
      conversations: new ConversationRepo(db),
      limits: { maxQuestionChars: 4000 },
      log: createLogger('silent'),
    });
    try {
      const results = await runSafetySuite(assistant, db, readSafetyCases(), opts.progress);
      const failed = results.filter((r) => !r.passed);
      const md = [
        `Mode: ${llm ? `LLM ${llmUrl}` : 'retrieval-only'}`,
        '',
        '| case | kind | lang | result | why |',
        '|---|---|---|---|---|',
        ...results.map((r) => `| ${r.id} | ${r.kind} | ${r.lang} | ${r.passed ? 'ok' : '**FAIL**'} | ${r.why} |`),
        '',
        `${results.length - failed.length}/${results.length} refused or neutralised.`,
      ];
      const base = writeReport('safety', { mode: llm ? 'llm' : 'retrieval-only', results }, md);
      print(`${md.join('\n')}\n\nreport: ${base}.md`);
      return failed.length ? 1 : 0;
    } finally {
      await cleanup();
    }
  }
  if (suite === 'answers') {
    const llmModel = opts.models?.llm;
    const judgeModel = opts.models?.judge;
    if (!llmModel || !judgeModel) {
      const base = writeReport('answers', { skipped: true, reason: 'EVAL_LLM_BASE_URL is not set' }, [
        '**SKIPPED**: set EVAL_LLM_BASE_URL (and EVAL_LLM_MODEL, EVAL_LLM_API_KEY; EVAL_JUDGE_* for a separate judge) to run answer-level checks.',
      ]);
      print(`answers suite SKIPPED: EVAL_LLM_BASE_URL is not set (report ${base}.md)`);
      return 0;
    }
    return runAnswers(print, opts, { llm: llmModel, judge: judgeModel });
  }
  print(`unknown suite "${suite}": retrieval, safety or answers`);
  return 2;
}
