const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** 2025-03-08 14:05 in the phone's own time zone; an unreadable value is shown as it came. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
