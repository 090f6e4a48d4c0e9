import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  MessageKind,
  MessageView,
  Page,
  SubscribeAcceptResponse,
  SubscribeTemplatesResponse,
  UnreadCountResponse,
} from '@pioneer/shared-types';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  In,
  IsNull,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig } from '../../config/configuration.js';
import { WechatClient } from '../../wechat/wechat-client.js';
import { WECHAT_ERRCODE } from '../../wechat/wechat-errors.js';
import { isUniqueViolation } from '../../common/errors/db-constraint.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import type { MessageListQueryDto, SubscribeAcceptDto } from './dto/message.dto.js';
import { MessageEntity, type PushState } from './entities/message.entity.js';
import { SubscribeAcceptanceEntity } from './entities/subscribe-acceptance.entity.js';
import { messageTitle } from './message-titles.js';
import { mapMessage, subscribeData } from './messages.mapper.js';
import { PendingWorkRegistry } from './pending-work.registry.js';

export interface SendMessageInput {
  memberId: string;
  kind: MessageKind;
  /** What happened, in a few words addressed to the person (您); the inbox shows it above the body. */
  title: string;
  body: string;
  /** Page to open, e.g. `pages/registration/index`. */
  link?: string | null;
  /**
   * Subscribe-message fields (field → value) for a template that is not the default 事项/说明/时间 one, e.g. an
   * activity reminder's name, time and place. Values are cut to WeChat's field limits when pushed.
   */
  pushData?: Record<string, string>;
  /** The row's id, when the caller records it elsewhere in the same transaction (e.g. a reminder delivery). */
  id?: string;
}

/**
 * The in-app inbox every feature writes to, plus WeChat subscribe messages as an extra channel where the person
 * accepted one. The inbox row is the record; a WeChat push is attempted only after it is committed, and its failure
 * changes nothing but the row's push_state.
 */
