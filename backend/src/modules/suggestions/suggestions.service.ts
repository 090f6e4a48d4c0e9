import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Page, SuggestionView } from '@pioneer/shared-types';
import { type FindOptionsWhere, In, Not, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ScopeService } from '../org/scope.service.js';
import { maskPhone, normalizePhone, PiiCrypto } from '../../common/crypto/pii-crypto.service.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { MessagesService } from '../messages/messages.service.js';
import type { PageQueryDto } from '../../common/http/page-query.dto.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { pageWindow, toPage } from '../../common/http/paging.js';
import type { CreateSuggestionDto } from './dto/create-suggestion.dto.js';
import type { SuggestionListQueryDto } from './dto/list-suggestions.dto.js';
import type { ReplySuggestionDto, ReplyStatus } from './dto/reply-suggestion.dto.js';
import { SuggestionEntity } from './entities/suggestion.entity.js';
import { mapSuggestion } from './suggestions.mapper.js';

/** The inbox title for each answer: a sentence about the person's suggestion, not a bare status word. */
const REPLY_TITLES: Record<ReplyStatus, string> = {
  in_progress: '您的意见建议正在处理',
  replied: '您的意见建议已答复',
  closed: '您的意见建议已办完',
};

const NOT_HANDLER = '意见建议由区委机关工委的组织者统一处理，您没有处理权限';
/** The mini-program page that shows one suggestion and its reply. */
const SUGGESTION_DETAIL_PAGE = '/packages/suggestions/pages/detail/index';

