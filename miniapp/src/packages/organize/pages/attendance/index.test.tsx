import { act, fireEvent, render, screen } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { bodyOf, boardFixture, detailFixture, ok, requestsTo, serve, signupFixture } from '../../testing/fixtures';
import OrganizeAttendancePage from './index';
import { BOARD_POLL_MS } from './use-board';

const ONE = '/api/v1/activities/a1';
const CODE = '/api/v1/activities/a1/code';
const BOARD = '/api/v1/activities/a1/attendance';
const MARK = '/api/v1/activities/a1/attendance/mark';
const FINISH = '/api/v1/activities/a1/finish';
const SLOT_MS = 15_000;

async function advance(ms: number): Promise<void> {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

// During the activity (8 March 2030, 09:00–11:00), 10 s before the end of a code slot.
const DURING = Math.floor(new Date(2030, 2, 8, 10, 0).getTime() / SLOT_MS) * SLOT_MS + 5_000;

function codeAnswer() {
  const slot = Math.floor(Date.now() / SLOT_MS);
  return ok({
    communityId: 'a1',
    communityName: '清理河道垃圾',
    code: `v1.a1.${slot}`,
    shortCode: String(slot % 1_000_000).padStart(6, '0'),
    slotSeconds: 15,
    expiresAt: new Date((slot + 1) * SLOT_MS).toISOString(),
  });
}

describe('OrganizeAttendancePage', () => {
  beforeEach(() => {
    taroMock.loadOptions = { id: 'a1' };
  });
  afterEach(() => jest.useRealTimers());

  it('shows the rotating code with its demo short code and replaces it when it expires', async () => {
    jest.useFakeTimers({ now: DURING });
    serve({ [ONE]: () => ok(detailFixture()), [CODE]: codeAnswer, [BOARD]: () => ok(boardFixture()) });
    const { container } = render(<OrganizeAttendancePage />);
    await advance(0);
    await advance(0);
    const slot = Math.floor(DURING / SLOT_MS);
    expect(screen.getByLabelText('清理河道垃圾签到码')).toBeTruthy();
    expect(container.querySelector('.attendance-short-code')?.textContent).toBe(String(slot % 1_000_000).padStart(6, '0'));
    expect(requestsTo(CODE)).toHaveLength(1);
    await advance(10_400);
    expect(requestsTo(CODE)).toHaveLength(2);
    expect(container.querySelector('.attendance-short-code')?.textContent).toBe(String((slot + 1) % 1_000_000).padStart(6, '0'));
  });

  it('polls the live counts every 10 s while shown, and stops while hidden', async () => {
    jest.useFakeTimers({ now: DURING });
    let arrived = 1;
    serve({ [ONE]: () => ok(detailFixture()), [CODE]: codeAnswer, [BOARD]: () => ok(boardFixture({ arrived })) });
    const { container } = render(<OrganizeAttendancePage />);
    await advance(0);
    await advance(0);
    const figures = () => Array.from(container.querySelectorAll('.attendance-count__value')).map((node) => node.textContent);
    expect(figures()).toEqual(['3', '1', '0', '2']);
    expect(container.querySelector('.attendance-not-arrived')?.textContent).toContain('李秀英');

    arrived = 2;
    const before = requestsTo(BOARD).length;
    await advance(BOARD_POLL_MS);
    expect(requestsTo(BOARD)).toHaveLength(before + 1);
    expect(figures()[1]).toBe('2');

    act(() => taroMock.triggerDidHide());
    await advance(BOARD_POLL_MS * 3);
    expect(requestsTo(BOARD)).toHaveLength(before + 1);

    act(() => taroMock.triggerDidShow());
    await advance(0);
    expect(requestsTo(BOARD).length).toBeGreaterThan(before + 1);
  });

  it('marks from a paper sheet: everyone not arrived as absent, one of them attended after all', async () => {
    jest.useFakeTimers({ now: DURING });
    serve({
      [ONE]: () => ok(detailFixture()),
      [CODE]: codeAnswer,
      [BOARD]: () => ok(boardFixture()),
      [`POST ${MARK}`]: () =>
        ok({ signups: [signupFixture({ id: 's2', status: 'attended' }), signupFixture({ id: 's3', status: 'absent' })] }),
    });
    const { container } = render(<OrganizeAttendancePage />);
    await advance(0);
    await advance(0);
    fireEvent.click(screen.getByText('未到的都记为未到场'));
    const li = Array.from(container.querySelectorAll('.attendance-person')).find((row) => row.textContent?.includes('李秀英')) as Element;
    fireEvent.click(li.querySelector('[role="radio"]') as Element);
    fireEvent.click(screen.getByText('提交 2 人的签到情况'));
    await advance(0);
    expect(bodyOf(requestsTo(MARK, 'POST')[0]!)).toEqual({
      entries: [
        { signupId: 's2', status: 'attended' },
        { signupId: 's3', status: 'absent' },
      ],
    });
    expect(container.querySelector('.attendance-result')?.textContent).toBe('已记录 2 人：已参加 1 人，未到场 1 人');
  });

  it('offers to finish once the activity has ended, without the code', async () => {
    jest.useFakeTimers({ now: new Date(2030, 2, 8, 12, 0).getTime() });
    serve({
      [ONE]: () => ok(detailFixture()),
      [BOARD]: () => ok(boardFixture()),
      [`POST ${FINISH}`]: () => ok(detailFixture({ status: 'finished' })),
    });
    render(<OrganizeAttendancePage />);
    await advance(0);
    await advance(0);
    expect(requestsTo(CODE)).toHaveLength(0);
    fireEvent.click(screen.getByText('结束活动', { selector: '.attendance-finish__button, .attendance-finish__button *' }));
    await advance(0);
    expect(requestsTo(FINISH, 'POST')).toHaveLength(1);
    expect(taroMock.toasts).toContain('活动已结束');
  });

  it('has no code and no marking before the activity is published', async () => {
    serve({ [ONE]: () => ok(detailFixture({ status: 'draft' })) });
    render(<OrganizeAttendancePage />);
    expect(await screen.findByText('活动发布后才能签到')).toBeTruthy();
    expect(requestsTo(CODE)).toHaveLength(0);
  });
});
