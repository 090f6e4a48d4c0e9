import { addWorkingDays, isWorkingDay } from './working-days.js';

describe('working days', () => {
  it('skips a weekend', () => {
    // Thursday 2026-12-03 + 3 working days: Fri 4, (Sat, Sun), Mon 7, Tue 8.
    expect(addWorkingDays('2026-12-03', 3)).toBe('2026-12-08');
  });

  it('skips the National Day holiday and counts its make-up Saturday', () => {
    // 2026: 1–7 October off; Saturday 10 October is a make-up workday.
    expect(isWorkingDay('2026-10-05')).toBe(false);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    // Wednesday 30 September + 3: Thu 1 Oct… off until 7; Thu 8, Fri 9, Sat 10 (调休).
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
  });

  it('same day for urgent, whatever the day', () => {
    expect(addWorkingDays('2026-10-03', 0)).toBe('2026-10-03');
  });

  it('13 working days across a holiday', () => {
    // From Friday 25 September 2026: Sep 28, 29, 30, Oct 8, 9, 10, 12, 13, 14, 15, 16, 19, 20.
    expect(addWorkingDays('2026-09-25', 13)).toBe('2026-10-20');
  });

  it('the district table overrides the package', () => {
    const overrides = new Map([
      ['2026-12-07', false],
      ['2026-12-05', true],
    ]);
    // Thu 3 + 3: Fri 4, Sat 5 (made a workday), (Mon 7 off), Tue 8.
    expect(addWorkingDays('2026-12-03', 3, overrides)).toBe('2026-12-08');
    expect(addWorkingDays('2026-12-03', 2, overrides)).toBe('2026-12-05');
    expect(isWorkingDay('2026-12-07', overrides)).toBe(false);
  });
});
