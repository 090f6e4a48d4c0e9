/**
 * A name as the public verify page shows it: the first and last characters kept, the ones between starred (张*明,
 * 欧阳**锋); a two-character name keeps its first (李*). Enough to match a certificate in hand, not to find a person.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
