import type { SelectOption } from '@/components/select-field';
import { formatDayWithWeekday } from '@/format/date-time';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const clock = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** Activities are planned up to half a year ahead. */
export const PLAN_DAYS = 180;
export const TIME_STEP_MINUTES = 15;

export function dateKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function timeKey(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const RELATIVE = ['今天', '明天', '后天'];

/**
 * From today on, labelled 3月8日 周六（明天）; `extra` days (an activity's own dates, perhaps past) are kept too, so
 * editing never loses a date that is no longer ahead.
 */
export function planDateOptions(today: Date, extra: readonly string[] = [], days = PLAN_DAYS): SelectOption[] {
  const out: SelectOption[] = [];
  const seen = new Set<string>();
  for (const key of extra) {
    const day = atLocalTime(key, '00:00');
    if (!day || seen.has(key) || day.getTime() >= new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime()) continue;
    seen.add(key);
    out.push({ value: key, label: formatDayWithWeekday(day, today) });
  }
  for (let ahead = 0; ahead < days; ahead += 1) {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() + ahead);
    const key = dateKey(day);
    if (seen.has(key)) continue;
    seen.add(key);
    const label = formatDayWithWeekday(day, today);
    out.push({ value: key, label: ahead < RELATIVE.length ? `${label}（${RELATIVE[ahead]}）` : label });
  }
  for (const key of extra) {
    const day = atLocalTime(key, '00:00');
    if (!day || seen.has(key)) continue;
    seen.add(key);
    out.push({ value: key, label: formatDayWithWeekday(day, today) });
  }
  return out;
}

/** 00:00, 00:15 … 23:45, plus any `extra` time an activity already has. */
export function planTimeOptions(extra: readonly string[] = [], step = TIME_STEP_MINUTES): SelectOption[] {
  const values = new Set<string>();
  for (let minutes = 0; minutes < 24 * 60; minutes += step) values.add(clock(minutes));
  for (const time of extra) if (/^\d{2}:\d{2}$/.test(time)) values.add(time);
  return Array.from(values)
    .sort()
    .map((value) => ({ value, label: value }));
}

/** The phone's local time on that day (the district's time zone); null for an unreadable value. */
export function atLocalTime(day: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  return new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
}

/** The months of a year as YYYY-MM, labelled 3月. */
export function monthOptions(year: number): SelectOption[] {
  return Array.from({ length: 12 }, (_, i) => ({ value: `${year}-${pad(i + 1)}`, label: `${i + 1}月` }));
}
