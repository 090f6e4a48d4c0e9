/** Character bigrams of a text with all whitespace removed (a single character counts as its own bigram). */
function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Jaccard similarity of the two texts' character bigrams, 0..1 (two empty texts: 0). */
export function bigramJaccard(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common += 1;
  return common / (x.size + y.size - common);
}

/** Descriptions this close are offered as "maybe the same problem" before a new one is recorded. */
export const SIMILAR_THRESHOLD = 0.3;

export function isSimilarText(a: string, b: string): boolean {
  return bigramJaccard(a, b) >= SIMILAR_THRESHOLD;
}
