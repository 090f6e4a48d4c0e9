import type { DemoLoginRequest, TokenResponse } from '@pioneer/shared-types';
import { apiRequest } from './client';

/** Demo mode only; the server answers 404 DEMO_DISABLED otherwise. */
export function demoLogin(body: DemoLoginRequest, idempotencyKey?: string): Promise<TokenResponse> {
  return apiRequest<TokenResponse>('/api/v1/auth/demo', { method: 'POST', body, idempotencyKey });
}
