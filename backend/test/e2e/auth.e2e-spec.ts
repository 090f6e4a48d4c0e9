import { getDataSourceToken } from '@nestjs/typeorm';
import type {
  ApiErrorBody,
  ConsolePollResponse,
  ConsoleTicketResponse,
  InviteCodeResponse,
  MeResponse,
  Role,
  TokenResponse,
  WechatLoginResponse,
} from '@pioneer/shared-types';
import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import request from '../support/http.js';
import type { DataSource } from 'typeorm';
import { PiiCrypto } from '../../src/common/crypto/pii-crypto.service.js';
import { DEMO_PHONES } from '../../src/database/seeds/demo-seed.js';
import { AuditLogEntity } from '../../src/modules/audit/audit-log.entity.js';
import { INVITE_CODE_ALPHABET } from '../../src/modules/auth/auth-secrets.js';
import { ConsoleTicketEntity } from '../../src/modules/auth/entities/console-ticket.entity.js';
import { InviteCodeEntity } from '../../src/modules/auth/entities/invite-code.entity.js';
import { RefreshTokenEntity } from '../../src/modules/auth/entities/refresh-token.entity.js';
import { MemberEntity } from '../../src/modules/org/entities/member.entity.js';
import { UnitEntity } from '../../src/modules/org/entities/unit.entity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDrivers } from '../support/test-database.js';

const REVIEWER_ID = 'a0000000-0000-4000-8000-00000000feed';
const REVIEWER_CODE = 'Review2026';
/** Phones created by this suite (never in the demo seed), also never to be seen in the clear. */
const EXTRA_PHONES = ['13900000077', '13900000088'];
/** A session_key the fake hands out once, so the suite can look for that exact value everywhere. */
const SESSION_KEY_MARKER = 'SK-marker-Zq8vT3xL0pW9';
/** Every openid in this suite starts so, to prove none reaches a response. */
const OPENID_PREFIX = 'oTEST';
const CHINESE = /[\u4e00-\u9fff]/;
/** Migrating a fresh MySQL database takes seconds; Jest's default 5 s would cut it off. */
const STARTUP_MS = 60_000;

/**
 * Every line the app logs goes through the root pino logger's destination stream; wrapping its write() lets the suite
 * read each line (logged at trace level) and prove no secret or phone number is among them.
 */
function captureLogs(): { lines: string[]; restore: () => void } {
  const root = PinoLogger.root;
  const stream = (root as unknown as Record<symbol, { write: (chunk: string) => boolean } | undefined>)[pino.symbols.streamSym];
  if (!stream) throw new Error('no pino destination stream to capture');
  const original = { write: stream.write, level: root.level };
  const lines: string[] = [];
  stream.write = (chunk: string) => {
    lines.push(chunk);
    return true;
  };
  // Everything from here on, at the most talkative level; the app starts silent so the test output stays clean.
  root.level = 'trace';
  return {
    lines,
    restore: () => {
      stream.write = original.write;
      root.level = original.level;
    },
  };
}

