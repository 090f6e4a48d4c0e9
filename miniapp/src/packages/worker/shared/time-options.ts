import type { SelectOption } from '@/components/select-field';
import { formatDayWithWeekday } from '@/format/date-time';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const clock = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** A paper sign-in sheet may be entered late, but the server takes only the last 90 days. */
export const ON_BEHALF_DAYS = 90;
/** Fine enough that the default end (now, rounded down) is one of the choices. */
export const TIME_STEP_MINUTES = 5;
/** A paper sheet usually records a visit of about an hour, just ended: the first guess for the start. */
export const DEFAULT_VISIT_MINUTES = 60;

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

/** 00:00, 00:05 … 23:55: a list chosen by tap or mouse (no wheel), narrowed by typing the hour. */
export function timeOptions(step = TIME_STEP_MINUTES): SelectOption[] {
  const out: SelectOption[] = [];
  for (let minutes = 0; minutes < 24 * 60; minutes += step) {
    const value = clock(minutes);
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

/**
 * Where the pickers start: the end at now (rounded down to the step, so it is never in the future) and the start an
 * hour before, never the meaningless 00:00. Just after midnight the sheet is from last evening: the day before.
 */
export function defaultTimes(now: Date, step = TIME_STEP_MINUTES): { day: string; startTime: string; endTime: string } {
  const minutes = Math.floor((now.getHours() * 60 + now.getMinutes()) / step) * step;
  if (minutes - DEFAULT_VISIT_MINUTES > 0) {
    return { day: dateKey(now), startTime: clock(minutes - DEFAULT_VISIT_MINUTES), endTime: clock(minutes) };
  }
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  const lastStep = 24 * 60 - step;
  return { day: dateKey(yesterday), startTime: clock(lastStep - DEFAULT_VISIT_MINUTES), endTime: clock(lastStep) };
}
