import type { PublicCommunity, PublicUnit } from '@pioneer/shared-types';
import type { CommunityEntity } from './entities/community.entity.js';
import type { UnitEntity } from './entities/unit.entity.js';

export function mapPublicCommunity(c: CommunityEntity, streetName: string): PublicCommunity {
  return { id: c.id, name: c.name, streetName, address: c.address };
}

export function mapPublicUnit(u: UnitEntity): PublicUnit {
  return { id: u.id, name: u.name, kind: u.kind, brandName: u.brandName };
}
