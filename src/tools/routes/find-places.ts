// Places of the route network named anywhere in a message, in any script and case form ("в Москву",
// "из Циндао", "青岛到阿拉木图", "Alma-Ata"), in the order they appear. Used to recognise a route
// question without a model.
import type { Network, NetworkNode } from './network-schema.js';

export interface PlaceMention {
  node: NetworkNode;
  /** Character offset in the message. */
  at: number;
  /** The text as written. */
  text: string;
}

interface Key {
  node: NetworkNode;
  key: string;
  script: 'han' | 'cyrillic' | 'latin';
}

const VOWEL_END = /[аеёиоуыэюяйь]$/;
// Word boundaries for Latin and Cyrillic names: a Chinese character next to "Qingdao" is not part of it.
const LETTER = /[A-Za-zА-Яа-яЁё0-9]/;

function names(node: NetworkNode): string[] {
  // "Qingdao (Jiaozhou, SCODA)" names three places the user may write.
  const all = [node.id, node.names.en, node.names.ru, node.names.zh, ...node.aliases];
  return all
    .flatMap((n) => n.split(/[()（），,/]/))
    .map((n) => n.trim().toLowerCase().replace(/ё/g, 'е'))
    .filter((n) => n.length >= 2);
}

const keysCache = new WeakMap<Network, Key[]>();

function keysOf(net: Network): Key[] {
  let keys = keysCache.get(net);
  if (keys) return keys;
  keys = [];
  for (const node of net.nodes) {
    for (const name of new Set(names(node))) {
      const script = /\p{Script=Han}/u.test(name) ? 'han' : /\p{Script=Cyrillic}/u.test(name) ? 'cyrillic' : 'latin';
      // Russian case endings: "Москва" is also "Москву", "Москвы"; the stem is matched.
      const key = script === 'cyrillic' && name.length >= 5 && VOWEL_END.test(name) ? name.slice(0, -1) : name;
      // Two-letter Russian names (Ош) are kept; they must stand as a word of their own (checked below).
      if (script === 'latin' && key.length < 3) continue;
      keys.push({ node, key, script });
    }
  }
  // Longest first, so "санкт-петербург" wins over "петербург" at the same place.
  keys.sort((a, b) => b.key.length - a.key.length);
  keysCache.set(net, keys);
  return keys;
}

export function findPlaces(net: Network, message: string): PlaceMention[] {
  const text = message.toLowerCase().replace(/ё/g, 'е');
  const taken = new Array<boolean>(text.length).fill(false);
  const found: PlaceMention[] = [];
  for (const { node, key, script } of keysOf(net)) {
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      const end = at + key.length;
      if (taken.slice(at, end).some(Boolean)) continue;
      if (script !== 'han') {
        if (at > 0 && LETTER.test(text[at - 1]!)) continue;
        // Latin names stand alone; Cyrillic stems take an ending of up to three letters.
        let stop = end;
        if (script === 'cyrillic' && key.length > 2)
          while (stop < text.length && stop - end < 3 && /[а-я]/.test(text[stop]!)) stop++;
        if (stop < text.length && LETTER.test(text[stop]!)) continue;
      }
      for (let i = at; i < end; i++) taken[i] = true;
      found.push({ node, at, text: message.slice(at, end) });
    }
  }
  found.sort((a, b) => a.at - b.at);
  // One mention per place, the first.
  return found.filter((m, i) => found.findIndex((x) => x.node.id === m.node.id) === i);
}

/** The mentions as the assistant reads them: which place, where in the message, as written, of what kind. */
export function placeRefs(
  net: Network,
  message: string,
): Array<{ id: string; at: number; text: string; kind: string }> {
  return findPlaces(net, message).map((m) => ({ id: m.node.id, at: m.at, text: m.text, kind: m.node.kind }));
}
