import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { RegistrationView } from '@pioneer/shared-types';
import { taroMock, type RecordedRequest } from '@test/taro-mock';
import { pageOf, queryOf, registrationFixture, requestsTo, serve, typeReason } from '../../testing/fixtures';
import WorkerRegistrationsPage from './index';

const LIST = '/api/v1/registrations';
const LOOKUP = '/api/v1/registrations/member-lookup';
const ON_BEHALF = '/api/v1/registrations/on-behalf';

interface Server {
  pending: RegistrationView[];
}

type Route = Parameters<typeof serve>[0][string];

/** `refusals` replace the happy answers of some routes. */
function startServer(refusals: Record<string, Route> = {}): Server {
  const server: Server = {
    pending: [
      registrationFixture({ id: 'g1' }),
      registrationFixture({ id: 'g2', member: { id: 'w1', name: '刘芳', unitName: '区税务局' } }),
    ],
  };
  const decided = (request: RecordedRequest, status: RegistrationView['status']) => {
    const id = request.url.split('/')[4];
    const registration = server.pending.find((r) => r.id === id) as RegistrationView;
    server.pending = server.pending.filter((r) => r.id !== id);
    return { statusCode: 200, data: { ...registration, status } };
  };
  serve({
    [LIST]: () => ({ statusCode: 200, data: pageOf(server.pending) }),
    'POST /api/v1/registrations/g1/approve': (request) => decided(request, 'approved'),
    'POST /api/v1/registrations/g1/reject': (request) => decided(request, 'rejected'),
    [`POST ${LOOKUP}`]: (request) =>
      (request.data as { phone?: string }).phone === '13800000004'
        ? { statusCode: 200, data: { id: 'm4', name: '赵丽华', unitName: '区城市建设投资集团' } }
        : { statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } },
    [`POST ${ON_BEHALF}`]: (request) => {
      const body = request.data as { memberId: string; communityId: string; reason: string };
      return {
        statusCode: 201,
        data: registrationFixture({
          id: 'g9',
          status: 'approved',
          onBehalf: true,
          reason: body.reason,
          member: { id: body.memberId, name: '赵丽华', unitName: '区城市建设投资集团' },
        }),
      };
    },
    ...refusals,
  });
  return server;
}

async function renderPage(): Promise<HTMLElement> {
  const { container } = render(<WorkerRegistrationsPage />);
  await waitFor(() => expect(container.querySelectorAll('.registration-item')).toHaveLength(2));
  return container;
}

function typeInto(container: HTMLElement, selector: string, value: string): void {
  fireEvent.input(container.querySelector(`${selector} input`) as Element, { target: { value } });
}

