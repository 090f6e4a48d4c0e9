import { act, fireEvent, render, screen } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import {
  districtOrganizerMe,
  memberOnlyMe,
  ok,
  pageOf,
  queryOf,
  requestsTo,
  serve,
  summaryFixture,
  workerMe,
} from '../../testing/fixtures';
import OrganizeListPage from './index';

const MANAGE = '/api/v1/activities/manage';

describe('OrganizeListPage', () => {
  it('shows each activity with its status, time, place and places, and opens its pages by id', async () => {
    serve({
      [MANAGE]: () =>
        ok(
          pageOf([
            summaryFixture(),
            summaryFixture({ id: 'a2', title: '主题党日', kind: 'party_day', subKind: null, status: 'draft', capacity: null, confirmedCount: 0, waitlistCount: 0 }),
          ]),
        ),
    });
    const { container } = render(<OrganizeListPage />);

    expect(await screen.findByText('清理河道垃圾')).toBeTruthy();
    const cards = container.querySelectorAll('.organize-card');
    expect(cards).toHaveLength(2);
    expect(cards[0]!.querySelector('.status-tag')?.textContent).toBe('已发布');
    expect(cards[0]!.textContent).toContain('志愿服务 · 环境整治');
    expect(cards[0]!.querySelector('.organize-card__places')?.textContent).toBe('已报名 12 / 30 人，候补 2 人 · 计 2 小时');
    expect(cards[0]!.querySelector('.organize-card__time')?.textContent).toContain('09:00–11:00');
    expect(cards[1]!.querySelector('.status-tag')?.textContent).toBe('草稿');
    expect(cards[1]!.textContent).toContain('已报名 0 人（名额不限）');
    // A draft has nobody signed up yet: only 编辑.
    expect(cards[1]!.querySelector('.organize-card__signups')).toBeNull();

    fireEvent.click(cards[0]!.querySelector('.organize-card__signups') as Element);
    fireEvent.click(cards[0]!.querySelector('.organize-card__attendance') as Element);
    fireEvent.click(cards[0]!.querySelector('.organize-card__edit') as Element);
    expect(taroMock.navigations.map((n) => n.url)).toEqual([
      `${ROUTES.organizeSignups}?id=a1`,
      `${ROUTES.organizeAttendance}?id=a1`,
      `${ROUTES.organizeEdit}?id=a1`,
    ]);
  });

  it('asks again for the chosen status and kind, from the first page', async () => {
    serve({ [MANAGE]: () => ok(pageOf([summaryFixture()])) });
    const { container } = render(<OrganizeListPage />);
    await screen.findByText('清理河道垃圾');

    fireEvent.click(screen.getByText('待审核'));
    await act(async () => undefined);
    expect(queryOf(requestsTo(MANAGE).at(-1)!)).toMatchObject({ status: 'in_review', page: '1' });

    fireEvent.click(container.querySelector('.organize-kind-filter .select-field__control') as Element);
    fireEvent.click(screen.getByText('返乡走亲'));
    await act(async () => undefined);
    expect(queryOf(requestsTo(MANAGE).at(-1)!)).toMatchObject({ status: 'in_review', kind: 'return_home' });
  });

  it('pages through a long list with 加载更多', async () => {
    serve({
      [MANAGE]: (request) => {
        const page = Number(queryOf(request).page);
        return ok(pageOf([summaryFixture({ id: `a${page}`, title: `活动${page === 1 ? '一' : '二'}` })], page, 1, 2));
      },
    });
    render(<OrganizeListPage />);
    await screen.findByText('活动一');
    fireEvent.click(screen.getByText('加载更多'));
    expect(await screen.findByText('活动二')).toBeTruthy();
    expect(screen.getByText('共 2 条，已全部显示')).toBeTruthy();
  });

  it('gives an organizer 发布活动, the review and the themes; the button opens the form', async () => {
    serve({ [MANAGE]: () => ok(pageOf([])) }, districtOrganizerMe());
    render(<OrganizeListPage />);
    expect(await screen.findByText('还没有活动，点「发布活动」发布第一个')).toBeTruthy();
    expect(screen.getByText('活动审核')).toBeTruthy();
    expect(screen.getByText('每月主题')).toBeTruthy();
    expect(screen.queryByText('发布社区需求')).toBeNull();
    fireEvent.click(screen.getByText('发布活动'));
    expect(taroMock.navigations.at(-1)?.url).toBe(ROUTES.organizeEdit);
  });

  it('gives a community worker 发布社区需求 for their needs, and nothing of an organizer', async () => {
    serve({ [MANAGE]: () => ok(pageOf([])) }, workerMe());
    render(<OrganizeListPage />);
    expect(await screen.findByText('您的社区还没有发布需求，点「发布社区需求」发布第一条')).toBeTruthy();
    expect(screen.queryByText('发布活动')).toBeNull();
    expect(screen.queryByText('活动审核')).toBeNull();
    fireEvent.click(screen.getByText('发布社区需求'));
    expect(taroMock.navigations.at(-1)?.url).toBe(`${ROUTES.organizeEdit}?need=1`);
  });

  it('shows the server’s message when the list fails, with 重试', async () => {
    let fail = true;
    serve({
      [MANAGE]: () => (fail ? { statusCode: 500, data: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } } : ok(pageOf([summaryFixture()]))),
    });
    render(<OrganizeListPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('清理河道垃圾')).toBeTruthy();
  });

  it('tells a member without duties whom the page is for, and asks for no list', async () => {
    serve({}, memberOnlyMe());
    render(<OrganizeListPage />);
    expect(await screen.findByText('只有组织者和社区工作者可以使用活动管理')).toBeTruthy();
    expect(requestsTo(MANAGE)).toHaveLength(0);
  });
});
