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
    const counts = await Promise.all([...this.counters.values()].map((count) => count(user)));
    return counts.reduce((sum, n) => sum + n, 0);
  }
}
