import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  HouseholdContact,
  HouseholdDetail,
  HouseholdInput,
  HouseholdView,
  PairingEndRequest,
  PairingInput,
  PairingView,
} from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { trim } from '../../../common/http/text-fields.js';

export const CONTACT_NAME_MAX = 20;
export const ADDRESS_MAX = 100;
export const VILLAGE_MAX = 60;
export const REASON_MAX = 200;


export class HouseholdInputDto implements HouseholdInput {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: '所在社区；与村组二选一' })
  @IsOptional()
  @IsUUID('all', { message: '社区编号格式不正确' })
  communityId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: VILLAGE_MAX, description: '所在村组；与社区二选一' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(VILLAGE_MAX, { message: `村组不能超过 ${VILLAGE_MAX} 个字` })
  @IsString({ message: '村组应为文字' })
  village?: string | null;

  @ApiProperty({ maxLength: CONTACT_NAME_MAX, description: '联系人姓名' })
  @Transform(trim)
  @MaxLength(CONTACT_NAME_MAX, { message: `联系人姓名不能超过 ${CONTACT_NAME_MAX} 个字` })
  @MinLength(1, { message: '请填写联系人姓名' })
  @IsString({ message: '请填写联系人姓名' })
  contactName: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '联系电话（手机号）' })
  @IsOptional()
  @IsString({ message: '联系电话应为文字' })
  phone?: string | null;

  @ApiProperty({ maxLength: ADDRESS_MAX, description: '住址' })
  @Transform(trim)
  @MaxLength(ADDRESS_MAX, { message: `住址不能超过 ${ADDRESS_MAX} 个字` })
  @MinLength(1, { message: '请填写住址' })
  @IsString({ message: '请填写住址' })
  address: string;

  @ApiProperty({ description: '住户已同意结对并登记其信息' })
  @IsBoolean({ message: '请先征得住户同意，再登记其信息' })
  consent: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: '结对的党员（默认本人）' })
  @IsOptional()
  @IsUUID('all', { message: '党员编号格式不正确' })
  memberId?: string;

  @ApiPropertyOptional({ maxLength: REASON_MAX, description: '代为登记时必填：为什么代记' })
  @Transform(trim)
  @ValidateIf((o: HouseholdInputDto) => o.onBehalfReason !== undefined)
  @MaxLength(REASON_MAX, { message: `代记原因不能超过 ${REASON_MAX} 个字` })
  @IsString({ message: '代记原因应为文字' })
  onBehalfReason?: string;
}

export class PairingInputDto implements PairingInput {
  @ApiProperty({ format: 'uuid', description: '结对的党员' })
  @IsUUID('all', { message: '党员编号格式不正确' })
  memberId: string;

  @ApiPropertyOptional({ maxLength: REASON_MAX, description: '结对说明' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(REASON_MAX, { message: `说明不能超过 ${REASON_MAX} 个字` })
  @IsString({ message: '说明应为文字' })
  reason?: string;
}

export class PairingEndRequestDto implements PairingEndRequest {
  @ApiProperty({ maxLength: REASON_MAX, description: '结束结对的原因' })
  @Transform(trim)
  @MaxLength(REASON_MAX, { message: `原因不能超过 ${REASON_MAX} 个字` })
  @MinLength(1, { message: '请写明结束结对的原因' })
  @IsString({ message: '请写明结束结对的原因' })
  reason: string;
}

class RefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class PairingViewDto implements PairingView {
  @ApiProperty() id: string;
  @ApiProperty({ type: RefDto }) member: RefDto;
  @ApiProperty({ enum: ['active', 'ended'] }) status: 'active' | 'ended';
  @ApiProperty({ example: '2026-03-01' }) startedOn: string;
  @ApiProperty({ type: String, nullable: true }) endedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason: string | null;
}

export class HouseholdViewDto implements HouseholdView {
  @ApiProperty() id: string;
  @ApiProperty({ type: RefDto, nullable: true }) community: RefDto | null;
  @ApiProperty({ type: String, nullable: true }) village: string | null;
  @ApiProperty({ description: '已脱敏' }) contactName: string;
  @ApiProperty({ type: String, nullable: true, description: '已脱敏' }) phone: string | null;
  @ApiProperty({ description: '已脱敏' }) address: string;
  @ApiProperty({ type: [RefDto] }) pairedWith: RefDto[];
  @ApiProperty({ type: String, nullable: true }) lastVisitedOn: string | null;
  @ApiProperty() visitCount: number;
  @ApiProperty() createdAt: string;
}

export class HouseholdDetailDto extends HouseholdViewDto implements HouseholdDetail {
  @ApiProperty({ type: [PairingViewDto] }) pairings: PairingViewDto[];
  @ApiProperty() mayReadContact: boolean;
  @ApiProperty() mayVisit: boolean;
}

export class HouseholdPageDto {
  @ApiProperty({ type: [HouseholdViewDto] }) items: HouseholdViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class HouseholdContactDto implements HouseholdContact {
  @ApiProperty() contactName: string;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty() address: string;
}
