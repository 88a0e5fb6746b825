// Open tickets as lines with age and owner, for `advisor tickets`, `/advisor tickets` and App Home.
import type { Ticket } from './ticket-repo.js';

export function ticketList(
  tickets: readonly Ticket[],
  now: Date,
  owner: (userId: string) => string = (id) => id,
): string {
  if (tickets.length === 0) return 'No open legal tickets.';
  return tickets
    .map((t) => {
      const ageH = Math.round((now.getTime() - t.createdAt.getTime()) / 360_000) / 10;
      return `#${t.id} · ${t.status} · ${t.practiceArea} · ${t.lang} · age ${ageH} h · owner ${t.claimedBy ? owner(t.claimedBy) : '—'}`;
    })
    .join('\n');
}
