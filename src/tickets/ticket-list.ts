// Open tickets as lines with age and owner, for `advisor tickets`, `/advisor tickets` and App Home,
// in the reader's language (statuses included).
import type { Lang } from '../domain/lang.js';
import { ticketListText } from '../i18n/ticket-list-texts.js';
import type { Ticket } from './ticket-repo.js';

export function ticketList(
  tickets: readonly Ticket[],
  now: Date,
  owner: (userId: string) => string = (id) => id,
  lang: Lang = 'en',
): string {
  const w = ticketListText(lang);
  if (tickets.length === 0) return w.none;
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, useGrouping: false });
  return tickets
    .map((t) =>
      w.line({
        id: t.id,
        status: w.status[t.status] ?? t.status,
        area: t.practiceArea,
        lang: t.lang,
        hours: number.format((now.getTime() - t.createdAt.getTime()) / 3_600_000),
        owner: t.claimedBy ? owner(t.claimedBy) : '—',
      }),
    )
    .join('\n');
}
