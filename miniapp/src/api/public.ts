import type { DistrictOverviewResponse } from '@pioneer/shared-types';
import { apiRequest } from './client';

export function getOverview(): Promise<DistrictOverviewResponse> {
  return apiRequest<DistrictOverviewResponse>('/api/v1/public/overview');
}
