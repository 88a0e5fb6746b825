// Follow-ups without a model: 36 two-turn dialogues (evals/datasets/followups.jsonl, ru/zh/en). The
// second answer must come from the right place — its direct answer from the labelled document, or the
// route, company or lawyer tool the dialogue implies — for at least 90% of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assistant } from '../src/assistant/assistant.js';
import { legalEscalationTool } from '../src/assistant/legal-escalation-tool.js';
import { ToolRegistry } from '../src/assistant/tools.js';
import { createLogger } from '../src/observability/logger.js';
import { HashingEmbedder } from '../src/rag/hashing-embedder.js';
import { ingestKnowledge } from '../src/rag/ingest.js';
import { KnowledgeBase } from '../src/rag/knowledge-base.js';
import { ConversationRepo } from '../src/store/conversation-repo.js';
import type { Db } from '../src/store/db.js';
import { KnowledgeRepo } from '../src/store/knowledge-repo.js';
import { openDb } from '../src/store/open-db.js';
import { CreditService } from '../src/tools/credit/credit-service.js';
import { creditTool } from '../src/tools/credit/credit-tool.js';
import { LocalCreditProvider, seedLocalCompanies } from '../src/tools/credit/providers/local-provider.js';
import { placeRefs } from '../src/tools/routes/find-places.js';
import { RouteService } from '../src/tools/routes/route-service.js';
import { routesTool } from '../src/tools/routes/routes-tool.js';
import { loadThresholds } from '../src/evals/retrieval-gate.js';

const ROOT = join(import.meta.dirname, '..');
interface Dialogue {
  id: string;
  lang: 'ru' | 'zh' | 'en';
  turns: [string, string];
  answers: string[];
  intent: 'none' | 'route' | 'credit' | 'lawyer';
  from?: string;
  to?: string;
  /** The modes the follow-up asks by ("а по морю?"): the plan must be asked for those alone. */
  modes?: string[];
  company?: string;
}
const read = (set: string): Dialogue[] =>
  readFileSync(join(ROOT, `evals/datasets/${set}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

// followups.jsonl: written with the code; followups-heldout.jsonl and followups-heldout-2.jsonl
// (a third each of country, place, mode/convention, product and aspect swaps): written blind by
// helpers who saw the fact sheets and the topic titles only (evals/README.md).
describe.each(['followups', 'followups-heldout', 'followups-heldout-2'])(
  'follow-ups without a model (evals/datasets/%s.jsonl)',
  (set) => {
    const dialogues = read(set);
    let db: Db;
    let assistant: Assistant;

    beforeAll(async () => {
      db = await openDb({ databaseUrl: undefined, dataDir: undefined });
      const repo = new KnowledgeRepo(db);
      const embedder = new HashingEmbedder(256);
      await ingestKnowledge({ root: join(ROOT, 'knowledge'), repo, embedder });
      const kb = await KnowledgeBase.open({ repo, embedder });
      await seedLocalCompanies(db, join(ROOT, 'knowledge/credit/sample-companies.csv'));
      const routes = new RouteService({ networkFile: join(ROOT, 'knowledge/logistics/network.yaml') });
      const credit = new CreditService({
        db,
        providers: [new LocalCreditProvider(db)],
        timeoutMs: 2000,
        cacheTtlHours: 1,
      });
      assistant = new Assistant({
        kb,
        llm: undefined,
        tools: new ToolRegistry()
          .register(legalEscalationTool)
          .register(routesTool(routes))
          .register(creditTool(credit)),
        conversations: new ConversationRepo(db),
        limits: { maxQuestionChars: 4000 },
        log: createLogger('silent'),
        places: (text) => placeRefs(routes.network, text),
      });
    }, 240_000);
    afterAll(async () => {
      await db?.close();
    });

    it('answers second turns from the right document or tool (issue target 0.9, gate in thresholds.json)', async () => {
      const outcome: Array<{ d: Dialogue; ok: boolean; why: string }> = [];
      for (const d of dialogues) {
        const conversationId = `eval:${d.id}`;
        for (const [i, text] of d.turns.entries()) {
          const r = await assistant.ask({ text, channel: 'cli', conversationId, userId: 'eval' });
          if (!r.ok) throw new Error(`${d.id}: ${r.message}`);
          if (i === 0) continue;
          const res = r.result;
          const tool = res.toolCalls[0];
          let ok = false;
          let why = '';
          if (d.intent === 'route') {
            const input = tool?.input as { from?: string; to?: string; modes?: string[] } | undefined;
            ok =
              tool?.name === 'plan_route' &&
              (!d.from || input?.from === d.from) &&
              (!d.to || input?.to === d.to) &&
              (!d.modes || JSON.stringify(input?.modes ?? []) === JSON.stringify(d.modes));
            why = `${tool?.name ?? 'no tool'} ${JSON.stringify(input ?? {})}`;
          } else if (d.intent === 'credit') {
            // The company labelled, not any words taken for a name.
            const company = (tool?.input as { company?: string } | undefined)?.company;
            ok = tool?.name === 'credit_lookup' && (!d.company || company === d.company);
            why = `${tool?.name ?? 'no tool'} ${company ?? ''}`;
          } else if (d.intent === 'lawyer') {
            ok = res.escalation?.suggested === true;
            why = 'no escalation';
          } else {
            const leadDocs = (res.lead?.citations ?? []).map((n) =>
              res.citations[n - 1]?.docId.replace(/-(zh|ru|en)$/, ''),
            );
            ok = leadDocs.some((slug) => slug !== undefined && d.answers.includes(slug));
            why = `lead from ${leadDocs.join(', ') || 'nothing'}: ${res.lead?.text.slice(0, 80) ?? res.answer.slice(0, 80)}`;
          }
          outcome.push({ d, ok, why });
        }
      }
      for (const lang of ['ru', 'zh', 'en'] as const) {
        const mine = outcome.filter((o) => o.d.lang === lang);
        const share = mine.filter((o) => o.ok).length / mine.length;
        console.log(`follow-ups ${lang}: ${mine.filter((o) => o.ok).length}/${mine.length} = ${share.toFixed(3)}`);
        for (const o of mine.filter((x) => !x.ok)) console.log(`  miss ${o.d.id} ${o.d.turns.join(' → ')} | ${o.why}`);
      }
      const share = outcome.filter((o) => o.ok).length / outcome.length;
      expect(dialogues.length).toBeGreaterThanOrEqual(30);
      // The target is 0.9; the gate holds what is reached today (evals/README.md).
      const gates = loadThresholds().leads;
      const gate =
        { followups: gates.followUps, 'followups-heldout': gates.followUpsHeldout }[set] ?? gates.followUpsHeldout2;
      expect(share).toBeGreaterThanOrEqual(gate);
    }, 240_000);
  },
);
