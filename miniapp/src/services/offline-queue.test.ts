import { meFixture } from '@test/fixtures';
import { taroMock, type MockResponse, type RecordedRequest } from '@test/taro-mock';
import {
  discardPending,
  flushPending,
  keepEnd,
  keepStart,
  pendingWrites,
  rememberServiceContext,
  retryPending,
  serviceContext,
} from './offline-queue';
import { saveToken } from './session';

const CLAIMED = '2026-03-05T06:00:00.000Z';
const COMMUNITY_ID = '11111111-1111-4111-8111-111111111111';
const CODE = `v1.${COMMUNITY_ID}.59000000.AAAAAAAAAAAAAAAA`;

function record(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    member: { id: 'm1', name: '李明' },
    community: { id: COMMUNITY_ID, name: '幸福里社区' },
    status: 'open',
    startedAt: CLAIMED,
    endedAt: null,
    flags: ['offline_claimed_time'],
    ...overrides,
  };
}

type Routes = Record<string, (request: RecordedRequest) => MockResponse | Promise<MockResponse>>;

function serve(routes: Routes): void {
  taroMock.onRequest((request) => {
    const handler = routes[`${request.method} ${request.url}`];
    if (!handler) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } };
    return handler(request);
  });
}

const me = (id = 'm1') => () => ({ statusCode: 200, data: meFixture({ id }) });
const starts = () => taroMock.requests.filter((request) => request.url === '/api/v1/services/start');

function keepOneStart(key = 'key-start-1') {
  return keepStart({ key, ownerId: 'm1', communityName: '幸福里社区', claimedAt: CLAIMED, body: { code: CODE } });
}

