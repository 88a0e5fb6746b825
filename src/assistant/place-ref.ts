// A place of the route network a message names, where it stands in the message and as written there:
// intent detection reads its role in the trip from the words around it.
export interface PlaceRef {
  id: string;
  at: number;
  text: string;
  /** The network's kind of place (city, port, border-crossing…): a follow-up swaps like for like. */
  kind?: string;
}
