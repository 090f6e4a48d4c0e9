/** Service hours: 1.5 → `1.5 小时`, 2 → `2 小时`. */
export function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} 小时`;
}

const HALF_HOUR_MS = 30 * 60 * 1000;

/** A duration in 0.5 h steps, halves up, as the backend rounds it (hours.ts roundToHalfHours); 0 for none. */
export function roundToHalfHours(ms: number): number {
  return ms <= 0 ? 0 : Math.round(ms / HALF_HOUR_MS) / 2;
}

/** A visit's real duration as the server proposes it: 0.5 h steps, halves up, never below 0.5 h. */
export function durationHours(startIso: string, end: string | number = Date.now()): number {
  const from = new Date(startIso).getTime();
  const to = typeof end === 'number' ? end : new Date(end).getTime();
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 0.5;
  return Math.max(0.5, roundToHalfHours(to - from));
}

/** How many hours a record shows: credited once confirmed; proposed and 待确认 while waiting — never a bare 0. */
export function recordHoursText(record: { status: string; hours: number; proposedHours: number }): string {
  switch (record.status) {
    case 'confirmed':
      return `计入 ${formatHours(record.hours)}`;
    case 'pending':
      return `申报 ${formatHours(record.proposedHours)} · 待确认`;
    case 'open':
      return '签退时申报时长';
    default:
      return '未计入时长';
  }
}

/** "今日还可记 2 小时", the words the server's refusal uses too. */
export function roomText(remaining: number): string {
  return `今日还可记 ${formatHours(remaining)}`;
}
