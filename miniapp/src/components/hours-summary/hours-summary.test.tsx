import { fireEvent, render } from '@testing-library/react';
import HoursSummary from './index';

const DATA = { month: { confirmed: 0, pending: 0.5 }, year: { confirmed: 3, pending: 0.5 }, monthKey: '2026-11', yearKey: '2026' };

describe('HoursSummary', () => {
  it('names the month and the year, with confirmed and 待确认 hours each', () => {
    const { container } = render(<HoursSummary data={DATA} error={undefined} loading={false} onRetry={() => {}} />);
    expect(container.querySelector('.hours-summary__month')?.textContent).toBe('11月已确认0 小时待确认 0.5 小时');
    expect(container.querySelector('.hours-summary__year')?.textContent).toBe('2026年已确认3 小时待确认 0.5 小时');
  });

  it('says it is loading, then shows a failure with a retry', () => {
    const onRetry = jest.fn();
    const { container, rerender } = render(<HoursSummary data={undefined} error={undefined} loading onRetry={onRetry} />);
    expect(container.querySelector('.hours-summary__loading')).not.toBeNull();
    rerender(
      <HoursSummary data={undefined} error={{ status: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } as never} loading={false} onRetry={onRetry} />,
    );
    expect(container.querySelector('.hours-summary__error')?.textContent).toContain('服务暂时不可用，请稍后再试');
    fireEvent.click(container.querySelector('.state-view__retry') as HTMLElement);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('never shows an answer of another shape as figures', () => {
    const { container } = render(<HoursSummary data={{ name: '李明' } as never} error={undefined} loading={false} onRetry={() => {}} />);
    expect(container.querySelector('.hours-summary__month')).toBeNull();
    expect(container.querySelector('.hours-summary__error')).not.toBeNull();
  });
});
