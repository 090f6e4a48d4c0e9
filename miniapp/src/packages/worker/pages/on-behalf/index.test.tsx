import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ServiceOnBehalfRequest } from '@pioneer/shared-types';
import { type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { pageOf, queryOf, recordFixture, registrationFixture, requestsTo, serve, typeReason } from '../../testing/fixtures';
import WorkerOnBehalfPage from './index';

const REGISTRATIONS = '/api/v1/registrations';
const ON_BEHALF = '/api/v1/services/on-behalf';

// Only Date is faked: 2025-03-08 12:00 local time; promises and React's scheduling run as usual.
const NOW = new Date(2025, 2, 8, 12, 0);

function startServer(answer?: (body: ServiceOnBehalfRequest) => MockResponse): void {
  serve({
    [REGISTRATIONS]: () => ({
      statusCode: 200,
      data: pageOf(
        [
          registrationFixture({ id: 'g1', status: 'approved', member: { id: 'm1', name: '张建国', unitName: '区委组织部' } }),
          registrationFixture({ id: 'g2', status: 'approved', member: { id: 'm2', name: '李秀英', unitName: '区税务局' } }),
          // The worker themself: a worker may not enter their own service.
          registrationFixture({ id: 'g3', status: 'approved', member: { id: 'w1', name: '刘芳', unitName: '区税务局' } }),
        ],
        1,
        100,
      ),
    }),
    [`POST ${ON_BEHALF}`]: (request: RecordedRequest) => {
      const body = request.data as ServiceOnBehalfRequest;
      if (answer) return answer(body);
      return {
        statusCode: 201,
        data: body.memberIds.map((id, i) =>
          recordFixture({ id: `r${i}`, member: { id, name: id === 'm1' ? '张建国' : '李秀英' }, status: 'confirmed', hours: 2.5, startedAt: body.startedAt, endedAt: body.endedAt }),
        ),
      };
    },
  });
}

function choose(container: HTMLElement, field: string, label: string): void {
  const root = container.querySelector(`.${field}`) as HTMLElement;
  fireEvent.click(root.querySelector('.select-field__control') as Element);
  fireEvent.click(within(root).getByText(label));
}

function type(container: HTMLElement, field: string, value: string): void {
  const root = container.querySelector(`.${field}`) as HTMLElement;
  const input = root.querySelector('input');
  if (input) fireEvent.input(input, { target: { value } });
  else typeReason(root, value);
}

async function renderForm(): Promise<HTMLElement> {
  const { container } = render(<WorkerOnBehalfPage />);
  await waitFor(() => expect(container.querySelectorAll('.on-behalf-member')).toHaveLength(2));
  return container;
}

const posts = () => requestsTo(ON_BEHALF, 'POST');

describe('WorkerOnBehalfPage', () => {
  beforeEach(() => {
    jest.useFakeTimers({
      now: NOW,
      doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'nextTick'],
    });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('offers the members approved at the community, leaving out the worker themself', async () => {
    startServer();
    const container = await renderForm();
    expect(queryOf(requestsTo(REGISTRATIONS)[0])).toEqual({ communityId: 'c1', status: 'approved', page: '1', pageSize: '100' });
    const names = Array.from(container.querySelectorAll('.on-behalf-member__name')).map((node) => node.textContent);
    // In pinyin order, as a worker looks names up on a paper sheet.
    expect(names).toEqual(['李秀英', '张建国']);
  });

  it('names every missing field at once and sends nothing', async () => {
    startServer();
    const container = await renderForm();

    fireEvent.click(screen.getByText('提交补录'));

    const text = container.textContent ?? '';
    expect(text).toContain('请选择要补录的党员');
    expect(text).toContain('请选择开始时间');
    expect(text).toContain('请选择结束时间');
    expect(text).toContain('请选择服务类型');
    expect(text).toContain('服务内容至少 5 个字');
    expect(text).toContain('请填写补录原因');
    await waitFor(() => expect(posts()).toHaveLength(0));
  });

  it('refuses an end before the start, and an end later than now', async () => {
    startServer();
    const container = await renderForm();
    choose(container, 'on-behalf-start', '16:00');
    choose(container, 'on-behalf-end', '14:00');
    fireEvent.click(screen.getByText('提交补录'));
    expect(container.querySelector('.on-behalf-end')?.textContent).toContain('结束时间应晚于开始时间');

    // Today at 12:00: a visit until 13:00 has not ended yet.
    choose(container, 'on-behalf-start', '11:00');
    choose(container, 'on-behalf-end', '13:00');
    fireEvent.click(screen.getByText('提交补录'));
    expect(container.querySelector('.on-behalf-end')?.textContent).toContain('结束时间不能晚于当前时间');
    expect(posts()).toHaveLength(0);
  });

  it('sends one request for several members with the local times as ISO, then shows what was recorded', async () => {
    startServer();
    const container = await renderForm();

    fireEvent.click(screen.getByText('张建国'));
    fireEvent.click(screen.getByText('李秀英'));
    choose(container, 'on-behalf-day', '3月7日 周五（昨天）');
    choose(container, 'on-behalf-start', '09:00');
    choose(container, 'on-behalf-end', '11:30');
    choose(container, 'on-behalf-type', '政策宣讲');
    type(container, 'on-behalf-description', ' 宣讲养老保险新政策 ');
    type(container, 'on-behalf-reason', '纸质签到表补录');
    fireEvent.click(screen.getByText('提交补录'));

    await waitFor(() => expect(container.querySelector('.on-behalf-done')).not.toBeNull());
    expect(posts()).toHaveLength(1);
    expect(posts()[0].data).toEqual({
      memberIds: ['m1', 'm2'],
      communityId: 'c1',
      startedAt: new Date(2025, 2, 7, 9, 0).toISOString(),
      endedAt: new Date(2025, 2, 7, 11, 30).toISOString(),
      serviceType: 'policy',
      description: '宣讲养老保险新政策',
      reason: '纸质签到表补录',
    });
    expect(posts()[0].header['Idempotency-Key']).toBeTruthy();
    const done = container.querySelector('.on-behalf-done')?.textContent ?? '';
    expect(done).toContain('已为 2 位党员补录服务记录');
    expect(done).toContain('张建国：计入 2.5 小时');
  });

  it('shows the server’s refusal and keeps what was typed', async () => {
    startServer(() => ({
      statusCode: 403,
      data: { code: 'REGISTRATION_REQUIRED', message: '张建国尚未在该社区报到并通过审核，不能补录', details: { memberIds: ['m1'] } },
    }));
    const container = await renderForm();
    fireEvent.click(screen.getByText('张建国'));
    choose(container, 'on-behalf-start', '09:00');
    choose(container, 'on-behalf-end', '10:00');
    choose(container, 'on-behalf-type', '其他');
    type(container, 'on-behalf-description', '清理楼道杂物');
    type(container, 'on-behalf-reason', '电话告知');
    fireEvent.click(screen.getByText('提交补录'));

    await waitFor(() => expect(container.querySelector('.on-behalf-submit-error')?.textContent).toBe('张建国尚未在该社区报到并通过审核，不能补录'));
    expect(container.querySelector('.on-behalf-done')).toBeNull();
    expect(container.querySelector('.on-behalf-member--selected')?.textContent).toContain('张建国');
  });
});
