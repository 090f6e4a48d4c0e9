import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MEMBER_STATUSES,
  type MemberInput,
  type MemberListQuery,
  type MemberSearchRequest,
  type MemberStatus,
  type MemberUpdate,
  type MemberView,
  type PhoneRevealResponse,
  ROLES,
  type Role,
  type RoleAssignmentView,
  SCOPE_KINDS,
  type ScopeKind,
} from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { normalizePhone } from '../../../common/crypto/pii-crypto.service.js';
import { PageQueryDto, pageDtoOf } from '../../../common/http/page-query.dto.js';
import { Trim } from './transforms.js';

export const STATUS_MESSAGE = '状态须为 待绑定、在册、已转出、已退休 或 已离开';

export class MemberListQueryDto extends PageQueryDto implements MemberListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(36, { message: '所选单位不存在' })
  @IsString()
  unitId?: string;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES })
  @IsOptional()
  @IsIn(MEMBER_STATUSES, { message: STATUS_MESSAGE })
  status?: MemberStatus;
}

/** The list's filters plus search words, sent in a body: names and phone numbers stay out of URLs and logs. */
export class MemberSearchDto extends MemberListQueryDto implements MemberSearchRequest {
  @ApiPropertyOptional({ description: 'Part of the name, or a full phone number (matched exactly, by keyed hash)' })
  @Trim()
  @IsOptional()
  @MaxLength(50, { message: '搜索内容太长' })
  @IsString()
  q?: string;
}

/** One member entered by hand (the roster import handles many); the phone is normalized before it is checked. */
export class CreateMemberDto implements MemberInput {
  @ApiProperty({ maxLength: 50, example: '张建国' })
  @Trim()
  @MaxLength(50, { message: '姓名不能超过 50 个字' })
  @IsNotEmpty({ message: '请填写姓名' })
  @IsString({ message: '姓名应为文字' })
  @IsDefined({ message: '请填写姓名' })
  name: string;

  @ApiProperty({ example: '13800000001', description: 'Mainland mobile number; spaces, dashes and +86 are accepted' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizePhone(value) ?? value : value))
  @Matches(/^1[3-9]\d{9}$/, { message: '手机号格式不正确，请填写 11 位手机号' })
  @IsString({ message: '请填写手机号' })
  phone: string;

  @ApiProperty()
  @MaxLength(36, { message: '所选单位不存在' })
  @IsNotEmpty({ message: '请选择所在单位' })
  @IsString({ message: '请选择所在单位' })
  unitId: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @MaxLength(36, { message: '所选支部不存在' })
  @IsString({ message: '所选支部不存在' })
  branchId?: string | null;
}

export class UpdateMemberDto implements MemberUpdate {
  @ApiPropertyOptional({ maxLength: 50 })
  @Trim()
  @IsOptional()
  @MaxLength(50, { message: '姓名不能超过 50 个字' })
  @IsNotEmpty({ message: '姓名不能为空' })
  @IsString({ message: '姓名应为文字' })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A branch of the same unit; null clears it' })
  @IsOptional()
  @MaxLength(36, { message: '所选支部不存在' })
  @IsString({ message: '所选支部不存在' })
  branchId?: string | null;
}

export class RoleAssignmentViewDto implements RoleAssignmentView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: SCOPE_KINDS }) scopeKind: ScopeKind;
  @ApiProperty({ type: String, nullable: true }) scopeId: string | null;
  @ApiProperty() scopeName: string;
}

class IdNameDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class MemberViewDto implements MemberView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, example: '138****0001', description: 'Always masked here' })
  phone: string | null;
  @ApiProperty() phoneMasked: boolean;
  @ApiProperty({ enum: MEMBER_STATUSES }) status: MemberStatus;
  @ApiProperty({ type: IdNameDto }) unit: IdNameDto;
  @ApiProperty({ type: IdNameDto, nullable: true }) branch: IdNameDto | null;
  @ApiProperty({ type: [RoleAssignmentViewDto] }) roles: RoleAssignmentViewDto[];
  @ApiProperty() wechatBound: boolean;
}

export const MemberPageDto = pageDtoOf(MemberViewDto, 'MemberPageDto');

export class PhoneRevealDto implements PhoneRevealResponse {
  @ApiProperty({ example: '13800000001' }) phone: string;
}
