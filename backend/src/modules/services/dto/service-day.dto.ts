import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MyHoursResponse, ServiceDayResponse, ServiceRecordStatus } from '@pioneer/shared-types';
import { SERVICE_RECORD_STATUSES } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, Matches } from 'class-validator';
import { MAX_ON_BEHALF_MEMBERS } from './on-behalf.dto.js';

export class ServiceDayQueryDto {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD（北京时间），默认今天' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '日期格式应为 YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ type: String, description: '社区工作者：逗号分隔的党员编号（党员本人查询时忽略）' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter((s) => s.length > 0) : value,
  )
  @IsUUID('all', { each: true, message: '党员编号无效' })
  @ArrayMaxSize(MAX_ON_BEHALF_MEMBERS, { message: `一次最多查询 ${MAX_ON_BEHALF_MEMBERS} 人` })
  @IsArray({ message: '党员编号无效' })
  memberIds?: string[];
}

class DayVisitDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
  @ApiProperty({ enum: SERVICE_RECORD_STATUSES }) status: ServiceRecordStatus;
}

class DayMemberDto {
  @ApiProperty() memberId: string;
  @ApiProperty({ description: '当天已确认与待确认的时长' }) counted: number;
  @ApiProperty({ description: '当天还可记的时长' }) remaining: number;
  @ApiProperty({ type: [DayVisitDto] }) visits: DayVisitDto[];
}

export class ServiceDayResponseDto implements ServiceDayResponse {
  @ApiProperty() date: string;
  @ApiProperty() maxHoursPerDay: number;
  @ApiProperty({ type: [DayMemberDto] }) members: DayMemberDto[];
}

class HoursPairDto {
  @ApiProperty({ description: '已确认' }) confirmed: number;
  @ApiProperty({ description: '待确认' }) pending: number;
}

export class MyHoursResponseDto implements MyHoursResponse {
  @ApiProperty({ type: HoursPairDto }) month: HoursPairDto;
  @ApiProperty({ type: HoursPairDto }) year: HoursPairDto;
  @ApiProperty({ description: 'YYYY-MM' }) monthKey: string;
  @ApiProperty({ description: 'YYYY' }) yearKey: string;
}