/**
 * 意见建议: anyone signed in sends one; district organizers (机关工委) handle them. The text is internal and never
 * leaves Pioneer. Someone who may not see a suggestion gets 404, so ids reveal nothing about other people.
 */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectRepository(SuggestionEntity) private readonly suggestions: Repository<SuggestionEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
    private readonly scope: ScopeService,
    private readonly crypto: PiiCrypto,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
  ) {}

  async create(user: AuthUser, input: CreateSuggestionDto): Promise<SuggestionView> {
    const anonymous = input.anonymous ?? false;
    const contact = input.contact ?? null;
    // Nobody could ever use a contact left on an anonymous suggestion, so it is not collected at all (PIPL art. 6).
    if (anonymous && contact !== null) {
      throw new DomainException('VALIDATION_FAILED', undefined, [
        { field: 'contact', message: '匿名提交时不留联系方式；如需处理人员联系您，请关闭匿名' },
      ]);
    }
    // In a transaction, so the request's idempotency key is marked committed together with the row.
    const saved = await this.suggestions.manager.transaction((m) =>
      m.getRepository(SuggestionEntity).save(
        this.suggestions.create({
          authorId: user.memberId,
          anonymous,
          content: input.content,
          contactCipher: contact === null ? null : this.crypto.encrypt(normalizePhone(contact) ?? contact),
          status: 'submitted',
          reply: null,
          repliedBy: null,
          repliedAt: null,
          // Set here rather than by the column default, which on SQLite keeps whole seconds only: lists sort by it.
          createdAt: new Date(),
        }),
      ),
    );
    return mapSuggestion(saved, { authorName: null, contact: this.maskedContact(saved) });
  }

  async mine(user: AuthUser, query: PageQueryDto): Promise<Page<SuggestionView>> {
    const { rows, page } = await this.page({ authorId: user.memberId }, query);
    return page(rows.map((s) => mapSuggestion(s, { authorName: null })));
  }

  async list(user: AuthUser, query: SuggestionListQueryDto): Promise<Page<SuggestionView>> {
    this.assertHandler(user);
    const { rows, page } = await this.page(query.status ? { status: query.status } : {}, query);
    const names = await this.authorNames(rows);
    return page(rows.map((s) => mapSuggestion(s, { authorName: names.get(s.authorId) ?? null })));
  }

  async get(user: AuthUser, id: string, ip: string): Promise<SuggestionView> {
    const s = await this.suggestions.findOne({ where: { id } });
    if (s && s.authorId === user.memberId) {
      return mapSuggestion(s, { authorName: null, contact: this.maskedContact(s) });
    }
    if (!s || !this.scope.isDistrictOrganizer(user)) throw new DomainException('NOT_FOUND');
    const names = await this.authorNames([s]);
    // A named sender's contact is shown in full to the organizer handling it, because calling back is the point.
    const contact = s.anonymous || !s.contactCipher ? null : this.crypto.decrypt(s.contactCipher);
    if (contact !== null) {
      await this.audit.record({
        actorId: user.memberId,
        action: 'suggestion.contact_read',
        targetType: 'suggestion',
        targetId: s.id,
        ip,
        result: 'success',
      });
    }
    return mapSuggestion(s, { authorName: names.get(s.authorId) ?? null, contact });
  }

  async reply(user: AuthUser, id: string, input: ReplySuggestionDto, ip: string): Promise<SuggestionView> {
    this.assertHandler(user);
    const s = await this.suggestions.findOne({ where: { id } });
    if (!s) throw new DomainException('NOT_FOUND');
    if (s.status === 'closed') throw new DomainException('CONFLICT', '这条意见建议已办完，不能再答复');
    const status = input.status ?? 'replied';
    const text = input.reply;
    // Only "in progress" may go without words; closing reuses an earlier reply if there is one.
    if ((status === 'replied' && text === '') || (status === 'closed' && text === '' && !s.reply)) {
      throw new DomainException('VALIDATION_FAILED', undefined, [{ field: 'reply', message: '请填写答复内容' }]);
    }
    const changes: Partial<SuggestionEntity> = { status };
    if (text !== '') Object.assign(changes, { reply: text, repliedBy: user.memberId, repliedAt: new Date() });
    // Conditional on "not closed", so two organizers acting at once cannot reopen what the other just closed.
    // (mysql2 reports matched rows, so an unchanged row still counts as affected on both drivers.)
    // The change, its audit row and the author's inbox message commit together or not at all.
    const updated = await this.suggestions.manager.transaction(async (m) => {
      const result = await m.update(SuggestionEntity, { id, status: Not('closed') }, changes);
      if (!result.affected) throw new DomainException('CONFLICT', '这条意见建议已办完，不能再答复');
      const row = await m.findOneOrFail(SuggestionEntity, { where: { id } });
      await this.audit.record(
        {
          actorId: user.memberId,
          action: 'suggestion.reply',
          targetType: 'suggestion',
          targetId: id,
          ip,
          result: 'success',
          detail: { status, withReply: text !== '' },
        },
        m,
      );
      await this.messages.send(
        {
          memberId: row.authorId,
          kind: 'suggestion_replied',
          title: REPLY_TITLES[status],
          body: text !== '' ? text.slice(0, 200) : '处理人员已开始处理您的意见建议。',
          link: `${SUGGESTION_DETAIL_PAGE}?id=${id}`,
        },
        m,
      );
      return row;
    });
    const names = await this.authorNames([updated]);
    return mapSuggestion(updated, { authorName: names.get(updated.authorId) ?? null });
  }

  private assertHandler(user: AuthUser): void {
    if (!this.scope.isDistrictOrganizer(user)) throw new DomainException('FORBIDDEN', NOT_HANDLER);
  }

  /** One page of rows, and how to wrap their views as that page. */
  private async page(
    where: FindOptionsWhere<SuggestionEntity>,
    query: PageQueryDto,
  ): Promise<{ rows: SuggestionEntity[]; page: (items: SuggestionView[]) => Page<SuggestionView> }> {
    const window = pageWindow(query);
    const [rows, total] = await this.suggestions.findAndCount({
      where,
      // id breaks ties between rows written in the same millisecond, so pages never overlap.
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: window.skip,
      take: window.take,
    });
    return { rows, page: (items) => toPage(items, total, window) };
  }

  /** Names of the senders who did not ask for anonymity; anonymous rows are never looked up. */
  private async authorNames(rows: SuggestionEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.filter((s) => !s.anonymous).map((s) => s.authorId))];
    if (ids.length === 0) return new Map();
    const members = await this.members.find({ where: { id: In(ids) }, select: { id: true, name: true } });
    return new Map(members.map((m) => [m.id, m.name]));
  }

  /** The sender sees their own contact masked: the response may be cached or shown on a shared screen. */
  private maskedContact(s: SuggestionEntity): string | null {
    if (!s.contactCipher) return null;
    const plain = this.crypto.decrypt(s.contactCipher);
    return normalizePhone(plain) ? maskPhone(plain) : plain;
  }
}
