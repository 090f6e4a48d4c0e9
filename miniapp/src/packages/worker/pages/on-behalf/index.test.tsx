import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ServiceDayResponse, ServiceOnBehalfRequest } from '@pioneer/shared-types';
import { type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { pageOf, queryOf, recordFixture, registrationFixture, requestsTo, serve, typeReason } from '../../testing/fixtures';
import { defaultTimes } from '../../shared/time-options';
import WorkerOnBehalfPage from './index';

const REGISTRATIONS = '/api/v1/registrations';
const ON_BEHALF = '/api/v1/services/on-behalf';
const DAY = '/api/v1/services/day';

// Only Date is faked: 2025-03-08 12:00 local time; promises and React's scheduling run as usual.
const NOW = new Date(2025, 2, 8, 12, 0);
const at = (hours: number, minutes = 0, day = 8) => new Date(2025, 2, day, hours, minutes).toISOString();

type DayMember = ServiceDayResponse['members'][number];

interface Server {
  /** Each member's day, as GET /services/day answers it; missing members have nothing recorded. */
  days: Record<string, Partial<DayMember>>;
  dayFails: boolean;
  answer?: (body: ServiceOnBehalfRequest) => MockResponse;
}

function startServer(answer?: (body: ServiceOnBehalfRequest) => MockResponse): Server {
  const server: Server = { days: {}, dayFails: false, answer };
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
    [DAY]: (request: RecordedRequest): MockResponse => {
      if (server.dayFails) return { statusCode: 503, data: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' } };
      const query = queryOf(request);
      const data: ServiceDayResponse = {
        date: query.date,
        maxHoursPerDay: 8,
        members: query.memberIds.split(',').map((memberId) => ({ memberId, counted: 0, remaining: 8, visits: [], ...server.days[memberId] })),
      };
      return { statusCode: 200, data };
    },
    [`POST ${ON_BEHALF}`]: (request: RecordedRequest) => {
      const body = request.data as ServiceOnBehalfRequest;
      if (server.answer) return server.answer(body);
      return {
        statusCode: 201,
        data: body.memberIds.map((id, i) =>
          recordFixture({ id: `r${i}`, member: { id, name: id === 'm1' ? '张建国' : '李秀英' }, status: 'confirmed', hours: 2.5, startedAt: body.startedAt, endedAt: body.endedAt }),
        ),
      };
    },
  });
  return server;
}

function field(container: HTMLElement, name: string): HTMLElement {
  return container.querySelector(`.${name}`) as HTMLElement;
}

function choose(container: HTMLElement, name: string, label: string): void {
  const root = field(container, name);
  fireEvent.click(root.querySelector('.select-field__control') as Element);
  const option = Array.from(root.querySelectorAll('.select-field__option')).find((node) => node.textContent === label);
  if (!option) throw new Error(`no option ${label} in ${name}`);
  fireEvent.click(option);
}

const shownValue = (container: HTMLElement, name: string) => field(container, name).querySelector('.select-field__control')?.textContent;

function type(container: HTMLElement, name: string, value: string): void {
  const root = field(container, name);
  const input = root.querySelector('input');
  if (input) fireEvent.input(input, { target: { value } });
  else typeReason(root, value);
}

/** Taps a member in the list under the search box. */
function pick(container: HTMLElement, name: string): void {
  fireEvent.click(within(field(container, 'on-behalf-members__list')).getByText(name));
}

function search(container: HTMLElement, text: string): void {
  fireEvent.input(field(container, 'on-behalf-members__filter').querySelector('input') ?? field(container, 'on-behalf-members__filter'), {
    target: { value: text },
  });
}

function chip(container: HTMLElement, name: string): HTMLElement | undefined {
  return Array.from(container.querySelectorAll<HTMLElement>('.on-behalf-chip')).find(
    (node) => node.querySelector('.on-behalf-chip__name')?.textContent === name,
  );
}

