import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, type Observable, of } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { LessThan, Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainException } from '../errors/domain.exception.js';
import { isUniqueViolation } from '../errors/db-constraint.js';
import { IS_PUBLIC } from '../auth/public.decorator.js';
import { runWithIdempotencyKey } from './idempotency-context.js';
import { IdempotencyKeyEntity } from './idempotency-key.entity.js';
import { IS_READ_ONLY } from './read-only.decorator.js';
import { hashJsonValue, hashMultipartBody, takeMultipartBody } from './request-hash.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;
const KEEP_MS = 24 * 60 * 60 * 1000;
/** A "running" key older than this belongs to a request that died with its process; a retry may take it over. */
const STALE_RUNNING_MS = 2 * 60 * 1000;
/** Larger responses are not kept: their retry gets 409 telling the person to refresh rather than a replay. */
const MAX_STORED_BODY = 4_000_000;

/**
 * Safe retries on poor networks (IETF Idempotency-Key draft): a write without a key → 400; the same key with another
 * body → 422; the same key while the first is still running → 409; a finished one replays its stored response.
 * The key row is inserted ('running') before the handler runs, so the database's primary key decides races between
 * instances. The handler's transactions mark it 'committed' together with their writes (idempotency-context.ts), so
 * once anything is committed the key is never released, and a retry is told the work is done instead of redoing it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private sinceSweep = 0;

  constructor(
    private readonly reflector: Reflector,
    @InjectRepository(IdempotencyKeyEntity) private readonly repo: Repository<IdempotencyKeyEntity>,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthUser }>();
    if (!WRITE_METHODS.has(request.method)) return next.handle();
    // Public writes are the sign-in endpoints (login, bind, refresh, console tickets): no user to scope a key to,
    // and a retry simply signs in again. Every signed-in write needs a key.
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      return next.handle();
    }
    if (this.reflector.get<boolean>(IS_READ_ONLY, context.getHandler())) return next.handle();
    const reply = http.getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (!key) throw new DomainException('IDEMPOTENCY_KEY_MISSING');
    if (!KEY_PATTERN.test(key)) {
      throw new DomainException('IDEMPOTENCY_KEY_MISSING', 'Idempotency-Key 格式不正确（8–100 位字母、数字或 -_.:）');
    }
    if (!request.user) throw new DomainException('UNAUTHENTICATED');
    const scope = request.user.memberId;
    const scopedKey = `${scope}:${key}`.slice(0, 191);
    const path = request.routeOptions?.url ?? request.url.split('?')[0]!;
    const requestHash = await this.hashRequest(request);
    const now = Date.now();

    const claimed = await this.claim({ scopedKey, method: request.method, path, requestHash, now });
    if (!claimed) {
      const existing = await this.repo.findOne({ where: { scopedKey } });
      if (!existing) throw new DomainException('IDEMPOTENCY_IN_PROGRESS');
      if (existing.requestHash !== requestHash || existing.method !== request.method || existing.path !== path) {
        throw new DomainException('IDEMPOTENCY_KEY_REUSED');
      }
      if (existing.state === 'running') {
        if (now - existing.createdAt < STALE_RUNNING_MS || !(await this.takeOver(existing, now))) {
          throw new DomainException('IDEMPOTENCY_IN_PROGRESS');
        }
      } else {
        if (existing.responseBody === null) {
          throw new DomainException('IDEMPOTENCY_IN_PROGRESS', '该请求已处理完成，请刷新页面查看结果');
        }
        void reply.status(existing.responseStatus ?? 200).header('idempotent-replayed', 'true');
        return of(existing.responseBody === '' ? undefined : (JSON.parse(existing.responseBody) as unknown));
      }
    }

    // Nest binds the handler's async context when handle() is called, so the key is visible to its transactions.
    return runWithIdempotencyKey(scopedKey, () => next.handle()).pipe(
      mergeMap((body) =>
        from(
          (async () => {
            const serialized = body === undefined ? '' : JSON.stringify(body);
            await this.repo.update(
              { scopedKey },
              {
                state: 'done',
                responseStatus: reply.statusCode,
                responseBody: serialized.length <= MAX_STORED_BODY ? serialized : null,
              },
            );
            return body;
          })(),
        ),
      ),
      // A write that failed before any commit changed nothing, so its key is released for a retry; a committed one keeps it.
      catchError((error: unknown) =>
        from(this.repo.delete({ scopedKey, state: 'running' }).then(() => Promise.reject(error))),
      ),
    );
  }

  private async claim(row: { scopedKey: string; method: string; path: string; requestHash: string; now: number }): Promise<boolean> {
    await this.sweep(row.now);
    try {
      await this.repo.insert({
        scopedKey: row.scopedKey,
        method: row.method,
        path: row.path.slice(0, 191),
        requestHash: row.requestHash,
        state: 'running',
        responseStatus: null,
        responseBody: null,
        createdAt: row.now,
        expiresAt: row.now + KEEP_MS,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Conditional update: exactly one of several concurrent retries wins a stale key. */
  private async takeOver(existing: IdempotencyKeyEntity, now: number): Promise<boolean> {
    const result = await this.repo.update(
      { scopedKey: existing.scopedKey, state: 'running', createdAt: existing.createdAt },
      { createdAt: now },
    );
    return (result.affected ?? 0) === 1;
  }

  private async sweep(now: number): Promise<void> {
    this.sinceSweep += 1;
    if (this.sinceSweep < 200) return;
    this.sinceSweep = 0;
    await this.repo.delete({ expiresAt: LessThan(now) });
  }

  private async hashRequest(request: FastifyRequest): Promise<string> {
    const hash = createHash('sha256');
    hash.update(request.url);
    const type = String(request.headers['content-type'] ?? '');
    // Multipart bodies are streamed to the route, not parsed yet: their bytes are read here and handed on.
    if (request.isMultipart()) hashMultipartBody(hash, await takeMultipartBody(request), type);
    else hashJsonValue(hash, request.body ?? null);
    return hash.digest('hex');
  }
}
