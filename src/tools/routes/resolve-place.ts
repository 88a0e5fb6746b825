// Place names in Chinese, Russian or English (and their common variants) → one network node.
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
