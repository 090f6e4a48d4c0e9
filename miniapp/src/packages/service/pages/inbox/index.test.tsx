import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { taroMock } from '@test/taro-mock';
import { ROUTES } from '@/constants/routes';
import { saveToken } from '@/services/session';
import { messageFixture, ok, pageOf, refusal, requestsTo, serve } from '../../testing/fixtures';
import InboxPage from './index';

const LIST = '/api/v1/messages';

const confirmedMessage = messageFixture({ id: 'm-confirmed', link: '/packages/service/pages/records/index' });
const approvedMessage = messageFixture({
  id: 'm-approved',
  kind: 'registration_approved',
  title: '报到申请已通过',
  body: '您已在幸福里社区报到。',
  readAt: '2026-03-04T09:00:00.000Z',
});
const systemMessage = messageFixture({ id: 'm-system', kind: 'system', title: '报到关系已结束', body: '原因：搬家了' });

function unreadIds(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.message-item--unread .message-item__title')).map((node) => node.textContent ?? '');
}

describe('InboxPage', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('marks unread messages, and on a tap marks it read and opens its page', async () => {
    serve({
      [`GET ${LIST}`]: () => ok(pageOf([confirmedMessage, approvedMessage], 1, 20)),
      'POST /api/v1/messages/m-confirmed/read': () => ok({ ...confirmedMessage, readAt: '2026-03-05T10:00:00.000Z' }),
    });
    const { container } = render(<InboxPage />);

    await waitFor(() => expect(container.querySelectorAll('.message-item')).toHaveLength(2));
    expect(requestsTo('GET', LIST)[0].url).toBe(`${LIST}?page=1&pageSize=20`);
    expect(unreadIds(container)).toEqual(['服务记录已确认']);

    fireEvent.click(screen.getByText('服务记录已确认'));

    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.serviceRecords }]);
    await waitFor(() => expect(requestsTo('POST', '/api/v1/messages/m-confirmed/read')).toHaveLength(1));
    expect(requestsTo('POST', '/api/v1/messages/m-confirmed/read')[0].header['Idempotency-Key']).toBeTruthy();
    expect(container.querySelector('.message-item--unread')).toBeNull();
  });

  it('leads every message with its title, then the body and the time', async () => {
    serve({ [`GET ${LIST}`]: () => ok(pageOf([confirmedMessage, approvedMessage], 1, 20)) });
    const { container } = render(<InboxPage />);
    await waitFor(() => expect(container.querySelectorAll('.message-item')).toHaveLength(2));

    // Read or not, the title comes first and is set apart from the body.
    const read = container.querySelectorAll('.message-item')[1];
    const parts = Array.from(read.querySelectorAll('.message-item__title, .message-item__body, .message-item__time')).map(
      (node) => ['message-item__title', 'message-item__body', 'message-item__time'].find((name) => node.classList.contains(name)),
    );
    expect(parts).toEqual(['message-item__title', 'message-item__body', 'message-item__time']);
    expect(read.querySelector('.message-item__head .message-item__title')?.textContent).toBe('报到申请已通过');
    expect(read.querySelector('.message-item__body')?.textContent).toBe('您已在幸福里社区报到。');
    expect(read.querySelector('.message-item__time')?.textContent).toMatch(/\d{1,2}:\d{2}/);
  });

  it('opens the page a message is about even when its link names a page this version does not have', async () => {
    const stale = messageFixture({ id: 'm-stale', link: '/packages/services/pages/mine/index', readAt: '2026-03-05T10:00:00.000Z' });
    serve({ [`GET ${LIST}`]: () => ok(pageOf([stale], 1, 20)) });
    render(<InboxPage />);

    fireEvent.click(await screen.findByText('服务记录已确认'));

    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: ROUTES.serviceRecords }]);
    // Already read: no second write.
    expect(taroMock.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('stays put for a message that only informs', async () => {
    serve({
      [`GET ${LIST}`]: () => ok(pageOf([systemMessage], 1, 20)),
      'POST /api/v1/messages/m-system/read': () => ok({ ...systemMessage, readAt: '2026-03-05T10:00:00.000Z' }),
    });
    render(<InboxPage />);

    fireEvent.click(await screen.findByText('报到关系已结束'));

    await waitFor(() => expect(requestsTo('POST', '/api/v1/messages/m-system/read')).toHaveLength(1));
    expect(taroMock.navigations).toEqual([]);
  });

  it('marks everything read with 全部已读', async () => {
    serve({
      [`GET ${LIST}`]: () => ok(pageOf([confirmedMessage, systemMessage, approvedMessage], 1, 20)),
      'POST /api/v1/messages/read-all': () => ok({ unread: 0 }),
    });
    const { container } = render(<InboxPage />);
    await waitFor(() => expect(unreadIds(container)).toEqual(['服务记录已确认', '报到关系已结束']));

    fireEvent.click(container.querySelector('.inbox-read-all') as HTMLElement);

    await waitFor(() => expect(container.querySelector('.message-item--unread')).toBeNull());
    expect(requestsTo('POST', '/api/v1/messages/read-all')).toHaveLength(1);
    expect(taroMock.toasts).toContain('已全部标为已读');
  });

  it('keeps the messages unread when 全部已读 fails, and says why', async () => {
    serve({
      [`GET ${LIST}`]: () => ok(pageOf([confirmedMessage], 1, 20)),
      'POST /api/v1/messages/read-all': () => refusal(503, 'SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后再试'),
    });
    const { container } = render(<InboxPage />);
    await waitFor(() => expect(unreadIds(container)).toEqual(['服务记录已确认']));

    fireEvent.click(container.querySelector('.inbox-read-all') as HTMLElement);

    await waitFor(() => expect(taroMock.toasts).toContain('服务暂时不可用，请稍后再试'));
    expect(unreadIds(container)).toEqual(['服务记录已确认']);
  });
});

