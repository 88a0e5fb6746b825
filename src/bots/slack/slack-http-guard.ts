// In front of Bolt's receiver at POST /slack/events: the body is read by the one bounded reader
// (Bolt reuses it as `rawBody`), only the two media types Slack sends are accepted (415), and a
// request whose timestamp is more than five minutes from now — in the past or in the future — is
// refused (401) before its signature is even looked at. Bolt's own check refuses only old ones.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, type RequestContext } from '../../http-kit/http-server.js';
import { readBody } from '../../http-kit/read-body.js';
import { boltKnows, slackPayloadOf } from './slack-payload-kind.js';

export const SLACK_BODY_LIMIT = 1024 * 1024;
export const SLACK_MAX_SKEW_SECONDS = 5 * 60;
const SLACK_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;

export function guardedSlackRoute(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
  now: () => number = Date.now,
): (ctx: RequestContext) => Promise<void> {
  return async ({ req, res, log }) => {
    const refuse = (status: number, problem: string) => {
      log.warn({ status, problem }, 'slack request refused');
      return new HttpError(status, problem);
    };
    // Unsigned requests go on to Bolt, which answers Slack's ssl_check and refuses the rest.
    const signed = req.headers['x-slack-signature'] !== undefined;
    if (signed) {
      const header = req.headers['x-slack-request-timestamp'];
      const ts = typeof header === 'string' && /^\d{1,12}$/.test(header) ? Number(header) : undefined;
      if (ts === undefined) throw refuse(401, 'no request timestamp');
      if (Math.abs(now() / 1000 - ts) > SLACK_MAX_SKEW_SECONDS) throw refuse(401, 'request timestamp out of range');
    }
    let body: Buffer;
    try {
      body = await readBody(req, { limit: SLACK_BODY_LIMIT, types: SLACK_TYPES });
    } catch (err) {
      if (err instanceof HttpError) throw refuse(err.status, err.message);
      throw err;
    }
    // A signed request Bolt would not recognise is answered here: Bolt would neither answer nor
    // acknowledge it (its 3-second error), and Slack would send it again.
    if (signed && !boltKnows(slackPayloadOf(body.toString('utf8'), String(req.headers['content-type'] ?? '')))) {
      log.warn({ status: 200 }, 'slack request of an unknown kind dropped');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('');
      return;
    }
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    listener(req, res);
  };
}
