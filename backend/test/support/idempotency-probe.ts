import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsString, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SharedCacheEntity } from '../../src/common/shared-cache/shared-cache.entity.js';
import { DomainException } from '../../src/common/errors/domain.exception.js';

class ProbeBody {
  @IsString()
  @MaxLength(60)
  mark!: string;
}

/** Test-controlled pause between a handler's COMMIT and its end: a process that dies there never answers. */
export const probeGate: { afterCommit: Promise<void> | null } = { afterCommit: null };

/**
 * Test-only write handlers that fail at chosen moments around their transaction. Each writes one shared_cache row
 * keyed `probe:<mark>:<uuid>`, so a test counts how often a request really ran.
 */
@Controller({ path: 'idempotency-probe', version: '1' })
class IdempotencyProbeController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private write(mark: string) {
    return this.ds.transaction((m) =>
      m.insert(SharedCacheEntity, { key: `probe:${mark}:${randomUUID()}`, value: 'x', expiresAt: Date.now() + 60_000 }),
    );
  }

  @Post('commit')
  @HttpCode(201)
  async commit(@Body() body: ProbeBody): Promise<{ ok: true }> {
    await this.write(body.mark);
    return { ok: true };
  }

  @Post('commit-then-fail')
  async commitThenFail(@Body() body: ProbeBody): Promise<never> {
    await this.write(body.mark);
    if (probeGate.afterCommit) await probeGate.afterCommit;
    throw new Error('failed after commit on purpose');
  }

  @Post('fail-inside')
  async failInside(@Body() body: ProbeBody): Promise<never> {
    await this.ds.transaction(async (m) => {
      await m.insert(SharedCacheEntity, { key: `probe:${body.mark}:${randomUUID()}`, value: 'x', expiresAt: Date.now() + 60_000 });
      throw new DomainException('CONFLICT');
    });
    throw new Error('unreachable');
  }
}

@Module({ controllers: [IdempotencyProbeController] })
export class IdempotencyProbeModule {}
