import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTENDANCE_METHODS,
  type AttendanceBoard,
  type AttendanceMarkRequest,
  type AttendanceMarkResponse,
  type AttendanceMethod,
  type AttendanceScanRequest,
  SIGNUP_STATUSES,
  type SignupStatus,
  type SignupView,
} from '@pioneer/shared-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { ScannedCodeField, ShortCodeField } from '../../services/dto/scanned-code.fields.js';

export class AttendanceScanDto implements AttendanceScanRequest {
  @ScannedCodeField('扫描到的活动签到码（二维码内容）', '活动组织者')
  code?: string;

  @ShortCodeField()
  shortCode?: string;
}

export class AttendanceMarkEntryDto {
  @ApiProperty({ description: '报名编号' })
  @IsUUID('all', { message: '报名编号无效' })
  @IsDefined({ message: '请选择报名的党员' })
  signupId: string;

  @ApiProperty({ enum: ['attended', 'absent'] })
  @IsIn(['attended', 'absent'], { message: '请选择到场或缺席' })
  @IsDefined({ message: '请选择到场或缺席' })
  status: 'attended' | 'absent';

  @ApiPropertyOptional({ format: 'date-time', description: '签到表上的到场时间，默认活动开始时间' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '到场时间格式不正确' })
  checkedInAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: '签到表上的离开时间，默认活动结束时间' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '离开时间格式不正确' })
  checkedOutAt?: string;
}

export class AttendanceMarkDto implements AttendanceMarkRequest {
  @ApiProperty({ type: [AttendanceMarkEntryDto], description: '按纸质签到表逐人登记到场或缺席' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkEntryDto)
  @ArrayMaxSize(500, { message: '一次最多登记 500 人' })
  @ArrayMinSize(1, { message: '请至少登记一人' })
  @IsArray({ message: '请逐人登记到场或缺席' })
  @IsDefined({ message: '请逐人登记到场或缺席' })
  entries: AttendanceMarkEntryDto[];
}

class AttendanceMemberDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
}

// Response classes exist for the OpenAPI document; `implements` keeps them in step with shared-types.
export class AttendanceSignupDto implements SignupView {
  @ApiProperty() id: string;
  @ApiProperty() activityId: string;
  @ApiProperty({ type: AttendanceMemberDto }) member: AttendanceMemberDto;
  @ApiProperty({ enum: SIGNUP_STATUSES }) status: SignupStatus;
  @ApiProperty({ type: Number, nullable: true }) waitlistPosition: number | null;
  @ApiProperty({ format: 'date-time' }) signedUpAt: string;
  @ApiProperty() onBehalf: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedOutAt: string | null;
  @ApiProperty({ enum: ATTENDANCE_METHODS, nullable: true }) attendanceMethod: AttendanceMethod | null;
  @ApiProperty({ description: '计入台账的时长' }) creditedHours: number;
}

export class AttendanceMarkResponseDto implements AttendanceMarkResponse {
  @ApiProperty({ type: [AttendanceSignupDto] }) signups: AttendanceSignupDto[];
}

export class AttendanceBoardDto implements AttendanceBoard {
  @ApiProperty() activityId: string;
  @ApiProperty({ description: '应到（已报名与已到场）' }) expected: number;
  @ApiProperty({ description: '已签到' }) arrived: number;
  @ApiProperty({ description: '已签退' }) departed: number;
  @ApiProperty({ type: [AttendanceSignupDto] }) notArrived: AttendanceSignupDto[];
  @ApiProperty({ type: [AttendanceSignupDto] }) arrivedList: AttendanceSignupDto[];
  @ApiProperty({ type: [AttendanceSignupDto] }) absent: AttendanceSignupDto[];
}
