import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ScopeKind } from '@pioneer/shared-types';
import { In, Repository } from 'typeorm';
import { BranchEntity } from './entities/branch.entity.js';
import { CommunityEntity } from './entities/community.entity.js';
import { StreetEntity } from './entities/street.entity.js';
import { UnitEntity } from './entities/unit.entity.js';

export interface ScopeRef {
  scopeKind: ScopeKind;
  scopeId: string | null;
}

export type ScopeNameOf = (ref: ScopeRef) => string;

const FIXED: Partial<Record<ScopeKind, string>> = { district: '全区', system: '系统', self: '本人' };
const LOOKED_UP = ['community', 'street', 'unit', 'branch'] as const;

/** Names the scope of many role assignments with one query per kind, for lists and history lines. */
@Injectable()
export class ScopeNamesService {
  constructor(
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
    @InjectRepository(StreetEntity) private readonly streets: Repository<StreetEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(BranchEntity) private readonly branches: Repository<BranchEntity>,
  ) {}

  async lookup(refs: ScopeRef[]): Promise<ScopeNameOf> {
    const repos = { community: this.communities, street: this.streets, unit: this.units, branch: this.branches };
    const names = new Map<string, string>();
    await Promise.all(
      LOOKED_UP.map(async (kind) => {
        const ids = [...new Set(refs.filter((r) => r.scopeKind === kind && r.scopeId).map((r) => r.scopeId as string))];
        if (!ids.length) return;
        const rows: Array<{ id: string; name: string }> = await repos[kind].find({
          where: { id: In(ids) },
          select: { id: true, name: true },
        });
        for (const row of rows) names.set(`${kind}:${row.id}`, row.name);
      }),
    );
    return (ref) => FIXED[ref.scopeKind] ?? (ref.scopeId ? names.get(`${ref.scopeKind}:${ref.scopeId}`) : undefined) ?? '（已删除）';
  }
}