describe('offline queue', () => {
  beforeEach(() => {
    saveToken('token-1', 3600);
  });

  it('keeps a start with the first attempt’s key and the phone’s time, once however often it is kept', () => {
    keepOneStart();
    keepOneStart();

    const items = pendingWrites('m1');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'start',
      key: 'key-start-1',
      state: 'waiting',
      claimedAt: CLAIMED,
      body: { code: CODE, offlineClaimedAt: CLAIMED },
    });
    // Nobody else's queue shows it.
    expect(pendingWrites('m2')).toEqual([]);
  });

  it('sends it again with the same key and body, and forgets it once the server has it', async () => {
    keepOneStart();
    serve({
      'GET /api/v1/me': me(),
      'POST /api/v1/services/start': () => ({ statusCode: 201, data: record('sr1') }),
    });

    const outcome = await flushPending();

    expect(starts()).toHaveLength(1);
    expect(starts()[0].header['Idempotency-Key']).toBe('key-start-1');
    expect(starts()[0].data).toEqual({ code: CODE, offlineClaimedAt: CLAIMED });
    expect(outcome.uploaded.map((item) => item.id)).toEqual(['sr1']);
    expect(outcome.waiting).toBe(0);
    expect(pendingWrites('m1')).toEqual([]);
  });

  it('never sends an item twice when two retries start at once, nor after it went through', async () => {
    keepOneStart();
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    serve({
      'GET /api/v1/me': me(),
      'POST /api/v1/services/start': async () => {
        await answered;
        return { statusCode: 201, data: record('sr1') };
      },
    });

    // The page shown again and the network coming back, at the same moment.
    const first = flushPending();
    const second = flushPending();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await Promise.all([first, second]);
    await flushPending();

    expect(starts()).toHaveLength(1);
    expect(pendingWrites('m1')).toEqual([]);
  });

  it('keeps waiting through another failed attempt, then goes through with the same key', async () => {
    keepOneStart();
    let online = false;
    serve({
      'GET /api/v1/me': me(),
      'POST /api/v1/services/start': () => {
        if (!online) throw new Error('offline');
        return { statusCode: 201, data: record('sr1') };
      },
    });

    const stillOffline = await flushPending();
    expect(stillOffline.waiting).toBe(1);
    expect(pendingWrites('m1')[0]).toMatchObject({ state: 'waiting', attempts: 2 });

    online = true;
    await flushPending();

    expect(starts().map((request) => request.header['Idempotency-Key'])).toEqual(['key-start-1', 'key-start-1']);
    expect(pendingWrites('m1')).toEqual([]);
  });

  it('does not send anything while the server cannot say who is signed in', async () => {
    keepOneStart();
    serve({
      'GET /api/v1/me': () => {
        throw new Error('offline');
      },
    });

    const outcome = await flushPending();

    expect(starts()).toHaveLength(0);
    expect(outcome.waiting).toBe(1);
    expect(pendingWrites('m1')).toHaveLength(1);
  });

  it('keeps everything waiting when the session has ended, sends the member to sign in, and sends it once signed in', async () => {
    keepOneStart();
    keepEnd({
      key: 'key-end-1',
      ownerId: 'm1',
      communityName: '幸福里社区',
      claimedAt: '2026-03-05T08:00:00.000Z',
      recordId: null,
      startKey: 'key-start-1',
      startedAt: CLAIMED,
      body: { serviceType: 'care', description: '看望独居老人张大爷' },
    });
    let signedIn = false;
    serve({
      'GET /api/v1/me': me(),
      'POST /api/v1/services/start': () =>
        signedIn
          ? { statusCode: 201, data: record('sr3') }
          : { statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '请先登录' } },
      'POST /api/v1/services/sr3/end': () => ({ statusCode: 200, data: record('sr3', { status: 'pending' }) }),
    });

    const outcome = await flushPending();

    expect(outcome).toMatchObject({ refused: 0, waiting: 2 });
    expect(pendingWrites('m1').map((item) => item.state)).toEqual(['waiting', 'waiting']);
    expect(taroMock.navigations).toEqual([{ type: 'navigateTo', url: '/packages/account/pages/login/index' }]);

    saveToken('token-2', 3600);
    signedIn = true;
    await flushPending();
    expect(taroMock.requests.some((request) => request.url === '/api/v1/services/sr3/end')).toBe(true);
    expect(pendingWrites('m1')).toEqual([]);
  });

  it('sends a check-out after its refused check-in is sent again and accepted', async () => {
    keepOneStart();
    keepEnd({
      key: 'key-end-1',
      ownerId: 'm1',
      communityName: '幸福里社区',
      claimedAt: '2026-03-05T08:00:00.000Z',
      recordId: null,
      startKey: 'key-start-1',
      startedAt: CLAIMED,
      body: { serviceType: 'care', description: '看望独居老人张大爷' },
    });
    let accepted = false;
    serve({
      'GET /api/v1/me': me(),
      'POST /api/v1/services/start': () =>
        accepted
          ? { statusCode: 201, data: record('sr4') }
          : { statusCode: 403, data: { code: 'REGISTRATION_REQUIRED', message: '请先到该社区报到并通过审核，再签到服务' } },
      'POST /api/v1/services/sr4/end': () => ({ statusCode: 200, data: record('sr4', { status: 'pending' }) }),
    });

    expect(await flushPending()).toMatchObject({ refused: 1 });
    expect(pendingWrites('m1').map((item) => item.state)).toEqual(['failed', 'failed']);

    accepted = true;
    retryPending('key-start-1');
    const outcome = await flushPending();

    expect(outcome.uploaded.map((r) => r.id)).toEqual(['sr4', 'sr4']);
    const end = taroMock.requests.find((request) => request.url === '/api/v1/services/sr4/end');
    expect(end?.header['Idempotency-Key']).toBe('key-end-1');
    expect(pendingWrites('m1')).toEqual([]);
  });

  it('never sends one member’s check-in while someone else is signed in on the phone', async () => {
    keepOneStart();
    serve({ 'GET /api/v1/me': me('m2') });

    await flushPending();

    expect(starts()).toHaveLength(0);
    expect(pendingWrites('m1')).toHaveLength(1);
  });

  it('keeps a refusal with the server’s reason and sends it again only when asked', async () => {
    keepOneStart();
    let refuse = true;
    serve({
      'GET /api/v1/me': me(),
      'POST /api/v1/services/start': () =>
        refuse
          ? { statusCode: 400, data: { code: 'CHECKIN_CODE_EXPIRED', message: '签到码已过期，请重新扫描最新的签到码' } }
          : { statusCode: 201, data: record('sr1') },
    });

    const outcome = await flushPending();
    expect(outcome.refused).toBe(1);
    expect(pendingWrites('m1')[0]).toMatchObject({ state: 'failed', message: '签到码已过期，请重新扫描最新的签到码' });

    await flushPending();
    expect(starts()).toHaveLength(1);

    refuse = false;
    retryPending('key-start-1');
    await flushPending();
    expect(starts()).toHaveLength(2);
    expect(pendingWrites('m1')).toEqual([]);
  });

  it('shows the field reason of a validation refusal (a record kept too long)', async () => {
    keepOneStart();
    serve({
      'GET /api/v1/me': me(),
      'POST /api/v1/services/start': () => ({
        statusCode: 400,
        data: {
          code: 'VALIDATION_FAILED',
          message: '提交的内容有误',
          details: [{ field: 'offlineClaimedAt', message: '离线记录超过 24 小时，请联系社区工作者补录' }],
        },
      }),
    });

    await flushPending();

    expect(pendingWrites('m1')[0].message).toBe('离线记录超过 24 小时，请联系社区工作者补录');
  });

  it('sends a check-in and its check-out kept offline in order, the check-out to the new record', async () => {
    keepOneStart();
    keepEnd({
      key: 'key-end-1',
      ownerId: 'm1',
      communityName: '幸福里社区',
      claimedAt: '2026-03-05T08:00:00.000Z',
      recordId: null,
      startKey: 'key-start-1',
      startedAt: CLAIMED,
      body: { serviceType: 'care', description: '看望独居老人张大爷' },
    });
    serve({
      'GET /api/v1/me': me(),
      'POST /api/v1/services/start': () => ({ statusCode: 201, data: record('sr9') }),
      'POST /api/v1/services/sr9/end': () => ({ statusCode: 200, data: record('sr9', { status: 'pending' }) }),
    });

    const outcome = await flushPending();

    const writes = taroMock.requests.filter((request) => request.method === 'POST');
    expect(writes.map((request) => request.url)).toEqual(['/api/v1/services/start', '/api/v1/services/sr9/end']);
    expect(writes[1].header['Idempotency-Key']).toBe('key-end-1');
    expect(writes[1].data).toEqual({
      serviceType: 'care',
      description: '看望独居老人张大爷',
      offlineClaimedAt: '2026-03-05T08:00:00.000Z',
    });
    expect(outcome.uploaded).toHaveLength(2);
    expect(pendingWrites('m1')).toEqual([]);
  });

  it('after “key already used for another body” asks for the first attempt’s own answer, never taking the 422 as success', async () => {
    // The first attempt (without the phone's time) reached the server and only its answer was lost.
    keepOneStart();
    keepEnd({
      key: 'key-end-1',
      ownerId: 'm1',
      communityName: '幸福里社区',
      claimedAt: '2026-03-05T08:00:00.000Z',
      recordId: null,
      startKey: 'key-start-1',
      startedAt: CLAIMED,
      body: { serviceType: 'care', description: '看望独居老人张大爷' },
    });
    serve({
      'GET /api/v1/me': me(),
      'POST /api/v1/services/start': (request) =>
        (request.data as Record<string, unknown>).offlineClaimedAt === undefined
          ? { statusCode: 201, data: record('sr7'), header: { 'idempotent-replayed': 'true' } }
          : { statusCode: 422, data: { code: 'IDEMPOTENCY_KEY_REUSED', message: '同一个 Idempotency-Key 不能用于不同的内容' } },
      'POST /api/v1/services/sr7/end': () => ({ statusCode: 200, data: record('sr7', { status: 'pending' }) }),
    });

    const outcome = await flushPending();

    // The replay is the first attempt's identical body under its key: the server answers it from what it stored.
    expect(starts()).toHaveLength(2);
    expect(starts()[1].header['Idempotency-Key']).toBe('key-start-1');
    expect(starts()[1].data).toEqual({ code: CODE });
    expect(taroMock.requests.some((request) => request.url === '/api/v1/services/sr7/end')).toBe(true);
    expect(outcome.uploaded.map((r) => r.id)).toContain('sr7');
    expect(pendingWrites('m1')).toEqual([]);
  });

  it('counts a 422 that the first attempt’s body cannot resolve as a refusal, not an upload', async () => {
    keepOneStart();
    serve({
      'GET /api/v1/me': me(),
      'POST /api/v1/services/start': () => ({
        statusCode: 422,
        data: { code: 'IDEMPOTENCY_KEY_REUSED', message: '同一个 Idempotency-Key 不能用于不同的内容' },
      }),
      'GET /api/v1/services/current': () => ({ statusCode: 200, data: record('sr8') }),
    });

    const outcome = await flushPending();

    expect(outcome.uploaded).toEqual([]);
    expect(outcome.refused).toBe(1);
    expect(pendingWrites('m1')).toMatchObject([{ key: 'key-start-1', state: 'failed' }]);
  });

  it('gives up a start together with the check-out that depends on it', () => {
    keepOneStart();
    keepEnd({
      key: 'key-end-1',
      ownerId: 'm1',
      communityName: '幸福里社区',
      claimedAt: '2026-03-05T08:00:00.000Z',
      recordId: null,
      startKey: 'key-start-1',
      startedAt: CLAIMED,
      body: { serviceType: 'care', description: '看望独居老人张大爷' },
    });

    discardPending('key-start-1');

    expect(pendingWrites('m1')).toEqual([]);
  });

  it('remembers the member’s community, and forgets it when someone else uses the phone', () => {
    rememberServiceContext('m1', { id: COMMUNITY_ID, name: '幸福里社区' });
    rememberServiceContext('m1');
    expect(serviceContext()).toEqual({ memberId: 'm1', community: { id: COMMUNITY_ID, name: '幸福里社区' } });

    rememberServiceContext('m2');
    expect(serviceContext()).toEqual({ memberId: 'm2', community: null });
  });
});
