import type { MeResponse } from '@pioneer/shared-types';
import { apiRequest } from './client';

export function getMe(): Promise<MeResponse> {
  return apiRequest<MeResponse>('/api/v1/me');
}
