import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type { CommunityInput, CommunityListQuery, CommunityView } from '@pioneer/shared-types';
import { IsDefined, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto, pageDtoOf } from '../../../common/http/page-query.dto.js';
import { Trim } from './transforms.js';

export const MIN_GEOFENCE_M = 50;
export const MAX_GEOFENCE_M = 2000;
export const DEFAULT_GEOFENCE_M = 300;

const LAT_MESSAGE = '纬度应为 -90 到 90 之间的数字（GCJ-02）';
const LNG_MESSAGE = '经度应为 -180 到 180 之间的数字（GCJ-02）';
const RADIUS_MESSAGE = `电子围栏半径应为 ${MIN_GEOFENCE_M} 到 ${MAX_GEOFENCE_M} 米之间的整数`;

export class CreateCommunityDto implements CommunityInput {
  @ApiProperty({ maxLength: 100, example: '向阳社区' })
  @Trim()
  @MaxLength(100, { message: '社区名称不能超过 100 个字' })
  @IsNotEmpty({ message: '请填写社区名称' })
  @IsString({ message: '社区名称应为文字' })
  @IsDefined({ message: '请填写社区名称' })
  name: string;

  @ApiProperty()
  @MaxLength(36, { message: '所选街道不存在' })
  @IsNotEmpty({ message: '请选择所属街道' })
  @IsString({ message: '请选择所属街道' })
  streetId: string;

  @ApiProperty({ maxLength: 200, example: '向阳路 18 号' })
  @Trim()
  @MaxLength(200, { message: '社区地址不能超过 200 个字' })
  @IsNotEmpty({ message: '请填写社区地址' })
  @IsString({ message: '社区地址应为文字' })
  @IsDefined({ message: '请填写社区地址' })
  address: string;

  @ApiProperty({ description: 'GCJ-02 latitude', minimum: -90, maximum: 90 })
  @Max(90, { message: LAT_MESSAGE })
  @Min(-90, { message: LAT_MESSAGE })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 7 }, { message: LAT_MESSAGE })
  lat: number;

  @ApiProperty({ description: 'GCJ-02 longitude', minimum: -180, maximum: 180 })
  @Max(180, { message: LNG_MESSAGE })
  @Min(-180, { message: LNG_MESSAGE })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 7 }, { message: LNG_MESSAGE })
  lng: number;

  @ApiPropertyOptional({ minimum: MIN_GEOFENCE_M, maximum: MAX_GEOFENCE_M, default: DEFAULT_GEOFENCE_M })
  @IsOptional()
  @Max(MAX_GEOFENCE_M, { message: RADIUS_MESSAGE })
  @Min(MIN_GEOFENCE_M, { message: RADIUS_MESSAGE })
  @IsInt({ message: RADIUS_MESSAGE })
  geofenceRadiusM?: number;
}

export class UpdateCommunityDto extends PartialType(CreateCommunityDto) implements Partial<CommunityInput> {}

export class CommunityListQueryDto extends PageQueryDto implements CommunityListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(36, { message: '所选街道不存在' })
  @IsString()
  streetId?: string;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @Trim()
  @IsOptional()
  @MaxLength(100, { message: '搜索内容太长' })
  @IsString()
  q?: string;
}

export class CommunityViewDto implements CommunityView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() streetId: string;
  @ApiProperty() streetName: string;
  @ApiProperty() address: string;
  @ApiProperty() lat: number;
  @ApiProperty() lng: number;
  @ApiProperty() geofenceRadiusM: number;
}

export const CommunityPageDto = pageDtoOf(CommunityViewDto, 'CommunityPageDto');
