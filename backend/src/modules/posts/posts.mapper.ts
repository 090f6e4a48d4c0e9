import type { DemoPostView } from '@pioneer/shared-types';
import type { DemoPostEntity } from './entities/demo-post.entity.js';

export interface DemoPostNames {
  unitName: string;
  communityName: string | null;
  holders: Array<{ id: string; name: string }>;
}

export function mapDemoPost(p: DemoPostEntity, names: DemoPostNames): DemoPostView {
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
