// The assistant's credit tool: the model passes a company name (and country); it gets back the
// providers' data with sources and dates, or the candidates to ask the user about. The model is
// told to report what the providers say, never a rating of its own.
import { z } from 'zod';
import { defineTool } from '../define-tool.js';
import { exactMatches, type CreditService } from './credit-service.js';
import { renderCandidates, renderReport } from './render-report.js';

export function creditTool(credit: CreditService) {
  return defineTool({
    name: 'credit_lookup',
    description:
      'Look up a company (buyer, supplier) in the configured credit and identity sources and sanctions screening. ' +
      'Returns registration data, status, sanctions matches and a rating only if a provider has one, each with source and date. ' +
      'Report exactly what it returns, naming the source and date; never estimate a rating yourself. If several companies match, ask the user which one.',
    input: z.object({
      company: z.string().min(2).max(200).describe('Company name in any script'),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .optional()
        .describe('ISO country code, e.g. KZ'),
      registration_id: z
        .string()
        .regex(/^[0-9A-Z]{9,18}$/)
        .optional()
        .describe('Registration number given with the name (ИНН, БИН, unified social credit code): searched first'),
    }),
    sideEffect: false,
    async run(input, ctx) {
      const askedBy = `${ctx.channel}:${ctx.userId ?? 'unknown'}`;
      // The number given beside the name is the surer key; the name is searched when no source knows it.
      let found = input.registration_id
        ? await credit.search(input.registration_id, input.country, askedBy)
        : undefined;
      if (!found || found.candidates.length === 0) found = await credit.search(input.company, input.country, askedBy);
      if (found.candidates.length === 0) {
        return {
          found: 0,
          searched: credit.finders,
          countryGiven: input.country !== undefined,
          missing: found.missing,
          allDown: credit.allDown(found),
          note: credit.allDown(found) ? 'no source could be reached' : 'no source knows this company',
        };
      }
      // The company named exactly (in any script) is the one meant, as in `advisor credit`.
      const exact = exactMatches(input.company, found.candidates);
      const index = exact.length === 1 ? found.candidates.indexOf(exact[0]!) : 0;
      if (found.candidates.length > 1 && exact.length !== 1)
        return {
          found: found.candidates.length,
          candidates: renderCandidates(found.candidates),
          note: 'ask the user which company they mean',
        };
      const report = await credit.report(found.lookupId, index);
      return {
        found: 1,
        report: report ? renderReport(report, ctx.lang) : undefined,
        sources: report?.reports.map((r) => ({ source: r.source, asOf: r.asOf, sample: r.sample ?? false })),
        sanctions: report?.sanctions,
      };
    },
  });
}
