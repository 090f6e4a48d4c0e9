import { ApiProperty } from '@nestjs/swagger';
import type { ServiceOnBehalfRequest } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsISO8601,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ServiceContentDto, trimText } from './end-service.dto.js';

export const MAX_ON_BEHALF_MEMBERS = 50;
export const ON_BEHALF_REASON_MIN = 2;
export const ON_BEHALF_REASON_MAX = 200;

export class ServiceOnBehalfDto extends ServiceContentDto implements ServiceOnBehalfRequest {
  @ApiProperty({ type: [String], maxItems: MAX_ON_BEHALF_MEMBERS, description: '签到表上的党员，可一次多人' })
  @ArrayUnique({ message: '党员不能重复' })
  @IsUUID('all', { each: true, message: '党员编号无效' })
  @ArrayMaxSize(MAX_ON_BEHALF_MEMBERS, { message: `一次最多补录 ${MAX_ON_BEHALF_MEMBERS} 人` })
  @ArrayMinSize(1, { message: '请选择要补录的党员' })
  @IsArray({ message: '请选择要补录的党员' })
  memberIds: string[];

  @ApiProperty()
  @IsUUID('all', { message: '请选择社区' })
  communityId: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: '请填写开始时间' })
  startedAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: '请填写结束时间' })
  endedAt: string;

  @ApiProperty({ minLength: ON_BEHALF_REASON_MIN, maxLength: ON_BEHALF_REASON_MAX, description: '补录原因，如“纸质签到表补录”' })
  @Transform(trimText)
  @MaxLength(ON_BEHALF_REASON_MAX, { message: `补录原因不能超过 ${ON_BEHALF_REASON_MAX} 个字` })
  @MinLength(ON_BEHALF_REASON_MIN, { message: '请填写补录原因' })
  @IsString({ message: '请填写补录原因' })
  reason: string;
}
