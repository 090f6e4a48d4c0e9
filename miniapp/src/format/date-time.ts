const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-03-05 14:07` in the phone's (or browser's) time zone; text that is not a date is shown as it came. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
