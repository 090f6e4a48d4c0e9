import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user.js';

/** Counts items waiting for this worker in their communities (0 when none or not theirs to handle). */
export type PendingWorkCounter = (user: AuthUser) => Promise<number>;

/**
 * Where feature modules plug in their worker queues (pending registrations, records to confirm, …), so the unread
 * badge shows one number without the messages module knowing every feature. Register in onModuleInit.
 */
@Injectable()
export class PendingWorkRegistry {
  private readonly counters = new Map<string, PendingWorkCounter>();

  /** Registering the same name again replaces the counter (a module re-initialised in a test, for example). */
  register(name: string, counter: PendingWorkCounter): void {
    this.counters.set(name, counter);
  }

  async total(user: AuthUser): Promise<number> {
    return Object.values(await this.counts(user)).reduce((sum, n) => sum + n, 0);
  }

  /** Each queue's count by the name it registered under, read at once, so a home page needs one request for every tile. */
  async counts(user: AuthUser): Promise<Record<string, number>> {
    const entries = [...this.counters.entries()];
    const counts = await Promise.all(entries.map(([, count]) => count(user)));
    return Object.fromEntries(entries.map(([name], i) => [name, counts[i]!]));
  }
}
