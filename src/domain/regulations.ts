// EAEU technical regulations named in a text: "ТР ТС 004/2011", "TR CU 004", "技术法规 004",
// "020/2011". Used to tell a question about a regulation the knowledge base lacks, and to find the
// documents about the regulation a named product falls under.

const REGULATION =
  /(?:тр\s*(?:тс|еаэс)|техрегламент\S*|tr\s*(?:cu|eaeu|ts)|技术法规|技术规程)\s*(?:№\s*)?(\d{3})(?!\d)(?:\s*\/\s*(\d{4}))?|\b(0\d{2})\s*\/\s*(20\d{2})\b/giu;

/** The regulations (by number) a text names. */
export function namedRegulations(text: string): Array<{ number: string; year: string | undefined }> {
  const out = new Map<string, string | undefined>();
  for (const m of text.toLowerCase().matchAll(REGULATION)) {
    const number = m[1] ?? m[3];
    if (number && !out.has(number)) out.set(number, m[2] ?? m[4]);
  }
  return [...out].map(([number, year]) => ({ number, year }));
}