@Injectable()
export class MessagesService implements OnModuleInit, OnApplicationShutdown, EntitySubscriberInterface {
  private readonly logger = new Logger(MessagesService.name);
  private readonly templates: Partial<Record<MessageKind, string>>;
  /** Pushes waiting for their caller's transaction to commit. */
  private readonly afterCommit = new WeakMap<QueryRunner, string[]>();
  /** Pushes in flight, so shutdown (and tests) can wait for them. */
  private readonly inflight = new Set<Promise<void>>();
  private lastTimestamp = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly wechat: WechatClient,
    private readonly pendingWork: PendingWorkRegistry,
    config: ConfigService<AppConfig, true>,
  ) {
    this.templates = config.getOrThrow('wechat', { infer: true }).subscribeTemplates ?? {};
  }

  onModuleInit(): void {
    // A transaction subscriber, so a push waits for the commit of the transaction that wrote its inbox row.
    if (!this.ds.subscribers.includes(this)) this.ds.subscribers.push(this);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  /** Writes one inbox row; with a manager it joins the caller's transaction (and any push waits for its commit). */
  async send(input: SendMessageInput, manager?: EntityManager): Promise<string> {
    const [id] = await this.sendMany([input], manager);
    return id!;
  }

  /** Writes the rows in one insert and answers their ids, in the order given. */
  async sendMany(inputs: SendMessageInput[], manager?: EntityManager): Promise<string[]> {
    if (inputs.length === 0) return [];
    const repo = (manager ?? this.ds.manager).getRepository(MessageEntity);
    const rows = inputs.map((input) =>
      repo.create({
        ...(input.id ? { id: input.id } : {}),
        memberId: input.memberId,
        kind: input.kind,
        title: messageTitle(input.kind, input.title),
        body: input.body,
        link: input.link ?? null,
        readAt: null,
        pushState: this.templates[input.kind] ? 'queued' : 'none',
        pushData: input.pushData ? JSON.stringify(input.pushData) : null,
        pushErrcode: null,
        pushedAt: null,
        // Set here, not by the column default: SQLite's default keeps whole seconds and the inbox sorts by it.
        createdAt: this.nextTimestamp(),
      }),
    );
    await repo.insert(rows);
    const ids = rows.map((r) => r.id);
    const queued = rows.filter((r) => r.pushState === 'queued').map((r) => r.id);
    if (queued.length === 0) return ids;
    const runner = manager?.queryRunner;
    if (runner?.isTransactionActive) {
      this.afterCommit.set(runner, [...(this.afterCommit.get(runner) ?? []), ...queued]);
    } else {
      this.track(this.push(queued));
    }
    return ids;
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint also broadcasts a commit; only the outermost commit makes the rows visible.
    if (event.queryRunner.isTransactionActive) return;
    const ids = this.afterCommit.get(event.queryRunner);
    if (!ids) return;
    this.afterCommit.delete(event.queryRunner);
    this.track(this.push(ids));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.afterCommit.delete(event.queryRunner);
  }

  /**
   * Strictly increasing within this process, so messages written in the same millisecond still list in the order
   * they were sent (the inbox sorts by created_at, whose precision is a millisecond).
   */
  private nextTimestamp(): Date {
    this.lastTimestamp = Math.max(Date.now(), this.lastTimestamp + 1);
    return new Date(this.lastTimestamp);
  }

  /** Resolves when every push started so far has finished. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  async list(user: AuthUser, query: MessageListQueryDto): Promise<Page<MessageView>> {
    const window = pageWindow(query);
    const [rows, total] = await this.ds.getRepository(MessageEntity).findAndCount({
      where: { memberId: user.memberId, ...(query.unread ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: window.skip,
      take: window.take,
    });
    return toPage(rows.map(mapMessage), total, window);
  }

  async unreadCount(user: AuthUser): Promise<UnreadCountResponse> {
    const unread = await this.ds.getRepository(MessageEntity).countBy({ memberId: user.memberId, readAt: IsNull() });
    if (!user.roles.some((r) => r.role === 'worker')) return { unread };
    const counts = await this.pendingWork.counts(user);
    const pendingForWorker = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return { unread, pendingForWorker, pendingWork: { registrations: counts.registrations ?? 0, services: counts.services ?? 0 } };
  }

  async markRead(user: AuthUser, id: string): Promise<MessageView> {
    const repo = this.ds.getRepository(MessageEntity);
    // Only the first read sets the time, so a retried request changes nothing.
    await repo.update({ id, memberId: user.memberId, readAt: IsNull() }, { readAt: new Date() });
    const row = await repo.findOneBy({ id, memberId: user.memberId });
    if (!row) throw new DomainException('NOT_FOUND', '消息不存在');
    return mapMessage(row);
  }

  async markAllRead(user: AuthUser): Promise<UnreadCountResponse> {
    await this.ds.getRepository(MessageEntity).update({ memberId: user.memberId, readAt: IsNull() }, { readAt: new Date() });
    return this.unreadCount(user);
  }

  templateIds(): SubscribeTemplatesResponse {
    return {
      templates: Object.entries(this.templates).map(([kind, templateId]) => ({ kind: kind as MessageKind, templateId })),
    };
  }

  /**
   * Records what requestSubscribeMessage answered: each accepted one-time template allows one send. Ids that are not
   * configured are ignored (a client may hold an older list).
   */
  async recordAcceptances(user: AuthUser, input: SubscribeAcceptDto): Promise<SubscribeAcceptResponse> {
    const requested = new Set(input.templateIds);
    const stray = input.accepted.filter((id) => !requested.has(id));
    if (stray.length > 0) {
      throw new DomainException('VALIDATION_FAILED', undefined, [
        { field: 'accepted', message: '接受的模板必须是本次请求订阅的模板之一' },
      ]);
    }
    const known = new Set(Object.values(this.templates));
    const accepted = [...new Set(input.accepted)].filter((id) => known.has(id));
    for (const templateId of accepted) await this.addAcceptance(user.memberId, templateId);
    const rows = await this.ds.getRepository(SubscribeAcceptanceEntity).find({
      where: { memberId: user.memberId },
      order: { templateId: 'ASC' },
    });
    return { acceptances: rows.map((r) => ({ templateId: r.templateId, available: r.available })) };
  }

  private async addAcceptance(memberId: string, templateId: string): Promise<void> {
    if (await this.incrementAcceptance(memberId, templateId)) return;
    const repo = this.ds.getRepository(SubscribeAcceptanceEntity);
    try {
      await repo.insert(repo.create({ memberId, templateId, available: 1 }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another request created the row first (unique member + template): count this acceptance on it.
      await this.incrementAcceptance(memberId, templateId);
    }
  }

  private track(work: Promise<void>): void {
    const p = work.finally(() => this.inflight.delete(p));
    this.inflight.add(p);
  }

  private async push(ids: string[]): Promise<void> {
    try {
      const rows = await this.ds.getRepository(MessageEntity).findBy({ id: In(ids), pushState: 'queued' });
      if (rows.length === 0) return;
      // One read of the recipients' openids for the whole batch (a decision on many records sends many messages).
      const members = await this.ds.getRepository(MemberEntity).find({
        where: { id: In([...new Set(rows.map((r) => r.memberId))]) },
        select: { id: true, openid: true },
      });
      const openidOf = new Map(members.map((m) => [m.id, m.openid]));
      for (const row of rows) await this.pushOne(row, openidOf.get(row.memberId) ?? null);
    } catch (error) {
      this.logger.warn(`subscribe push failed before sending: ${(error as Error).message}`);
    }
  }

  private async pushOne(row: MessageEntity, openid: string | null): Promise<void> {
    const templateId = this.templates[row.kind];
    if (!templateId || !openid || !(await this.spendAcceptance(row.memberId, templateId))) {
      await this.setPushState(row.id, 'skipped', null);
      return;
    }
    let state: PushState = 'failed';
    let errcode: number | null = null;
    try {
      const result = await this.wechat.sendSubscribeMessage({
        toUser: openid,
        templateId,
        page: row.link?.replace(/^\/+/, '') || undefined,
        data: subscribeData(row),
      });
      if (result.sent) {
        state = 'sent';
        errcode = 0;
      } else if (result.reason === 'refused') {
        errcode = WECHAT_ERRCODE.USER_REFUSED_MESSAGE;
        await this.clearAcceptances(row.memberId, templateId);
      } else {
        // A field WeChat refused (47003) is our template mismatch; the person's acceptance was not used.
        errcode = WECHAT_ERRCODE.ARGUMENT_INVALID;
        await this.incrementAcceptance(row.memberId, templateId);
      }
    } catch (error) {
      // WeChat did not take it (timeout, outage): the acceptance is still unused, so it is given back.
      errcode = errcodeOfError(error);
      await this.incrementAcceptance(row.memberId, templateId);
      this.logger.warn(`subscribe message not sent: ${(error as Error).message}`);
    }
    await this.setPushState(row.id, state, errcode);
  }

  /** Takes one acceptance if there is one; the condition in the UPDATE keeps concurrent pushes from overspending. */
  private async spendAcceptance(memberId: string, templateId: string): Promise<boolean> {
    const result = await this.ds
      .getRepository(SubscribeAcceptanceEntity)
      .createQueryBuilder()
      .update()
      .set({ available: () => 'available - 1' })
      .where('member_id = :memberId AND template_id = :templateId AND available > 0', { memberId, templateId })
      .execute();
    return !!result.affected;
  }

  /** One more acceptance on an existing row (a new one, or one given back); false when the row does not exist yet. */
  private async incrementAcceptance(memberId: string, templateId: string): Promise<boolean> {
    const result = await this.ds
      .getRepository(SubscribeAcceptanceEntity)
      .createQueryBuilder()
      .update()
      .set({ available: () => 'available + 1' })
      .where('member_id = :memberId AND template_id = :templateId', { memberId, templateId })
      .execute();
    return !!result.affected;
  }

  /** WeChat says the person has no acceptance left (43101): our count was wrong, so it starts again from zero. */
  private async clearAcceptances(memberId: string, templateId: string): Promise<void> {
    await this.ds.getRepository(SubscribeAcceptanceEntity).update({ memberId, templateId }, { available: 0 });
  }

  /** The delivery log: the outcome, WeChat's answer and the time of the attempt, on the inbox row. */
  private async setPushState(id: string, pushState: PushState, pushErrcode: number | null): Promise<void> {
    await this.ds.getRepository(MessageEntity).update({ id }, { pushState, pushErrcode, pushedAt: new Date() });
  }
}

/** The errcode WeChat answered when the adapter threw on it (an outage has none). */
function errcodeOfError(error: unknown): number | null {
  if (!(error instanceof DomainException) || !error.details || Array.isArray(error.details)) return null;
  const errcode = error.details.errcode;
  return typeof errcode === 'number' ? errcode : null;
}
