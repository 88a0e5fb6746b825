// Place names in Chinese, Russian or English (and their common variants) → one network node.
import { editDistance } from '../../domain/edit-distance.js';
import { nameKey } from '../credit/normalize-name.js';
import type { Network, NetworkNode } from './network-schema.js';

function keys(n: NetworkNode): string[] {
  return [n.id, n.names.en, n.names.ru, n.names.zh, ...n.aliases].map((s) => nameKey(s).replace(/\s/g, ''));
}

export function resolvePlace(net: Network, text: string): NetworkNode | undefined {
  const k = nameKey(text).replace(/\s/g, '');
  if (!k) return undefined;
  return (
    net.nodes.find((n) => keys(n).includes(k)) ??
    net.nodes.find((n) => keys(n).some((x) => x.length >= 4 && (x.startsWith(k) || k.startsWith(x))))
  );
}

/**
 * The places nearest to a name that resolves to none, nearest first: compared across scripts
 * through the same transliterated keys, so "Алмата", "Almati" and "阿拉木" all find Almaty.
 */
export function suggestPlaces(net: Network, text: string, max = 3): NetworkNode[] {
  const k = nameKey(text).replace(/\s/g, '');
  if (!k) return [];
  return (
    net.nodes
      .map((n) => {
        const distance = Math.min(
          ...keys(n).map((x) => {
            const prefix = Math.min(k.length, x.length) >= 3 && (x.startsWith(k) || k.startsWith(x));
            const d = prefix ? Math.abs(x.length - k.length) / 2 : editDistance(k, x);
            return d / Math.max(k.length, x.length, 1);
          }),
        );
        return { n, distance };
      })
      .filter((x) => x.distance <= 0.34)
      .sort((a, b) => a.distance - b.distance)
      // Only names about as close as the best one: a clear match is not diluted by far ones.
      .filter((x, _i, all) => x.distance <= all[0]!.distance + 0.1)
      .slice(0, max)
      .map((x) => x.n)
  );
}
