const HALF_HOUR_MS = 30 * 60 * 1000;
/** China keeps one offset all year (no daylight saving), so the calendar day is a fixed shift from UTC. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Duration to hours in 0.5 h steps, rounding to the nearest step with halves going up:
 * under 15 min → 0, exactly 15 min → 0.5 h, 44:59 → 0.5 h, 45:00 → 1 h.
 */
export function roundToHalfHours(ms: number): number {
  if (ms <= 0) return 0;
  return Math.round(ms / HALF_HOUR_MS) / 2;
}

/** What is left of the daily allowance after the hours already counted that day (never below 0). */
export function capToDay(hours: number, alreadyThatDay: number, maxPerDay: number): number {
  const room = Math.max(0, maxPerDay - alreadyThatDay);
  // Room is itself a multiple of 0.5 because every stored figure is; floor keeps it so even if one is not.
  return Math.min(hours, Math.floor(room * 2) / 2);
}

export function isHalfHourStep(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value * 2 - Math.round(value * 2)) < 1e-9;
}

/** The calendar day (YYYY-MM-DD) in Asia/Shanghai that an instant falls on. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** What a member proposes unless they say otherwise: the real duration in 0.5 h steps, never less than 0.5 h. */
export function defaultProposedHours(ms: number): number {
  return Math.max(0.5, roundToHalfHours(ms));
}

/** What may still be recorded on a day after the hours already counted (a 0.5 h multiple, never below 0). */
export function roomOfDay(alreadyThatDay: number, maxPerDay: number): number {
  return capToDay(maxPerDay, alreadyThatDay, maxPerDay);
}

/** HH:MM of an instant in Asia/Shanghai, for messages that name a visit's times. */
export function shanghaiClock(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant a Shanghai calendar day (YYYY-MM-DD) begins. */
export function shanghaiDayStart(date: string): Date {
  return new Date(new Date(`${date}T00:00:00.000Z`).getTime() - SHANGHAI_OFFSET_MS);
}
