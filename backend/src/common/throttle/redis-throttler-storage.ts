import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { ConfigError } from '../../config/config-error.js';
import type { RedisSection } from '../../config/configuration.js';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One round trip, atomic: a blocked key stays blocked without counting; otherwise INCR, the window set on the first
 * hit (PEXPIRE), and a hit over the limit blocks the key for blockDuration — the in-memory storage's rules.
 * Returns { hits, window ms left, blocked 0/1, block ms left }.
 */
const INCREMENT = `
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  return { hits, math.max(redis.call('PTTL', KEYS[1]), 0), 1, blockTtl }
end
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return { hits, ttl, 1, tonumber(ARGV[3]) }
end
return { hits, ttl, 0, 0 }
`;

/** @nestjs/throttler's storage over Redis, so every instance counts the same hits (the global and per-IP limits). */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}throttle:${throttlerName}:${key}`;
    const reply = (await this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:block`, ttl, limit, blockDuration)) as number[];
    const [hits = 0, windowMs = 0, blocked = 0, blockMs = 0] = reply;
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(windowMs / 1000),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.ceil(blockMs / 1000),
    };
  }
}

const CONNECT_TIMEOUT_MS = 3000;

/** Connects at start and proves Redis answers; otherwise stops the start naming REDIS_URL rather than limit nothing. */
export async function connectRedis(section: RedisSection): Promise<Redis> {
  const redis = new Redis(section.url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 1 });
  // Errors after start surface as failed commands (the guard answers 500 for that request); no unhandled 'error' events.
  redis.on('error', () => undefined);
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), CONNECT_TIMEOUT_MS).unref()),
    ]);
  } catch (error) {
    redis.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError('REDIS_URL', `is set, but Redis at ${section.url.replace(/\/\/[^@/]*@/, '//***@')} does not answer (${reason})`);
  }
  return redis;
}