const listed = (container: HTMLElement) =>
  Array.from(container.querySelectorAll('.on-behalf-members__list .on-behalf-member__name')).map((node) => node.textContent);

async function renderForm(): Promise<HTMLElement> {
  const { container } = render(<WorkerOnBehalfPage />);
  await waitFor(() => expect(container.querySelectorAll('.on-behalf-member')).toHaveLength(2));
  return container;
}

function fillTheRest(container: HTMLElement): void {
  choose(container, 'on-behalf-type', '政策宣讲');
  type(container, 'on-behalf-description', '宣讲养老保险新政策');
  type(container, 'on-behalf-reason', '纸质签到表补录');
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
    // In pinyin order, as a worker looks names up on a paper sheet.
    expect(listed(container)).toEqual(['李秀英', '张建国']);
  });

  it('starts the times at now and an hour before, never at 00:00', async () => {
    startServer();
    const container = await renderForm();
    expect(shownValue(container, 'on-behalf-day')).toContain('3月8日 周六（今天）');
    expect(shownValue(container, 'on-behalf-start')).toContain('11:00');
    expect(shownValue(container, 'on-behalf-end')).toContain('12:00');
  });

  it('finds members by a part of their name, and says so when nobody matches', async () => {
    startServer();
    const container = await renderForm();
    search(container, '秀');
    expect(listed(container)).toEqual(['李秀英']);
    search(container, '王');
    expect(listed(container)).toEqual([]);
    expect(container.textContent).toContain('没有姓名或单位含“王”的已报到党员');
    search(container, '');
    expect(listed(container)).toEqual(['李秀英', '张建国']);
  });

  it('shows a chosen member as a removable chip with what is left of their day', async () => {
    const server = startServer();
    server.days.m1 = { counted: 2, remaining: 6 };
    const container = await renderForm();

    pick(container, '张建国');
    await waitFor(() => expect(chip(container, '张建国')?.textContent).toContain('今日还可记 6 小时'));
    expect(queryOf(requestsTo(DAY).at(-1) as RecordedRequest)).toEqual({ date: '2025-03-08', memberIds: 'm1' });
    expect(container.querySelector('.on-behalf-member--selected')?.textContent).toContain('张建国');
    expect(container.textContent).toContain('（已选 1 人）');

    fireEvent.click(screen.getByLabelText('移除张建国'));
    expect(chip(container, '张建国')).toBeUndefined();
    expect(container.querySelector('.on-behalf-member--selected')).toBeNull();
    expect(container.textContent).toContain('（已选 0 人）');
  });

  it('says 当天 for another day and asks about that day', async () => {
    startServer();
    const container = await renderForm();
    pick(container, '李秀英');
    choose(container, 'on-behalf-day', '3月7日 周五（昨天）');
    await waitFor(() => expect(chip(container, '李秀英')?.textContent).toContain('当天还可记 8 小时'));
    expect(queryOf(requestsTo(DAY).at(-1) as RecordedRequest).date).toBe('2025-03-07');
  });

  it('refuses times that overlap a member’s other visit beside that member, before sending', async () => {
    const server = startServer();
    server.days.m1 = {
      counted: 1,
      remaining: 7,
      visits: [
        { id: 'v1', startedAt: at(10, 30), endedAt: at(11, 30), status: 'confirmed' },
        // A rejected visit never happened as far as hours go: it overlaps nothing.
        { id: 'v2', startedAt: at(11, 30), endedAt: at(12, 0), status: 'rejected' },
      ],
    };
    const container = await renderForm();
    pick(container, '张建国');
    pick(container, '李秀英');
    fillTheRest(container);

    await waitFor(() => expect(chip(container, '张建国')?.querySelector('.field-error')?.textContent).toBe(
      '所选时间与已有记录 10:30–11:30 重叠，请调整时间或移除该党员',
    ));
    expect(chip(container, '李秀英')?.querySelector('.field-error')).toBeNull();
    fireEvent.click(screen.getByText('提交补录'));
    await waitFor(() => expect(posts()).toHaveLength(0));
    expect(chip(container, '张建国')?.className).toContain('on-behalf-chip--error');

    // Starting when that visit ended settles it.
    choose(container, 'on-behalf-start', '11:30');
    expect(chip(container, '张建国')?.querySelector('.field-error')).toBeNull();
    fireEvent.click(screen.getByText('提交补录'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0].data).toMatchObject({ memberIds: ['m1', 'm2'], startedAt: at(11, 30), endedAt: at(12, 0) });
  });

  it('counts an open visit as running until now', async () => {
    const server = startServer();
    server.days.m2 = { visits: [{ id: 'v1', startedAt: at(11, 50), endedAt: null, status: 'open' }] };
    const container = await renderForm();
    pick(container, '李秀英');
    await waitFor(() => expect(chip(container, '李秀英')?.textContent).toContain('11:50–至今'));
  });

  it('refuses hours above what is left of the member’s day, naming both figures', async () => {
    const server = startServer();
    server.days.m1 = { counted: 7.5, remaining: 0.5 };
    server.days.m2 = { counted: 8, remaining: 0 };
    const container = await renderForm();
    pick(container, '张建国');
    pick(container, '李秀英');
    fillTheRest(container);

    await waitFor(() => expect(chip(container, '张建国')?.textContent).toContain('本次计 1 小时，超出今日还可记的 0.5 小时'));
    expect(chip(container, '张建国')?.textContent).toContain('今日还可记 0.5 小时');
    expect(chip(container, '李秀英')?.textContent).toContain('今日已记满 8 小时，不能再补录');
    fireEvent.click(screen.getByText('提交补录'));
    await waitFor(() => expect(posts()).toHaveLength(0));

    // Half an hour fits 张建国's day; 李秀英 has to come off the sheet.
    choose(container, 'on-behalf-start', '11:30');
    fireEvent.click(screen.getByLabelText('移除李秀英'));
    fireEvent.click(screen.getByText('提交补录'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect((posts()[0].data as ServiceOnBehalfRequest).memberIds).toEqual(['m1']);
  });

  it('shows the server’s refusal of one member beside that member, and clears it when the times change', async () => {
    startServer(() => ({
      statusCode: 409,
      data: {
        code: 'SERVICE_TIME_OVERLAP',
        message: '所选时间与党员的其他记录重叠',
        details: [{ field: 'memberIds.m2', message: '李秀英在 11:10–11:40 已有服务记录' }],
      },
    }));
    const container = await renderForm();
    pick(container, '张建国');
    pick(container, '李秀英');
    fillTheRest(container);
    await waitFor(() => expect(chip(container, '李秀英')?.textContent).toContain('今日还可记 8 小时'));
    fireEvent.click(screen.getByText('提交补录'));

    await waitFor(() => expect(chip(container, '李秀英')?.querySelector('.field-error')?.textContent).toBe('李秀英在 11:10–11:40 已有服务记录'));
    expect(chip(container, '张建国')?.querySelector('.field-error')).toBeNull();
    // Beside the member only: no banner repeating it.
    expect(container.querySelector('.on-behalf-submit-error')).toBeNull();
    expect(container.querySelector('.on-behalf-done')).toBeNull();

    choose(container, 'on-behalf-start', '11:45');
    expect(chip(container, '李秀英')?.querySelector('.field-error')).toBeNull();
  });

  it('still sends when the day cannot be read, saying the server will check', async () => {
    const server = startServer();
    server.dayFails = true;
    const container = await renderForm();
    pick(container, '张建国');
    fillTheRest(container);
    await waitFor(() => expect(chip(container, '张建国')?.textContent).toContain('暂时无法核对当天已记时长，提交时由系统核对'));
    fireEvent.click(screen.getByText('提交补录'));
    await waitFor(() => expect(posts()).toHaveLength(1));
  });

  it('names every missing field at once and sends nothing', async () => {
    startServer();
    const container = await renderForm();

    fireEvent.click(screen.getByText('提交补录'));

    const text = container.textContent ?? '';
    expect(text).toContain('请选择要补录的党员');
    expect(text).toContain('请选择服务类型');
    expect(text).toContain('服务内容至少 5 个字');
    expect(text).toContain('请填写补录原因');
    // The times have sensible values from the start: nothing to ask about them.
    expect(text).not.toContain('请选择开始时间');
    await waitFor(() => expect(posts()).toHaveLength(0));

    // Choosing a member takes that error away at once.
    pick(container, '张建国');
    expect(container.textContent).not.toContain('请选择要补录的党员');
  });

  it('refuses an end before the start, and an end later than now', async () => {
    startServer();
    const container = await renderForm();
    choose(container, 'on-behalf-start', '16:00');
    choose(container, 'on-behalf-end', '14:00');
    fireEvent.click(screen.getByText('提交补录'));
    expect(field(container, 'on-behalf-end').textContent).toContain('结束时间应晚于开始时间');

    // Today at 12:00: a visit until 13:00 has not ended yet.
    choose(container, 'on-behalf-start', '11:00');
    choose(container, 'on-behalf-end', '13:00');
    fireEvent.click(screen.getByText('提交补录'));
    expect(field(container, 'on-behalf-end').textContent).toContain('结束时间不能晚于当前时间');
    expect(posts()).toHaveLength(0);
  });

  it('sends one request for several members with the local times as ISO, shows what was recorded, and offers another sheet', async () => {
    startServer();
    const container = await renderForm();

    pick(container, '张建国');
    pick(container, '李秀英');
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
    expect(done).toContain('3月7日 09:00–11:30');
    expect(done).toContain('张建国：计入 2.5 小时');

    fireEvent.click(screen.getByText('继续补录'));
    expect(container.querySelector('.on-behalf-done')).toBeNull();
    expect(container.querySelector('.on-behalf-chip')).toBeNull();
    // The next group on the same sheet: same day and reason kept, the times still set.
    expect(shownValue(container, 'on-behalf-day')).toContain('3月7日');
    expect(shownValue(container, 'on-behalf-start')).toContain('09:00');
    expect(field(container, 'on-behalf-reason').textContent).not.toContain('请填写补录原因');
  });

  it('shows a refusal that names no field above the button and keeps what was typed', async () => {
    startServer(() => ({
      statusCode: 403,
      data: { code: 'REGISTRATION_REQUIRED', message: '张建国尚未在该社区报到并通过审核，不能补录', details: { memberIds: ['m1'] } },
    }));
    const container = await renderForm();
    pick(container, '张建国');
    choose(container, 'on-behalf-type', '其他');
    type(container, 'on-behalf-description', '清理楼道杂物');
    type(container, 'on-behalf-reason', '电话告知');
    fireEvent.click(screen.getByText('提交补录'));

    await waitFor(() => expect(container.querySelector('.on-behalf-submit-error')?.textContent).toBe('张建国尚未在该社区报到并通过审核，不能补录'));
    expect(container.querySelector('.on-behalf-done')).toBeNull();
    expect(chip(container, '张建国')).toBeDefined();
  });
});

describe('defaultTimes', () => {
  it('ends at now rounded down to 5 minutes and starts an hour before', () => {
    expect(defaultTimes(new Date(2025, 2, 8, 14, 7))).toEqual({ day: '2025-03-08', startTime: '13:05', endTime: '14:05' });
  });

  it('just after midnight, proposes last evening rather than 00:00', () => {
    expect(defaultTimes(new Date(2025, 2, 8, 0, 40))).toEqual({ day: '2025-03-07', startTime: '22:55', endTime: '23:55' });
  });
});
