import type { VerificationMethod } from '@pioneer/shared-types';
import { formatDateTime } from '../../../format/date-time';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 3月8日, in the phone's own time zone (the district's). */
export function formatDay(date: Date): string {
  return `${date.getMonth() + 1}月${date.getDate()}日`;
}

/** 3月8日 周六 */
export function formatDayWithWeekday(date: Date): string {
  return `${formatDay(date)} 周${WEEKDAYS[date.getDay()]}`;
}

export function formatClock(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** 3月8日 14:00–16:30; an end on another day names its day too; an open visit shows 未签退. */
export function formatRange(startIso: string, endIso: string | null): string {
  const start = new Date(startIso);
  if (Number.isNaN(start.getTime())) return startIso;
  const head = `${formatDay(start)} ${formatClock(start)}`;
  if (endIso === null) return `${head} 起，未签退`;
  const end = new Date(endIso);
  if (Number.isNaN(end.getTime())) return head;
  return `${head}–${sameDay(start, end) ? '' : `${formatDay(end)} `}${formatClock(end)}`;
}

/** How one end of a visit was verified, in words a worker reads at a glance. */
export const VERIFICATION_TEXT: Record<VerificationMethod, string> = {
  code: '扫码核验',
  geofence: '定位签到',
  worker: '工作者确认',
  offline: '离线记录',
};

export function verificationText(method: VerificationMethod | null): string {
  return method === null ? '未核验' : VERIFICATION_TEXT[method];
}

/** 2 小时 / 1.5 小时 */
export function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} 小时`;
}

export { formatDateTime };
