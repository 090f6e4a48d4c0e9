import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ServiceCorrectionRequest, ServiceDecisionRequest, ServiceRecordView } from '@pioneer/shared-types';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { pageOf, queryOf, recordFixture, requestsTo, serve, typeReason } from '../../testing/fixtures';
import { dayKey, dayRange } from './use-queue';
import WorkerQueuePage from './index';

const QUEUE = '/api/v1/services/queue';
const DECIDE = '/api/v1/services/decide';
const SOON = () => new Date(Date.now() + 10 * 60_000).toISOString();

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

/** What the server answers a decision with: the decided rows as they now are, undoable for ten minutes. */
function decided(items: ServiceRecordView[], body: ServiceDecisionRequest, ids = body.ids) {
  return items
    .filter((record) => ids.includes(record.id))
    .map((record) => ({
      ...record,
      status: body.decision === 'confirm' ? ('confirmed' as const) : ('rejected' as const),
      hours: body.decision === 'confirm' ? (body.hours?.[record.id] ?? record.proposedHours) : 0,
      decidedBy: { id: 'w1', name: '刘芳' },
      decidedAt: new Date().toISOString(),
      decisionReason: body.reason ?? null,
      undoableUntil: SOON(),
    }));
}

interface QueueServer {
  items: ServiceRecordView[];
  decide: (body: ServiceDecisionRequest) => MockResponse;
  undo: (id: string) => MockResponse;
  correct: (id: string, body: ServiceCorrectionRequest) => MockResponse;
}

function startServer(): QueueServer {
  const server: QueueServer = {
    items: records(),
    decide: (body) => ({ statusCode: 200, data: { decided: body.ids, skipped: [], records: decided(server.items, body) } }),
    undo: (id) => ({
      statusCode: 200,
      data: { ...server.items.find((r) => r.id === id)!, status: 'pending', hours: 0, decidedBy: null, decidedAt: null, undoableUntil: null },
    }),
    correct: (id, body) => ({
      statusCode: 200,
      data: { ...server.items.find((r) => r.id === id)!, status: body.decision === 'confirm' ? 'confirmed' : 'rejected', hours: body.hours ?? 0 },
    }),
  };
  serve({
    [QUEUE]: () => ({ statusCode: 200, data: pageOf(server.items) }),
    [`POST ${DECIDE}`]: (request: RecordedRequest) => server.decide(request.data as ServiceDecisionRequest),
    'POST /api/v1/services/r1/undo': () => server.undo('r1'),
    'POST /api/v1/services/r5/correct': (request: RecordedRequest) => server.correct('r5', request.data as ServiceCorrectionRequest),
  });
  return server;
}

function item(container: HTMLElement, name: string): HTMLElement {
  const found = Array.from(container.querySelectorAll<HTMLElement>('.queue-item')).find(
    (node) => node.querySelector('.queue-item__member')?.textContent === name,
  );
  if (!found) throw new Error(`no queue item for ${name}`);
  return found;
}

function click(node: Element | null): void {
  if (!node) throw new Error('nothing to click');
  fireEvent.click(node);
}

function select(container: HTMLElement, name: string): void {
  click(item(container, name).querySelector('.queue-item__select'));
}

async function renderQueue(count = 3): Promise<HTMLElement> {
  const { container } = render(<WorkerQueuePage />);
  await waitFor(() => expect(container.querySelectorAll('.queue-item')).toHaveLength(count));
  return container;
}

function choose(container: HTMLElement, field: string, label: string): void {
  const root = container.querySelector(field) as HTMLElement;
  click(root.querySelector('.select-field__control'));
  const option = Array.from(root.querySelectorAll('.select-field__option')).find((node) => node.textContent === label);
  click(option ?? null);
}

const decideBodies = () => requestsTo(DECIDE, 'POST').map((request) => request.data as ServiceDecisionRequest);

