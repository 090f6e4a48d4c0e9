import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MemberSearchRequest, MemberView } from '@pioneer/shared-types';
import { taroMock, type RecordedRequest } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { memberFixture, pageOf, requestsTo, serve, unitFixture } from '../../testing/fixtures';
import PeoplePage from './index';

// The search words (a name or a phone number) travel in the body, never in the URL.
const MEMBERS = '/api/v1/members/search';
const CREATE = '/api/v1/members';
const UNITS = '/api/v1/units';

function people(count: number, offset = 0): MemberView[] {
  return Array.from({ length: count }, (_, i) =>
    memberFixture({ id: `m${offset + i + 1}`, name: `党员${offset + i + 1}`, phone: `138****${String(offset + i + 1).padStart(4, '0')}` }),
  );
}

/** A roster of 45 people answered page by page; a search for 张 finds 3. */
function answerMembers(request: RecordedRequest) {
  const query = searchOf(request);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  if (query.q === '张') {
    return { statusCode: 200, data: pageOf([memberFixture(), memberFixture({ id: 'm2', name: '张红' }), memberFixture({ id: 'm3', name: '张伟' })], 1, pageSize) };
  }
  const total = 45;
  const count = Math.max(0, Math.min(pageSize, total - (page - 1) * pageSize));
  return { statusCode: 200, data: pageOf(people(count, (page - 1) * pageSize), page, pageSize, total) };
}

function searchOf(request: RecordedRequest): MemberSearchRequest {
  expect(request.method).toBe('POST');
  expect(request.url).not.toContain('?');
  return request.data as MemberSearchRequest;
}

function lastMembersQuery(): MemberSearchRequest {
  const requests = requestsTo(MEMBERS);
  return searchOf(requests[requests.length - 1]);
}

function names(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.people-item .person-name')).map((node) => node.textContent ?? '');
}

