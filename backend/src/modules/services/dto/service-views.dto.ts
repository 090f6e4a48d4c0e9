import { ApiProperty } from '@nestjs/swagger';
import {
  type CheckinCodeResponse,
  type FlagSummaryResponse,
  SERVICE_FLAGS,
  SERVICE_RECORD_STATUSES,
  SERVICE_TYPES,
  type ServiceFlag,
  type ServiceRecordStatus,
  type ServiceRecordView,
  type ServiceType,
  VERIFICATION_METHODS,
  type VerificationMethod,
} from '@pioneer/shared-types';
import { pageDtoOf } from '../../../common/http/page-query.dto.js';

// Response classes exist for the OpenAPI document; `implements` keeps them in step with shared-types.
class RefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class ServiceRecordViewDto implements ServiceRecordView {
  @ApiProperty() id: string;
  @ApiProperty({ type: RefDto }) member: RefDto;
  @ApiProperty({ type: RefDto }) community: RefDto;
  @ApiProperty({ enum: SERVICE_RECORD_STATUSES }) status: ServiceRecordStatus;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
  @ApiProperty({ enum: VERIFICATION_METHODS }) startVerification: VerificationMethod;
  @ApiProperty({ enum: VERIFICATION_METHODS, nullable: true }) endVerification: VerificationMethod | null;
  @ApiProperty({ type: Number, nullable: true, description: '距社区中心的米数（定位签到时）' }) distanceM: number | null;
  @ApiProperty({ enum: SERVICE_TYPES, nullable: true }) serviceType: ServiceType | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ description: '计入的时长（两端均经核验并确认后）' }) hours: number;
  @ApiProperty({ description: '按服务器时间建议的时长' }) proposedHours: number;
  @ApiProperty({ enum: SERVICE_FLAGS, isArray: true }) flags: ServiceFlag[];
  @ApiProperty() onBehalf: boolean;
  @ApiProperty({ type: String, nullable: true }) onBehalfReason: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) decidedBy: RefDto | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) offlineClaimedAt: string | null;
  @ApiProperty({ description: '离线补传：签到或签退的时间以手机为准，须社区工作者核定时长后才计入' }) offlineClaim: boolean;
  @ApiProperty({ type: String, nullable: true, description: '申报时长超过实际时长时党员填写的说明' }) hoursReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: '重新提交的记录：被退回的原记录编号' }) resubmittedFrom: string | null;
  @ApiProperty({ type: String, nullable: true, description: '已重新提交的退回记录：新记录编号' }) resubmittedAs: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '处理人在此时间前可撤销确认或退回' })
  undoableUntil: string | null;
}

export const ServiceRecordPageDto = pageDtoOf(ServiceRecordViewDto, 'ServiceRecordPage');

export class CheckinCodeResponseDto implements CheckinCodeResponse {
  @ApiProperty() communityId: string;
  @ApiProperty() communityName: string;
  @ApiProperty({ description: '二维码内容' }) code: string;
  @ApiProperty({ description: '6 位数字，仅演示模式提供（其他情况下为空）' }) shortCode: string;
  @ApiProperty() slotSeconds: number;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class FlagSummaryResponseDto implements FlagSummaryResponse {
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(SERVICE_FLAGS.map((f) => [f, { type: 'number' }])),
    description: '范围内带各类标记的记录数（只统计记录，不对人排名）',
  })
  counts: Record<ServiceFlag, number>;
}
