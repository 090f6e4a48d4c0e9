import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type Page,
  REGISTRATION_STATUSES,
  type RegistrationCreateRequest,
  type RegistrationDecisionRequest,
  type RegistrationListQuery,
  type RegistrationMemberLookupRequest,
  type RegistrationMemberLookupResponse,
  type RegistrationOnBehalfRequest,
  type RegistrationStatus,
  type RegistrationView,
} from '@pioneer/shared-types';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { normalizePhone } from '../../../common/crypto/pii-crypto.service.js';
import { Trim } from '../../org/dto/transforms.js';

export const REASON_MAX = 200;
export const MAX_PAGE_SIZE = 100;

export class CreateRegistrationDto implements RegistrationCreateRequest {
  @ApiProperty({ description: '报到的社区' })
  @IsUUID('all', { message: '请选择要报到的社区' })
  communityId: string;
}

export class OnBehalfRegistrationDto implements RegistrationOnBehalfRequest {
  @ApiProperty({ description: '为哪位党员登记' })
  @IsUUID('all', { message: '请选择要登记的党员' })
  memberId: string;

  @ApiProperty({ description: '报到的社区（须是您负责的社区）' })
  @IsUUID('all', { message: '请选择报到的社区' })
  communityId: string;

  @ApiProperty({ maxLength: REASON_MAX, description: '代为登记的原因，例如“根据纸质报到表录入”' })
  @Trim()
  @IsString({ message: '请填写代为登记的原因' })
  @MinLength(2, { message: '请填写代为登记的原因（至少 2 个字）' })
  @MaxLength(REASON_MAX, { message: `原因不能超过 ${REASON_MAX} 个字` })
  reason: string;
}

/** Approving takes an optional note. */
export class ApproveRegistrationDto implements RegistrationDecisionRequest {
  @ApiPropertyOptional({ maxLength: REASON_MAX, description: '备注（可不填）' })
  @IsOptional()
  @Trim()
  @IsString({ message: '备注应为文字' })
  @MaxLength(REASON_MAX, { message: `备注不能超过 ${REASON_MAX} 个字` })
  reason?: string;
}

/** Rejecting or ending needs a reason the member will read. */
export class ReasonRequiredDto implements RegistrationDecisionRequest {
  @ApiProperty({ maxLength: REASON_MAX, description: '原因（必填，党员会在消息中看到）' })
  @Trim()
  @IsString({ message: '请填写原因' })
  @MinLength(2, { message: '请填写原因（至少 2 个字）' })
  @MaxLength(REASON_MAX, { message: `原因不能超过 ${REASON_MAX} 个字` })
  reason: string;
}

export class RegistrationListQueryDto implements RegistrationListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '社区编号无效' })
  communityId?: string;

  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES, { message: '状态只能是待审核、已通过、未通过或已结束' })
  status?: RegistrationStatus;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为整数' })
  @Min(1, { message: '页码应从 1 开始' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数应为整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(MAX_PAGE_SIZE, { message: `每页最多 ${MAX_PAGE_SIZE} 条` })
  pageSize?: number;
}

class RegistrationMemberDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() unitName: string;
}

class RegistrationCommunityDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() streetName: string;
}

class PersonRefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class RegistrationViewDto implements RegistrationView {
  @ApiProperty() id: string;
  @ApiProperty({ type: RegistrationMemberDto }) member: RegistrationMemberDto;
  @ApiProperty({ type: RegistrationCommunityDto }) community: RegistrationCommunityDto;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty() onBehalf: boolean;
  @ApiProperty({ type: String, nullable: true, description: '结束、未通过或代为登记的原因' }) reason: string | null;
  @ApiProperty({ type: PersonRefDto, nullable: true }) decidedBy: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endedAt: string | null;
}

export class RegistrationPageDto implements Page<RegistrationView> {
  @ApiProperty({ type: [RegistrationViewDto] }) items: RegistrationViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class MemberLookupDto implements RegistrationMemberLookupRequest {
  @ApiProperty({ description: '报到表上的姓名' })
  @Trim()
  @IsString({ message: '请填写姓名' })
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(50, { message: '姓名不能超过 50 个字' })
  name: string;

  @ApiProperty({ description: '报到表上的手机号' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (normalizePhone(value) ?? value) : value))
  @IsString({ message: '请填写手机号' })
  @Matches(/^1[3-9]\d{9}$/, { message: '手机号格式不正确，请填写 11 位手机号' })
  phone: string;
}

export class MemberLookupResponseDto implements RegistrationMemberLookupResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() unitName: string;
}
