import { formatClock, formatDateTime, formatDayWithWeekday, formatElapsed, formatSpan } from './date-time';
import { durationHours, formatHours, recordHoursText, roomText } from './hours';
import { formatRole } from './role';
import { verificationLabel } from './verification';

// Local times: the tests run in the machine's zone, as the app runs in the phone's.
const at = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();
const NOW = new Date(2026, 2, 9, 10, 0);

describe('one formatter per concept', () => {
  it('writes clock times and date-times with leading zeros, and leaves text that is not a date alone', () => {
    expect(formatClock(at(2026, 3, 8, 9, 5))).toBe('09:05');
    expect(formatClock(new Date(2026, 2, 8, 14, 30))).toBe('14:30');
    expect(formatDateTime(at(2026, 3, 8, 9, 5))).toBe('2026-03-08 09:05');
    expect(formatDateTime('不是时间')).toBe('不是时间');
  });

  it('writes a visit span the way people say it, naming another day or year only when needed', () => {
    expect(formatSpan(at(2026, 3, 8, 14, 0), at(2026, 3, 8, 16, 30), NOW)).toBe('3月8日 14:00–16:30');
    expect(formatSpan(at(2026, 3, 8, 23, 0), at(2026, 3, 9, 1, 0), NOW)).toBe('3月8日 23:00–3月9日 01:00');
    expect(formatSpan(at(2025, 12, 31, 9, 0), at(2025, 12, 31, 11, 0), NOW)).toBe('2025年12月31日 09:00–11:00');
    expect(formatSpan(at(2026, 3, 8, 14, 0), null, NOW)).toBe('3月8日 14:00 起，未签退');
    expect(formatDayWithWeekday(new Date(2026, 2, 7), NOW)).toBe('3月7日 周六');
  });

  it('writes elapsed time and hours in whole words', () => {
    expect(formatElapsed(at(2026, 3, 9, 8, 40), NOW.getTime())).toBe('1 小时 20 分钟');
    expect(formatElapsed(at(2026, 3, 9, 9, 55), NOW.getTime())).toBe('5 分钟');
    expect(formatHours(1.5)).toBe('1.5 小时');
    expect(formatHours(2)).toBe('2 小时');
  });

  it('names each end’s verification in the same words for members and workers', () => {
    expect(verificationLabel('code', 'start')).toBe('扫码签到');
    expect(verificationLabel('code', 'end')).toBe('扫码签退');
    expect(verificationLabel('offline', 'end')).toBe('离线签退（时间以手机为准）');
    expect(verificationLabel(null, 'end')).toBe('签退未核验（时长由社区工作者核定）');
  });

  it('proposes a visit’s real duration in half hours, never below 0.5, and never shows waiting hours as 0', () => {
    const start = '2026-03-09T01:00:00.000Z';
    expect(durationHours(start, '2026-03-09T01:02:00.000Z')).toBe(0.5);
    expect(durationHours(start, '2026-03-09T01:44:59.000Z')).toBe(0.5);
    expect(durationHours(start, '2026-03-09T01:45:00.000Z')).toBe(1);
    expect(recordHoursText({ status: 'pending', hours: 0, proposedHours: 1.5 })).toBe('申报 1.5 小时 · 待确认');
    expect(recordHoursText({ status: 'confirmed', hours: 2, proposedHours: 1.5 })).toBe('计入 2 小时');
    expect(recordHoursText({ status: 'rejected', hours: 0, proposedHours: 1 })).toBe('未计入时长');
    expect(roomText(2)).toBe('今日还可记 2 小时');
  });

  it('names a role with what it covers, and a member’s own role plainly', () => {
    expect(formatRole({ role: 'member', scopeKind: 'self', scopeName: '本人' })).toBe('党员');
    expect(formatRole({ role: 'worker', scopeKind: 'community', scopeName: '幸福里社区' })).toBe('社区工作者 · 幸福里社区');
    expect(formatRole({ role: 'organizer', scopeKind: 'district', scopeName: '全区' })).toBe('组织者 · 全区');
  });
});
