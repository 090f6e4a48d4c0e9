import { JwtService } from '@nestjs/jwt';
import { getDataSourceToken } from '@nestjs/typeorm';
import type {
  ConsoleTicketResponse,
  InviteCodeResponse,
  Role,
  ScopeKind,
  TokenResponse,
  WechatLoginResponse,
} from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MessageEntity } from '../../../src/modules/messages/entities/message.entity.js';
import { MemberEntity } from '../../../src/modules/org/entities/member.entity.js';
import { RegistrationEntity } from '../../../src/modules/registrations/entities/registration.entity.js';
import { ServiceRecordEntity } from '../../../src/modules/services/entities/service-record.entity.js';
import request from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { Driver } from '../../support/test-database.js';

/**
 * The callers of the matrix, each a seeded person (demo-seed.ts) with the roles that person really holds:
 * 张建国 member of 区委组织部; 刘芳 member of 区税务局 and worker of 向阳社区; 陈明 member and organizer of the unit
 * 区委组织部; 孙伟 member and district organizer; 周平 admin only (admin duties are separate).
 */
export const PERSONAS = ['member', 'worker', 'orgUnit', 'orgDistrict', 'admin'] as const;
export type Persona = (typeof PERSONAS)[number];
export type Caller = Persona | 'anon';

export const PERSONA_NAMES: Record<Persona, string> = {
  member: '张建国',
  worker: '刘芳',
  orgUnit: '陈明',
  orgDistrict: '孙伟',
  admin: '周平',
};

/** Someone else: a plain member of 区税务局, outside 陈明's unit, not the caller — "another person's record". */
export const OTHER = '李秀英';

const SEEDED = ['张建国', '李秀英', '王志强', '赵丽华', '刘芳', '陈明', '孙伟', '周平'] as const;
export type Seeded = (typeof SEEDED)[number];

/** 区委组织部 (陈明's unit), 区税务局 (李秀英's and 刘芳's), 区人民医院. */
export type UnitKey = 'zzb' | 'sw' | 'yy';
const UNIT_NAMES: Record<UnitKey, string> = { zzb: '区委组织部', sw: '区税务局', yy: '区人民医院' };
/** A current member of each unit, to hold a demonstration post there. */
const UNIT_HOLDER: Record<UnitKey, Seeded> = { zzb: '张建国', sw: '李秀英', yy: '王志强' };

/** 向阳社区 is 刘芳's; 光明社区 (same street) and 新华社区 are not. */
export type CommunityKey = 'xy' | 'gm' | 'xh';
const COMMUNITY_NAMES: Record<CommunityKey, string> = { xy: '向阳社区', gm: '光明社区', xh: '新华社区' };

export interface FreshMember {
  id: string;
  name: string;
  phone: string;
}

/**
 * One app (fresh database, demo seed) per driver, and the record factories the case builders use: every destructive
 * call gets a record made for it just before the call, through the API as the admin/organizer/worker would, or straight
 * into a table where the API would need a long detour (an approved registration, an open visit, an inbox message).
 */
export class World {
  readonly ds: DataSource;
  private readonly jwt: JwtService;
  private readonly tokens = new Map<string, string>();
  private serial = 0;
  readonly people = {} as Record<Seeded, string>;
  readonly units = {} as Record<UnitKey, string>;
  readonly communities = {} as Record<CommunityKey, string>;
  readonly streets = {} as { xiangyang: string; xinhua: string };

  private constructor(readonly t: TestApp) {
    this.ds = t.app.get<DataSource>(getDataSourceToken());
    this.jwt = t.app.get(JwtService);
  }

  static async start(driver: Driver): Promise<World> {
    // Several hundred requests a minute from one address: above the default global and sign-in limits.
    const t = await startTestApp(driver, {
      RATE_LIMIT_PER_MINUTE: '1000000',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
      AUTH_POLL_RATE_LIMIT_PER_MINUTE: '1000000',
    });
    const w = new World(t);
    const byName = <T extends string>(rows: Array<{ id: string; name: string }>, names: Record<T, string>, out: Record<T, string>) => {
      for (const [key, name] of Object.entries(names) as Array<[T, string]>) {
        const row = rows.find((r) => r.name === name);
        if (!row) throw new Error(`${name} is not in the demo seed`);
        out[key] = row.id;
      }
    };
    byName(await w.ds.query('SELECT id, name FROM members'), Object.fromEntries(SEEDED.map((n) => [n, n])) as Record<Seeded, string>, w.people);
    byName(await w.ds.query('SELECT id, name FROM units'), UNIT_NAMES, w.units);
    byName(await w.ds.query('SELECT id, name FROM communities'), COMMUNITY_NAMES, w.communities);
    byName(await w.ds.query('SELECT id, name FROM streets'), { xiangyang: '向阳街道', xinhua: '新华街道' }, w.streets);
    return w;
  }

  close(): Promise<void> {
    return this.t.close();
  }

  api(): ReturnType<typeof request> {
    return request(this.t.baseUrl);
  }

  /** The seeded person acting as this caller; an anonymous call borrows the plain member's records. */
  self(who: Caller): string {
    return this.people[PERSONA_NAMES[who === 'anon' ? 'member' : who] as Seeded];
  }

