// The package is CommonJS without detectable named exports: Node's ESM loader only offers its default export.
import chineseDays from 'chinese-days';

/**
 * China's working days: weekends off, public holidays off, make-up workdays (调休) on, from the chinese-days package,
 * which is updated each year when the State Council publishes the next year's schedule. The district's own table
 * (calendar_days) overrides it, for a year the package does not know yet or a local change.
 */
export type DayOverrides = ReadonlyMap<string, boolean>;

const DAY_MS = 86_400_000;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, overrides: DayOverrides = new Map()): boolean {
  const own = overrides.get(day);
  return own !== undefined ? own : chineseDays.isWorkday(day);
}

/**
 * The deadline `workingDays` working days after `from` (YYYY-MM-DD). 0 means the same day, whatever day it is: an
 * urgent problem met on a Sunday is answered that Sunday. A year has at most ~20 consecutive days off, so the walk
 * is short.
 */
export function addWorkingDays(from: string, workingDays: number, overrides: DayOverrides = new Map()): string {
  let day = from;
  let left = workingDays;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, overrides)) left -= 1;
  }
  return day;
}