describe('WorkerQueuePage', () => {
  it('lists pending records with each end’s verification, hours and flags in plain Chinese, and per-row actions', async () => {
    startServer();
    const container = await renderQueue();

    expect(queryOf(requestsTo(QUEUE)[0])).toEqual({ status: 'pending', page: '1', pageSize: '20' });
    const first = item(container, '张建国');
    expect(first.textContent).toContain('扫码签到 · 扫码签退');
    expect(first.textContent).toContain('按签到签退时间约 2.5 小时');
    expect(first.textContent).toContain('政策宣讲：在小区广场宣讲养老保险新政策');
    expect(first.querySelector('.queue-item__hours')).toBeNull();
    expect(first.querySelector('.queue-item__confirm')?.textContent).toBe('确认');
    expect(first.querySelector('.queue-item__reject')?.textContent).toBe('退回');

    const second = item(container, '李秀英');
    expect(second.textContent).toContain('定位签到 · 签退未核验（时长由社区工作者核定）');
    expect(second.textContent).toContain('定位距社区约 812 米');
    const flags = Array.from(second.querySelectorAll('.queue-item__flag')).map((node) => node.textContent);
    expect(flags).toEqual(['定位不在社区范围内', '离线记录，时间以手机为准']);
    expect(second.querySelector('input.queue-item__hours')).not.toBeNull();

    // The worker's own record is listed but offers nothing to do.
    const own = item(container, '刘芳');
    expect(own.querySelector('.queue-item__confirm')).toBeNull();
    expect(own.textContent).toContain('需由本社区其他工作者确认');
    // Checkboxes appear only in the select mode.
    expect(container.querySelector('.queue-item__select')).toBeNull();
    expect(container.querySelector('.queue-actions')).toBeNull();
  });

  it('confirms one row from its own button and shows the result and 撤销 on that row', async () => {
    startServer();
    const container = await renderQueue();

    click(item(container, '张建国').querySelector('.queue-item__confirm'));
    await waitFor(() => expect(item(container, '张建国').querySelector('.queue-item__result')?.textContent).toBe('已确认'));
    expect(decideBodies()).toEqual([{ ids: ['r1'], decision: 'confirm' }]);
    expect(requestsTo(DECIDE)[0].header['Idempotency-Key']).toBeTruthy();
    const row = item(container, '张建国');
    expect(row.querySelector('.queue-item__status')?.textContent).toBe('已确认');
    expect(row.querySelector('.queue-item__undo')?.textContent).toBe('撤销');
    expect(row.querySelector('.queue-item__confirm')).toBeNull();
    expect(taroMock.toasts).toContain('已确认 1 条');
  });

  it('confirms the selection in bulk, shows each row’s result, and puts a server field error beside its row', async () => {
    const server = startServer();
    server.decide = (body) => ({
      statusCode: 200,
      data: {
        decided: ['r1'],
        skipped: [{ id: 'r2', code: 'VALIDATION_FAILED', message: '该党员当日已计入 8 小时，核定时长不能超过 0 小时' }],
        records: decided(server.items, body, ['r1']),
      },
    });
    const container = await renderQueue();

    click(screen.getByText('多选'));
    click(screen.getByText('全选'));
    expect(screen.getByText('已选 2 条')).toBeTruthy();
    fireEvent.input(item(container, '李秀英').querySelector('input.queue-item__hours') as Element, { target: { value: '1.5' } });
    click(container.querySelector('.queue-confirm'));

    await waitFor(() => expect(item(container, '张建国').querySelector('.queue-item__result')?.textContent).toBe('已确认'));
    expect(decideBodies()).toEqual([{ ids: ['r1', 'r2'], decision: 'confirm', hours: { r2: 1.5 } }]);
    expect(item(container, '李秀英').querySelector('.queue-item__result--skipped')?.textContent).toBe(
      '该党员当日已计入 8 小时，核定时长不能超过 0 小时',
    );
    expect(screen.getByText('已选 1 条')).toBeTruthy();

    // The server refuses the hours of one row as a field error: it shows beside that row and goes when it changes.
    server.decide = () => ({
      statusCode: 400,
      data: { code: 'VALIDATION_FAILED', message: '提交的内容有误', details: [{ field: 'hours.r2', message: '核定时长不能超过每日上限 8 小时' }] },
    });
    fireEvent.input(item(container, '李秀英').querySelector('input.queue-item__hours') as Element, { target: { value: '9' } });
    click(container.querySelector('.queue-confirm'));
    await waitFor(() =>
      expect(item(container, '李秀英').querySelector('.queue-item__hours-error')?.textContent).toBe('核定时长不能超过每日上限 8 小时'),
    );
    expect(container.querySelector('.queue-form-error')).toBeNull();
    fireEvent.input(item(container, '李秀英').querySelector('input.queue-item__hours') as Element, { target: { value: '2' } });
    expect(item(container, '李秀英').querySelector('.queue-item__hours-error')).toBeNull();
  });

  it('sends nothing while a chosen record whose end was not scanned has no valid hours', async () => {
    startServer();
    const container = await renderQueue();
    click(screen.getByText('多选'));
    select(container, '李秀英');

    click(container.querySelector('.queue-confirm'));
    expect(item(container, '李秀英').textContent).toContain('请填写核定时长');

    fireEvent.input(item(container, '李秀英').querySelector('input.queue-item__hours') as Element, { target: { value: '1.2' } });
    click(container.querySelector('.queue-confirm'));
    expect(item(container, '李秀英').textContent).toContain('请按 0.5 小时填写');

    await act(async () => undefined);
    expect(decideBodies()).toEqual([]);
    expect(container.querySelector('.queue-form-error')?.textContent).toContain('需要填写核定时长');
  });

  it('returns the selection with one reason for all, asking for it first', async () => {
    startServer();
    const container = await renderQueue();
    click(screen.getByText('多选'));
    select(container, '张建国');
    select(container, '李秀英');

    click(container.querySelector('.queue-reject'));
    const dialog = container.querySelector('.queue-reject-dialog') as HTMLElement;
    expect(dialog.textContent).toContain('退回 2 条记录');
    expect(dialog.textContent).toContain('同一理由会发送给每位党员本人');
    click(dialog.querySelector('.queue-reject-dialog__submit'));
    expect(within(dialog).getByText('请填写退回理由')).toBeTruthy();
    await act(async () => undefined);
    expect(decideBodies()).toEqual([]);

    typeReason(dialog, '当天未在社区见到本人');
    click(dialog.querySelector('.queue-reject-dialog__submit'));
    await waitFor(() => expect(container.querySelector('.queue-reject-dialog')).toBeNull());
    expect(decideBodies()).toEqual([{ ids: ['r1', 'r2'], decision: 'reject', reason: '当天未在社区见到本人' }]);
    expect(item(container, '张建国').querySelector('.queue-item__result')?.textContent).toBe('已退回');
    expect(item(container, '李秀英').querySelector('.queue-item__result')?.textContent).toBe('已退回');
  });

  it('keeps the reject dialog open with the server’s message when returning fails', async () => {
    const server = startServer();
    server.decide = () => ({ statusCode: 400, data: { code: 'VALIDATION_FAILED', message: '理由不能超过 200 个字' } });
    const container = await renderQueue();
    click(item(container, '张建国').querySelector('.queue-item__reject'));
    const dialog = container.querySelector('.queue-reject-dialog') as HTMLElement;
    expect(dialog.textContent).toContain('退回 1 条记录');
    typeReason(dialog, '理由');
    click(dialog.querySelector('.queue-reject-dialog__submit'));

    await waitFor(() => expect(dialog.textContent).toContain('理由不能超过 200 个字'));
    expect(container.querySelector('.queue-reject-dialog')).not.toBeNull();
  });

  it('undoes a decision while its window is open: the row waits again', async () => {
    startServer();
    const container = await renderQueue();
    click(item(container, '张建国').querySelector('.queue-item__confirm'));
    await waitFor(() => expect(item(container, '张建国').querySelector('.queue-item__undo')).not.toBeNull());

    click(item(container, '张建国').querySelector('.queue-item__undo'));
    await waitFor(() => expect(item(container, '张建国').querySelector('.queue-item__result')?.textContent).toBe('已撤销，记录重新待确认'));
    expect(requestsTo('/api/v1/services/r1/undo', 'POST')).toHaveLength(1);
    expect(item(container, '张建国').querySelector('.queue-item__status')?.textContent).toBe('待确认');
    expect(item(container, '张建国').querySelector('.queue-item__confirm')).not.toBeNull();
  });

  it('shows a refused undo on its row', async () => {
    const server = startServer();
    server.undo = () => ({ statusCode: 409, data: { code: 'SERVICE_UNDO_EXPIRED', message: '已超过可撤销的时间，如需修改请填写更正理由' } });
    const container = await renderQueue();
    click(item(container, '张建国').querySelector('.queue-item__confirm'));
    await waitFor(() => expect(item(container, '张建国').querySelector('.queue-item__undo')).not.toBeNull());
    click(item(container, '张建国').querySelector('.queue-item__undo'));
    await waitFor(() =>
      expect(item(container, '张建国').querySelector('.queue-item__undo-error')?.textContent).toBe('已超过可撤销的时间，如需修改请填写更正理由'),
    );
  });

  it('corrects a decided record after the window with a reason, showing each field’s error beside it', async () => {
    const server = startServer();
    server.items = [
      recordFixture({
        id: 'r5',
        member: { id: 'm5', name: '王志强' },
        status: 'confirmed',
        hours: 2,
        decidedBy: { id: 'w1', name: '刘芳' },
        decidedAt: new Date(2025, 2, 8, 17, 0).toISOString(),
      }),
    ];
    const container = await renderQueue(1);
    const row = item(container, '王志强');
    expect(row.querySelector('.queue-item__undo')).toBeNull();
    click(row.querySelector('.queue-item__correct'));

    const dialog = container.querySelector('.queue-correct-dialog') as HTMLElement;
    expect((dialog.querySelector('.queue-correct__hours input') as HTMLInputElement).value).toBe('2');
    click(dialog.querySelector('.queue-correct__submit'));
    expect(dialog.querySelector('.queue-correct__reason .text-field__error')?.textContent).toBe('请填写更正理由（至少 2 个字）');
    expect(requestsTo('/api/v1/services/r5/correct')).toHaveLength(0);

    server.correct = () => ({
      statusCode: 422,
      data: {
        code: 'SERVICE_DAILY_CAP',
        message: '超过当日可记时长上限，请按实际时长填写',
        details: [{ field: 'hours', message: '该党员当日已计入 5 小时，每日最多 8 小时，最多还可计入 3 小时' }],
      },
    });
    fireEvent.input(dialog.querySelector('.queue-correct__hours input') as Element, { target: { value: '4' } });
    typeReason(dialog.querySelector('.queue-correct__reason') as HTMLElement, '核对纸质签到表后更正');
    click(dialog.querySelector('.queue-correct__submit'));
    await waitFor(() =>
      expect(dialog.querySelector('.queue-correct__hours .text-field__error')?.textContent).toBe(
        '该党员当日已计入 5 小时，每日最多 8 小时，最多还可计入 3 小时',
      ),
    );
    expect(requestsTo('/api/v1/services/r5/correct')[0].data).toEqual({ decision: 'confirm', hours: 4, reason: '核对纸质签到表后更正' });

    server.correct = (id, body) => ({ statusCode: 200, data: { ...server.items[0], id, hours: body.hours ?? 0 } });
    fireEvent.input(dialog.querySelector('.queue-correct__hours input') as Element, { target: { value: '3' } });
    expect(dialog.querySelector('.queue-correct__hours .text-field__error')).toBeNull();
    click(dialog.querySelector('.queue-correct__submit'));
    await waitFor(() => expect(container.querySelector('.queue-correct-dialog')).toBeNull());
    expect(item(container, '王志强').querySelector('.queue-item__result')?.textContent).toBe('已更正');
    expect(item(container, '王志强').textContent).toContain('计入 3 小时');
  });

  it('marks a resubmission and shows the member’s reason for more hours', async () => {
    const server = startServer();
    server.items = [recordFixture({ id: 'r6', member: { id: 'm6', name: '赵丽华' }, resubmittedFrom: 'r0', hoursReason: '会后帮忙整理会场' })];
    const container = await renderQueue(1);
    const row = item(container, '赵丽华');
    expect(row.querySelector('.queue-item__resubmitted')?.textContent).toBe('重新提交');
    expect(row.querySelector('.queue-item__hours-reason')?.textContent).toBe('多报时长的说明：会后帮忙整理会场');
    expect(item(container, '赵丽华').querySelector('.queue-item__resubmitted')).not.toBeNull();
  });

  it('filters by status, day and flag', async () => {
    startServer();
    const container = await renderQueue();

    choose(container, '.queue-day', '今天');
    await waitFor(() => expect(requestsTo(QUEUE)).toHaveLength(2));
    const today = dayKey(new Date());
    expect(queryOf(requestsTo(QUEUE)[1])).toEqual({ status: 'pending', dateFrom: today, dateTo: today, page: '1', pageSize: '20' });

    choose(container, '.queue-flag', '有标记');
    await waitFor(() => expect(requestsTo(QUEUE)).toHaveLength(3));
    expect(queryOf(requestsTo(QUEUE)[2])).toMatchObject({ flagged: 'true', dateFrom: today });

    choose(container, '.queue-flag', '定位不在社区范围内');
    await waitFor(() => expect(requestsTo(QUEUE)).toHaveLength(4));
    expect(queryOf(requestsTo(QUEUE)[3])).toMatchObject({ flag: 'geofence_outside' });
    expect(queryOf(requestsTo(QUEUE)[3]).flagged).toBeUndefined();

    click(container.querySelector('.queue-status--confirmed'));
    await waitFor(() => expect(requestsTo(QUEUE)).toHaveLength(5));
    expect(queryOf(requestsTo(QUEUE)[4])).toMatchObject({ status: 'confirmed', flag: 'geofence_outside' });
  });

  it('counts this week from Monday', () => {
    // Thursday 2025-03-13 → Monday 2025-03-10.
    expect(dayRange('week', new Date(2025, 2, 13, 10))).toEqual({ dateFrom: '2025-03-10', dateTo: '2025-03-13' });
    // A Sunday belongs to the week that began six days earlier.
    expect(dayRange('week', new Date(2025, 2, 16, 10))).toEqual({ dateFrom: '2025-03-10', dateTo: '2025-03-16' });
    expect(dayRange('2025-03-01')).toEqual({ dateFrom: '2025-03-01', dateTo: '2025-03-01' });
  });

  it('loads more rows, and shows empty and error states', async () => {
    const server = startServer();
    const many = Array.from({ length: 25 }, (_, i) => recordFixture({ id: `p${i}`, member: { id: `m${i}`, name: `党员${i}` } }));
    serve({
      [QUEUE]: (request) => {
        const page = Number(queryOf(request).page);
        return { statusCode: 200, data: pageOf(many.slice((page - 1) * 20, page * 20), page, 20, many.length) };
      },
    });
    const container = await renderQueue(20);
    click(screen.getByText('加载更多'));
    await waitFor(() => expect(container.querySelectorAll('.queue-item')).toHaveLength(25));
    expect(screen.getByText('共 25 条，已全部显示')).toBeTruthy();
    void server;
  });

  it('says so when nothing waits, and offers 重试 when the list cannot be read', async () => {
    serve({ [QUEUE]: () => ({ statusCode: 200, data: pageOf([]) }) });
    const { container, unmount } = render(<WorkerQueuePage />);
    await waitFor(() => expect(container.querySelector('.queue-empty')?.textContent).toContain('没有待确认的记录'));
    unmount();

    serve({ [QUEUE]: () => ({ statusCode: 503, data: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }) });
    const second = render(<WorkerQueuePage />);
    await waitFor(() => expect(second.container.querySelector('.queue-error')?.textContent).toContain('服务暂时不可用'));
  });

  it('reloads on pull-down and stops the spinner', async () => {
    startServer();
    await renderQueue();
    act(() => taroMock.triggerPullDownRefresh());
    await waitFor(() => expect(taroMock.pullDownStops).toBe(1));
    expect(requestsTo(QUEUE)).toHaveLength(2);
  });
});