describe.each(testDrivers())('WeChat sign-in, binding, sessions and console sign-in on %s', (driver) => {
  let t: TestApp;
  let ds: DataSource;
  let crypto: PiiCrypto;
  let unit0: UnitEntity;
  let unit1: UnitEntity;
  /** Every response body, scanned at the end for secrets and phone numbers. */
  const bodies: string[] = [];
  let logs: ReturnType<typeof captureLogs>;

  beforeAll(async () => {
    t = await startTestApp(driver, {
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      AUTH_POLL_RATE_LIMIT_PER_MINUTE: '100000',
      WECHAT_TIMEOUT_MS: '800',
      REVIEWER_MEMBER_ID: REVIEWER_ID,
      REVIEWER_INVITE_CODE: REVIEWER_CODE,
    });
    logs = captureLogs();
    ds = t.app.get<DataSource>(getDataSourceToken());
    crypto = t.app.get(PiiCrypto);
    const units = await ds.getRepository(UnitEntity).find();
    unit0 = units.find((u) => u.code === 'JG001')!;
    unit1 = units.find((u) => u.code === 'JG002')!;
    await addMember({ id: REVIEWER_ID, name: '审核体验员', unitId: unit0.id, status: 'active' });
  }, STARTUP_MS);
  afterAll(async () => {
    logs?.restore();
    await t?.close();
  }, STARTUP_MS);

  const post = async (path: string, body: object = {}, token?: string): Promise<request.Response> => {
    const req = request(t.baseUrl).post(path);
    if (token) void req.set('Authorization', `Bearer ${token}`);
    const res = await req.send(body);
    bodies.push(res.text);
    return res;
  };
  const get = async (path: string, token: string): Promise<request.Response> => {
    const res = await request(t.baseUrl).get(path).set('Authorization', `Bearer ${token}`);
    bodies.push(res.text);
    return res;
  };
  const errorOf = (res: request.Response): ApiErrorBody => res.body as ApiErrorBody;

  async function addMember(fields: Partial<MemberEntity> & { name: string; unitId: string }): Promise<MemberEntity> {
    const repo = ds.getRepository(MemberEntity);
    return repo.save(
      repo.create({ phoneCipher: null, phoneHash: null, branchId: null, status: 'invited', openid: null, unionid: null, ...fields }),
    );
  }
  async function addMemberWithPhone(name: string, phone: string, status: MemberEntity['status']): Promise<MemberEntity> {
    return addMember({ name, unitId: unit0.id, status, phoneCipher: crypto.encrypt(phone), phoneHash: crypto.hash(phone) });
  }
  const memberByName = (name: string) => ds.getRepository(MemberEntity).findOneByOrFail({ name });
  const audits = (action: string) => ds.getRepository(AuditLogEntity).find({ where: { action } });

  /** What the device does: wx.login gives a code, the mini-program posts it. */
  async function wechatLogin(openid: string): Promise<request.Response> {
    return post('/api/v1/auth/wechat', { code: t.wechat.issueLoginCode(openid) });
  }
  async function bindTicketFor(openid: string): Promise<string> {
    const res = await wechatLogin(openid);
    expect(res.status).toBe(200);
    const body = res.body as WechatLoginResponse;
    if (body.status !== 'unbound') throw new Error(`expected unbound, got ${body.status}`);
    return body.bindTicket;
  }
  /** The getPhoneNumber button, through the fake's HTTP control endpoint. */
  async function phoneCode(phoneNumber: string): Promise<string> {
    const res = await fetch(`${t.wechatUrl}/__fake/phone-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumber }),
    });
    return ((await res.json()) as { code: string }).code;
  }
  async function bindByPhone(openid: string, phone: string): Promise<request.Response> {
    const bindTicket = await bindTicketFor(openid);
    return post('/api/v1/auth/bind/phone', { bindTicket, phoneCode: await phoneCode(phone) });
  }
  async function sessionOf(openid: string, phone: string): Promise<TokenResponse> {
    const res = await bindByPhone(openid, phone);
    expect(res.status).toBe(200);
    return res.body as TokenResponse;
  }
  async function demo(role: Role): Promise<TokenResponse> {
    const res = await post('/api/v1/auth/demo', { role });
    expect(res.status).toBe(200);
    return res.body as TokenResponse;
  }

  describe('WeChat login', () => {
    it('answers an unbound account with a bind ticket and never the openid', async () => {
      const res = await wechatLogin(`${OPENID_PREFIX}-new`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'unbound', bindTicket: expect.any(String), bindTicketExpiresIn: 600 });
      expect(res.text).not.toContain(OPENID_PREFIX);
      const rows = await audits('auth.login');
      expect(rows.some((r) => r.result === 'success' && r.detail?.includes('unbound') && r.ip)).toBe(true);
    });

    it('refuses an invalid code (40029) with WECHAT_CODE_INVALID', async () => {
      const res = await post('/api/v1/auth/wechat', { code: 'never-issued-code' });
      expect(res.status).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: 'WECHAT_CODE_INVALID', details: { errcode: 40029 } });
      expect(errorOf(res).message).toMatch(CHINESE);
    });

    it('refuses a code used twice', async () => {
      const code = t.wechat.issueLoginCode(`${OPENID_PREFIX}-twice`);
      expect((await post('/api/v1/auth/wechat', { code })).status).toBe(200);
      const again = await post('/api/v1/auth/wechat', { code });
      expect(again.status).toBe(400);
      expect(errorOf(again)).toMatchObject({ code: 'WECHAT_CODE_INVALID', details: { errcode: 40163 } });
    });

    it("passes on WeChat's 45011 as a Chinese 429", async () => {
      t.wechat.addFault({ path: '/sns/jscode2session', errcode: 45011 });
      const res = await wechatLogin(`${OPENID_PREFIX}-busy`);
      expect(res.status).toBe(429);
      expect(errorOf(res).code).toBe('WECHAT_RATE_LIMITED');
      expect(errorOf(res).message).toMatch(CHINESE);
      const failures = (await audits('auth.login')).filter((r) => r.result === 'failure');
      expect(failures.some((r) => r.detail?.includes('WECHAT_RATE_LIMITED'))).toBe(true);
    });

    it('gives up on a stalled WeChat quickly with WECHAT_UPSTREAM_TIMEOUT', async () => {
      t.wechat.addFault({ path: '/sns/jscode2session', delayMs: 10_000 });
      const started = Date.now();
      const res = await wechatLogin(`${OPENID_PREFIX}-slow`);
      const took = Date.now() - started;
      expect(res.status).toBe(504);
      expect(errorOf(res).code).toBe('WECHAT_UPSTREAM_TIMEOUT');
      expect(took).toBeGreaterThanOrEqual(700);
      expect(took).toBeLessThan(2500);
    });

    it('validates the body in Chinese', async () => {
      const res = await post('/api/v1/auth/wechat', {});
      expect(res.status).toBe(400);
      expect(errorOf(res).code).toBe('VALIDATION_FAILED');
      expect(errorOf(res).details).toEqual([{ field: 'code', message: expect.stringMatching(CHINESE) }]);
    });

    it('never keeps or returns the session_key WeChat sends', async () => {
      // The client parses any body as JSON, so a raw fault body lets the suite choose the session_key it will hunt for.
      t.wechat.addFault({
        path: '/sns/jscode2session',
        httpStatus: 200,
        rawBody: JSON.stringify({ openid: `${OPENID_PREFIX}-marker`, session_key: SESSION_KEY_MARKER }),
      });
      const res = await wechatLogin(`${OPENID_PREFIX}-marker`);
      expect(res.status).toBe(200);
      expect((res.body as WechatLoginResponse).status).toBe('unbound');
      expect(res.text).not.toContain(SESSION_KEY_MARKER);
    });
  });

  describe('binding', () => {
    it('binds a seeded member by WeChat phone authorization, then signs the same account in directly', async () => {
      const res = await bindByPhone(`${OPENID_PREFIX}-zhang`, '13800000001');
      expect(res.status).toBe(200);
      const session = res.body as TokenResponse;
      expect(session).toEqual({
        accessToken: expect.any(String),
        expiresIn: 900,
        refreshToken: expect.any(String),
        refreshExpiresIn: 7 * 24 * 3600,
      });
      const me = (await get('/api/v1/me', session.accessToken)).body as MeResponse;
      expect(me.name).toBe('张建国');
      expect((await memberByName('张建国')).openid).toBe(`${OPENID_PREFIX}-zhang`);

      const again = await wechatLogin(`${OPENID_PREFIX}-zhang`);
      expect(again.status).toBe(200);
      const body = again.body as WechatLoginResponse;
      expect(body.status).toBe('signed_in');
      if (body.status !== 'signed_in') return;
      expect(((await get('/api/v1/me', body.session.accessToken)).body as MeResponse).name).toBe('张建国');

      const binds = (await audits('auth.bind')).filter((r) => r.targetId === me.id);
      expect(binds).toEqual([expect.objectContaining({ result: 'success', actorId: me.id, ip: expect.any(String) })]);
      expect(binds[0]!.detail).toContain('phone');
      expect((await audits('auth.login')).some((r) => r.actorId === me.id && r.result === 'success')).toBe(true);
    });

    it('turns an invited member active when they bind', async () => {
      const invited = await addMemberWithPhone('何新', EXTRA_PHONES[1]!, 'invited');
      expect((await bindByPhone(`${OPENID_PREFIX}-he`, EXTRA_PHONES[1]!)).status).toBe(200);
      const after = await ds.getRepository(MemberEntity).findOneByOrFail({ id: invited.id });
      expect(after.status).toBe('active');
      expect(after.openid).toBe(`${OPENID_PREFIX}-he`);
    });

    it('refuses a phone number that is not in the roster, and audits it without the number', async () => {
      const res = await bindByPhone(`${OPENID_PREFIX}-stranger`, '13712345678');
      expect(res.status).toBe(404);
      expect(errorOf(res).code).toBe('BIND_PHONE_NOT_IN_ROSTER');
      const failures = (await audits('auth.bind')).filter((r) => r.result === 'failure' && r.detail?.includes('not_in_roster'));
      expect(failures).toHaveLength(1);
      expect(JSON.stringify(failures)).not.toContain('13712345678');
    });

    it('refuses an unknown bind ticket and a used phone code', async () => {
      const res = await post('/api/v1/auth/bind/phone', { bindTicket: 'x'.repeat(43), phoneCode: await phoneCode('13800000002') });
      expect(res.status).toBe(400);
      expect(errorOf(res).code).toBe('BIND_TICKET_INVALID');
      const bindTicket = await bindTicketFor(`${OPENID_PREFIX}-usedcode`);
      const code = await phoneCode('13712340000');
      await post('/api/v1/auth/bind/phone', { bindTicket, phoneCode: code });
      const reused = await post('/api/v1/auth/bind/phone', { bindTicket, phoneCode: code });
      expect(reused.status).toBe(400);
      expect(errorOf(reused).code).toBe('WECHAT_CODE_INVALID');
    });

    it('keeps one WeChat account to one member (ALREADY_BOUND both ways)', async () => {
      // 张建国 is bound to another account already.
      const other = await bindByPhone(`${OPENID_PREFIX}-intruder`, '13800000001');
      expect(other.status).toBe(409);
      expect(errorOf(other).code).toBe('ALREADY_BOUND');
      expect((await memberByName('张建国')).openid).toBe(`${OPENID_PREFIX}-zhang`);

      // Two tickets for one account: after the first binds 李秀英, the second cannot bind 王志强 as well.
      const first = await bindTicketFor(`${OPENID_PREFIX}-greedy`);
      const second = await bindTicketFor(`${OPENID_PREFIX}-greedy`);
      expect((await post('/api/v1/auth/bind/phone', { bindTicket: first, phoneCode: await phoneCode('13800000002') })).status).toBe(200);
      const res = await post('/api/v1/auth/bind/phone', { bindTicket: second, phoneCode: await phoneCode('13800000003') });
      expect(res.status).toBe(409);
      expect(errorOf(res).code).toBe('ALREADY_BOUND');
      expect(errorOf(res).message).toContain('该微信账号已绑定其他党员');
      expect((await memberByName('王志强')).openid).toBeNull();
      const refusals = (await audits('auth.bind')).filter((r) => r.result === 'failure');
      expect(refusals.some((r) => r.detail?.includes('account_bound_to_other_member'))).toBe(true);
      expect(refusals.some((r) => r.detail?.includes('member_has_other_account'))).toBe(true);
    });

    it('refuses members who have retired, left or transferred', async () => {
      await addMember({ name: '钱退休', unitId: unit0.id, status: 'retired', openid: `${OPENID_PREFIX}-retired` });
      const login = await wechatLogin(`${OPENID_PREFIX}-retired`);
      expect(login.status).toBe(403);
      expect(errorOf(login).code).toBe('MEMBER_INACTIVE');

      await addMemberWithPhone('冯离开', EXTRA_PHONES[0]!, 'left');
      const bind = await bindByPhone(`${OPENID_PREFIX}-left`, EXTRA_PHONES[0]!);
      expect(bind.status).toBe(403);
      expect(errorOf(bind).code).toBe('MEMBER_INACTIVE');
      expect((await memberByName('冯离开')).openid).toBeNull();
    });
  });

  describe('invite codes', () => {
    let organizer: string; // 陈明: organizer of 区委组织部 (unit JG001)

    beforeAll(async () => {
      organizer = (await sessionOf(`${OPENID_PREFIX}-chenming`, '13800000006')).accessToken;
    });

    const issue = async (memberId: string, token = organizer) => post(`/api/v1/members/${memberId}/invite-code`, {}, token);
    const bindInvite = async (openid: string, name: string, inviteCode: string) =>
      post('/api/v1/auth/bind/invite', { bindTicket: await bindTicketFor(openid), name, inviteCode });

    it('lets an organizer issue a single-use code that binds the named member', async () => {
      const member = await addMember({ name: '吴邀请', unitId: unit0.id });
      const res = await issue(member.id);
      expect(res.status).toBe(200);
      const { inviteCode, expiresIn } = res.body as InviteCodeResponse;
      expect(expiresIn).toBe(7 * 24 * 3600);
      expect(inviteCode).toMatch(new RegExp(`^[${INVITE_CODE_ALPHABET}]{8}$`));
      const stored = await ds.getRepository(InviteCodeEntity).findOneByOrFail({ memberId: member.id });
      expect(stored.codeHash).not.toContain(inviteCode);
      expect(await audits('member.invite_code')).toEqual(
        expect.arrayContaining([expect.objectContaining({ targetId: member.id, result: 'success', ip: expect.any(String) })]),
      );

      const wrongName = await bindInvite(`${OPENID_PREFIX}-wu`, '吴邀', inviteCode);
      expect(wrongName.status).toBe(400);
      expect(errorOf(wrongName).code).toBe('BIND_INVITE_INVALID');

      // Case, spaces and a dash do not matter.
      const typed = `${inviteCode.slice(0, 4).toLowerCase()}-${inviteCode.slice(4)}`;
      const ok = await bindInvite(`${OPENID_PREFIX}-wu`, ' 吴邀请 ', typed);
      expect(ok.status).toBe(200);
      expect((ok.body as TokenResponse).refreshToken).toEqual(expect.any(String));
      const bound = await ds.getRepository(MemberEntity).findOneByOrFail({ id: member.id });
      expect(bound).toMatchObject({ openid: `${OPENID_PREFIX}-wu`, status: 'active' });

      const used = await bindInvite(`${OPENID_PREFIX}-wu2`, '吴邀请', inviteCode);
      expect(used.status).toBe(400);
      expect(errorOf(used).code).toBe('BIND_INVITE_INVALID');
      const reasons = (await audits('auth.bind')).filter((r) => r.targetId === member.id).map((r) => `${r.result}:${r.detail}`);
      expect(reasons).toEqual(
        expect.arrayContaining([expect.stringMatching(/^failure:.*wrong_name/), expect.stringMatching(/^success:/), expect.stringMatching(/^failure:.*used/)]),
      );
    });

    it('refuses an expired code and a code replaced by a newer one', async () => {
      const member = await addMember({ name: '郑过期', unitId: unit0.id });
      const first = (await issue(member.id)).body as InviteCodeResponse;
      const second = (await issue(member.id)).body as InviteCodeResponse;
      expect(first.inviteCode).not.toBe(second.inviteCode);
      expect(errorOf(await bindInvite(`${OPENID_PREFIX}-zheng`, '郑过期', first.inviteCode)).code).toBe('BIND_INVITE_INVALID');

      await ds.getRepository(InviteCodeEntity).update({ memberId: member.id }, { expiresAt: new Date(Date.now() - 1000) });
      const expired = await bindInvite(`${OPENID_PREFIX}-zheng`, '郑过期', second.inviteCode);
      expect(expired.status).toBe(400);
      expect(errorOf(expired).code).toBe('BIND_INVITE_INVALID');
      expect((await audits('auth.bind')).some((r) => r.targetId === member.id && r.detail?.includes('expired'))).toBe(true);
    });

    it('keeps invite codes within the organizer scope and away from plain members and bound members', async () => {
      const elsewhere = await addMember({ name: '卫外单位', unitId: unit1.id });
      const outOfScope = await issue(elsewhere.id);
      expect(outOfScope.status).toBe(403);
      expect(errorOf(outOfScope).code).toBe('FORBIDDEN');
      expect((await audits('member.invite_code')).some((r) => r.targetId === elsewhere.id && r.result === 'failure')).toBe(true);

      const plain = await demo('member');
      expect(errorOf(await issue(elsewhere.id, plain.accessToken)).code).toBe('FORBIDDEN');

      const bound = await memberByName('张建国');
      const already = await issue(bound.id);
      expect(already.status).toBe(409);
      expect(errorOf(already).code).toBe('ALREADY_BOUND');

      expect((await issue('not-a-uuid')).status).toBe(400);
      expect(errorOf(await issue('a0000000-0000-4000-8000-000000000000')).code).toBe('NOT_FOUND');
    });

    it('lets an organizer unbind a member, which ends their sessions and frees them to bind again', async () => {
      const member = await addMemberWithPhone('褚解绑', '13900000066', 'invited');
      const session = await sessionOf(`${OPENID_PREFIX}-chu`, '13900000066');
      const res = await post(`/api/v1/members/${member.id}/unbind`, {}, organizer);
      expect(res.status).toBe(204);
      expect((await ds.getRepository(MemberEntity).findOneByOrFail({ id: member.id })).openid).toBeNull();
      const refresh = await post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
      expect(errorOf(refresh).code).toBe('REFRESH_TOKEN_INVALID');
      expect(((await wechatLogin(`${OPENID_PREFIX}-chu`)).body as WechatLoginResponse).status).toBe('unbound');
      expect((await sessionOf(`${OPENID_PREFIX}-chu-new-phone`, '13900000066')).accessToken).toEqual(expect.any(String));
      expect((await audits('member.unbind')).some((r) => r.targetId === member.id && r.result === 'success')).toBe(true);

      const elsewhere = await memberByName('李秀英');
      expect(errorOf(await post(`/api/v1/members/${elsewhere.id}/unbind`, {}, organizer)).code).toBe('FORBIDDEN');
      expect((await memberByName('李秀英')).openid).not.toBeNull();
    });

    it("gives WeChat's reviewers the configured member's session from any account, without binding it", async () => {
      for (const openid of [`${OPENID_PREFIX}-reviewer-1`, `${OPENID_PREFIX}-reviewer-2`]) {
        const res = await bindInvite(openid, '审核体验员', REVIEWER_CODE.toLowerCase());
        expect(res.status).toBe(200);
        const me = (await get('/api/v1/me', (res.body as TokenResponse).accessToken)).body as MeResponse;
        expect(me.id).toBe(REVIEWER_ID);
        expect(((await wechatLogin(openid)).body as WechatLoginResponse).status).toBe('unbound');
      }
      expect((await ds.getRepository(MemberEntity).findOneByOrFail({ id: REVIEWER_ID })).openid).toBeNull();
      expect(errorOf(await bindInvite(`${OPENID_PREFIX}-reviewer-3`, '别人', REVIEWER_CODE)).code).toBe('BIND_INVITE_INVALID');
    });
  });

  describe('sessions', () => {
    it('gives demo sign-in a full session', async () => {
      const session = await demo('member');
      expect(session).toEqual({
        accessToken: expect.any(String),
        expiresIn: 900,
        refreshToken: expect.any(String),
        refreshExpiresIn: 7 * 24 * 3600,
      });
    });

    it('rotates the refresh token, and a reused one ends the whole session', async () => {
      const first = await demo('worker');
      const rotated = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
      expect(rotated.status).toBe(200);
      const second = rotated.body as TokenResponse;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      const meRes = await get('/api/v1/me', second.accessToken);
      expect(meRes.status).toBe(200);
      const me = meRes.body as MeResponse;
      // The honest holder moves on, so the first token can no longer be a retry of its own exchange.
      const third = (await post('/api/v1/auth/refresh', { refreshToken: second.refreshToken })).body as TokenResponse;

      const reuse = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
      expect(reuse.status).toBe(401);
      expect(errorOf(reuse).code).toBe('REFRESH_TOKEN_REUSED');
      // The honest holder's newest token dies with the family.
      const afterReuse = await post('/api/v1/auth/refresh', { refreshToken: third.refreshToken });
      expect(afterReuse.status).toBe(401);
      expect(errorOf(afterReuse).code).toBe('REFRESH_TOKEN_INVALID');
      // Every access token of the revoked session stops as well.
      expect(errorOf(await get('/api/v1/me', first.accessToken)).code).toBe('SESSION_EXPIRED');
      expect(errorOf(await get('/api/v1/me', third.accessToken)).code).toBe('SESSION_EXPIRED');
      expect((await audits('auth.refresh_reuse')).some((r) => r.actorId === me.id && r.result === 'failure')).toBe(true);

      const stored = await ds.getRepository(RefreshTokenEntity).find();
      expect(JSON.stringify(stored)).not.toContain(first.refreshToken!);
    });

    it('refuses unknown refresh tokens', async () => {
      const res = await post('/api/v1/auth/refresh', { refreshToken: 'y'.repeat(43) });
      expect(res.status).toBe(401);
      expect(errorOf(res).code).toBe('REFRESH_TOKEN_INVALID');
    });

    it('logs out one session, or all of them', async () => {
      const a = await demo('admin');
      const b = await demo('admin');
      expect((await post('/api/v1/auth/logout', { refreshToken: a.refreshToken })).status).toBe(401);
      expect((await post('/api/v1/auth/logout', { refreshToken: a.refreshToken }, a.accessToken)).status).toBe(204);
      expect(errorOf(await post('/api/v1/auth/refresh', { refreshToken: a.refreshToken })).code).toBe('REFRESH_TOKEN_INVALID');
      // The logged-out session's access token stops at once, not when it would have expired; the other one goes on.
      const meA = await get('/api/v1/me', a.accessToken);
      expect(meA.status).toBe(401);
      expect(errorOf(meA).code).toBe('SESSION_EXPIRED');
      expect((await get('/api/v1/me', b.accessToken)).status).toBe(200);
      const stillB = await post('/api/v1/auth/refresh', { refreshToken: b.refreshToken });
      expect(stillB.status).toBe(200);
      const c = await demo('admin');
      // No body at all: every session of the person ends.
      expect((await request(t.baseUrl).post('/api/v1/auth/logout').set('Authorization', `Bearer ${b.accessToken}`)).status).toBe(204);
      expect(errorOf(await post('/api/v1/auth/refresh', { refreshToken: (stillB.body as TokenResponse).refreshToken })).code).toBe(
        'REFRESH_TOKEN_INVALID',
      );
      expect(errorOf(await post('/api/v1/auth/refresh', { refreshToken: c.refreshToken })).code).toBe('REFRESH_TOKEN_INVALID');
      expect(errorOf(await get('/api/v1/me', c.accessToken)).code).toBe('SESSION_EXPIRED');
      const logouts = await audits('auth.logout');
      expect(logouts.map((r) => r.detail)).toEqual(expect.arrayContaining([expect.stringContaining('session'), expect.stringContaining('all')]));
    });
  });

  describe('console QR sign-in', () => {
    const ticket = async (): Promise<ConsoleTicketResponse> => {
      const res = await post('/api/v1/auth/console/ticket');
      expect(res.status).toBe(200);
      return res.body as ConsoleTicketResponse;
    };
    const poll = (tk: ConsoleTicketResponse, pollSecret = tk.pollSecret) =>
      post('/api/v1/auth/console/poll', { ticketId: tk.ticketId, pollSecret });

    it('signs the browser in after a worker scans and confirms, handing the session out exactly once', async () => {
      const tk = await ticket();
      expect(tk).toEqual({ ticketId: expect.any(String), scanPayload: expect.any(String), pollSecret: expect.any(String), expiresIn: 120 });
      expect(tk.scanPayload).not.toContain(tk.pollSecret);
      expect(((await poll(tk)).body as ConsolePollResponse).status).toBe('pending');

      const worker = await demo('worker');
      expect((await post('/api/v1/auth/console/scan', { scanPayload: tk.scanPayload }, worker.accessToken)).status).toBe(204);
      expect((await poll(tk)).body).toEqual({ status: 'scanned' });
      expect((await post('/api/v1/auth/console/confirm', { scanPayload: tk.scanPayload }, worker.accessToken)).status).toBe(204);

      const collected = await poll(tk);
      expect(collected.status).toBe(200);
      const body = collected.body as ConsolePollResponse;
      expect(body.status).toBe('confirmed');
      expect(body.session?.refreshToken).toEqual(expect.any(String));
      const me = (await get('/api/v1/me', body.session!.accessToken)).body as MeResponse;
      expect(me.roles.map((r) => r.role)).toContain('worker');

      expect((await poll(tk)).body).toEqual({ status: 'consumed' });
      const replay = await post('/api/v1/auth/console/confirm', { scanPayload: tk.scanPayload }, worker.accessToken);
      expect(errorOf(replay).code).toBe('CONSOLE_TICKET_INVALID');
      expect((await audits('auth.console_confirm')).some((r) => r.actorId === me.id && r.result === 'success' && r.ip)).toBe(true);
    });

    it('refuses a wrong poll secret, an unknown ticket and a foreign QR', async () => {
      const tk = await ticket();
      expect(errorOf(await poll(tk, 'z'.repeat(43))).code).toBe('CONSOLE_TICKET_INVALID');
      expect(errorOf(await poll({ ...tk, ticketId: 'a0000000-0000-4000-8000-000000000000' })).code).toBe('CONSOLE_TICKET_INVALID');
      const worker = await demo('worker');
      const foreign = await post('/api/v1/auth/console/confirm', { scanPayload: 'https://example.com/qr' }, worker.accessToken);
      expect(foreign.status).toBe(400);
      expect(errorOf(foreign).code).toBe('CONSOLE_TICKET_INVALID');
    });

    it('lets no plain member confirm a console sign-in', async () => {
      const tk = await ticket();
      const member = await demo('member');
      const scan = await post('/api/v1/auth/console/scan', { scanPayload: tk.scanPayload }, member.accessToken);
      expect(scan.status).toBe(403);
      const confirm = await post('/api/v1/auth/console/confirm', { scanPayload: tk.scanPayload }, member.accessToken);
      expect(confirm.status).toBe(403);
      expect(errorOf(confirm)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(CHINESE) });
      expect((await poll(tk)).body).toEqual({ status: 'pending' });
      expect((await audits('auth.console_confirm')).some((r) => r.targetId === tk.ticketId && r.result === 'failure')).toBe(true);
      expect((await post('/api/v1/auth/console/confirm', { scanPayload: tk.scanPayload })).status).toBe(401);
    });

    it('refuses an expired ticket with CONSOLE_TICKET_EXPIRED', async () => {
      const tk = await ticket();
      await ds.getRepository(ConsoleTicketEntity).update({ id: tk.ticketId }, { expiresAt: new Date(Date.now() - 1000) });
      const res = await poll(tk);
      expect(res.status).toBe(410);
      expect(errorOf(res).code).toBe('CONSOLE_TICKET_EXPIRED');
      const worker = await demo('worker');
      expect(errorOf(await post('/api/v1/auth/console/confirm', { scanPayload: tk.scanPayload }, worker.accessToken)).code).toBe(
        'CONSOLE_TICKET_EXPIRED',
      );
    });
  });

  describe('what is never stored or shown', () => {
    it('keeps session_key, plaintext phone numbers and openids out of every table, response and log line', async () => {
      expect(bodies.length).toBeGreaterThan(50);
      const phones = [...DEMO_PHONES, ...EXTRA_PHONES, '13712345678', '13900000066'];
      const responses = bodies.join('\n');
      for (const secret of ['session_key', SESSION_KEY_MARKER, OPENID_PREFIX, ...phones]) expect(responses).not.toContain(secret);

      // The capture works: every request left a line, the WeChat login URL among them.
      const logText = logs.lines.join('');
      expect(logText).toContain('/api/v1/auth/wechat');
      expect(logText).toContain('/api/v1/auth/bind/phone');
      for (const secret of ['session_key', SESSION_KEY_MARKER, OPENID_PREFIX, t.config.wechat.appSecret, ...phones]) {
        expect(logText).not.toContain(secret);
      }
      const issued = bodies.flatMap((b) => [...b.matchAll(/"(?:accessToken|refreshToken|bindTicket|pollSecret|inviteCode)":"([^"]+)"/g)].map((m) => m[1]!));
      expect(issued.length).toBeGreaterThan(20);
      for (const token of issued) expect(logText).not.toContain(token);

      const tables = ds.entityMetadatas.map((m) => m.tableName);
      expect(tables).toEqual(expect.arrayContaining(['refresh_tokens', 'invite_codes', 'console_tickets', 'auth_rate_counters', 'shared_cache']));
      for (const table of tables) {
        const dump = JSON.stringify(await ds.query(`SELECT * FROM ${table}`));
        for (const secret of ['session_key', SESSION_KEY_MARKER, ...phones]) expect(`${table}: ${dump}`).not.toContain(secret);
      }
      // Openids live on members only (and, for ten minutes, behind bind tickets); never in the audit log or counters.
      for (const table of ['audit_logs', 'auth_rate_counters', 'refresh_tokens', 'invite_codes', 'console_tickets']) {
        expect(JSON.stringify(await ds.query(`SELECT * FROM ${table}`))).not.toContain(OPENID_PREFIX);
      }
    });
  });
});
