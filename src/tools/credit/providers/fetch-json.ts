// GET/POST JSON with a deadline; a provider's error says which provider and what went wrong,
// never the key.
export class ProviderError extends Error {}

export async function fetchJson(
  url: string,
  init: RequestInit & { signal: AbortSignal },
  provider: string,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
  } catch (err) {
    const e = err as Error;
    throw new ProviderError(
      e.name === 'TimeoutError' || e.name === 'AbortError'
        ? `${provider} did not answer in time`
        : `${provider} is unreachable`,
    );
  }
  if (res.status === 404) return undefined;
  if (!res.ok) throw new ProviderError(`${provider} answered HTTP ${res.status}`);
  try {
    return await res.json();
  } catch {
    throw new ProviderError(`${provider} sent a response that is not JSON`);
  }
}
