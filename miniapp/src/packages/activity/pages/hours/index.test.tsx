import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { saveToken } from '@/services/session';
import { ledgerLine, ledgerPage, ok, refusal, requestsTo, serve } from '../../testing/fixtures';
import HoursPage from './index';

const LEDGER = '/api/v1/me/hours/ledger';

function texts(container: HTMLElement, selector: string): (string | null)[] {
  return Array.from(container.querySelectorAll(selector)).map((node) => node.textContent);
}

describe('HoursPage', () => {
  beforeEach(() => saveToken('token-1', 3600));

  it('shows the year’s total and every line, a correction marked with its reason, and nobody else’s hours', async () => {
    const lines = [
      ledgerLine(),
      ledgerLine({ id: 'l2', source: 'service', hours: 1.5, date: '2026-03-05', activity: null, serviceRecordId: 'sr1', where: '幸福里社区' }),
      ledgerLine({ id: 'l3', source: 'correction', hours: -0.5, date: '2026-03-05', activity: null, where: null, reason: '签退时间登记有误' }),
    ];
    serve({ [`GET ${LEDGER}`]: () => ok(ledgerPage(lines, { years: [{ year: 2026, hours: 3 }, { year: 2025, hours: 6 }] })) });
    const { container } = render(<HoursPage />);

    await waitFor(() => expect(container.querySelectorAll('.ledger-line')).toHaveLength(3));
    expect(requestsTo('GET', LEDGER)[0]!.url).toBe(`${LEDGER}?page=1&pageSize=20`);
    expect(container.querySelector('.hours-total__label')?.textContent).toBe('2026年合计');
    expect(container.querySelector('.hours-total__value')?.textContent).toBe('3 小时');
    expect(texts(container, '.ledger-line__source')).toEqual(['活动', '报到服务', '更正']);
    expect(texts(container, '.ledger-line__hours')).toEqual(['+2 小时', '+1.5 小时', '-0.5 小时']);
    expect(texts(container, '.ledger-line__title')).toEqual(['幸福河岸边清理垃圾', '报到服务', '时长更正']);
    expect(texts(container, '.ledger-line__meta')[1]).toBe('2026年3月5日 · 幸福里社区');
    expect(container.querySelector('.ledger-line--correction .ledger-line__reason')?.textContent).toBe('更正原因：签退时间登记有误');
    expect(container.textContent).not.toMatch(/排名|第\s*\d+\s*名|平均/);

    fireEvent.click(screen.getByText('开具报到服务证明'));
    expect(taroMock.navigations.at(-1)?.url).toBe('/packages/activity/pages/certificate/index');
  });

  it('switches year', async () => {
    serve({
      [`GET ${LEDGER}`]: (request) =>
        request.url.includes('year=2025')
          ? ok(ledgerPage([ledgerLine({ id: 'old', date: '2025-05-01', hours: 6 })], { year: 2025, years: [{ year: 2026, hours: 2 }, { year: 2025, hours: 6 }] }))
          : ok(ledgerPage([ledgerLine()], { years: [{ year: 2026, hours: 2 }, { year: 2025, hours: 6 }] })),
    });
    const { container } = render(<HoursPage />);
    fireEvent.click(await screen.findByText('2025年'));
    await waitFor(() => expect(container.querySelector('.hours-total__label')?.textContent).toBe('2025年合计'));
    expect(container.querySelector('.hours-total__value')?.textContent).toBe('6 小时');
    expect(requestsTo('GET', LEDGER).at(-1)!.url).toBe(`${LEDGER}?year=2025&page=1&pageSize=20`);
  });

  it('says when a year has nothing, and shows an error with 重试', async () => {
    let fail = false;
    serve({ [`GET ${LEDGER}`]: () => (fail ? refusal(500, 'INTERNAL_ERROR', '服务器出了点问题，请稍后重试') : ok(ledgerPage([], { years: [] }))) });
    const { unmount } = render(<HoursPage />);
    expect(await screen.findByText('2026年还没有计入的服务时长')).toBeTruthy();
    unmount();
    fail = true;
    render(<HoursPage />);
    expect(await screen.findByText('服务器出了点问题，请稍后重试')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
