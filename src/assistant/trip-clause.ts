// The trip a message asks in a clause of its own, beside a company check or in the question a follow-up
// continues: each clause is read alone as a route question.
import type { Intent } from './intent.js';
import type { PlaceRef } from './place-ref.js';
import { routeIntent } from './route-intent.js';

// Where a message that checks a company goes on to another request: "…, и заодно маршрут …", "; also …", "另外…".
const CLAUSE =
  /[,;，；。]|\s(?:и(?:\s+заодно|\s+ещё|\s+еще)?|а\s+также|плюс|and(?:\s+also)?|also|plus)\s|另外|顺便|还有|并且|和/giu;

/** A trip asked in a clause of its own beside a company check ("Проверь ООО «…» из Новосибирска, и заодно
 * маршрут Цзяочжоу → Москва"; trial 8 ran only the check): the clause without the company is read alone,
 * so the company's city is not taken for the origin. */
export function tripClause(
  text: string,
  places: readonly PlaceRef[],
  company: readonly string[],
): Extract<Intent, { kind: 'route' }> | undefined {
  const cuts = [0, ...[...text.matchAll(CLAUSE)].map((m) => m.index!), text.length];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    const clause = text.slice(start, end);
    if (company.some((c) => clause.includes(c))) continue;
    // The resolver gives each place once, where it first stands (often inside the company's name: «Сэмпл
    // Москва Упаковка»); the clause is searched for the same spelling.
    const inside = places
      .map((p) => ({ ...p, at: clause.toLowerCase().indexOf(p.text.toLowerCase()) }))
      .filter((p) => p.at >= 0)
      .sort((a, b) => a.at - b.at);
    const trip = routeIntent(clause, inside);
    if (trip?.kind === 'route') return trip;
  }
  return undefined;
}
