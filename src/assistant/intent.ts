// What a message asks the assistant to do, as intent detection reads it: plan a route, check a company,
// hand the question to a lawyer, or none of these (the knowledge base answers).
import type { SeaPassage } from '../domain/sea-passages.js';
import type { TransportMode } from '../domain/transport-modes.js';
import type { CargoAsked } from './cargo-asked.js';

export type Intent =
  | {
      kind: 'route';
      from: string;
      to: string;
      via?: string;
      /** Crossings weighed against each other ("走满洲里还是二连浩特？"): a plan through each. */
      compareVia?: string[];
      modes?: TransportMode[];
      seaPassage?: SeaPassage;
      /** The container or part load and the weight the message names (cargo-asked.ts). */
      cargo?: CargoAsked;
      again?: boolean;
    }
  /** `aspect`: a question on the company's sanctions screening ("а по санкциям они чистые?"). */
  /** `lawyer`: the same message also asks for a lawyer ("проверьте ТОО «…» и дайте юриста"); `route`: a
   * trip it also asks about ("…и заодно маршрут Цзяочжоу → Москва"). */
  | {
      kind: 'credit';
      /** The name as written, or the registration number when the message gives no name. */
      company: string;
      country?: string;
      /** The registration number given beside a name ("ООО «…», ИНН 7701234567"): searched first. */
      registrationId?: string;
      aspect?: 'sanctions';
      lawyer?: true;
      route?: Extract<Intent, { kind: 'route' }>;
    }
  | { kind: 'lawyer' }
  | { kind: 'none' };
