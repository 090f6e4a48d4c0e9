/** Service hours: 1.5 → `1.5 小时`, 2 → `2 小时`. */
export function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} 小时`;
}
