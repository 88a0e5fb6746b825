// What the vector index needs from an embedding model.
export interface Embedder {
  /** Identifies model and settings; vectors from different ids are never mixed in one index. */
  readonly id: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

export function l2normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}
