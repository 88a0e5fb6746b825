// `/advisor credit <company> [country]` in Slack: one match → the report; several → buttons.
import type { App } from '@slack/bolt';
import { idPairValue } from './action-value.js';
import { detectLang } from '../../i18n/detect-lang.js';
import { ct, noCompanyText } from '../../i18n/credit-texts.js';
import type { Lang } from '../../domain/lang.js';
import type { CreditService } from '../../tools/credit/credit-service.js';
import { renderReport } from '../../tools/credit/render-report.js';
import { parseCreditArgs } from '../../tools/credit/parse-credit-args.js';
import { escapeMrkdwn, splitText } from './slack-format.js';

type Reply = { text: string; blocks?: Array<Record<string, unknown>> };

function reportReply(text: string): Reply {
  return {
    text: text.slice(0, 300),
    blocks: splitText(escapeMrkdwn(text)).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } })),
  };
}

export async function slackCredit(credit: CreditService, args: string, userId: string, lang: Lang): Promise<Reply> {
  const { name, country } = parseCreditArgs(args);
  if (name.length < 2) return { text: ct(lang, 'usage') };
  const found = await credit.search(name, country, `slack:${userId}`);
  if (found.candidates.length === 0) {
    return {
      text: credit.allDown(found)
        ? ct(lang, 'allDown')
        : noCompanyText(lang, credit.finders, country !== undefined, name),
    };
  }
  if (found.candidates.length === 1) {
    const report = await credit.report(found.lookupId, 0);
    return report
      ? reportReply(renderReport(report, lang))
      : { text: noCompanyText(lang, credit.finders, country !== undefined) };
  }
  return {
    text: ct(lang, 'choose'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: ct(lang, 'choose') } },
      {
        type: 'actions',
        elements: found.candidates.map((c, i) => ({
          type: 'button',
          action_id: `credit_pick_${i}`,
          value: `${found.lookupId}:${i}`,
          text: { type: 'plain_text', text: `${c.name}${c.country ? ` (${c.country})` : ''}`.slice(0, 75) },
        })),
      },
    ],
  };
}

export function registerSlackCredit(app: App, credit: CreditService): void {
  app.action(/^credit_pick_\d$/, async ({ ack, action, respond }) => {
    await ack();
    const pair = idPairValue(action);
    const lookup = pair ? await credit.candidatesOf(pair[0]) : undefined;
    const lang = detectLang(lookup?.query ?? '')?.lang ?? 'en';
    const report = pair && lookup ? await credit.report(pair[0], pair[1]) : undefined;
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      ...(report ? reportReply(renderReport(report, lang)) : { text: noCompanyText(lang, credit.finders, true) }),
    } as never);
  });
}
