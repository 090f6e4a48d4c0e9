/** A duration from an API `expiresIn` (seconds), in the largest whole unit people say: 72 小时, 30 分钟. */
export function formatDuration(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return `${seconds / 86_400} 天`;
  if (seconds >= 3600) return `${Math.round(seconds / 3600)} 小时`;
  return `${Math.max(1, Math.round(seconds / 60))} 分钟`;
}
