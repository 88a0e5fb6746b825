// "<company words> [CC]" from a chat command: a trailing two-letter word is the country. A registration
// number given with its kind ("/credit ИНН 7701234567", "/credit BIN 000000000001") is searched as the
// number, in the country its kind says unless one is given.
import { creditQuery } from '../../domain/registration-ids.js';

export function parseCreditArgs(text: string): { name: string; country: string | undefined } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1);
  const given = words.length > 1 && last && /^[A-Za-z]{2}$/.test(last) ? last.toUpperCase() : undefined;
  const rest = given ? words.slice(0, -1).join(' ') : words.join(' ');
  return creditQuery(rest, given);
}
