// `advisor credit "<name>" [--country KZ] [--pick N] [--json]`: several matches print a numbered
// list; --pick chooses one and prints its report.
import { detectLang } from '../i18n/detect-lang.js';
import { ct } from '../i18n/credit-texts.js';
import type { CreditService } from '../tools/credit/credit-service.js';
import { renderCandidates, renderReport } from '../tools/credit/render-report.js';

export async function creditCommand(
  credit: CreditService,
  name: string,
  opts: { country?: string | undefined; pick?: number | undefined; json?: boolean | undefined; operator: string },
  print: (v: unknown) => void,
): Promise<number> {
  const lang = detectLang(name)?.lang ?? 'en';
  const found = await credit.search(name, opts.country?.toUpperCase(), `cli:${opts.operator}`);
  if (found.candidates.length === 0) {
    const allDown =
      found.missing.length > 0 && found.missing.length === credit.configured.filter((p) => p !== 'sanctions').length;
    print(
      opts.json
        ? found
        : [ct(lang, allDown ? 'allDown' : 'none'), ...found.missing.map((m) => `  ${m.provider}: ${m.reason}`)].join(
            '\n',
          ),
    );
    return 1;
  }
  if (found.candidates.length > 1 && opts.pick === undefined) {
    print(
      opts.json
        ? found
        : [
            ct(lang, 'choose'),
            ...renderCandidates(found.candidates),
            '',
            `advisor credit "${name}"${opts.country ? ` --country ${opts.country}` : ''} --pick <N>`,
          ].join('\n'),
    );
    return 0;
  }
  const index = (opts.pick ?? 1) - 1;
  const report = await credit.report(found.lookupId, index);
  if (!report) {
    print(`--pick must be between 1 and ${found.candidates.length}`);
    return 2;
  }
  print(opts.json ? report : renderReport(report, lang));
  return 0;
}
