import type { HouseholdView } from '@pioneer/shared-types';

/** 向阳社区 or the village's name. */
export function placeName(household: Pick<HouseholdView, 'community' | 'village'>): string {
  return household.community?.name ?? household.village ?? '';
}
