// Dates and times as people here say them, in the phone's (or browser's) time zone — the district's.
const pad = (n: number): string => String(n).padStart(2, '0');
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** `2026-03-05 14:07`; text that is not a date is shown as it came. */
export function formatDateTime(iso: string): string {
  const date = toDate(iso);
  if (!date) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `14:07`. */
export function formatClock(value: string | Date): string {
  const date = toDate(value);
  return date ? `${pad(date.getHours())}:${pad(date.getMinutes())}` : String(value);
}

/** `3月8日`; a day of another year names the year: `2025年3月8日`. */
export function formatDay(date: Date, now: Date = new Date()): string {
  const day = `${date.getMonth() + 1}月${date.getDate()}日`;
  return date.getFullYear() === now.getFullYear() ? day : `${date.getFullYear()}年${day}`;
}

/** `3月8日 周六`. */
export function formatDayWithWeekday(date: Date, now: Date = new Date()): string {
  return `${formatDay(date, now)} 周${WEEKDAYS[date.getDay()]}`;
}

/** A visit's span: `3月8日 14:00–16:30`; an end on another day names its day too; an open visit says 未签退. */
export function formatSpan(startIso: string, endIso: string | null, now: Date = new Date()): string {
  const start = toDate(startIso);
  if (!start) return startIso;
  const head = `${formatDay(start, now)} ${formatClock(start)}`;
  if (endIso === null) return `${head} 起，未签退`;
  const end = toDate(endIso);
  if (!end) return head;
  return `${head}–${sameDay(start, end) ? '' : `${formatDay(end, now)} `}${formatClock(end)}`;
}

/** Elapsed time in the words people say: 1 小时 20 分钟, 5 分钟. */
export function formatElapsed(fromIso: string, now: number = Date.now()): string {
  const from = toDate(fromIso);
  if (!from) return '';
  const minutes = Math.max(0, Math.floor((now - from.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} 分钟`;
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`;
}
