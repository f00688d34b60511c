/** The 32-bit FNV-1a hash of a string's UTF-16 code units, unsigned: seeds from names, quick key comparisons. */
export function fnv1a(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash;
}
