import type { SelectOption } from '@/components/select-field';
import { formatDayWithWeekday } from '@/format/date-time';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A paper sign-in sheet may be entered late, but the server takes only the last 90 days. */
export const ON_BEHALF_DAYS = 90;
export const TIME_STEP_MINUTES = 15;

export function dateKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const RELATIVE = ['今天', '昨天', '前天'];

/** The last 90 days, newest first, labelled 3月8日 周六（今天）; typing 3月 or 周六 filters them. */
export function dateOptions(today: Date, days = ON_BEHALF_DAYS): SelectOption[] {
  return Array.from({ length: days }, (_, back) => {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back);
    const label = formatDayWithWeekday(day);
    return { value: dateKey(day), label: back < RELATIVE.length ? `${label}（${RELATIVE[back]}）` : label };
  });
}

/** 00:00, 00:15 … 23:45: a list chosen by tap or mouse (no wheel), narrowed by typing the hour. */
export function timeOptions(step = TIME_STEP_MINUTES): SelectOption[] {
  const out: SelectOption[] = [];
  for (let minutes = 0; minutes < 24 * 60; minutes += step) {
    const value = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
    out.push({ value, label: value });
  }
  return out;
}

/** The phone's local time on that day (the district's time zone) as a Date; null for an unreadable value. */
export function atLocalTime(day: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  return new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
}
