/** For @Transform: a string input without its surrounding spaces; anything else as it came (the validators judge it). */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A calendar day as the API speaks it: YYYY-MM-DD with a real month and day-of-month range. */
export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
