// What a message asks the assistant to *do*, recognised without a model in Russian, Chinese and
// English: plan a route between two places, check a company, or hand the question to a lawyer.
// Look-alikes stay questions: "what is the rail gauge in Kazakhstan" names a country but asks for no
// transport, "что такое ТОО" names a legal form but no company, "юрист сказал…" reports a lawyer.
// Measured on evals/datasets/intents.jsonl (precision and recall per intent, gated in npm test).

import { cargoAsked } from './cargo-asked.js';
import { companyIn, hasLegalForm } from './company-names.js';
import { ASKS_SANCTIONS, CREDIT_CUE, creditIntent } from './credit-intent.js';
import { isLawyerRequest } from './lawyer-request.js';
import { routeIntent } from './route-intent.js';
import { tripClause } from './trip-clause.js';
import type { Intent } from './intent.js';
import type { PlaceRef } from './place-ref.js';

export function detectIntent(text: string, places: readonly PlaceRef[] = []): Intent {
  const found = creditIntent(text);
  // A message that asks both to check a named company and for a lawyer gets both: the report, and the
  // offer to escalate (trial 7: "проверьте ТОО … и нужен юрист по договору" got only the lawyer).
  if (isLawyerRequest(text))
    return found?.kind === 'credit' && CREDIT_CUE.test(text) ? { ...found, lawyer: true } : { kind: 'lawyer' };
  // A named company with a check word is a credit question even when its name holds a city
  // ("verify Tashkent Textile Group LLC before we ship").
  const credit =
    found?.kind === 'credit' && ASKS_SANCTIONS.test(text) ? { ...found, aspect: 'sanctions' as const } : found;
  if (credit?.kind === 'credit' && hasLegalForm(text)) {
    // The clause that names the company, by its name or by its number, is the company's, not a trip's.
    const route = tripClause(
      text,
      places,
      [credit.company, companyIn(text)].filter((c): c is string => Boolean(c)),
    );
    return route ? { ...credit, route } : credit;
  }
  const route = routeIntent(text, places);
  if (route?.kind === 'route') {
    const cargo = cargoAsked(text);
    return Object.keys(cargo).length ? { ...route, cargo } : route;
  }
  return route ?? credit ?? { kind: 'none' };
}
