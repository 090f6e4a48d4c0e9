import type { DistrictOverviewResponse, MeResponse } from '@pioneer/shared-types';

export function overviewFixture(overrides: Partial<DistrictOverviewResponse> = {}): DistrictOverviewResponse {
  return {
    districtName: '示范区',
    demoMode: true,
    unitCount: 3,
    communityCount: 2,
    streetCount: 1,
    communities: [
      { id: 'c1', name: '幸福里社区', streetName: '东城街道', address: '幸福路 1 号' },
      { id: 'c2', name: '和平社区', streetName: '东城街道', address: '和平路 8 号' },
    ],
    units: [
      { id: 'u1', name: '区发展和改革局', kind: 'government', brandName: '红色引擎' },
      { id: 'u2', name: '区人民医院', kind: 'institution', brandName: null },
      { id: 'u3', name: '城投集团', kind: 'enterprise', brandName: null },
    ],
    ...overrides,
  };
}

export function meFixture(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    id: 'm1',
    name: '李明',
    maskedPhone: '138****1234',
    status: 'active',
    unit: { id: 'u1', name: '区发展和改革局' },
    branch: { id: 'b1', name: '机关第一支部' },
    roles: [
      { role: 'member', scopeKind: 'self', scopeId: null, scopeName: '本人' },
      { role: 'worker', scopeKind: 'community', scopeId: 'c1', scopeName: '幸福里社区' },
    ],
    ...overrides,
  };
}
