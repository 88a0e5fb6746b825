// GET/POST JSON with a deadline. A failure is a ProviderError that says which provider and what went
// wrong in words (never the key), carries its kind and HTTP status as fields for code to act on,
// and keeps the underlying error as its cause for the logs.
export type ProviderErrorKind =
  'timeout' | 'unreachable' | 'http-status' | 'not-json' | 'unexpected-response' | 'not-found';

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly provider: string;
  readonly kind: ProviderErrorKind;
  readonly status: number | undefined;

  constructor(
    message: string,
    details: { provider: string; kind: ProviderErrorKind; status?: number | undefined; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.provider = details.provider;
    this.kind = details.kind;
    this.status = details.status;
  }
}

export async function fetchJson(
  url: string,
  init: RequestInit & { signal: AbortSignal },
  provider: string,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
  } catch (err) {
    const name = (err as Error).name;
    const timeout = name === 'TimeoutError' || name === 'AbortError';
    throw new ProviderError(timeout ? `${provider} did not answer in time` : `${provider} is unreachable`, {
      provider,
      kind: timeout ? 'timeout' : 'unreachable',
      cause: err,
    });
  }
  if (res.status === 404) return undefined;
  if (!res.ok)
    throw new ProviderError(`${provider} answered HTTP ${res.status}`, {
      provider,
      kind: 'http-status',
      status: res.status,
    });
  try {
    return await res.json();
  } catch (err) {
    throw new ProviderError(`${provider} sent a response that is not JSON`, { provider, kind: 'not-json', cause: err });
  }
}
