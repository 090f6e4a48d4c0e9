import { act, fireEvent, render, screen } from '@testing-library/react';
import { encode } from 'uqr';
import { taroMock, type MockResponse } from '@test/taro-mock';
import { getRefreshToken, getToken } from '@/services/session';
import ConsoleQr from './console-qr';
import { POLL_INTERVAL_MS } from './use-console-qr';

const TICKET = '/api/v1/auth/console/ticket';
const POLL = '/api/v1/auth/console/poll';

interface FakeServer {
  /** What the next poll answers. */
  poll: () => MockResponse;
  tickets: number;
}

function startServer(): FakeServer {
  const server: FakeServer = { poll: () => ({ statusCode: 200, data: { status: 'pending' } }), tickets: 0 };
  taroMock.onRequest((request) => {
    if (request.url === TICKET) {
      server.tickets += 1;
      const n = server.tickets;
      return {
        statusCode: 200,
        data: { ticketId: `t${n}`, scanPayload: `pioneer-console:ticket-${n}`, pollSecret: `secret-${n}`, expiresIn: 120 },
      };
    }
    if (request.url === POLL) return server.poll();
    return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
  });
  return server;
}

const polls = () => taroMock.requests.filter((request) => request.url === POLL);

/** Advances fake time and lets every promise the timers started settle. */
async function advance(ms: number): Promise<void> {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

function statusText(container: HTMLElement): string | null | undefined {
  return container.querySelector('.console-qr__status')?.textContent;
}

/** The drawn matrix read back from the views: one row of booleans per `.qr-code__row`, from each run's margin and width. */
function drawnMatrix(container: HTMLElement): boolean[][] {
  const rows = Array.from(container.querySelectorAll<HTMLElement>('.qr-code__row'));
  const cell = parseInt(rows[0].style.height, 10);
  return rows.map((row) => {
    const cells: boolean[] = [];
    for (const run of Array.from(row.querySelectorAll<HTMLElement>('.qr-code__dark'))) {
      const gap = parseInt(run.style.marginLeft, 10) / cell;
      const length = parseInt(run.style.width, 10) / cell;
      cells.push(...Array<boolean>(gap).fill(false), ...Array<boolean>(length).fill(true));
    }
    while (cells.length < rows.length) cells.push(false);
    return cells;
  });
}

describe('ConsoleQr', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('draws the ticket as a QR code and goes pending → scanned → confirmed, then signs in', async () => {
    const server = startServer();
    taroMock.pageStack = ['pages/index/index', 'packages/account/pages/login/index'];
    const { container } = render(<ConsoleQr />);
    await advance(0);

    expect(drawnMatrix(container)).toEqual(encode('pioneer-console:ticket-1', { ecc: 'M', border: 0 }).data);
    expect(screen.getByLabelText('电脑端登录二维码')).toBeTruthy();
    expect(statusText(container)).toContain('请用先锋报到小程序扫码');
    expect(polls()).toHaveLength(0);

    await advance(POLL_INTERVAL_MS);
    expect(polls()).toHaveLength(1);
    expect(polls()[0].data).toEqual({ ticketId: 't1', pollSecret: 'secret-1' });
    expect(polls()[0].header).not.toHaveProperty('Authorization');

    server.poll = () => ({ statusCode: 200, data: { status: 'scanned' } });
    await advance(POLL_INTERVAL_MS);
    expect(statusText(container)).toBe('已扫码，请在手机上确认');
    expect(getToken()).toBeNull();

    server.poll = () => ({
      statusCode: 200,
      data: {
        status: 'confirmed',
        session: { accessToken: 'console-access', expiresIn: 900, refreshToken: 'console-refresh', refreshExpiresIn: 28_800 },
      },
    });
    await advance(POLL_INTERVAL_MS);

    expect(statusText(container)).toBe('已确认，正在登录…');
    expect(getToken()).toBe('console-access');
    expect(getRefreshToken()).toBe('console-refresh');
    expect(taroMock.navigations).toEqual([{ type: 'navigateBack' }]);

    // Signed in: no more polling.
    const count = polls().length;
    await advance(POLL_INTERVAL_MS * 5);
    expect(polls()).toHaveLength(count);
  });

  it('offers 刷新二维码 when the code expired, and a new ticket and QR after tapping it', async () => {
    const server = startServer();
    server.poll = () => ({ statusCode: 200, data: { status: 'expired' } });
    const { container } = render(<ConsoleQr />);
    await advance(0);
    const firstDrawing = drawnMatrix(container);

    await advance(POLL_INTERVAL_MS);

    expect(statusText(container)).toBe('二维码已过期');
    expect(container.querySelector('.qr-code')).toBeNull();
    const refresh = container.querySelector('.console-qr__refresh');
    expect(refresh?.textContent).toBe('刷新二维码');
    const count = polls().length;
    await advance(POLL_INTERVAL_MS * 3);
    expect(polls()).toHaveLength(count);

    server.poll = () => ({ statusCode: 200, data: { status: 'pending' } });
    fireEvent.click(screen.getByText('刷新二维码'));
    await advance(0);

    expect(server.tickets).toBe(2);
    expect(container.querySelector('.console-qr__refresh')).toBeNull();
    expect(drawnMatrix(container)).toEqual(encode('pioneer-console:ticket-2', { ecc: 'M', border: 0 }).data);
    expect(drawnMatrix(container)).not.toEqual(firstDrawing);
    await advance(POLL_INTERVAL_MS);
    expect(polls()[polls().length - 1].data).toEqual({ ticketId: 't2', pollSecret: 'secret-2' });
  });

  it('treats CONSOLE_TICKET_EXPIRED from the server as expired', async () => {
    const server = startServer();
    server.poll = () => ({ statusCode: 410, data: { code: 'CONSOLE_TICKET_EXPIRED', message: '二维码已过期' } });
    const { container } = render(<ConsoleQr />);
    await advance(0);
    await advance(POLL_INTERVAL_MS);
    expect(container.querySelector('.console-qr__refresh')).not.toBeNull();
  });

  it('expires on its own when the ticket lifetime passes, even if polls got no answer', async () => {
    const server = startServer();
    server.poll = () => {
      throw new Error('offline');
    };
    const { container } = render(<ConsoleQr />);
    await advance(0);

    await advance(121_000);

    expect(container.querySelector('.console-qr__refresh')).not.toBeNull();
  });

  it('backs off while the network fails and returns to every 2 s once it answers', async () => {
    const server = startServer();
    server.poll = () => {
      throw new Error('offline');
    };
    const { container } = render(<ConsoleQr />);
    await advance(0);

    await advance(POLL_INTERVAL_MS);
    expect(polls()).toHaveLength(1);
    expect(container.querySelector('.console-qr__network')?.textContent).toBe('网络不稳定，正在重试…');
    // Second try only after 4 s, third after a further 8 s.
    await advance(3_999);
    expect(polls()).toHaveLength(1);
    await advance(1);
    expect(polls()).toHaveLength(2);
    await advance(7_999);
    expect(polls()).toHaveLength(2);
    await advance(1);
    expect(polls()).toHaveLength(3);

    server.poll = () => ({ statusCode: 200, data: { status: 'pending' } });
    await advance(16_000);
    expect(polls()).toHaveLength(4);
    expect(container.querySelector('.console-qr__network')).toBeNull();
    await advance(POLL_INTERVAL_MS);
    expect(polls()).toHaveLength(5);
  });

  it('stops polling while the page is hidden and after it is closed', async () => {
    const server = startServer();
    server.poll = () => ({ statusCode: 200, data: { status: 'pending' } });
    const { unmount } = render(<ConsoleQr />);
    await advance(0);
    await advance(POLL_INTERVAL_MS);
    expect(polls()).toHaveLength(1);

    act(() => taroMock.triggerDidHide());
    await advance(POLL_INTERVAL_MS * 5);
    expect(polls()).toHaveLength(1);

    act(() => taroMock.triggerDidShow());
    await advance(0);
    expect(polls()).toHaveLength(2);
    await advance(POLL_INTERVAL_MS);
    expect(polls()).toHaveLength(3);

    unmount();
    await advance(POLL_INTERVAL_MS * 5);
    expect(polls()).toHaveLength(3);
  });

  it('shows the error with 重试 when no ticket can be created', async () => {
    taroMock.onRequest(() => ({ statusCode: 503, data: { code: 'SERVICE_UNAVAILABLE', message: '服务正在维护，请稍后再试' } }));
    const { container } = render(<ConsoleQr />);
    await advance(0);

    expect(screen.getByText('服务正在维护，请稍后再试')).toBeTruthy();
    expect(container.querySelector('.qr-code')).toBeNull();

    startServer();
    fireEvent.click(screen.getByText('重试'));
    await advance(0);
    expect(container.querySelector('.qr-code')).not.toBeNull();
  });
});