describe('PeoplePage', () => {
  beforeEach(() => {
    serve({
      [`POST ${MEMBERS}`]: answerMembers,
      [UNITS]: () => ({ statusCode: 200, data: pageOf([unitFixture(), unitFixture({ id: 'u2', name: '区税务局', code: 'JG002' })]) }),
    });
  });

  it('lists the first page with masked phones, units and statuses, and pages forward and back', async () => {
    const { container } = render(<PeoplePage />);

    await waitFor(() => expect(container.querySelectorAll('.people-item')).toHaveLength(20));
    expect(lastMembersQuery()).toEqual({ page: 1, pageSize: 20 });
    expect(container.querySelector('.people-item')?.textContent).toContain('138****0001 · 区发展和改革局 · 机关第一支部');
    expect(container.querySelector('.people-list')?.textContent).toContain('共 45 人');
    expect(screen.getByText('第 1 / 3 页')).toBeTruthy();

    fireEvent.click(screen.getByText('下一页'));
    await waitFor(() => expect(names(container)[0]).toBe('党员21'));
    expect(lastMembersQuery()).toEqual({ page: 2, pageSize: 20 });
    expect(screen.getByText('第 2 / 3 页')).toBeTruthy();

    fireEvent.click(screen.getByText('下一页'));
    await waitFor(() => expect(names(container)).toEqual(['党员41', '党员42', '党员43', '党员44', '党员45']));
    expect(container.querySelector('.pager__next')?.hasAttribute('disabled') || container.querySelector('.pager__next')?.className.includes('disabled')).toBe(true);

    fireEvent.click(screen.getByText('上一页'));
    await waitFor(() => expect(names(container)[0]).toBe('党员21'));
    expect(lastMembersQuery().page).toBe(2);
  });

  it('searches by the typed text from page 1 and keeps the search while paging and filtering', async () => {
    const { container } = render(<PeoplePage />);
    await waitFor(() => expect(container.querySelectorAll('.people-item')).toHaveLength(20));
    fireEvent.click(screen.getByText('下一页'));
    await waitFor(() => expect(lastMembersQuery().page).toBe(2));

    const input = container.querySelector('.people-search input') as HTMLInputElement;
    fireEvent.input(input, { target: { value: ' 张 ' } });
    fireEvent.click(screen.getByText('搜索'));

    await waitFor(() => expect(names(container)).toEqual(['张建国', '张红', '张伟']));
    expect(lastMembersQuery()).toEqual({ q: '张', page: 1, pageSize: 20 });
    expect(container.querySelector('.people-list')?.textContent).toContain('共 3 人');
    expect(screen.queryByText('下一页')).toBeNull();

    fireEvent.click(screen.getByText('已退休'));
    await waitFor(() => expect(lastMembersQuery()).toEqual({ q: '张', status: 'retired', page: 1, pageSize: 20 }));

    fireEvent.click(screen.getByText('全部单位'));
    fireEvent.click(await screen.findByText('区税务局'));
    await waitFor(() =>
      expect(lastMembersQuery()).toEqual({ q: '张', unitId: 'u2', status: 'retired', page: 1, pageSize: 20 }),
    );

    fireEvent.click(screen.getByText('清空条件'));
    await waitFor(() => expect(lastMembersQuery()).toEqual({ page: 1, pageSize: 20 }));
    expect(input.value).toBe('');

    // Enter searches too, as people expect on the desktop console.
    fireEvent.input(input, { target: { value: '张' } });
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(lastMembersQuery()).toEqual({ q: '张', page: 1, pageSize: 20 }));
  });

  it('says so when nothing matches', async () => {
    serve({ [`POST ${MEMBERS}`]: () => ({ statusCode: 200, data: pageOf([]) }), [UNITS]: () => ({ statusCode: 200, data: pageOf([]) }) });
    const { container } = render(<PeoplePage />);
    expect(await screen.findByText('名册中还没有党员，可通过导入名册添加')).toBeTruthy();
    expect(container.querySelector('.people-item')).toBeNull();
  });

  it('shows the error with 重试 and loads again', async () => {
    let fail = true;
    serve({
      [`POST ${MEMBERS}`]: (request) =>
        fail ? { statusCode: 503, data: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } } : answerMembers(request),
      [UNITS]: () => ({ statusCode: 200, data: pageOf([]) }),
    });
    const { container } = render(<PeoplePage />);
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(container.querySelectorAll('.people-item')).toHaveLength(20));
  });

  it('opens a person and the roster import page', async () => {
    const { container } = render(<PeoplePage />);
    await waitFor(() => expect(container.querySelectorAll('.people-item')).toHaveLength(20));

    fireEvent.click(container.querySelectorAll('.people-item')[1]);
    fireEvent.click(screen.getByText('导入 / 导出名册'));
    expect(taroMock.navigations).toEqual([
      { type: 'navigateTo', url: `${ROUTES.managePerson}?id=m2` },
      { type: 'navigateTo', url: ROUTES.manageRosterImport },
    ]);
  });

  it('adds one member by hand, showing a phone already on the roster beside the phone field', async () => {
    let attempts = 0;
    serve({
      [`POST ${MEMBERS}`]: answerMembers,
      [`POST ${CREATE}`]: (request) => {
        attempts += 1;
        if (attempts === 1) return { statusCode: 409, data: { code: 'CONFLICT', message: '该手机号已登记在其他党员名下' } };
        return { statusCode: 201, data: memberFixture({ id: 'm99', ...(request.data as object) }) };
      },
      [UNITS]: () => ({ statusCode: 200, data: pageOf([unitFixture(), unitFixture({ id: 'u2', name: '区税务局', code: 'JG002', branches: [{ id: 'b9', name: '征管支部' }] })]) }),
    });
    const { container } = render(<PeoplePage />);
    await waitFor(() => expect(container.querySelectorAll('.people-item')).toHaveLength(20));

    fireEvent.click(screen.getByText('新增党员'));
    fireEvent.input(container.querySelector('.member-form__name input') as Element, { target: { value: '王新' } });
    fireEvent.input(container.querySelector('.member-form__phone input') as Element, { target: { value: '139 0000 1234' } });
    fireEvent.click(screen.getByText('保存'));
    expect(screen.getByText('请选择所在单位')).toBeTruthy();

    fireEvent.click(container.querySelector('.member-form__unit .select-field__control') as Element);
    fireEvent.click(within(container.querySelector('.member-form__unit') as HTMLElement).getByText('区税务局'));
    fireEvent.click(container.querySelector('.member-form__branch .select-field__control') as Element);
    fireEvent.click(screen.getByText('征管支部'));
    fireEvent.click(screen.getByText('保存'));

    expect(await screen.findByText('该手机号已登记在其他党员名下')).toBeTruthy();
    expect(container.querySelector('.member-form__phone .text-field__error')?.textContent).toBe('该手机号已登记在其他党员名下');
    const posts = () => taroMock.requests.filter((request) => request.method === 'POST' && request.url === CREATE);
    expect(posts()[0].data).toEqual({ name: '王新', phone: '13900001234', unitId: 'u2', branchId: 'b9' });

    fireEvent.input(container.querySelector('.member-form__phone input') as Element, { target: { value: '13900001235' } });
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(container.querySelector('.member-form')).toBeNull());
    expect(posts()).toHaveLength(2);
    expect(taroMock.toasts).toContain('已添加');
  });
});
