import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_KINDS, type ActivityKind, type VisitInput, type VisitView } from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';
import { DAY, trim } from '../../../common/http/text-fields.js';

export const PLACE_MAX = 100;
export const NOTE_MAX = 500;
export const REASON_MAX = 200;


export class VisitInputDto implements VisitInput {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: '所属的返乡走亲 / 访民问暖活动；不填为单独记录' })
  @IsOptional()
  @IsUUID('all', { message: '活动编号格式不正确' })
  activityId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: '结对关爱的住户：须是走访党员正在结对的住户' })
  @IsOptional()
  @IsUUID('all', { message: '住户编号格式不正确' })
  householdId?: string | null;

  @ApiProperty({ minLength: 1, maxLength: PLACE_MAX, description: '走访的住户或村组' })
  @Transform(trim)
  @MaxLength(PLACE_MAX, { message: `走访地点不能超过 ${PLACE_MAX} 个字` })
  @MinLength(1, { message: '请填写走访的住户或村组' })
  @IsString({ message: '请填写走访的住户或村组' })
  place: string;

  @ApiProperty({ example: '2026-03-01', description: '走访日期（北京时间），不能晚于今天' })
  @Matches(DAY, { message: '走访日期格式应为 YYYY-MM-DD' })
  @IsString({ message: '请填写走访日期' })
  visitedOn: string;

  @ApiPropertyOptional({ maxLength: NOTE_MAX, description: '走访情况' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(NOTE_MAX, { message: `走访情况不能超过 ${NOTE_MAX} 个字` })
  @IsString({ message: '走访情况应为文字' })
  note?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '代为记录时：走访的党员' })
  @IsOptional()
  @IsUUID('all', { message: '党员编号格式不正确' })
  memberId?: string;

  @ApiPropertyOptional({ maxLength: REASON_MAX, description: '代为记录时必填：为什么代记' })
  @Transform(trim)
  @ValidateIf((o: VisitInputDto) => o.onBehalfReason !== undefined)
  @MaxLength(REASON_MAX, { message: `代记原因不能超过 ${REASON_MAX} 个字` })
  @IsString({ message: '代记原因应为文字' })
  onBehalfReason?: string;
}

export class VisitListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: '只看这个活动的走访' })
  @IsOptional()
  @IsUUID('all', { message: '活动编号格式不正确' })
  activityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '只看这位党员的走访（组织者在管理范围内）' })
  @IsOptional()
  @IsUUID('all', { message: '党员编号格式不正确' })
  memberId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '只看这户的走访' })
  @IsOptional()
  @IsUUID('all', { message: '住户编号格式不正确' })
  householdId?: string;
}

class VisitMemberDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

class VisitActivityDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: ActivityKind;
}

export class VisitViewDto implements VisitView {
  @ApiProperty() id: string;
  @ApiProperty({ type: VisitMemberDto }) member: VisitMemberDto;
  @ApiProperty({ type: VisitActivityDto, nullable: true }) activity: VisitActivityDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '结对关爱的住户' }) householdId: string | null;
  @ApiProperty() place: string;
  @ApiProperty({ example: '2026-03-01' }) visitedOn: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() onBehalf: boolean;
  @ApiProperty() createdAt: string;
}

export class VisitPageDto {
  @ApiProperty({ type: [VisitViewDto] }) items: VisitViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
