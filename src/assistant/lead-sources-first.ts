// The passages a direct answer quotes come first under "Sources": asked Russia's import VAT for 2026,
// the reply quoted [3] and showed two passages on parallel import above it (issue 16). The documents
// keep their retrieval order within each group; the lead's citation numbers follow the new order.
import { leadOf, type LeadResult } from './lead.js';

export function leadSourcesFirst<H>(shown: readonly H[], selection: LeadResult): { shown: H[]; selection: LeadResult } {
  const lead = selection.lead;
  if (!lead) return { shown: [...shown], selection };
  // Quoted documents keep their retrieval order among themselves: the best-retrieved one stays [1].
  const numbers = shown.map((_, i) => i + 1);
  const order = [
    ...numbers.filter((n) => lead.citations.includes(n)),
    ...numbers.filter((n) => !lead.citations.includes(n)),
  ];
  // old number → new number
  const renumber = new Map(order.map((old, i) => [old, i + 1]));
  const to = (n: number) => renumber.get(n) ?? n;
  return {
    shown: order.map((old) => shown[old - 1]!),
    selection: {
      ...selection,
      lead: leadOf(lead.sentences.map((s) => ({ ...s, n: to(s.n) }))),
      bestByDoc: new Map([...selection.bestByDoc].map(([n, s]) => [to(n), { ...s, n: to(n) }])),
    },
  };
}
