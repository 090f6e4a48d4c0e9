/**
 * The community a scanned check-in code is for (`v1.<communityId>.<slot>.<mac>`), or null when the text is not a
 * check-in code at all. Only used to avoid keeping a doomed record while offline; the server decides everything else.
 */
export function communityOfCode(code: string): string | null {
  const parts = code.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return null;
  return parts[1] || null;
}
