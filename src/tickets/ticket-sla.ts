// Where a ticket stands against its SLA, as the staff console's queue shows it. The same timers as
// TicketService.slaSweep: unclaimed past the claim time is overdue, raised to the supervisors when
// the sweep did so; an answered ticket waits for the exporter until they write back.
export type SlaState = 'ok' | 'due' | 'escalated' | 'waiting' | 'none';

export interface SlaFacts {
  status: string;
  offeredAt: Date | null;
  supervisedAt: Date | null;
  answeredAt: Date | null;
  lastUserReplyAt: Date | null;
}

export function slaState(t: SlaFacts, now: Date, claimMinutes: number): SlaState {
  switch (t.status) {
    case 'new':
    case 'offered': {
      if (t.supervisedAt) return 'escalated';
      const since = t.offeredAt ?? now;
      return (now.getTime() - since.getTime()) / 60_000 >= claimMinutes ? 'due' : 'ok';
    }
    case 'claimed':
      return 'ok';
    case 'answered':
      return t.lastUserReplyAt && t.answeredAt && t.lastUserReplyAt > t.answeredAt ? 'ok' : 'waiting';
    default:
      return 'none';
  }
}
