/** 党员示范岗: a post a unit sets up, held by one or more members. */
export interface ModelPostView {
  id: string;
  name: string;
  place: string;
  unit: { id: string; name: string };
  community: { id: string; name: string } | null;
  holders: Array<{ id: string; name: string }>;
  createdAt: string;
  endedAt: string | null;
}

export interface ModelPostInput {
  name: string;
  place: string;
  unitId: string;
  communityId?: string | null;
  holderIds: string[];
}

/** The unit a post belongs to does not change; end the post and set up a new one instead. */
export type ModelPostUpdate = Partial<Omit<ModelPostInput, 'unitId'>>;

export const MODEL_POST_STATES = ['active', 'ended'] as const;
export type ModelPostState = (typeof MODEL_POST_STATES)[number];

export interface ModelPostListQuery {
  unitId?: string;
  communityId?: string;
  state?: ModelPostState;
  page?: number;
  pageSize?: number;
}
