/**
 * The presence rule of an activity: the minutes someone was there, clipped to the planned window, and whether that is
 * enough to credit the activity's hours. Arrival and departure default to the planned start and end (a paper sheet
 * without times, or a departure never scanned); being early or staying late adds nothing.
 */
export interface PresenceInput {
  startsAt: Date;
  endsAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  /** The activity's hours for someone present long enough. */
  creditedHours: number;
  /** Percent of the planned duration that counts as present (config.activities.presencePercent). */
  presencePercent: number;
}

export interface PresenceResult {
  presentMinutes: number;
  plannedMinutes: number;
  credited: boolean;
  /** What the ledger gets: the activity's hours, capped at the planned duration (0.5 steps); 0 when not credited. */
  hours: number;
}

export function presenceCredit(input: PresenceInput): PresenceResult {
  const start = input.startsAt.getTime();
  const end = input.endsAt.getTime();
  const planned = Math.max(0, end - start);
  const from = Math.max(start, (input.checkedInAt ?? input.startsAt).getTime());
  const to = Math.min(end, (input.checkedOutAt ?? input.endsAt).getTime());
  const present = Math.max(0, to - from);
  // Whole milliseconds on both sides: 59.9 % stays short of 60 %, exactly 60 % is enough.
  const credited = planned > 0 && present * 100 >= input.presencePercent * planned;
  const cap = Math.floor((planned / 3_600_000) * 2) / 2;
  return {
    presentMinutes: present / 60_000,
    plannedMinutes: planned / 60_000,
    credited,
    hours: credited ? Math.min(input.creditedHours, cap) : 0,
  };
}
