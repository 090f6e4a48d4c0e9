/** The most one visit can credit in a day; the server applies its own (configurable, lower) daily cap on top. */
export const MAX_HOURS = 24;

/** Hours a worker vouches for: above 0, at most 24, in 0.5 steps (the server rejects anything else). */
export function parseHours(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value <= 0 || value > MAX_HOURS) return null;
  return Number.isInteger(value * 2) ? value : null;
}

export const HOURS_RULE = '请按 0.5 小时填写，如 1 或 1.5';
