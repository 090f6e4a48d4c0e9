import { formatDateTime } from '../../../format/date-time';

const pad = (n: number): string => String(n).padStart(2, '0');

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `14:07`. */
export function formatClock(iso: string): string {
  const date = parse(iso);
  return date ? `${pad(date.getHours())}:${pad(date.getMinutes())}` : iso;
}

/** A visit's time span: `2026-03-05 14:07 – 16:30`, with the end date only when it differs. */
export function formatSpan(startIso: string, endIso: string | null): string {
  if (!endIso) return `${formatDateTime(startIso)} 开始`;
  const start = parse(startIso);
  const end = parse(endIso);
  const sameDay = start && end && start.toDateString() === end.toDateString();
  return `${formatDateTime(startIso)} – ${sameDay ? formatClock(endIso) : formatDateTime(endIso)}`;
}

/** Elapsed time in the words people say: 1 小时 20 分钟, 5 分钟. */
export function formatElapsed(fromIso: string, now: number = Date.now()): string {
  const from = parse(fromIso);
  if (!from) return '';
  const minutes = Math.max(0, Math.floor((now - from.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} 分钟`;
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`;
}

/** 1.5 → `1.5 小时`, 2 → `2 小时`. */
export function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} 小时`;
}

export { formatDateTime };
