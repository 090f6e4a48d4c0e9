import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  HandoverRequest,
  HandoverResponse,
  MemberHistoryEntry,
  MemberStatusRequest,
  MemberTransferRequest,
} from '@pioneer/shared-types';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from './transforms.js';

export const SETTABLE_STATUSES = ['active', 'retired', 'left', 'transferred'] as const;
type SettableStatus = MemberStatusRequest['status'];

const REASON_MAX = 200;

export class MemberTransferDto implements MemberTransferRequest {
  @ApiProperty()
  @MaxLength(36, { message: '调入单位不存在' })
  @IsNotEmpty({ message: '请选择调入单位' })
  @IsString({ message: '请选择调入单位' })
  toUnitId: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @MaxLength(36, { message: '所选支部不存在' })
  @IsString({ message: '所选支部不存在' })
  toBranchId?: string | null;

  @ApiProperty({ maxLength: REASON_MAX })
  @Trim()
  @MaxLength(REASON_MAX, { message: `调动原因不能超过 ${REASON_MAX} 个字` })
  @IsNotEmpty({ message: '请填写调动原因' })
  @IsString({ message: '请填写调动原因' })
  reason: string;
}

export class MemberStatusDto implements MemberStatusRequest {
  @ApiProperty({
    enum: SETTABLE_STATUSES,
    description: 'active reinstates (invited again if no WeChat account is bound); the others stop sign-in',
  })
  @IsIn(SETTABLE_STATUSES, { message: '状态须为 在册、已退休、已离开 或 已转出' })
  status: SettableStatus;

  @ApiProperty({ maxLength: REASON_MAX })
  @Trim()
  @MaxLength(REASON_MAX, { message: `变更原因不能超过 ${REASON_MAX} 个字` })
  @IsNotEmpty({ message: '请填写变更原因' })
  @IsString({ message: '请填写变更原因' })
  reason: string;
}

export class HandoverDto implements HandoverRequest {
  @ApiProperty({ description: 'The worker handing over' })
  @MaxLength(36, { message: '移交人不存在' })
  @IsNotEmpty({ message: '请选择移交人' })
  @IsString({ message: '请选择移交人' })
  fromMemberId: string;

  @ApiProperty({ description: 'The successor; must be active' })
  @MaxLength(36, { message: '接任人不存在' })
  @IsNotEmpty({ message: '请选择接任人' })
  @IsString({ message: '请选择接任人' })
  toMemberId: string;

  @ApiProperty({ maxLength: REASON_MAX })
  @Trim()
  @MaxLength(REASON_MAX, { message: `移交原因不能超过 ${REASON_MAX} 个字` })
  @IsNotEmpty({ message: '请填写移交原因' })
  @IsString({ message: '请填写移交原因' })
  reason: string;
}

export class HandoverResponseDto implements HandoverResponse {
  @ApiProperty() movedRoleAssignments: number;
}

export class MemberHistoryEntryDto implements MemberHistoryEntry {
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['unit', 'status', 'roles', 'binding'] }) kind: MemberHistoryEntry['kind'];
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
}
