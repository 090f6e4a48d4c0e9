import { ApiProperty } from '@nestjs/swagger';
import { type DistrictOverviewResponse, type PublicCommunity, type PublicUnit, UNIT_KINDS, type UnitKind } from '@pioneer/shared-types';

// Response classes exist for the OpenAPI document; `implements` keeps them in step with shared-types.
export class PublicCommunityDto implements PublicCommunity {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() streetName: string;
  @ApiProperty() address: string;
}

export class PublicUnitDto implements PublicUnit {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ type: String, nullable: true }) brandName: string | null;
}

export class DistrictOverviewDto implements DistrictOverviewResponse {
  @ApiProperty() districtName: string;
  @ApiProperty() demoMode: boolean;
  @ApiProperty() unitCount: number;
  @ApiProperty() communityCount: number;
  @ApiProperty() streetCount: number;
  @ApiProperty({ type: [PublicCommunityDto] }) communities: PublicCommunityDto[];
  @ApiProperty({ type: [PublicUnitDto] }) units: PublicUnitDto[];
}
