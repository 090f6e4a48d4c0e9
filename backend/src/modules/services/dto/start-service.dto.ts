import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { GeoPoint, ServiceStartRequest } from '@pioneer/shared-types';
import { Type } from 'class-transformer';
import { IsISO8601, IsLatitude, IsLongitude, IsNumber, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ScannedCodeField, ShortCodeField } from './scanned-code.fields.js';

export class GeoPointDto implements GeoPoint {
  @ApiProperty({ description: 'GCJ-02 纬度' })
  @IsLatitude({ message: '定位的纬度无效' })
  lat: number;

  @ApiProperty({ description: 'GCJ-02 经度' })
  @IsLongitude({ message: '定位的经度无效' })
  lng: number;

  @ApiProperty({ description: '手机报告的定位精度（米）' })
  @Max(100_000, { message: '定位精度数值无效' })
  @Min(0, { message: '定位精度数值无效' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '定位精度应为数字（米）' })
  accuracy: number;
}

export class StartServiceDto implements ServiceStartRequest {
  @ScannedCodeField('扫描到的签到码（二维码内容）', '社区工作者')
  code?: string;

  @ShortCodeField()
  shortCode?: string;

  @ApiPropertyOptional({ description: '社区编号：定位签到或手动输入签到码时使用，默认为本人报到的社区' })
  @IsOptional()
  @IsUUID('all', { message: '社区编号无效' })
  communityId?: string;

  @ApiPropertyOptional({ type: GeoPointDto, description: '仅在本人选择共享定位时提交' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto;

  @ApiPropertyOptional({ format: 'date-time', description: '离线时手机记录的时间；此类记录一律交社区工作者审核' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '离线记录的时间格式不正确' })
  offlineClaimedAt?: string;

  @ApiPropertyOptional({ description: '所做的社区需求（本人已报名且在签到社区）' })
  @IsOptional()
  @IsUUID('all', { message: '社区需求编号无效' })
  needId?: string;
}
