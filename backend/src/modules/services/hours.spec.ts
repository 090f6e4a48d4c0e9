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
