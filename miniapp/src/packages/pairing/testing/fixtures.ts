import type { HouseholdDetail, HouseholdView, MatterView, Page, VisitView } from '@pioneer/shared-types';

export function pageOf<T>(items: T[], page = 1, pageSize = 10, total = items.length): Page<T> {
  return { items, page, pageSize, total };
}

export function householdFixture(overrides: Partial<HouseholdView> = {}): HouseholdView {
  return {
    id: 'h1',
    community: { id: 'c1', name: '向阳社区' },
    village: null,
    contactName: '王**',
    phone: '139****0011',
    address: '向阳小区****',
    pairedWith: [{ id: 'm1', name: '李明' }],
    lastVisitedOn: '2026-11-20',
    visitCount: 3,
    createdAt: '2026-10-01T02:00:00.000Z',
    ...overrides,
  };
}

export function householdDetailFixture(overrides: Partial<HouseholdDetail> = {}): HouseholdDetail {
  return {
    ...householdFixture(),
    pairings: [
      { id: 'p1', member: { id: 'm1', name: '李明' }, status: 'active', startedOn: '2026-10-01', endedOn: null, endReason: null },
    ],
    mayReadContact: true,
    mayVisit: true,
    ...overrides,
  };
}

export function householdVisitFixture(overrides: Partial<VisitView> = {}): VisitView {
  return {
    id: 'v1',
    member: { id: 'm1', name: '李明' },
    activity: null,
    householdId: 'h1',
    place: '结对户走访',
    visitedOn: '2026-11-20',
    note: '老人身体还好',
    onBehalf: false,
    createdAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

export function matterFixture(overrides: Partial<MatterView> = {}): MatterView {
  return {
    id: 'x1',
    title: '为小区加装楼道扶手',
    unit: { id: 'u1', name: '区发展和改革局' },
    community: { id: 'c1', name: '向阳社区' },
    village: null,
    doneOn: '2026-06-01',
    beneficiaries: 120,
    description: '3 栋楼共加装扶手 18 处',
    problemIds: [],
    visitIds: [],
    author: { id: 'm1', name: '李明' },
    createdAt: '2026-06-01T08:00:00.000Z',
    ...overrides,
  };
}
