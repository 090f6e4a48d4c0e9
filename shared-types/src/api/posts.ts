/** 党员示范岗: a post a unit sets up, held by one or more members. */
export interface DemoPostView {
  id: string;
  name: string;
  place: string;
  unit: { id: string; name: string };
  community: { id: string; name: string } | null;
  holders: Array<{ id: string; name: string }>;
  createdAt: string;
  endedAt: string | null;
}

export interface DemoPostInput {
  name: string;
  place: string;
  unitId: string;
  communityId?: string | null;
  holderIds: string[];
}

/** The unit a post belongs to does not change; end the post and set up a new one instead. */
export type DemoPostUpdate = Partial<Omit<DemoPostInput, 'unitId'>>;

export const DEMO_POST_STATES = ['active', 'ended'] as const;
export type DemoPostState = (typeof DEMO_POST_STATES)[number];

export interface DemoPostListQuery {
  unitId?: string;
  communityId?: string;
  state?: DemoPostState;
  page?: number;
  pageSize?: number;
}
