import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ServiceDecisionRequest, ServiceRecordView } from '@pioneer/shared-types';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { pageOf, queryOf, recordFixture, requestsTo, serve, typeReason } from '../../testing/fixtures';
import WorkerQueuePage from './index';

const QUEUE = '/api/v1/services/queue';
const DECIDE = '/api/v1/services/decide';

/** r1: both ends scanned; r2: end not scanned, the worker must give hours; r3: the worker's own record. */
function records(): ServiceRecordView[] {
  return [
    recordFixture({ id: 'r1', member: { id: 'm1', name: '张建国' } }),
    recordFixture({
      id: 'r2',
      member: { id: 'm2', name: '李秀英' },
      endVerification: null,
      proposedHours: 0,
      flags: ['geofence_outside', 'offline_claimed_time'],
      distanceM: 812.4,
      startVerification: 'geofence',
    }),
    recordFixture({ id: 'r3', member: { id: 'w1', name: '刘芳' } }),
  ];
}

interface QueueServer {
  items: ServiceRecordView[];
  decide: (body: ServiceDecisionRequest) => MockResponse;
}

function startServer(): QueueServer {
  const server: QueueServer = {
    items: records(),
    decide: (body) => ({ statusCode: 200, data: { decided: body.ids, skipped: [] } }),
  };
  serve({
    [QUEUE]: () => ({ statusCode: 200, data: pageOf(server.items) }),
    [`POST ${DECIDE}`]: (request: RecordedRequest) => server.decide(request.data as ServiceDecisionRequest),
  });
  return server;
}

function item(container: HTMLElement, name: string): HTMLElement {
  const found = Array.from(container.querySelectorAll<HTMLElement>('.queue-item')).find((node) =>
    node.querySelector('.queue-item__member')?.textContent === name,
  );
  if (!found) throw new Error(`no queue item for ${name}`);
  return found;
}

function select(container: HTMLElement, name: string): void {
  fireEvent.click(item(container, name).querySelector('.queue-item__select') as Element);
}

async function renderQueue(): Promise<HTMLElement> {
  const { container } = render(<WorkerQueuePage />);
  await waitFor(() => expect(container.querySelectorAll('.queue-item')).toHaveLength(3));
  return container;
}

const decideBodies = () => requestsTo(DECIDE, 'POST').map((request) => request.data as ServiceDecisionRequest);

