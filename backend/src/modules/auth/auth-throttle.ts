import type { ExecutionContext } from '@nestjs/common';
import { Throttle } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';

export interface AuthIpLimits {
  perMinute: number;
  pollPerMinute: number;
}

/** The name of the one throttler configured in app.module.ts; a route's @Throttle overrides its limit by that name. */
const THROTTLER = 'global';
const MINUTE_MS = 60_000;
const FALLBACK: AuthIpLimits = { perMinute: 20, pollPerMinute: 90 };

/**
 * Decorators are fixed at import time, but the limits come from each app's configuration (tests start apps with tiny
 * ones). Limits are kept per Fastify instance and read back from the request, so apps in one process never mix.
 */
const limitsByServer = new WeakMap<object, AuthIpLimits>();

export function registerAuthIpLimits(server: object, limits: AuthIpLimits): void {
  limitsByServer.set(server, limits);
}

function limitsOf(context: ExecutionContext): AuthIpLimits {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return limitsByServer.get(request.server) ?? FALLBACK;
}

/** Per client IP, per route: sign-in, bind, refresh and console routes (AUTH_RATE_LIMIT_PER_MINUTE). */
export const AuthIpThrottle = (): MethodDecorator & ClassDecorator =>
  Throttle({ [THROTTLER]: { limit: (c: ExecutionContext) => limitsOf(c).perMinute, ttl: MINUTE_MS } });

/** The console page polls every few seconds while its QR is shown (AUTH_POLL_RATE_LIMIT_PER_MINUTE). */
export const PollIpThrottle = (): MethodDecorator & ClassDecorator =>
  Throttle({ [THROTTLER]: { limit: (c: ExecutionContext) => limitsOf(c).pollPerMinute, ttl: MINUTE_MS } });
