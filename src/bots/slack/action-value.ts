// The value a Slack button carries comes back from Slack as any string a client sends: an id is
// read only when it is one (digits), so a forged or stale value is "not found", never a bad query.

/** The id in a button's value ("42"), or undefined when the value is not a plain number. */
export function idValue(action: unknown): number | undefined {
  const value = (action as { value?: unknown } | null)?.value;
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** Two ids in a button's value ("42:1"), or undefined. */
export function idPairValue(action: unknown): [number, number] | undefined {
  const value = (action as { value?: unknown } | null)?.value;
  const m = typeof value === 'string' ? /^(\d{1,15}):(\d{1,3})$/.exec(value) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}
