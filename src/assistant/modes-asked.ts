// The transport modes and the sea passage a trip is asked by: the route plan shows those.
import { namedSeaPassage, type SeaPassage } from '../domain/sea-passages.js';
import { namedModes, type TransportMode } from '../domain/transport-modes.js';

/** The modes a trip is asked by ("sea freight", "по жд", "海运"): the plan shows those. "Ship" as a verb
 * ("ship to Almaty") names no mode. */
export function modesAsked(text: string): { modes?: TransportMode[]; seaPassage?: SeaPassage } {
  const modes = modesNamed(text);
  const passage = namedSeaPassage(text);
  return {
    ...(modes.length || passage ? { modes: passage && !modes.includes('sea') ? [...modes, 'sea'] : modes } : {}),
    ...(passage ? { seaPassage: passage } : {}),
  };
}

/** The modes a message names ("by truck", "морем", "空运"); "ship" as a verb names none. */
export function modesNamed(text: string): TransportMode[] {
  return namedModes(text.replace(/\bship\b/giu, ' '));
}