  other(): string {
    return this.people[OTHER];
  }

  person(name: Seeded): string {
    return this.people[name];
  }

  /** An access token for a given person, signed as the sign-in flow signs them (demo login picks its own person). */
  async token(memberId: string): Promise<string> {
    let token = this.tokens.get(memberId);
    if (!token) {
      token = await this.jwt.signAsync({ sub: memberId, typ: 'access' }, { expiresIn: 3600 });
      this.tokens.set(memberId, token);
    }
    return token;
  }

  async auth(memberId: string): Promise<{ Authorization: string }> {
    return { Authorization: `Bearer ${await this.token(memberId)}` };
  }

  next(): number {
    this.serial += 1;
    return this.serial;
  }

  /** A valid mainland mobile number no seeded or earlier fresh member has. */
  nextPhone(): string {
    return `139${String(this.next()).padStart(8, '0')}`;
  }

  private async as<T>(actor: string, method: 'post' | 'patch', path: string, body: object, status: number): Promise<T> {
    const res = await this.api()[method](path).set(await this.auth(actor)).send(body);
    if (res.status !== status) {
      throw new Error(`fixture ${method.toUpperCase()} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return res.body as T;
  }

  private get admin(): string {
    return this.people['周平'];
  }

  // ---- organization records, made by the admin through the API ----

  /** A new member on the roster (status invited, not bound to WeChat), entered by the admin. */
  async member(unit: UnitKey, options: { active?: boolean } = {}): Promise<FreshMember> {
    const n = this.next();
    const input = { name: `矩阵成员${n}`, phone: this.nextPhone(), unitId: this.units[unit] };
    const created = await this.as<{ id: string }>(this.admin, 'post', '/api/v1/members', input, 201);
    // "Active" means signed in through WeChat at least once; the handover successor must be.
    if (options.active) await this.ds.getRepository(MemberEntity).update({ id: created.id }, { status: 'active', openid: `matrix-openid-${n}` });
    return { id: created.id, name: input.name, phone: input.phone };
  }

  async unit(): Promise<string> {
    const n = this.next();
    return (await this.as<{ id: string }>(this.admin, 'post', '/api/v1/units', { name: `矩阵单位${n}`, kind: 'other', code: `MX${n}` }, 201)).id;
  }

  async street(): Promise<string> {
    return (await this.as<{ id: string }>(this.admin, 'post', '/api/v1/streets', { name: `矩阵街道${this.next()}` }, 201)).id;
  }

  async community(): Promise<string> {
    const body = { name: `矩阵社区${this.next()}`, streetId: this.streets.xinhua, address: '矩阵路 1 号', lat: 41.81, lng: 123.42 };
    return (await this.as<{ id: string }>(this.admin, 'post', '/api/v1/communities', body, 201)).id;
  }

  /** A role granted by the admin; returns the assignment id. */
  async grant(memberId: string, role: Role, scopeKind: ScopeKind, scopeId: string | null = null): Promise<string> {
    const body = { role, scopeKind, scopeId };
    return (await this.as<{ id: string }>(this.admin, 'post', `/api/v1/members/${memberId}/roles`, body, 201)).id;
  }

  /** A worker duty for 新华社区 granted to the member; returns the assignment id. */
  workerDuty(memberId: string): Promise<string> {
    return this.grant(memberId, 'worker', 'community', this.communities.xh);
  }

  /** An active demonstration post of the unit, held by a current member of it. */
  async post(unit: UnitKey): Promise<string> {
    const body = { name: `矩阵示范岗${this.next()}`, place: '社区服务站', unitId: this.units[unit], holderIds: [this.holder(unit)] };
    return (await this.as<{ id: string }>(this.admin, 'post', '/api/v1/posts', body, 201)).id;
  }

  holder(unit: UnitKey): string {
    return this.people[UNIT_HOLDER[unit]];
  }

  unitName(unit: UnitKey): string {
    return UNIT_NAMES[unit];
  }

  // ---- records of people, made by the people themselves or written to the table ----

  async suggestion(authorId: string): Promise<string> {
    return (await this.as<{ id: string }>(authorId, 'post', '/api/v1/suggestions', { content: '矩阵测试：希望社区增加夜间服务时段' }, 201)).id;
  }

  async message(memberId: string): Promise<string> {
    const id = randomUUID();
    await this.ds.getRepository(MessageEntity).insert({
      id,
      memberId,
      kind: 'system',
      title: '矩阵测试消息',
      body: '这是一条测试消息',
      link: null,
      readAt: null,
      pushState: 'none',
      createdAt: new Date(),
    });
    return id;
  }

  /** A registration as the registrations module stores one; any earlier active one of the member is ended first. */
  async registration(memberId: string, community: CommunityKey, status: 'pending' | 'approved'): Promise<string> {
    const repo = this.ds.getRepository(RegistrationEntity);
    await repo.update({ activeMemberId: memberId }, { status: 'ended', activeMemberId: null, endedAt: new Date(), endReason: '矩阵测试' });
    const id = randomUUID();
    await repo.insert({
      id,
      memberId,
      communityId: this.communities[community],
      status,
      activeMemberId: memberId,
      onBehalf: false,
      onBehalfReason: null,
      createdBy: memberId,
      decidedBy: null,
      decidedAt: status === 'approved' ? new Date() : null,
      decisionReason: null,
      endedBy: null,
      endedAt: null,
      endReason: null,
      createdAt: new Date(),
    });
    return id;
  }

  async endRegistrations(memberId: string): Promise<void> {
    await this.ds
      .getRepository(RegistrationEntity)
      .update({ activeMemberId: memberId }, { status: 'ended', activeMemberId: null, endedAt: new Date(), endReason: '矩阵测试' });
  }

  /** A visit as the services module stores one: open (started an hour ago), or ended and waiting for a worker. */
  async serviceRecord(memberId: string, community: CommunityKey, status: 'open' | 'pending'): Promise<string> {
    const repo = this.ds.getRepository(ServiceRecordEntity);
    if (status === 'open') await this.closeVisits(memberId);
    const now = Date.now();
    const startedAt = new Date(now - 3600_000);
    const id = randomUUID();
    await repo.insert({
      id,
      memberId,
      communityId: this.communities[community],
      status,
      openMemberId: status === 'open' ? memberId : null,
      startedAt,
      endedAt: status === 'open' ? null : new Date(now - 600_000),
      serviceDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(startedAt),
      startVerification: 'code',
      endVerification: null,
      startLat: null,
      startLng: null,
      startAccuracyM: null,
      distanceM: null,
      geofenceResult: null,
      serviceType: status === 'open' ? null : 'care',
      description: status === 'open' ? null : '走访慰问独居老人',
      proposedHours: status === 'open' ? 0 : 1,
      hours: 0,
      offlineClaimedAt: null,
      onBehalf: false,
      onBehalfReason: null,
      createdBy: memberId,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      createdAt: startedAt,
      updatedAt: startedAt,
    });
    return id;
  }

  /** Ends any open visit of the member, so a new one may start (rejected, so its time and hours block no later visit). */
  async closeVisits(memberId: string): Promise<void> {
    await this.ds
      .getRepository(ServiceRecordEntity)
      .update({ openMemberId: memberId }, { status: 'rejected', openMemberId: null, endedAt: new Date() });
  }

  /** A rejected 50-minute visit two days ago, ready to be corrected and resubmitted by its member. */
  async rejectedRecord(memberId: string, community: CommunityKey): Promise<string> {
    const id = await this.serviceRecord(memberId, community, 'pending');
    const startedAt = new Date(Date.now() - 2 * 24 * 3600_000);
    await this.ds.getRepository(ServiceRecordEntity).update(
      { id },
      {
        status: 'rejected',
        startedAt,
        endedAt: new Date(startedAt.getTime() + 50 * 60_000),
        serviceDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(startedAt),
        decisionReason: '服务内容不完整',
      },
    );
    return id;
  }

  async serviceStatus(id: string): Promise<string> {
    return (await this.ds.getRepository(ServiceRecordEntity).findOneByOrFail({ id })).status;
  }

  /** The rotating check-in code a worker's phone would show now. */
  async checkinCode(community: CommunityKey): Promise<string> {
    const res = await this.api()
      .get('/api/v1/checkin/code')
      .query({ communityId: this.communities[community] })
      .set(await this.auth(this.admin));
    if (res.status !== 200) throw new Error(`fixture check-in code answered ${res.status}`);
    return (res.body as { code: string }).code;
  }

  // ---- sign-in material for the public endpoints ----

  async consoleTicket(): Promise<ConsoleTicketResponse> {
    const res = await this.api().post('/api/v1/auth/console/ticket').send({});
    if (res.status !== 200) throw new Error(`fixture console ticket answered ${res.status}`);
    return res.body as ConsoleTicketResponse;
  }

  async refreshToken(): Promise<string> {
    const res = await this.api().post('/api/v1/auth/demo').send({ role: 'member' });
    if (res.status !== 200) throw new Error(`fixture demo login answered ${res.status}`);
    return (res.body as TokenResponse).refreshToken!;
  }

  /** A WeChat account never seen before, as `wx.login` on a new phone. */
  loginCode(): string {
    return this.t.wechat.issueLoginCode(`matrix-openid-${randomUUID()}`);
  }

  /** The bind ticket an unbound WeChat account gets from POST /auth/wechat. */
  async bindTicket(): Promise<string> {
    const res = await this.api().post('/api/v1/auth/wechat').send({ code: this.loginCode() });
    const body = res.body as WechatLoginResponse;
    if (res.status !== 200 || body.status !== 'unbound') throw new Error(`fixture WeChat login answered ${res.status}`);
    return body.bindTicket;
  }

  phoneCode(phone: string): string {
    return this.t.wechat.issuePhoneCode(phone);
  }

  /** An invite code for the member, handed out by the district organizer. */
  async inviteCode(memberId: string): Promise<string> {
    return (await this.as<InviteCodeResponse>(this.people['孙伟'], 'post', `/api/v1/members/${memberId}/invite-code`, {}, 200)).inviteCode;
  }
}
