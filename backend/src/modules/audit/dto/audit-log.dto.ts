import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditLogQuery, AuditLogView, Page } from '@pioneer/shared-types';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class AuditLogQueryDto implements AuditLogQuery {
  @ApiPropertyOptional({ example: 'member.phone_reveal' })
  @IsOptional()
  @MaxLength(60, { message: '操作名称太长' })
  @IsString()
  action?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(36, { message: '操作人编号不正确' })
  @IsString()
  actorId?: string;

  @ApiPropertyOptional({ example: 'member' })
  @IsOptional()
  @MaxLength(40, { message: '对象类型太长' })
  @IsString()
  targetType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @MaxLength(36, { message: '对象编号不正确' })
  @IsString()
  targetId?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @Max(100_000, { message: 'page 太大' })
  @Min(1, { message: 'page 应为正整数' })
  @IsInt({ message: 'page 应为正整数' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @Max(100, { message: 'pageSize 不能超过 100' })
  @Min(1, { message: 'pageSize 应为正整数' })
  @IsInt({ message: 'pageSize 应为正整数' })
  pageSize?: number;
}

export class AuditLogViewDto implements AuditLogView {
  @ApiProperty() id: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) targetType: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ enum: ['success', 'failure'] }) result: 'success' | 'failure';
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) detail: Record<string, unknown> | null;
}

export class AuditLogPageDto implements Page<AuditLogView> {
  @ApiProperty({ type: [AuditLogViewDto] }) items: AuditLogViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
