import { capToDay, isHalfHourStep, roundToHalfHours, shanghaiDate } from './hours.js';
import { haversineMetres } from './geo.js';

const MIN = 60_000;

describe('service hours', () => {
  it.each([
    [0, 0],
    [14 * MIN + 59_999, 0],
    [15 * MIN, 0.5],
    [44 * MIN + 59_999, 0.5],
    [45 * MIN, 1],
    [8 * 60 * MIN, 8],
    [-5 * MIN, 0],
  ])('rounds %i ms to %d h (nearest half hour, halves up)', (ms, hours) => {
    expect(roundToHalfHours(ms)).toBe(hours);
  });

  it('caps to what is left of the day, never below zero', () => {
    expect(capToDay(3, 6, 8)).toBe(2);
    expect(capToDay(3, 8, 8)).toBe(0);
    expect(capToDay(3, 9, 8)).toBe(0);
    expect(capToDay(1.5, 0, 8)).toBe(1.5);
  });

  it('knows half-hour steps', () => {
    expect([0.5, 1, 7.5].every(isHalfHourStep)).toBe(true);
    expect([0.3, 1.25, Number.NaN].some(isHalfHourStep)).toBe(false);
  });

  it('counts the day in Asia/Shanghai', () => {
    expect(shanghaiDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('measures great-circle distances in metres', () => {
    const a = { lat: 41.7965, lng: 123.4312 };
    expect(haversineMetres(a, a)).toBe(0);
    expect(Math.round(haversineMetres(a, { lat: a.lat + 0.009, lng: a.lng }))).toBe(1001);
  });
});

describe('proposed hours', () => {
  it('default to the real duration, at least 0.5 h, and the room of a day is a half-hour multiple', async () => {
    const { defaultProposedHours, roomOfDay, shanghaiClock, shanghaiDayStart } = await import('./hours.js');
    expect(defaultProposedHours(2 * 60_000)).toBe(0.5);
    expect(defaultProposedHours(0)).toBe(0.5);
    expect(defaultProposedHours(100 * 60_000)).toBe(1.5);
    expect(roomOfDay(6.5, 8)).toBe(1.5);
    expect(roomOfDay(9, 8)).toBe(0);
    expect(shanghaiClock(new Date('2026-03-05T01:30:00Z'))).toBe('09:30');
    expect(shanghaiDayStart('2026-03-05').toISOString()).toBe('2026-03-04T16:00:00.000Z');
  });

  it('need a reason above the duration and are flagged then; steps and the cap are checked', async () => {
    const { proposalFor } = await import('./hours-rules.js');
    expect(proposalFor(2 * 60_000, undefined, undefined, 8)).toEqual({ hours: 0.5, reason: null, flag: null });
    expect(() => proposalFor(2 * 60_000, 1.5, ' ', 8)).toThrow();
    expect(proposalFor(2 * 60_000, 1.5, ' 提前布置 ', 8)).toEqual({
      hours: 1.5,
      reason: '提前布置',
      flag: { flag: 'hours_above_duration', detail: '实际约 0.5 小时，申报 1.5 小时' },
    });
    expect(() => proposalFor(60 * 60_000, 0.7, undefined, 8)).toThrow();
    expect(() => proposalFor(60 * 60_000, 8.5, '全天', 8)).toThrow();
    expect(proposalFor(60 * 60_000, 0, undefined, 8).hours).toBe(0);
  });
});
