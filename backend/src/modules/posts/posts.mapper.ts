import type { ModelPostView } from '@pioneer/shared-types';
import type { ModelPostEntity } from './entities/model-post.entity.js';

export interface ModelPostNames {
  unitName: string;
  communityName: string | null;
  holders: Array<{ id: string; name: string }>;
}

export function mapModelPost(p: ModelPostEntity, names: ModelPostNames): ModelPostView {
  return {
    id: p.id,
    name: p.name,
    place: p.place,
    unit: { id: p.unitId, name: names.unitName },
    community: p.communityId ? { id: p.communityId, name: names.communityName ?? '（已删除）' } : null,
    holders: names.holders,
    createdAt: p.createdAt.toISOString(),
    endedAt: p.endedAt ? p.endedAt.toISOString() : null,
  };
}
