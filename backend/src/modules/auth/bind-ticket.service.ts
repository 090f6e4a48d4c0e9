import { Injectable } from '@nestjs/common';
import { DomainException } from '../../common/errors/domain.exception.js';
import { SharedCacheService } from '../../common/shared-cache/shared-cache.service.js';
import type { WechatSession } from '../../wechat/wechat-client.js';
import { randomToken, sha256Hex } from './auth-secrets.js';

export const BIND_TICKET_TTL_SECONDS = 600;

export interface BindTicket {
  /** The hash under which the ticket is stored, to consume it after a successful bind. */
  key: string;
  account: WechatSession;
}

/**
 * A short-lived proof, held by the client between login and binding, that it signed in as this WeChat account.
 * The openid stays on the server (in the shared cache every instance reads); the client only holds the random ticket.
 */
@Injectable()
export class BindTicketService {
  constructor(private readonly cache: SharedCacheService) {}

  async issue(account: WechatSession): Promise<{ bindTicket: string; bindTicketExpiresIn: number }> {
    // Expired tickets still name an openid: clear them out rather than let them pile up.
    await this.cache.purgeExpired();
    const bindTicket = randomToken();
    const stored: WechatSession = account.unionid ? { openid: account.openid, unionid: account.unionid } : { openid: account.openid };
    await this.cache.set(this.keyOf(bindTicket), JSON.stringify(stored), BIND_TICKET_TTL_SECONDS * 1000);
    return { bindTicket, bindTicketExpiresIn: BIND_TICKET_TTL_SECONDS };
  }

  async resolve(bindTicket: string): Promise<BindTicket> {
    const key = this.keyOf(bindTicket);
    const raw = await this.cache.get(key);
    if (raw === null) throw new DomainException('BIND_TICKET_INVALID');
    return { key, account: JSON.parse(raw) as WechatSession };
  }

  async consume(ticket: BindTicket): Promise<void> {
    await this.cache.delete(ticket.key);
  }

  private keyOf(bindTicket: string): string {
    return `auth:bind-ticket:${sha256Hex(bindTicket)}`;
  }
}
