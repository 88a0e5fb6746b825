// What a route plan warns about, as data; i18n turns each into a sentence in the user's language.
/** A leg named in a caveat. */
export interface CaveatLeg {
  /** "Qingdao–Moscow", in English (the renderer puts the places in the reader's language). */
  places: string;
  mode: 'rail' | 'sea' | 'road' | 'air';
  /** A sea passage ("Suez"): Qingdao → St Petersburg has a figure by Suez and none by the Northern Sea Route. */
  crossing?: string;
}
export type Caveat =
  /** Legs without a cost figure, each with its mode: "no cost for Qingdao–Moscow" under a rail price for
   * Qingdao–Moscow read as a contradiction when the air leg was meant. */
  | { code: 'no-cost'; legs: CaveatLeg[]; container: string }
  | { code: 'mixed-currency' }
  | { code: 'co2-assumed-weight'; weightT: number; container: string }
  /** Legs without a distance or an emission factor: the option shows no CO₂ while others may. */
  | { code: 'no-co2'; legs: CaveatLeg[] }
  | { code: 'estimates' }
  | { code: 'gauge-change' }
  | { code: 'not-a-quote' }
  | { code: 'no-fob' }
  /** A time added up from legs beside the through service reported for the trip, or for the part of it
   * to `partTo` when the trip has none. */
  | { code: 'composed'; min: number; max: number; partTo?: Record<'en' | 'ru' | 'zh', string> }
  /** No through service for the trip is reported; one from another place of the origin's country to
   * the same destination is, as a yardstick (Jinan → Minsk for Qingdao → Minsk). */
  | { code: 'benchmark'; from: Record<'en' | 'ru' | 'zh', string>; min: number; max: number; year: number }
  /** A through service for the trip asked through a place, whose sources do not say which crossing it takes:
   * shown beside the legs through that place, whose sum leaves out terminal time and has no price. */
  | { code: 'crossing-not-stated'; via: Record<'en' | 'ru' | 'zh', string> };
