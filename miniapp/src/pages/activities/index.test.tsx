import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { saveToken } from '@/services/session';
import { activityFixture, ok, pageOf, refusal, requestsTo, serve } from '../../packages/activity/testing/fixtures';
import ActivitiesPage from './index';

const LIST = '/api/v1/activities';
const THEMES = '/api/v1/activity-themes';

function texts(container: HTMLElement, selector: string): (string | null)[] {
  return Array.from(container.querySelectorAll(selector)).map((node) => node.textContent);
}

describe('ActivitiesPage', () => {
  it('asks a visitor who is not signed in to sign in, and asks the server nothing', () => {
    render(<ActivitiesPage />);
    expect(screen.getByText('登录后可查看您可以报名的活动和社区需求')).toBeTruthy();
    fireEvent.click(screen.getByText('登录'));
    expect(taroMock.navigations[0]?.url).toBe('/packages/account/pages/login/index');
    expect(taroMock.requests).toHaveLength(0);
  });

  describe('signed in', () => {
    beforeEach(() => saveToken('token-1', 3600));

    it('shows each card with its kind, theme, time, place, places left and my sign-up', async () => {
      serve({
        [`GET ${LIST}`]: () =>
          ok(
            pageOf([
              activityFixture(),
              activityFixture({ id: 'a2', title: '无偿献血', subKind: 'blood_donation', theme: null, capacity: 10, confirmedCount: 10, waitlistCount: 2, mySignup: { id: 's2', status: 'waitlisted', waitlistPosition: 3 } }),
              activityFixture({ id: 'a3', title: '主题党日', kind: 'party_day', subKind: null, capacity: null, mySignup: { id: 's3', status: 'confirmed', waitlistPosition: null } }),
            ]),
          ),
        [`GET ${THEMES}`]: () => ok([{ id: 't3', month: '2026-03', title: '学雷锋志愿服务月' }]),
      });
      const { container } = render(<ActivitiesPage />);

      await waitFor(() => expect(container.querySelectorAll('.activity-card')).toHaveLength(3));
      expect(requestsTo('GET', LIST)[0]!.url).toBe(`${LIST}?tab=upcoming&needs=false&page=1&pageSize=10`);
      expect(texts(container, '.activity-card__kind')).toEqual(['志愿服务 · 环境整治', '志愿服务 · 无偿献血', '主题党日']);
      expect(texts(container, '.activity-card__theme')).toEqual(['主题：学雷锋志愿服务月', '主题：学雷锋志愿服务月']);
      expect(texts(container, '.activity-card__places')).toEqual(['还剩 8 个名额', '名额已满，可候补（第 3 位）', '不限名额']);
      expect(texts(container, '.activity-card__mine')).toEqual(['候补中（第 3 位）', '已报名']);
      expect(texts(container, '.activity-card__place')[0]).toBe('幸福河东岸步道入口');

      fireEvent.click(container.querySelector('.activity-card') as HTMLElement);
      expect(taroMock.navigations.at(-1)?.url).toBe('/packages/activity/pages/detail/index?id=a1');
    });

    it('switches tabs and filters, asking the server for each, and lists the community needs', async () => {
      serve({
        [`GET ${LIST}`]: (request) =>
          ok(request.url.includes('needs=true') ? pageOf([activityFixture({ id: 'n1', scopeKind: 'community', kind: 'volunteer', subKind: null, needKind: 'wish', title: '帮独居老人换灯泡' })]) : pageOf([])),
        [`GET ${THEMES}`]: () => ok([{ id: 't3', month: '2026-03', title: '学雷锋志愿服务月' }]),
      });
      const { container } = render(<ActivitiesPage />);
      expect(await screen.findByText('近期没有您可以报名的活动')).toBeTruthy();

      fireEvent.click(screen.getByText('我的报名'));
      expect(await screen.findByText('您还没有报名活动')).toBeTruthy();

      fireEvent.click(container.querySelector('.activities-filter-kind .select-field__control') as HTMLElement);
      fireEvent.click(screen.getByText('返乡走亲'));
      await waitFor(() => expect(requestsTo('GET', LIST).at(-1)!.url).toBe(`${LIST}?tab=mine&kind=return_home&page=1&pageSize=10`));

      await screen.findByText('全部主题');
      fireEvent.click(container.querySelector('.activities-filter-theme .select-field__control') as HTMLElement);
      fireEvent.click(screen.getByText('2026-03 学雷锋志愿服务月'));
      await waitFor(() => expect(requestsTo('GET', LIST).at(-1)!.url).toBe(`${LIST}?tab=mine&kind=return_home&themeId=t3&page=1&pageSize=10`));

      fireEvent.click(screen.getByText('社区需求'));
      expect(await screen.findByText('帮独居老人换灯泡')).toBeTruthy();
      expect(requestsTo('GET', LIST).at(-1)!.url).toBe(`${LIST}?tab=upcoming&needs=true&page=1&pageSize=10`);
      expect(container.querySelector('.activity-card__kind')?.textContent).toBe('社区需求 · 微心愿');
    });

    it('loads more, reloads on pull-down and shows an error with 重试', async () => {
      let fail = true;
      const first = Array.from({ length: 10 }, (_, i) => activityFixture({ id: `a${i}`, title: `活动 ${i}` }));
      serve({
        [`GET ${LIST}`]: (request) => {
          if (fail) return refusal(500, 'INTERNAL_ERROR', '服务器出了点问题，请稍后重试');
          return request.url.includes('page=2') ? ok(pageOf([activityFixture({ id: 'b1', title: '最后一项' })], 2, 10, 11)) : ok(pageOf(first, 1, 10, 11));
        },
        [`GET ${THEMES}`]: () => ok([]),
      });
      const { container } = render(<ActivitiesPage />);
      expect(await screen.findByText('服务器出了点问题，请稍后重试')).toBeTruthy();
      expect(container.querySelector('.activities-error')).not.toBeNull();

      fail = false;
      act(() => taroMock.triggerPullDownRefresh());
      expect(await screen.findByText('活动 0')).toBeTruthy();
      await waitFor(() => expect(taroMock.pullDownStops).toBe(1));

      fireEvent.click(screen.getByText('加载更多'));
      expect(await screen.findByText('最后一项')).toBeTruthy();
      expect(container.querySelectorAll('.activity-card')).toHaveLength(11);
    });
  });
});
