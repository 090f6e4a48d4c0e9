import { act, fireEvent, render, screen } from '@testing-library/react';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import { REFRESH_MARGIN_MS, RETRY_MIN_MS, refreshDelay } from '@/hooks/use-rotating-code';
import { GUANGMING, XIANGYANG, codeFixture, memberOnlyMe, queryOf, requestsTo, serve, workerMe } from '../../testing/fixtures';
import WorkerCodePage from './index';

const CODE = '/api/v1/checkin/code';
const SLOT_MS = 15_000;

/** Advances fake time and lets every promise the timers started settle. */
async function advance(ms: number): Promise<void> {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

interface CodeServer {
  demo: boolean;
  /** When set, the code endpoint gets no answer (offline). */
  offline: boolean;
}

/** Answers like the backend: the code of the current 15 s slot, expiring at the slot's end; a new short code per slot. */
function startServer(communities = [XIANGYANG]): CodeServer {
  const server: CodeServer = { demo: true, offline: false };
  serve(
    {
      [CODE]: (request: RecordedRequest): MockResponse => {
        if (server.offline) throw new Error('offline');
        const communityId = queryOf(request).communityId;
        const community = communities.find((c) => c.id === communityId) ?? XIANGYANG;
        const slot = Math.floor(Date.now() / SLOT_MS);
        return {
          statusCode: 200,
          data: codeFixture({
            communityId,
            communityName: community.name,
            code: `v1.${communityId}.${slot}.mac${slot}`,
            shortCode: server.demo ? String(slot % 1_000_000).padStart(6, '0') : '',
            expiresAt: new Date((slot + 1) * SLOT_MS).toISOString(),
          }),
        };
      },
    },
    workerMe(communities),
  );
  return server;
}

const shortCodeOf = (slot: number) => String(slot % 1_000_000).padStart(6, '0');
const text = (container: HTMLElement, selector: string) => container.querySelector(selector)?.textContent ?? null;
/** What the progress ring says to a screen reader: the remaining time, in words. */
const ring = (container: HTMLElement) => container.querySelector('.progress-ring')?.getAttribute('aria-label') ?? null;
/** The share of the ring still drawn, from the SVG arc (H5). */
function ringShare(container: HTMLElement): number {
  const arc = container.querySelector('.progress-ring__arc') as SVGCircleElement;
  const total = Number(arc.getAttribute('stroke-dasharray')?.split(' ')[0]);
  return Math.round((1 - Number(arc.getAttribute('stroke-dashoffset')) / total) * 100) / 100;
}
const OFFLINE = '网络已断开，签到码可能已失效，请恢复网络';

describe('WorkerCodePage', () => {
  // 10 s before the end of a 15 s slot.
  const START = Math.floor(Date.UTC(2025, 2, 8, 6, 0, 0) / SLOT_MS) * SLOT_MS + 5_000;
  const firstSlot = Math.floor(START / SLOT_MS);

  beforeEach(() => {
    jest.useFakeTimers({ now: START });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows the code large with a calm ring for its time and fetches the next one when it expires, not before', async () => {
    startServer();
    const { container } = render(<WorkerCodePage />);
    await advance(0);

    expect(requestsTo(CODE)).toHaveLength(1);
    expect(queryOf(requestsTo(CODE)[0]).communityId).toBe('c1');
    expect(container.querySelector('.worker-code-qr')).not.toBeNull();
    expect(screen.getByLabelText('向阳社区签到码')).toBeTruthy();
    expect(text(container, '.worker-short-code')).toBe(shortCodeOf(firstSlot));
    // No digits counting down on screen: a ring, with the seconds for a screen reader.
    expect(text(container, '.worker-code-timer__text')).toBe('签到码每 15 秒自动更新');
    expect(ring(container)).toBe('签到码 10 秒后自动更新');
    expect(ringShare(container)).toBe(0.67);

    await advance(4_000);
    expect(ring(container)).toBe('签到码 6 秒后自动更新');
    expect(ringShare(container)).toBe(0.4);

    // Just before expiresAt (+ the margin) nothing more is asked…
    await advance(6_000 + REFRESH_MARGIN_MS - 1);
    expect(requestsTo(CODE)).toHaveLength(1);
    // …and right at it the next slot's code replaces the old one.
    await advance(1);
    expect(requestsTo(CODE)).toHaveLength(2);
    expect(text(container, '.worker-short-code')).toBe(shortCodeOf(firstSlot + 1));
    expect(ring(container)).toBe('签到码 15 秒后自动更新');
    expect(ringShare(container)).toBe(1);

    // Then once per slot, on schedule.
    await advance(SLOT_MS);
    expect(requestsTo(CODE)).toHaveLength(3);
    expect(text(container, '.worker-short-code')).toBe(shortCodeOf(firstSlot + 2));
  });

  it('shows no typed short code outside demo mode, only the QR', async () => {
    const server = startServer();
    server.demo = false;
    const { container } = render(<WorkerCodePage />);
    await advance(0);

    expect(container.querySelector('.worker-code-qr')).not.toBeNull();
    expect(container.querySelector('.worker-short-code')).toBeNull();
    expect(container.textContent).not.toContain('演示模式');
  });

  it('keeps the last code greyed once expired while refreshes fail, says so plainly, and recovers by itself', async () => {
    const server = startServer();
    const { container } = render(<WorkerCodePage />);
    await advance(0);
    expect(container.querySelector('.worker-code-qr--stale')).toBeNull();

    server.offline = true;
    await advance(10_000 + REFRESH_MARGIN_MS);
    expect(requestsTo(CODE)).toHaveLength(2);
    expect(container.querySelector('.worker-code-qr.worker-code-qr--stale')).not.toBeNull();
    expect(text(container, '.worker-code-network')).toContain(OFFLINE);
    expect(ring(container)).toBe('签到码已过期');
    // An empty ring, not a dot.
    expect(container.querySelector('.progress-ring__arc')).toBeNull();
    expect(screen.getByLabelText('向阳社区签到码（已过期）')).toBeTruthy();
    expect(text(container, '.worker-short-code')).toBe(shortCodeOf(firstSlot));

    server.offline = false;
    await advance(RETRY_MIN_MS);
    expect(requestsTo(CODE)).toHaveLength(3);
    expect(container.querySelector('.worker-code-qr--stale')).toBeNull();
    expect(container.querySelector('.worker-code-network')).toBeNull();
    expect(text(container, '.worker-short-code')).toBe(shortCodeOf(firstSlot + 1));
  });

  it('fetches nothing while the page is hidden and the current code at once when shown again', async () => {
    startServer();
    const { container } = render(<WorkerCodePage />);
    await advance(0);

    act(() => taroMock.triggerDidHide());
    await advance(60_000);
    expect(requestsTo(CODE)).toHaveLength(1);

    act(() => taroMock.triggerDidShow());
    await advance(0);
    expect(requestsTo(CODE)).toHaveLength(2);
    expect(text(container, '.worker-short-code')).toBe(shortCodeOf(firstSlot + 4));
  });

  it('says so at once when the phone reports no network, greys the code only once it expired, and fetches when back', async () => {
    const server = startServer();
    const { container } = render(<WorkerCodePage />);
    await advance(0);

    server.offline = true;
    act(() => taroMock.triggerNetworkStatus(false));
    expect(text(container, '.worker-code-network')).toContain(OFFLINE);
    // Still current for a few seconds: shown as it is.
    expect(container.querySelector('.worker-code-qr--stale')).toBeNull();
    expect(ring(container)).toBe('签到码 10 秒后自动更新');

    await advance(10_000 + REFRESH_MARGIN_MS);
    expect(container.querySelector('.worker-code-qr--stale')).not.toBeNull();

    // Back online between two retries: fetched at once, not at the next retry.
    server.offline = false;
    const asked = requestsTo(CODE).length;
    act(() => taroMock.triggerNetworkStatus(true));
    await advance(0);
    expect(requestsTo(CODE)).toHaveLength(asked + 1);
    expect(container.querySelector('.worker-code-network')).toBeNull();
    expect(container.querySelector('.worker-code-qr--stale')).toBeNull();
    expect(text(container, '.worker-short-code')).toBe(shortCodeOf(firstSlot + 1));
  });

  it('opens full screen; leaving it shows the instructions, and it can be entered again', async () => {
    startServer();
    const { container } = render(<WorkerCodePage />);
    await advance(0);
    expect(container.querySelector('.worker-code.worker-code--full')).not.toBeNull();
    expect(container.querySelector('.worker-code__hint')).toBeNull();

    fireEvent.click(screen.getByText('退出全屏'));
    expect(container.querySelector('.worker-code--full')).toBeNull();
    expect(text(container, '.worker-code__hint')).toContain('扫码签到');

    fireEvent.click(screen.getByText('全屏出示'));
    expect(container.querySelector('.worker-code--full')).not.toBeNull();
    // The same code throughout: switching the layout asks for nothing.
    expect(requestsTo(CODE)).toHaveLength(1);
  });

  it('lets a worker of several communities choose, and shows that community’s code', async () => {
    startServer([XIANGYANG, GUANGMING]);
    const { container } = render(<WorkerCodePage />);
    await advance(0);
    expect(text(container, '.worker-code__community')).toBe('向阳社区');
    fireEvent.click(screen.getByText('退出全屏'));

    fireEvent.click(screen.getByText('光明社区'));
    await advance(0);

    expect(queryOf(requestsTo(CODE)[1]).communityId).toBe('c2');
    expect(text(container, '.worker-code__community')).toBe('光明社区');
    expect(screen.getByLabelText('光明社区签到码')).toBeTruthy();
  });

  it('shows a refusal once and does not keep asking', async () => {
    serve({
      [CODE]: () => ({ statusCode: 403, data: { code: 'FORBIDDEN', message: '您不是该社区的社区工作者' } }),
    });
    const { container } = render(<WorkerCodePage />);
    await advance(0);

    expect(text(container, '.worker-code-error')).toContain('您不是该社区的社区工作者');
    expect(container.querySelector('.worker-code-qr')).toBeNull();
    await advance(60_000);
    expect(requestsTo(CODE)).toHaveLength(1);
  });

  it('tells someone who is not a worker, without asking for a code', async () => {
    serve({}, memberOnlyMe());
    render(<WorkerCodePage />);
    await advance(0);

    expect(screen.getByText('只有社区工作者可以出示签到码')).toBeTruthy();
    expect(requestsTo(CODE)).toHaveLength(0);
  });
});

describe('refreshDelay', () => {
  it('waits until expiresAt by the phone clock, or one slot when the phone clock disagrees with the server', () => {
    const code = codeFixture({ slotSeconds: 15, expiresAt: new Date(100_000).toISOString() });
    expect(refreshDelay(code, 92_000)).toBe(8_000 + REFRESH_MARGIN_MS);
    // The phone is ahead of the server (already past expiry) or far behind it.
    expect(refreshDelay(code, 130_000)).toBe(15_000 + REFRESH_MARGIN_MS);
    expect(refreshDelay(code, 10_000)).toBe(15_000 + REFRESH_MARGIN_MS);
  });
});
