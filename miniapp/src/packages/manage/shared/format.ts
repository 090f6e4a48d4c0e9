const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-03-05 14:07` in the viewer's time zone; the raw text when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A duration from an API `expiresIn` (seconds), in the largest whole unit people say: 72 小时, 30 分钟. */
export function formatDuration(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return `${seconds / 86_400} 天`;
  if (seconds >= 3600) return `${Math.round(seconds / 3600)} 小时`;
  return `${Math.max(1, Math.round(seconds / 60))} 分钟`;
}
