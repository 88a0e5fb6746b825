// Source links as every channel shows them: only plain http(s) URLs become links, and a passage's
// further sources are named by their host.

/** The URL when it is a plain http(s) link without characters that could break markup; else undefined. */
export function webUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s"<>|]+$/.test(url) ? url : undefined;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
