// Whether Bolt will recognise a signed Slack request: Bolt answers what it knows (an event, a
// command, an action, options, a shortcut, a view, url_verification) and, for anything else, logs
// "could not determine the type" and never acknowledges it — the request then waits 3 s and Bolt
// logs an error. A request of an unknown kind is answered here instead (slack-http-guard.ts).

const KNOWN_TYPES = new Set([
  'url_verification',
  'block_suggestion',
  'dialog_submission',
  'shortcut',
  'message_action',
  'workflow_step_edit',
  'view_submission',
  'view_closed',
]);

/** The payload of a request body as Bolt reads it: JSON, or a form whose `payload` field is JSON. */
export function slackPayloadOf(raw: string, contentType: string): unknown {
  try {
    if (contentType.startsWith('application/json')) return JSON.parse(raw);
    const form = new URLSearchParams(raw);
    const payload = form.get('payload');
    return payload !== null ? JSON.parse(payload) : Object.fromEntries(form);
  } catch {
    // Not parseable: Bolt refuses it itself (400), so it counts as known here.
    return undefined;
  }
}

/** Whether Bolt recognises this payload (the same test as Bolt's own, in the order it applies it). */
export function boltKnows(payload: unknown): boolean {
  if (payload === undefined) return true;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return false;
  const p = payload as Record<string, unknown>;
  if (p.ssl_check !== undefined) return true;
  if (p.event !== undefined || p.command !== undefined || p.name !== undefined || p.actions !== undefined) return true;
  return typeof p.type === 'string' && KNOWN_TYPES.has(p.type);
}
