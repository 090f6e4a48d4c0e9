import { fireEvent, render, screen } from '@testing-library/react';
import StateView from './index';

describe('StateView', () => {
  it('shows a loading state with a readable message', () => {
    const { container } = render(<StateView status="loading" />);
    expect(container.querySelector('.state-view--loading')).not.toBeNull();
    expect(container.querySelector('.nut-skeleton')).not.toBeNull();
    expect(screen.getByText('正在加载…')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('shows the empty message and no retry button', () => {
    const { container } = render(<StateView status="empty" message="暂无已发布的活动" onRetry={() => undefined} />);
    expect(container.querySelector('.state-view--empty')).not.toBeNull();
    expect(screen.getByText('暂无已发布的活动')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('shows the error message and calls back when 重试 is tapped', () => {
    const onRetry = jest.fn();
    const { container } = render(<StateView status="error" message="服务器开小差了" onRetry={onRetry} />);
    expect(container.querySelector('.state-view--error')).not.toBeNull();
    expect(screen.getByText('服务器开小差了')).toBeTruthy();

    fireEvent.click(screen.getByText('重试'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers no retry button for an error when there is nothing to retry', () => {
    render(<StateView status="error" message="出错了" />);
    expect(screen.queryByText('重试')).toBeNull();
  });
});
