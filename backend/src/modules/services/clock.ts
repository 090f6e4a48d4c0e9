import { Injectable } from '@nestjs/common';

/**
 * Server time for check-in codes, starts, ends and auto-close: only the server's clock counts, never the phone's.
 * One injectable seam, so tests can move time (a code expiring, a visit lasting 12 hours) without waiting.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
