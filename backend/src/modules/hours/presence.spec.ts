import { maskName } from './mask-name.js';
import { presenceCredit } from './presence.js';

const MIN = 60_000;
const start = new Date(Date.UTC(2026, 9, 10, 1, 0));
/** A planned activity of 100 minutes crediting 1.5 hours. */
const planned = (checkedInAt: Date | null, checkedOutAt: Date | null, creditedHours = 1.5) =>
  presenceCredit({
    startsAt: start,
    endsAt: new Date(start.getTime() + 100 * MIN),
    checkedInAt,
    checkedOutAt,
    creditedHours,
    presencePercent: 60,
  });
const at = (minutes: number) => new Date(start.getTime() + minutes * MIN);

describe('the presence rule', () => {
  it('credits nothing at 59.9 % of the planned time', () => {
    const result = planned(at(0), at(59.9));
    expect(result).toMatchObject({ credited: false, hours: 0, plannedMinutes: 100 });
    expect(result.presentMinutes).toBeCloseTo(59.9, 6);
  });

  it('credits the activity hours at exactly 60 %', () => {
    expect(planned(at(40), at(100))).toMatchObject({ credited: true, hours: 1.5, presentMinutes: 60 });
  });

  it('credits at 100 %, and with no times at all (a sheet without times means the planned ones)', () => {
    expect(planned(at(0), at(100))).toMatchObject({ credited: true, hours: 1.5, presentMinutes: 100 });
    expect(planned(null, null)).toMatchObject({ credited: true, hours: 1.5, presentMinutes: 100 });
  });

  it('clips a stay longer than planned to the planned window', () => {
    expect(planned(at(-45), at(200))).toMatchObject({ credited: true, presentMinutes: 100, hours: 1.5 });
    // Arriving early does not make up for leaving early: 30 of the planned 100 minutes.
    expect(planned(at(-60), at(30))).toMatchObject({ credited: false, presentMinutes: 30, hours: 0 });
  });

  it('caps the hours at the planned duration in half hours', () => {
    expect(planned(at(0), at(100), 4)).toMatchObject({ credited: true, hours: 1.5 });
  });

  it('a departure before the arrival, or before the start, is no presence', () => {
    expect(planned(at(50), at(20))).toMatchObject({ credited: false, presentMinutes: 0 });
    expect(planned(at(-30), at(-10))).toMatchObject({ credited: false, presentMinutes: 0 });
  });
});

describe('masking a name for the public verify page', () => {
  it.each([
    ['张建国', '张*国'],
    ['李明', '李*'],
    ['欧阳晓锋', '欧**锋'],
    ['王', '*'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
