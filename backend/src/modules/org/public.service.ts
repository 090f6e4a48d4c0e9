import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { DistrictOverviewResponse } from '@pioneer/shared-types';
import { Repository } from 'typeorm';
import type { AppConfig } from '../../config/configuration.js';
import { CommunityEntity } from './entities/community.entity.js';
import { StreetEntity } from './entities/street.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { mapPublicCommunity, mapPublicUnit } from './org.mapper.js';

/** What a visitor may read before binding: the district's units and communities. No personal information. */
@Injectable()
export class PublicService {
  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(StreetEntity) private readonly streets: Repository<StreetEntity>,
    @InjectRepository(CommunityEntity) private readonly communities: Repository<CommunityEntity>,
  ) {}

  async overview(): Promise<DistrictOverviewResponse> {
    const [units, streets, communities] = await Promise.all([
      this.units.find({ order: { name: 'ASC' } }),
      this.streets.find(),
      this.communities.find({ order: { name: 'ASC' } }),
    ]);
    const streetNames = new Map(streets.map((s) => [s.id, s.name]));
    const app = this.config.getOrThrow('app', { infer: true });
    return {
      districtName: app.districtName,
      demoMode: app.demo,
      unitCount: units.length,
      communityCount: communities.length,
      streetCount: streets.length,
      communities: communities.map((c) => mapPublicCommunity(c, streetNames.get(c.streetId) ?? '')),
      units: units.map(mapPublicUnit),
    };
  }
}
