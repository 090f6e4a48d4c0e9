import { ApiProperty } from '@nestjs/swagger';
import type { ServiceResubmitRequest } from '@pioneer/shared-types';
import { IsNumber } from 'class-validator';
import { ClaimedServiceDto } from './end-service.dto.js';

export class ResubmitServiceDto extends ClaimedServiceDto implements ServiceResubmitRequest {
  @ApiProperty({ description: '申报时长（0.5 小时一档）' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '请填写申报时长' })
  proposedHours: number;
}