describe('InboxPage in the mini-program', () => {
  const originalEnv = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    saveToken('token-1', 3600);
  });
  afterEach(() => {
    process.env.TARO_ENV = originalEnv;
  });

  it('asks WeChat for at most three reminders from a tap and reports which were accepted', async () => {
    serve({
      [`GET ${LIST}`]: () => ok(pageOf([], 1, 20)),
      'GET /api/v1/messages/subscriptions/templates': () =>
        ok({
          templates: [
            { kind: 'registration_approved', templateId: 'T-REG' },
            { kind: 'service_confirmed', templateId: 'T-SVC' },
            { kind: 'service_rejected', templateId: 'T-SVC' },
            { kind: 'suggestion_replied', templateId: 'T-SUG' },
            { kind: 'worker_pending', templateId: 'T-WRK' },
          ],
        }),
      'POST /api/v1/messages/subscriptions': () => ok({ acceptances: [{ templateId: 'T-SVC', available: 1 }] }),
    });
    taroMock.subscribeAnswer = { 'T-SVC': 'accept', 'T-REG': 'reject', 'T-SUG': 'reject' };
    const { container } = render(<InboxPage />);
    await waitFor(() => expect(container.querySelector('.inbox-subscribe')).not.toBeNull());

    fireEvent.click(container.querySelector('.inbox-subscribe') as HTMLElement);

    await waitFor(() => expect(requestsTo('POST', '/api/v1/messages/subscriptions')).toHaveLength(1));
    expect(taroMock.subscribeRequests).toEqual([{ tmplIds: ['T-SVC', 'T-REG', 'T-SUG'], entityIds: [] }]);
    expect(requestsTo('POST', '/api/v1/messages/subscriptions')[0].data).toEqual({
      templateIds: ['T-SVC', 'T-REG', 'T-SUG'],
      accepted: ['T-SVC'],
    });
  });
});
