import { act, fireEvent, render, screen } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { bodyOf, choose, ok, queryOf, requestsTo, serve, typeInto, workerMe } from '../../testing/fixtures';
import OrganizeThemesPage from './index';

const THEMES = '/api/v1/activity-themes';

async function settle(): Promise<void> {
  await act(async () => undefined);
  await act(async () => undefined);
}

describe('OrganizeThemesPage', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date(2030, 1, 10), doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
  });
  afterEach(() => jest.useRealTimers());

  it('lists a year’s themes by month and adds one', async () => {
    let themes = [{ id: 't3', month: '2030-03', title: '学雷锋志愿服务月' }];
    serve({
      [`GET ${THEMES}`]: () => ok(themes),
      [`POST ${THEMES}`]: (request) => {
        const body = bodyOf<{ month: string; title: string }>(request);
        themes = [{ id: 't1', ...body }, ...themes];
        return ok(themes[0]);
      },
    });
    const { container } = render(<OrganizeThemesPage />);
    expect(await screen.findByText('学雷锋志愿服务月')).toBeTruthy();
    expect(queryOf(requestsTo(THEMES)[0]!).year).toBe('2030');

    fireEvent.click(screen.getByText('添加'));
    expect(screen.getByText('请选择月份')).toBeTruthy();
    expect(screen.getByText('请填写主题')).toBeTruthy();

    choose(container, 'themes-month', '1月');
    typeInto(container, 'themes-title', '新春走访');
    fireEvent.click(screen.getByText('添加'));
    await settle();
    expect(bodyOf(requestsTo(THEMES, 'POST')[0]!)).toEqual({ month: '2030-01', title: '新春走访' });
    await settle();
    expect(Array.from(container.querySelectorAll('.theme-row__month')).map((n) => n.textContent)).toEqual(['1月', '3月']);
  });

  it('asks before deleting, and shows the server’s refusal for a theme in use', async () => {
    serve({
      [`GET ${THEMES}`]: () => ok([{ id: 't3', month: '2030-03', title: '学雷锋志愿服务月' }]),
      [`DELETE ${THEMES}/t3`]: () => ({ statusCode: 409, data: { code: 'CONFLICT', message: '该主题已有活动使用，不能删除' } }),
    });
    render(<OrganizeThemesPage />);
    taroMock.modalConfirms = false;
    fireEvent.click(await screen.findByLabelText('删除3月的主题'));
    await settle();
    expect(requestsTo(`${THEMES}/t3`, 'DELETE')).toHaveLength(0);

    taroMock.modalConfirms = true;
    fireEvent.click(screen.getByLabelText('删除3月的主题'));
    await settle();
    expect(requestsTo(`${THEMES}/t3`, 'DELETE')).toHaveLength(1);
    expect(screen.getByText('该主题已有活动使用，不能删除')).toBeTruthy();
  });

  it('reads another year when chosen', async () => {
    serve({ [`GET ${THEMES}`]: () => ok([]) });
    render(<OrganizeThemesPage />);
    expect(await screen.findByText('2030年还没有主题，可在下面添加')).toBeTruthy();
    fireEvent.click(screen.getByText('2031年'));
    await settle();
    expect(queryOf(requestsTo(THEMES).at(-1)!).year).toBe('2031');
  });

  it('is for organizers only', async () => {
    serve({}, workerMe());
    render(<OrganizeThemesPage />);
    expect(await screen.findByText('只有组织者可以设置每月主题')).toBeTruthy();
  });
});
