// A function's results kept by argument, for values asked again and again (a heading's markets, a word's
// matching keys); cleared when full, so memory stays bounded on any corpus.
export function boundedMemo<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    if (kept.has(key)) return kept.get(key)!;
    if (kept.size >= max) kept.clear();
    const value = compute(key);
    kept.set(key, value);
    return value;
  };
}