describe('WorkerQueuePage', () => {
  it('lists pending records with each end’s verification, hours and flags in plain Chinese', async () => {
    startServer();
    const container = await renderQueue();

    expect(queryOf(requestsTo(QUEUE)[0])).toEqual({ status: 'pending', page: '1', pageSize: '20' });
    const first = item(container, '张建国');
    expect(first.textContent).toContain('扫码签到 · 扫码签退');
    expect(first.textContent).toContain('按签到签退时间约 2.5 小时');
    expect(first.textContent).toContain('政策宣讲：在小区广场宣讲养老保险新政策');
    expect(first.querySelector('.queue-item__hours')).toBeNull();

    const second = item(container, '李秀英');
    expect(second.textContent).toContain('定位签到 · 签退未核验（时长由社区工作者核定）');
    expect(second.textContent).toContain('定位距社区约 812 米');
    const flags = Array.from(second.querySelectorAll('.queue-item__flag')).map((node) => node.textContent);
    expect(flags).toEqual(['定位不在社区范围内', '离线记录，时间以手机为准']);
    expect(second.querySelector('input.queue-item__hours')).not.toBeNull();

    // The worker's own record is listed but cannot be chosen.
    const own = item(container, '刘芳');
    expect(own.querySelector('.queue-item__select')).toBeNull();
    expect(own.textContent).toContain('需由本社区其他工作者确认');
  });

  it('confirms the chosen records in one request with the hours given, then lists what was skipped and why', async () => {
    const server = startServer();
    server.decide = (body) => ({
      statusCode: 200,
      data: {
        decided: body.ids.filter((id) => id !== 'r2'),
        skipped: [{ id: 'r2', code: 'VALIDATION_FAILED', message: '该党员当日已计入 8 小时，核定时长不能超过 0 小时' }],
      },
    });
    const container = await renderQueue();

    fireEvent.click(screen.getByText('全选本页'));
    expect(screen.getByText('已选 2 条')).toBeTruthy();
    fireEvent.input(item(container, '李秀英').querySelector('input.queue-item__hours') as Element, { target: { value: '1.5' } });
    server.items = [records()[2]];
    fireEvent.click(container.querySelector('.queue-confirm') as Element);

    await waitFor(() => expect(container.querySelector('.queue-result')).not.toBeNull());
    expect(decideBodies()).toEqual([{ ids: ['r1', 'r2'], decision: 'confirm', hours: { r2: 1.5 } }]);
    expect(requestsTo(DECIDE)[0].header['Idempotency-Key']).toBeTruthy();
    const result = container.querySelector('.queue-result') as HTMLElement;
    expect(within(result).getByText('已确认 1 条，1 条未能确认')).toBeTruthy();
    expect(result.textContent).toContain('李秀英 2025年3月8日 14:00–16:30：该党员当日已计入 8 小时，核定时长不能超过 0 小时');
    // The list is read again, so decided records leave it.
    await waitFor(() => expect(container.querySelectorAll('.queue-item')).toHaveLength(1));
    expect(requestsTo(QUEUE)).toHaveLength(2);
    expect(taroMock.toasts).toContain('已确认');
  });

  it('sends nothing while a chosen record whose end was not scanned has no valid hours', async () => {
    startServer();
    const container = await renderQueue();
    select(container, '李秀英');

    fireEvent.click(container.querySelector('.queue-confirm') as Element);
    expect(item(container, '李秀英').textContent).toContain('请填写核定时长');

    fireEvent.input(item(container, '李秀英').querySelector('input.queue-item__hours') as Element, { target: { value: '1.2' } });
    fireEvent.click(container.querySelector('.queue-confirm') as Element);
    expect(item(container, '李秀英').textContent).toContain('请按 0.5 小时填写');

    await act(async () => undefined);
    expect(decideBodies()).toEqual([]);
    expect(container.querySelector('.queue-form-error')?.textContent).toContain('需要填写核定时长');
  });

  it('marks an offline claim as 离线补传 and asks for the hours even when both ends carry a code', async () => {
    const server = startServer();
    server.items = [
      recordFixture({
        id: 'r4',
        member: { id: 'm4', name: '赵丽华' },
        startVerification: 'offline',
        endVerification: 'code',
        offlineClaimedAt: new Date(2025, 2, 8, 14, 0).toISOString(),
        offlineClaim: true,
        flags: ['offline_claimed_time'],
      }),
      ...records(),
    ];
    const { container } = render(<WorkerQueuePage />);
    await waitFor(() => expect(container.querySelectorAll('.queue-item')).toHaveLength(4));

    const claim = item(container, '赵丽华');
    expect(claim.querySelector('.queue-item__offline')?.textContent).toBe('离线补传');
    expect(item(container, '张建国').querySelector('.queue-item__offline')).toBeNull();
    expect(claim.querySelector('.queue-item__hours-hint')?.textContent).toContain('离线补传，请核实时间后核定');
    const box = claim.querySelector('input.queue-item__hours') as HTMLInputElement;
    expect(box).not.toBeNull();

    select(container, '赵丽华');
    fireEvent.input(box, { target: { value: '2' } });
    fireEvent.click(container.querySelector('.queue-confirm') as Element);
    await waitFor(() => expect(decideBodies()).toEqual([{ ids: ['r4'], decision: 'confirm', hours: { r4: 2 } }]));
  });

  it('asks for a reason before returning records, and sends it with the chosen ids', async () => {
    startServer();
    const container = await renderQueue();
    select(container, '张建国');

    fireEvent.click(container.querySelector('.queue-reject') as Element);
    const dialog = container.querySelector('.queue-reject-dialog') as HTMLElement;
    expect(dialog.textContent).toContain('退回 1 条记录');
    fireEvent.click(dialog.querySelector('.queue-reject-dialog__submit') as Element);
    expect(within(dialog).getByText('请填写退回理由')).toBeTruthy();
    typeReason(dialog, '   ');
    fireEvent.click(dialog.querySelector('.queue-reject-dialog__submit') as Element);
    await act(async () => undefined);
    expect(decideBodies()).toEqual([]);

    typeReason(dialog, '当天未在社区见到本人');
    fireEvent.click(dialog.querySelector('.queue-reject-dialog__submit') as Element);

    await waitFor(() => expect(container.querySelector('.queue-reject-dialog')).toBeNull());
    expect(decideBodies()).toEqual([{ ids: ['r1'], decision: 'reject', reason: '当天未在社区见到本人' }]);
    expect(container.querySelector('.queue-result')?.textContent).toContain('已退回 1 条');
  });

  it('keeps the dialog open with the server’s message when returning fails', async () => {
    const server = startServer();
    server.decide = () => ({ statusCode: 400, data: { code: 'VALIDATION_FAILED', message: '理由不能超过 200 个字' } });
    const container = await renderQueue();
    select(container, '张建国');
    fireEvent.click(container.querySelector('.queue-reject') as Element);
    const dialog = container.querySelector('.queue-reject-dialog') as HTMLElement;
    typeReason(dialog, '理由');
    fireEvent.click(dialog.querySelector('.queue-reject-dialog__submit') as Element);

    await waitFor(() => expect(dialog.textContent).toContain('理由不能超过 200 个字'));
    expect(container.querySelector('.queue-reject-dialog')).not.toBeNull();
  });

  it('filters by status and flags, starting again at page 1', async () => {
    startServer();
    const container = await renderQueue();

    fireEvent.click(container.querySelector('.queue-flagged') as Element);
    await waitFor(() => expect(requestsTo(QUEUE)).toHaveLength(2));
    expect(queryOf(requestsTo(QUEUE)[1])).toEqual({ status: 'pending', flagged: 'true', page: '1', pageSize: '20' });

    fireEvent.click(container.querySelector('.queue-status--confirmed') as Element);
    await waitFor(() => expect(requestsTo(QUEUE)).toHaveLength(3));
    expect(queryOf(requestsTo(QUEUE)[2])).toEqual({ status: 'confirmed', flagged: 'true', page: '1', pageSize: '20' });
  });

  it('reloads on pull-down and stops the spinner', async () => {
    startServer();
    await renderQueue();
    act(() => taroMock.triggerPullDownRefresh());
    await waitFor(() => expect(taroMock.pullDownStops).toBe(1));
    expect(requestsTo(QUEUE)).toHaveLength(2);
  });
});
