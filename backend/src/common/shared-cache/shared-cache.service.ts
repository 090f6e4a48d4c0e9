import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { SharedCacheEntity } from './shared-cache.entity.js';

/**
 * A small key/value store with expiry that every backend instance sees, because it lives in the database.
 */
@Injectable()
export class SharedCacheService {
  constructor(@InjectRepository(SharedCacheEntity) private readonly repo: Repository<SharedCacheEntity>) {}

  async get(key: string, now: number = Date.now()): Promise<string | null> {
    const row = await this.repo.findOne({ where: { key } });
    if (!row || row.expiresAt <= now) return null;
    return row.value;
  }

  async set(key: string, value: string, ttlMs: number, now: number = Date.now()): Promise<void> {
    await this.repo.upsert({ key, value, expiresAt: now + ttlMs }, ['key']);
  }

  async delete(key: string): Promise<void> {
    await this.repo.delete({ key });
  }

  async purgeExpired(now: number = Date.now()): Promise<number> {
    const result = await this.repo.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }
}
