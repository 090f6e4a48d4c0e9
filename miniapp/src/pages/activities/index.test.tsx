import { render, screen } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import ActivitiesPage from './index';

describe('ActivitiesPage', () => {
  it('shows an honest empty state and invents no activities', () => {
    const { container } = render(<ActivitiesPage />);
    expect(screen.getByText('暂无已发布的活动')).toBeTruthy();
    expect(container.querySelector('.activities-empty.state-view--empty')).not.toBeNull();
    expect(taroMock.requests).toHaveLength(0);
  });
});
