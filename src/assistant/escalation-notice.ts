// What a user who may need a lawyer is told, by channel. Telegram and Slack put the proposal to the
// user with a button to confirm; the command line and the web console cannot take a "yes", so they
// say where a ticket is opened instead of asking "Hand it over?" and answering the "yes" with passages.
import type { Lang } from '../domain/lang.js';
import { t } from '../i18n/messages.js';
import type { Turn } from './types.js';

export function canConfirmEscalation(channel: Turn['channel']): boolean {
  return channel === 'telegram' || channel === 'slack';
}

export function escalationNotice(channel: Turn['channel'], lang: Lang): string {
  return t(lang, canConfirmEscalation(channel) ? 'escalationOffer' : 'escalationWhere');
}
