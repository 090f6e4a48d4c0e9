import type { UnitKind } from '../enums.js';

/** What anyone, signed in or not, may read about the district: the about page and the home page's overview. */
export interface PublicCommunity {
  id: string;
  name: string;
  streetName: string;
  address: string;
}

export interface PublicUnit {
  id: string;
  name: string;
  kind: UnitKind;
  brandName: string | null;
}

export interface DistrictOverviewResponse {
  districtName: string;
  /** Demo deployments offer a role picker instead of WeChat sign-in. */
  demoMode: boolean;
  unitCount: number;
  communityCount: number;
  streetCount: number;
  communities: PublicCommunity[];
  units: PublicUnit[];
}