describe('WorkerRegistrationsPage', () => {
  it('approves a pending registration and reads the list again', async () => {
    startServer();
    const container = await renderPage();
    expect(queryOf(requestsTo(LIST)[0])).toEqual({ status: 'pending', page: '1', pageSize: '20' });
    // The worker's own request is shown, but only another worker may decide it.
    const own = container.querySelectorAll('.registration-item')[1];
    expect(own.textContent).toContain('需由本社区其他工作者审核');
    expect(own.querySelector('.registration-approve')).toBeNull();

    fireEvent.click(container.querySelector('.registration-approve') as Element);

    await waitFor(() => expect(container.querySelectorAll('.registration-item')).toHaveLength(1));
    expect(requestsTo('/api/v1/registrations/g1/approve', 'POST')).toHaveLength(1);
    expect(taroMock.toasts).toContain('已通过');
  });

  it('rejects only with a reason, which goes to the member', async () => {
    startServer();
    const container = await renderPage();
    fireEvent.click(container.querySelector('.registration-reject') as Element);
    const dialog = container.querySelector('.registration-reject-dialog') as HTMLElement;
    expect(dialog.textContent).toContain('退回 张建国 的报到申请');

    fireEvent.click(dialog.querySelector('.registration-reject-dialog__submit') as Element);
    expect(within(dialog).getByText('请填写退回的原因')).toBeTruthy();
    expect(requestsTo('/api/v1/registrations/g1/reject', 'POST')).toHaveLength(0);

    typeReason(dialog, '住址不在本社区');
    fireEvent.click(dialog.querySelector('.registration-reject-dialog__submit') as Element);

    await waitFor(() => expect(container.querySelector('.registration-reject-dialog')).toBeNull());
    expect(requestsTo('/api/v1/registrations/g1/reject', 'POST').map((r) => r.data)).toEqual([{ reason: '住址不在本社区' }]);
    await waitFor(() => expect(container.querySelectorAll('.registration-item')).toHaveLength(1));
  });

  it('shows the server’s refusal of a reason under the reason, and takes it away once the reason is edited', async () => {
    const tooLong = '不通过的原因不能超过 200 个字';
    startServer({
      'POST /api/v1/registrations/g1/reject': () => ({
        statusCode: 400,
        data: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请按提示修改后再试', details: [{ field: 'reason', message: tooLong }] },
      }),
    });
    const container = await renderPage();
    fireEvent.click(container.querySelector('.registration-reject') as Element);
    const dialog = container.querySelector('.registration-reject-dialog') as HTMLElement;
    typeReason(dialog, '住址不在本社区');
    fireEvent.click(dialog.querySelector('.registration-reject-dialog__submit') as Element);

    const beside = await within(dialog).findByText(tooLong);
    expect(beside.closest('.reason-dialog__panel')?.querySelector('.registration-reject-dialog__input')).not.toBeNull();
    expect(container.textContent).not.toContain('提交的内容有误');

    typeReason(dialog, '住址不在本社区，请向居住地社区报到');
    expect(within(dialog).queryByText(tooLong)).toBeNull();
  });

  it('shows the server’s field error of an on-behalf registration beside the reason until it is edited', async () => {
    const refused = '代为登记原因至少 2 个字';
    startServer({
      [`POST ${ON_BEHALF}`]: () => ({
        statusCode: 400,
        data: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请按提示修改后再试', details: [{ field: 'reason', message: refused }] },
      }),
    });
    const container = await renderPage();
    typeInto(container, '.registration-on-behalf__name', '赵丽华');
    typeInto(container, '.registration-on-behalf__phone', '13800000004');
    fireEvent.click(screen.getByText('查找党员'));
    await waitFor(() => expect(container.querySelector('.registration-on-behalf__member')).not.toBeNull());
    typeInto(container, '.registration-on-behalf__reason', '录入');
    fireEvent.click(screen.getByText('登记报到'));

    await waitFor(() => expect(container.querySelector('.registration-on-behalf__reason')?.textContent).toContain(refused));
    expect(container.querySelector('.registration-on-behalf .registration-error')).toBeNull();

    typeInto(container, '.registration-on-behalf__reason', '根据纸质报到表录入');
    expect(container.textContent).not.toContain(refused);
  });

  it('registers a member from a paper form: found by name and phone, then with a reason', async () => {
    startServer();
    const container = await renderPage();

    typeInto(container, '.registration-on-behalf__name', '赵丽华');
    typeInto(container, '.registration-on-behalf__phone', '1380000');
    fireEvent.click(screen.getByText('查找党员'));
    expect(container.textContent).toContain('请填写 11 位手机号');
    expect(requestsTo(LOOKUP)).toHaveLength(0);

    typeInto(container, '.registration-on-behalf__phone', '13800000005');
    fireEvent.click(screen.getByText('查找党员'));
    await waitFor(() => expect(container.querySelector('.registration-on-behalf__not-found')?.textContent).toContain('没有找到姓名和手机号都相符的党员'));

    typeInto(container, '.registration-on-behalf__phone', '13800000004');
    fireEvent.click(screen.getByText('查找党员'));
    await waitFor(() => expect(container.querySelector('.registration-on-behalf__member')?.textContent).toBe('赵丽华 · 区城市建设投资集团'));
    // The name and phone go in the body: URLs end up in logs.
    expect(requestsTo(LOOKUP)[1]).toMatchObject({ method: 'POST', url: LOOKUP, data: { name: '赵丽华', phone: '13800000004' } });

    fireEvent.click(screen.getByText('登记报到'));
    expect(container.textContent).toContain('请填写代为登记的原因');
    expect(requestsTo(ON_BEHALF, 'POST')).toHaveLength(0);

    typeInto(container, '.registration-on-behalf__reason', '根据纸质报到表录入');
    fireEvent.click(screen.getByText('登记报到'));

    await waitFor(() => expect(container.querySelector('.registration-on-behalf__done')).not.toBeNull());
    expect(requestsTo(ON_BEHALF, 'POST').map((r) => r.data)).toEqual([
      { memberId: 'm4', communityId: 'c1', reason: '根据纸质报到表录入' },
    ]);
    expect(container.querySelector('.registration-on-behalf__done')?.textContent).toContain('已为 赵丽华 登记到 向阳社区');
  });
});
