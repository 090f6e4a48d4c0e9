import { fireEvent, render, screen } from '@testing-library/react';
import { overviewFixture } from '@test/fixtures';
import { taroMock } from '@test/taro-mock';
import AboutPage from './index';

describe('AboutPage', () => {
  it('states the promises and lists units with their kind and brand, and communities with their street', async () => {
    taroMock.onRequest(() => ({ statusCode: 200, data: overviewFixture() }));

    const { container } = render(<AboutPage />);

    expect(screen.getByText('不设积分，不排名次，不统计登录次数和使用时长。')).toBeTruthy();
    expect(await screen.findByText('区发展和改革局')).toBeTruthy();
    const units = Array.from(container.querySelectorAll('.about-unit')).map((node) => node.textContent);
    expect(units).toEqual(['区发展和改革局机关党建品牌：红色引擎', '区人民医院事业', '城投集团企业']);
    const communities = Array.from(container.querySelectorAll('.about-community')).map((node) => node.textContent);
    expect(communities).toEqual(['幸福里社区东城街道', '和平社区东城街道']);
  });

  it('describes only what exists today, and names nothing unbuilt as if it were there', async () => {
    taroMock.onRequest(() => ({ statusCode: 200, data: overviewFixture() }));
    const { container } = render(<AboutPage />);
    await screen.findByText('区发展和改革局');

    const who = Array.from(container.querySelectorAll('.about-today__who')).map((node) => node.textContent);
    expect(who).toEqual(['党员', '社区工作者', '组织者', '管理员']);
    // Activities, problems and statistics are not built: what the app is said to do today leaves them out.
    expect(container.querySelector('.about-planned')?.textContent).toContain('还没有上线');
    const today = ['.about-intro', '.about-today'].map((selector) => container.querySelector(selector)?.textContent ?? '').join('');
    expect(today).toContain('签到码');
    for (const unbuilt of ['活动', '问题', '统计', '报表', '照片', '认领']) expect(today).not.toContain(unbuilt);
  });

  it('shows the error with 重试 when the overview cannot be loaded', async () => {
    taroMock.onRequest(() => ({ statusCode: 500, data: { code: 'INTERNAL_ERROR', message: '服务器出了点问题' } }));
    const { container } = render(<AboutPage />);

    expect(await screen.findByText('服务器出了点问题')).toBeTruthy();
    taroMock.onRequest(() => ({ statusCode: 200, data: overviewFixture() }));
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('区人民医院')).toBeTruthy();
    expect(container.querySelector('.about-error')).toBeNull();
  });
});
