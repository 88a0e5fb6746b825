// `/advisor route <from> <to> [cargo]` in Slack: the options posted in the channel with the map attached.
import type { App, RespondFn } from '@slack/bolt';
import { routeText } from '../../i18n/route-texts.js';
import type { Lang } from '../../domain/lang.js';
import { PlaceNotFoundError } from '../../tools/routes/plan-routes.js';
import { renderPlan, shortName } from '../../tools/routes/render-plan.js';
import { routeMapPng } from '../../tools/routes/route-map.js';
import { parseRouteArgs, type RouteService } from '../../tools/routes/route-service.js';
import { escapeMrkdwn } from './slack-format.js';

export async function slackRoute(
  routes: RouteService,
  client: App['client'],
  channel: string,
  args: string,
  lang: Lang,
  respond: RespondFn,
): Promise<void> {
  const parsed = parseRouteArgs(routes.network, args);
  if (!parsed)
    return void (await respond({
      response_type: 'ephemeral',
      text: routeText(lang, 'usage').replace('/route', '/advisor route'),
    }));
  try {
    const { plan } = await routes.plan(parsed.from, parsed.to, parsed.constraints);
    const text = escapeMrkdwn(renderPlan(plan, lang)).slice(0, 3900);
    if (!plan.options.length) return void (await respond({ response_type: 'ephemeral', text }));
    await client.filesUploadV2({
      channel_id: channel,
      file: routeMapPng(plan, lang),
      filename: 'route.png',
      title: `${shortName(plan.from.names[lang])} → ${shortName(plan.to.names[lang])}`,
      initial_comment: text,
    });
  } catch (err) {
    if (!(err instanceof PlaceNotFoundError)) throw err;
    await respond({ response_type: 'ephemeral', text: `${routeText(lang, 'unknownPlace')}: ${err.message}` });
  }
}
