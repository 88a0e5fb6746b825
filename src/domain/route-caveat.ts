// What a route plan warns about, as data; i18n turns each into a sentence in the user's language.
export type Caveat =
  | { code: 'no-cost'; legs: string[]; container: string }
  | { code: 'mixed-currency' }
  | { code: 'co2-assumed-weight'; weightT: number; container: string }
  | { code: 'no-co2' }
  | { code: 'estimates' }
  | { code: 'gauge-change' }
  | { code: 'not-a-quote' }
  | { code: 'no-fob' }
  /** A time added up from legs beside the through service reported for the trip, or for the part of it
   * to `partTo` when the trip has none. */
  | { code: 'composed'; min: number; max: number; partTo?: Record<'en' | 'ru' | 'zh', string> }
  /** No through service for the trip is reported; one from another place of the origin's country to
   * the same destination is, as a yardstick (Jinan → Minsk for Qingdao → Minsk). */
  | { code: 'benchmark'; from: Record<'en' | 'ru' | 'zh', string>; min: number; max: number; year: number };
