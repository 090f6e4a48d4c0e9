import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CertificateLine,
  type CertificateRequest,
  type CertificateVerification,
  type CertificateView,
  type HoursCorrectionRequest,
  type HoursLedgerEntryView,
  type HoursLedgerPage,
  LEDGER_SOURCES,
  type LedgerSource,
} from '@pioneer/shared-types';
import { IsDefined, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto, pageDtoOf } from '../../../common/http/page-query.dto.js';
import { YearQuery } from '../../../common/http/year-query.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class LedgerQueryDto extends PageQueryDto {
  @YearQuery()
  year?: number;
}

export class HoursCorrectionDto implements HoursCorrectionRequest {
  @ApiProperty({ description: '党员编号' })
  @IsUUID('all', { message: '党员编号无效' })
  @IsDefined({ message: '请选择党员' })
  memberId: string;

  @ApiProperty({ description: '更正的时长，可为负数，按 0.5 小时计' })
  @Max(24, { message: '一次更正不能超过 24 小时' })
  @Min(-24, { message: '一次更正不能超过 24 小时' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '时长应为数字' })
  @IsDefined({ message: '请填写更正的时长' })
  hours: number;

  @ApiProperty({ description: '时长所属日期 YYYY-MM-DD' })
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  @IsString({ message: '日期格式应为 YYYY-MM-DD' })
  @IsDefined({ message: '请填写日期' })
  date: string;

  @ApiProperty({ description: '更正理由' })
  @MaxLength(200, { message: '更正理由不能超过 200 个字' })
  @MinLength(2, { message: '请用 2–200 个字说明更正理由' })
  @IsString({ message: '请填写更正理由' })
  @IsDefined({ message: '请填写更正理由' })
  reason: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '被更正的台账记录编号' })
  @IsOptional()
  @IsUUID('all', { message: '台账记录编号无效' })
  correctsId?: string | null;
}

export class CertificateRequestDto implements CertificateRequest {
  @ApiProperty({ description: '起始日期 YYYY-MM-DD（含）' })
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  @IsString({ message: '日期格式应为 YYYY-MM-DD' })
  @IsDefined({ message: '请选择起始日期' })
  from: string;

  @ApiProperty({ description: '截止日期 YYYY-MM-DD（含）' })
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  @IsString({ message: '日期格式应为 YYYY-MM-DD' })
  @IsDefined({ message: '请选择截止日期' })
  to: string;
}

class LedgerActivityRefDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
}

// Response classes exist for the OpenAPI document; `implements` keeps them in step with shared-types.
export class HoursLedgerEntryDto implements HoursLedgerEntryView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: LEDGER_SOURCES }) source: LedgerSource;
  @ApiProperty({ description: '时长（更正可为负数）' }) hours: number;
  @ApiProperty({ description: 'YYYY-MM-DD' }) date: string;
  @ApiProperty({ type: LedgerActivityRefDto, nullable: true }) activity: LedgerActivityRefDto | null;
  @ApiProperty({ type: String, nullable: true }) serviceRecordId: string | null;
  @ApiProperty({ type: String, nullable: true, description: '服务的社区或活动地点' }) where: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

class YearTotalDto {
  @ApiProperty() year: number;
  @ApiProperty() hours: number;
}

export class HoursLedgerPageDto implements HoursLedgerPage {
  @ApiProperty({ type: [HoursLedgerEntryDto] }) items: HoursLedgerEntryDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty() year: number;
  @ApiProperty({ description: '全年合计（含更正）' }) yearTotal: number;
  @ApiProperty({ type: [YearTotalDto] }) years: YearTotalDto[];
}

class CertificateLineDto implements CertificateLine {
  @ApiProperty() date: string;
  @ApiProperty({ enum: LEDGER_SOURCES }) source: LedgerSource;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) where: string | null;
  @ApiProperty() hours: number;
}

export class CertificateViewDto implements CertificateView {
  @ApiProperty() serial: string;
  @ApiProperty() memberName: string;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [CertificateLineDto] }) lines: CertificateLineDto[];
  @ApiProperty() totalHours: number;
  @ApiProperty() issuer: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
}

export const CertificatePageDto = pageDtoOf(CertificateViewDto, 'CertificatePageDto');

export class CertificateVerificationDto implements CertificateVerification {
  @ApiProperty() serial: string;
  @ApiProperty({ enum: [true] }) valid: true;
  @ApiProperty({ description: '姓名（已隐去部分）' }) memberName: string;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() activityCount: number;
  @ApiProperty() serviceCount: number;
  @ApiProperty() totalHours: number;
  @ApiProperty() issuer: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
}
