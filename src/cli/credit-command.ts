// `advisor credit "<name>" [--country KZ] [--pick N] [--lang] [--json]`: a name that is exactly one
// company's (in any script) goes straight to its report, with the similar names listed under it;
// several matches print a numbered list to choose from with --pick.
import { creditQuery } from '../domain/registration-ids.js';
import { ct, noCompanyText } from '../i18n/credit-texts.js';
import { detectLang } from '../i18n/detect-lang.js';
import { cliText } from '../i18n/cli-texts.js';
import { exactMatches } from '../tools/credit/credit-service.js';
import { renderCandidates, renderReport } from '../tools/credit/render-report.js';
import { parseLangOption, requiredText, wholeNumberOption, type Command } from './command-context.js';
import { UsageError } from './usage-error.js';

export const creditCommand: Command = async (ctx) => {
  const asked = requiredText(ctx, 'credit');
  const pick = wholeNumberOption(ctx.options.pick, '--pick', ctx, { from: 1 });
  const lang = parseLangOption(ctx.options.lang, ctx.lang, 'credit') ?? detectLang(asked)?.lang ?? ctx.lang;
  // "ИНН 7701234567", "BIN 000000000001": the number is searched, in the country its kind says.
  const { name, country } = creditQuery(asked, ctx.options.country?.toUpperCase());
  const { credit } = await ctx.runtime();
  const found = await credit.search(name, country, `cli:${ctx.config.operator}`);
  const { candidates } = found;
  if (candidates.length === 0) {
    const head = credit.allDown(found)
      ? ct(lang, 'allDown')
      : noCompanyText(lang, credit.finders, country !== undefined, name);
    ctx.print(
      ctx.options.json ? found : [head, ...found.missing.map((m) => `  ${m.provider}: ${m.reason}`)].join('\n'),
    );
    return 1;
  }
  const command = `advisor credit "${name}"${ctx.options.country ? ` --country ${ctx.options.country}` : ''}`;
  const exact = exactMatches(name, candidates);
  let index: number;
  if (pick !== undefined) {
    if (pick > candidates.length) throw new UsageError(cliText(lang).pickRange(candidates.length), 'credit');
    index = pick - 1;
  } else if (exact.length === 1) index = candidates.indexOf(exact[0]!);
  else if (candidates.length === 1) index = 0;
  else {
    ctx.print(
      ctx.options.json
        ? found
        : [ct(lang, 'choose'), ...renderCandidates(candidates), '', `${command} --pick <N>`].join('\n'),
    );
    return 0;
  }
  const report = await credit.report(found.lookupId, index);
  if (!report) throw new Error(`the lookup ${found.lookupId} has no match ${index + 1}`);
  const others = candidates.filter((_, i) => i !== index);
  if (ctx.options.json) {
    ctx.print({ ...report, similar: others });
    return 0;
  }
  const similar = others.length
    ? [
        '',
        `${ct(lang, 'similar')}:`,
        ...renderCandidates(others, (c) => candidates.indexOf(c) + 1),
        cliText(lang).creditPickHint(command),
      ]
    : [];
  ctx.print([renderReport(report, lang), ...similar].join('\n'));
  return 0;
};
