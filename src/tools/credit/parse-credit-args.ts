// "<company words> [CC]" from a chat command: a trailing two-letter word is the country.
export function parseCreditArgs(text: string): { name: string; country: string | undefined } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1);
  if (words.length > 1 && last && /^[A-Za-z]{2}$/.test(last))
    return { name: words.slice(0, -1).join(' '), country: last.toUpperCase() };
  return { name: words.join(' '), country: undefined };
}
