/** Reads `?id=` (or another key) once the page has loaded: undefined until then, null when absent. */
export function queryValue(options: Record<string, string | undefined>, key: string): string | null {
  const value = options[key];
  return value ? decodeURIComponent(value) : null;
}
