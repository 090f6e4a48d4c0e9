import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type ConsolePollResponse,
  type ConsoleTicketResponse,
  INACTIVE_MEMBER_STATUSES,
  type Role,
} from '@pioneer/shared-types';
import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThan, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import type { AppConfig } from '../../config/configuration.js';
import { AuditService } from '../audit/audit.service.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { randomToken, secretsEqual, sha256Hex } from './auth-secrets.js';
import type { ConsolePollDto, ConsoleScanDto } from './dto/console-login.dto.js';
import { ConsoleTicketEntity } from './entities/console-ticket.entity.js';
import { SessionService } from './session.service.js';

/** What a console QR says, so the mini-program's scanner can tell it from other codes. */
export const CONSOLE_SCAN_PREFIX = 'pioneer-console:';
/** The console serves people with duties; a plain member has nothing to do there. */
const CONSOLE_ROLES: readonly Role[] = ['worker', 'organizer', 'admin'];
/** Once confirmed, the browser (polling every few seconds) gets this long to collect, even at the QR's last second. */
const COLLECT_WINDOW_MS = 30_000;
/** Finished and abandoned tickets are kept this long, then deleted. */
const KEEP_MS = 3600_000;

function hasConsoleRole(user: AuthUser): boolean {
  return user.roles.some((r) => CONSOLE_ROLES.includes(r.role));
}

function consoleForbidden(): DomainException {
  return new DomainException('FORBIDDEN', '网页管理端仅供社区工作者、组织者和管理员使用');
}

/**
 * Desktop console sign-in without passwords: the browser shows a QR, a signed-in worker, organizer or admin scans and
 * confirms it in the mini-program, and the browser collects the session once with a secret only it holds.
 */
@Injectable()
export class ConsoleLoginService {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    @InjectRepository(ConsoleTicketEntity) private readonly tickets: Repository<ConsoleTicketEntity>,
    @InjectRepository(MemberEntity) private readonly members: Repository<MemberEntity>,
  ) {}

  async createTicket(): Promise<ConsoleTicketResponse> {
    const now = Date.now();
    await this.tickets.delete({ expiresAt: LessThan(new Date(now - KEEP_MS)) });
    const ttl = this.config.getOrThrow('auth', { infer: true }).consoleTicketTtlSeconds;
    const ticketId = randomUUID();
    const scanPayload = CONSOLE_SCAN_PREFIX + randomToken(24);
    const pollSecret = randomToken();
    await this.tickets.insert(
      this.tickets.create({
        id: ticketId,
        scanHash: sha256Hex(scanPayload),
        pollSecretHash: sha256Hex(pollSecret),
        status: 'pending',
        memberId: null,
        expiresAt: new Date(now + ttl * 1000),
      }),
    );
    return { ticketId, scanPayload, pollSecret, expiresIn: ttl };
  }

  /** The phone read the QR: the browser can say "scanned, confirm on your phone". */
  async scan(user: AuthUser, { scanPayload }: ConsoleScanDto): Promise<void> {
    const ticket = await this.live(scanPayload);
    if (!hasConsoleRole(user)) throw consoleForbidden();
    if (ticket.status === 'scanned' && ticket.memberId === user.memberId) return;
    if (ticket.status !== 'pending') throw new DomainException('CONSOLE_TICKET_INVALID');
    const result = await this.tickets.update({ id: ticket.id, status: 'pending' }, { status: 'scanned', memberId: user.memberId });
    if (result.affected !== 1) throw new DomainException('CONSOLE_TICKET_INVALID');
  }

  async confirm(user: AuthUser, { scanPayload }: ConsoleScanDto, ip: string): Promise<void> {
    const ticket = await this.live(scanPayload);
    const audit = { actorId: user.memberId, action: 'auth.console_confirm', targetType: 'console_ticket', targetId: ticket.id, ip } as const;
    if (!hasConsoleRole(user)) {
      await this.audit.record({ ...audit, result: 'failure', detail: { reason: 'FORBIDDEN' } });
      throw consoleForbidden();
    }
    // Pending, or scanned by this same person; anything else was taken by someone or has already been used.
    const open = ticket.status === 'pending' || (ticket.status === 'scanned' && ticket.memberId === user.memberId);
    const confirmed =
      open &&
      (await this.tickets.manager.transaction(async (m) => {
        const result = await m.update(
          ConsoleTicketEntity,
          { id: ticket.id, status: In(['pending', 'scanned']), memberId: ticket.memberId ?? IsNull() },
          {
            status: 'confirmed',
            memberId: user.memberId,
            expiresAt: new Date(Math.max(ticket.expiresAt.getTime(), Date.now() + COLLECT_WINDOW_MS)),
          },
        );
        if (result.affected !== 1) return false;
        await this.audit.record({ ...audit, result: 'success' }, m);
        return true;
      }));
    if (!confirmed) {
      await this.audit.record({ ...audit, result: 'failure', detail: { reason: 'CONSOLE_TICKET_INVALID' } });
      throw new DomainException('CONSOLE_TICKET_INVALID');
    }
  }

  /** The browser asks how far the sign-in has come; the first answer after confirmation carries the session. */
  async poll({ ticketId, pollSecret }: ConsolePollDto): Promise<ConsolePollResponse> {
    const ticket = await this.tickets.findOne({ where: { id: ticketId } });
    if (!ticket || !secretsEqual(sha256Hex(pollSecret), ticket.pollSecretHash)) throw new DomainException('CONSOLE_TICKET_INVALID');
    if (ticket.status === 'consumed') return { status: 'consumed' };
    if (ticket.expiresAt.getTime() <= Date.now()) throw new DomainException('CONSOLE_TICKET_EXPIRED');
    if (ticket.status !== 'confirmed' || !ticket.memberId) return { status: ticket.status };
    // Exactly one poll wins the session, whichever instance it reaches.
    const claimed = await this.tickets.update({ id: ticket.id, status: 'confirmed' }, { status: 'consumed' });
    if (claimed.affected !== 1) return { status: 'consumed' };
    const member = await this.members.findOne({ where: { id: ticket.memberId }, select: { id: true, status: true } });
    if (!member || INACTIVE_MEMBER_STATUSES.includes(member.status)) throw new DomainException('MEMBER_INACTIVE');
    return { status: 'confirmed', session: await this.sessions.start(member.id) };
  }

  private async live(scanPayload: string): Promise<ConsoleTicketEntity> {
    const ticket = await this.tickets.findOne({ where: { scanHash: sha256Hex(scanPayload.trim()) } });
    if (!ticket) throw new DomainException('CONSOLE_TICKET_INVALID');
    if (ticket.status === 'consumed') throw new DomainException('CONSOLE_TICKET_INVALID');
    if (ticket.expiresAt.getTime() <= Date.now()) throw new DomainException('CONSOLE_TICKET_EXPIRED');
    return ticket;
  }
}
