import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTENDANCE_METHODS,
  type AttendanceMethod,
  type MySignupView,
  type OnBehalfSignupRequest,
  type OnBehalfSignupResponse,
  SIGNUP_STATUSES,
  type SignupResult,
  type SignupStatus,
  type SignupView,
} from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, pageDtoOf } from '../../../common/http/page-query.dto.js';
import { trim } from '../../../common/http/text-fields.js';

export const MAX_ON_BEHALF_SIGNUPS = 50;
const REASON_MIN = 2;
const REASON_MAX = 200;

export class OnBehalfSignupDto implements OnBehalfSignupRequest {
  @ApiProperty({ type: [String], maxItems: MAX_ON_BEHALF_SIGNUPS, description: '代为报名的党员，可一次多人' })
  @ArrayUnique({ message: '党员不能重复' })
  @IsUUID('all', { each: true, message: '党员编号无效' })
  @ArrayMaxSize(MAX_ON_BEHALF_SIGNUPS, { message: `一次最多代报 ${MAX_ON_BEHALF_SIGNUPS} 人` })
  @ArrayMinSize(1, { message: '请选择要代为报名的党员' })
  @IsArray({ message: '请选择要代为报名的党员' })
  memberIds: string[];

  @ApiProperty({ minLength: REASON_MIN, maxLength: REASON_MAX, description: '代为报名的原因，如“党员不会使用小程序”' })
  @Transform(trim)
  @MaxLength(REASON_MAX, { message: `原因不能超过 ${REASON_MAX} 个字` })
  @MinLength(REASON_MIN, { message: '请填写代为报名的原因' })
  @IsString({ message: '请填写代为报名的原因' })
  reason: string;
}

export class CancelSignupDto {
  @ApiProperty({ minLength: REASON_MIN, maxLength: REASON_MAX, description: '取消原因，会告诉本人' })
  @Transform(trim)
  @MaxLength(REASON_MAX, { message: `原因不能超过 ${REASON_MAX} 个字` })
  @MinLength(REASON_MIN, { message: '请填写取消原因' })
  @IsString({ message: '请填写取消原因' })
  reason: string;
}

export class SignupListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SIGNUP_STATUSES, description: '不填则列出全部；候补按候补顺序' })
  @IsOptional()
  @IsIn(SIGNUP_STATUSES, { message: '状态只能是已报名、候补、已取消、已参加或缺席' })
  status?: SignupStatus;
}

export class MySignupsQueryDto extends PageQueryDto {}

// Response classes exist for the OpenAPI document; `implements` keeps them in step with shared-types.
class SignupMemberDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
}

export class SignupViewDto implements SignupView {
  @ApiProperty() id: string;
  @ApiProperty() activityId: string;
  @ApiProperty({ type: SignupMemberDto }) member: SignupMemberDto;
  @ApiProperty({ enum: SIGNUP_STATUSES }) status: SignupStatus;
  @ApiProperty({ type: Number, nullable: true, description: '候补中的第几位（从 1 起）' }) waitlistPosition: number | null;
  @ApiProperty({ format: 'date-time' }) signedUpAt: string;
  @ApiProperty() onBehalf: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedOutAt: string | null;
  @ApiProperty({ enum: ATTENDANCE_METHODS, nullable: true }) attendanceMethod: AttendanceMethod | null;
  @ApiProperty() creditedHours: number;
}

export class SignupResultDto {
  @ApiProperty({ type: SignupViewDto }) signup: SignupViewDto;
  @ApiProperty({ enum: ['confirmed', 'waitlisted'] }) outcome: SignupResult['outcome'];
}

class OnBehalfResultDto {
  @ApiProperty() memberId: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted', 'refused'] }) outcome: 'confirmed' | 'waitlisted' | 'refused';
  @ApiPropertyOptional({ type: SignupViewDto }) signup?: SignupViewDto;
  @ApiPropertyOptional({ description: '未能报名时的错误码' }) code?: string;
  @ApiPropertyOptional({ description: '未能报名的原因' }) message?: string;
}

export class OnBehalfSignupResponseDto {
  @ApiProperty({ type: [OnBehalfResultDto] }) results: OnBehalfSignupResponse['results'];
}

class MySignupActivityDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() place: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() status: string;
}

export class MySignupViewDto {
  @ApiProperty({ type: SignupViewDto }) signup: SignupViewDto;
  @ApiProperty({ type: MySignupActivityDto, description: 'ActivitySummary' }) activity: MySignupView['activity'];
}

export const SignupPageDto = pageDtoOf(SignupViewDto, 'SignupPage');
export const MySignupPageDto = pageDtoOf(MySignupViewDto, 'MySignupPage');
