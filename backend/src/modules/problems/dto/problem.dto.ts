import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PROBLEM_ACTIONS,
  PROBLEM_CATEGORIES,
  PROBLEM_STATUSES,
  PROBLEM_URGENCIES,
  PROBLEM_VIEWS,
  type CalendarDayInput,
  type CalendarDayView,
  type ProblemAction,
  type ProblemActionRequest,
  type ProblemEventKind,
  type ProblemOversight,
  type ProblemOversightRow,
  type ProblemRemindRequest,
  type ProblemCategory,
  type ProblemContact,
  type ProblemDeadline,
  type ProblemDetail,
  type ProblemEventView,
  type ProblemInput,
  type ProblemSimilarQuery,
  type ProblemStatus,
  type ProblemSummary,
  type ProblemUrgency,
  type ProblemView,
} from '@pioneer/shared-types';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto.js';
import { DAY, trim } from '../../../common/http/text-fields.js';

export const NAME_MAX = 20;
export const ADDRESS_MAX = 100;
export const DESCRIPTION_MAX = 1000;
export const VILLAGE_MAX = 60;
export const REASON_MAX = 200;
export const NOTE_MAX = 1000;


export class ProblemInputDto implements ProblemInput {
  @ApiProperty({ maxLength: NAME_MAX, description: '群众姓名（加密保存，列表中只显示脱敏后的）' })
  @Transform(trim)
  @MaxLength(NAME_MAX, { message: `姓名不能超过 ${NAME_MAX} 个字` })
  @MinLength(1, { message: '请填写群众姓名' })
  @IsString({ message: '请填写群众姓名' })
  residentName: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '群众手机号（加密保存）' })
  @Transform(trim)
  @IsOptional()
  @IsString({ message: '手机号应为文字' })
  residentPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: ADDRESS_MAX, description: '群众住址（加密保存）' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(ADDRESS_MAX, { message: `住址不能超过 ${ADDRESS_MAX} 个字` })
  @IsString({ message: '住址应为文字' })
  residentAddress?: string | null;

  @ApiProperty({ description: '已征得群众同意登记其信息，必须为 true' })
  @IsBoolean({ message: '请确认已征得群众同意' })
  residentConsent: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: '所在社区；与 village 二选一' })
  @IsOptional()
  @IsUUID('all', { message: '社区编号格式不正确' })
  communityId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: VILLAGE_MAX, description: '返乡走亲所到的村；与 communityId 二选一' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(VILLAGE_MAX, { message: `村名不能超过 ${VILLAGE_MAX} 个字` })
  @IsString({ message: '村名应为文字' })
  village?: string | null;

  @ApiProperty({ enum: PROBLEM_CATEGORIES })
  @IsIn(PROBLEM_CATEGORIES, { message: '请选择问题类别' })
  category: ProblemCategory;

  @ApiProperty({ minLength: 1, maxLength: DESCRIPTION_MAX })
  @Transform(trim)
  @MaxLength(DESCRIPTION_MAX, { message: `问题描述不能超过 ${DESCRIPTION_MAX} 个字` })
  @MinLength(1, { message: '请描述群众反映的问题' })
  @IsString({ message: '请描述群众反映的问题' })
  description: string;

  @ApiProperty({ enum: PROBLEM_URGENCIES })
  @IsIn(PROBLEM_URGENCIES, { message: '请选择紧急程度' })
  urgency: ProblemUrgency;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: '在哪次走访中了解到的' })
  @IsOptional()
  @IsUUID('all', { message: '走访编号格式不正确' })
  visitId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: '与哪个仍在办理的问题重复' })
  @IsOptional()
  @IsUUID('all', { message: '问题编号格式不正确' })
  duplicateOf?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: '代为登记时：走访的党员' })
  @IsOptional()
  @IsUUID('all', { message: '党员编号格式不正确' })
  memberId?: string;

  @ApiPropertyOptional({ maxLength: REASON_MAX, description: '代为登记时必填：为什么代记' })
  @Transform(trim)
  @ValidateIf((o: ProblemInputDto) => o.onBehalfReason !== undefined)
  @MaxLength(REASON_MAX, { message: `代记原因不能超过 ${REASON_MAX} 个字` })
  @IsString({ message: '代记原因应为文字' })
  onBehalfReason?: string;
}

export class ProblemActionRequestDto implements ProblemActionRequest {
  @ApiProperty({ enum: PROBLEM_ACTIONS })
  @IsIn(PROBLEM_ACTIONS, { message: '办理动作不正确' })
  action: ProblemAction;

  @ApiPropertyOptional({ maxLength: NOTE_MAX })
  @Transform(trim)
  @IsOptional()
  @MaxLength(NOTE_MAX, { message: `说明不能超过 ${NOTE_MAX} 个字` })
  @IsString({ message: '说明应为文字' })
  note?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '单位编号格式不正确' })
  handlingUnitId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '社区编号格式不正确' })
  handlingCommunityId?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Max(5, { message: '满意度为 1–5' })
  @Min(1, { message: '满意度为 1–5' })
  @IsInt({ message: '满意度为 1–5 的整数' })
  satisfaction?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '问题编号格式不正确' })
  duplicateOf?: string;
}

export class ProblemListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROBLEM_VIEWS, default: 'mine' })
  @IsOptional()
  @IsIn(PROBLEM_VIEWS, { message: 'view 应为 mine 或 handling' })
  view?: ProblemView;

  @ApiPropertyOptional({ enum: PROBLEM_STATUSES })
  @IsOptional()
  @IsIn(PROBLEM_STATUSES, { message: '状态不正确' })
  status?: ProblemStatus;

  @ApiPropertyOptional({ enum: PROBLEM_CATEGORIES })
  @IsOptional()
  @IsIn(PROBLEM_CATEGORIES, { message: '类别不正确' })
  category?: ProblemCategory;

  @ApiPropertyOptional({ type: Boolean, description: 'true：只看已超期、还没办完的' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value))
  @IsBoolean({ message: 'overdue 应为 true 或 false' })
  overdue?: boolean;
}

export class ProblemSimilarQueryDto implements ProblemSimilarQuery {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: '社区编号格式不正确' })
  communityId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Transform(trim)
  @IsOptional()
  @MaxLength(VILLAGE_MAX, { message: `村名不能超过 ${VILLAGE_MAX} 个字` })
  @IsString({ message: '村名应为文字' })
  village?: string | null;

  @ApiProperty({ enum: PROBLEM_CATEGORIES })
  @IsIn(PROBLEM_CATEGORIES, { message: '请选择问题类别' })
  category: ProblemCategory;

  @ApiProperty({ maxLength: DESCRIPTION_MAX })
  @MaxLength(DESCRIPTION_MAX, { message: `问题描述不能超过 ${DESCRIPTION_MAX} 个字` })
  @IsString({ message: '请描述群众反映的问题' })
  description: string;
}

export class ProblemDeadlineQueryDto {
  @ApiProperty({ enum: PROBLEM_URGENCIES })
  @IsIn(PROBLEM_URGENCIES, { message: '请选择紧急程度' })
  urgency: ProblemUrgency;

  @ApiPropertyOptional({ example: '2026-03-01', description: '登记日（北京时间），默认今天' })
  @IsOptional()
  @Matches(DAY, { message: '日期格式应为 YYYY-MM-DD' })
  from?: string;
}

export class CalendarYearQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @Max(2100, { message: '年份不正确' })
  @Min(2000, { message: '年份不正确' })
  @IsInt({ message: '年份不正确' })
  year: number;
}

export class CalendarDayInputDto implements CalendarDayInput {
  @ApiProperty({ description: 'true：上班；false：放假' })
  @IsDefined({ message: '请选择上班还是放假' })
  @IsBoolean({ message: '请选择上班还是放假' })
  workday: boolean;

  @ApiProperty({ maxLength: 40, example: '春节调休' })
  @Transform(trim)
  @MaxLength(40, { message: '说明不能超过 40 个字' })
  @MinLength(1, { message: '请写明是什么日子' })
  @IsString({ message: '请写明是什么日子' })
  label: string;
}

class RefDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class ProblemSummaryDto implements ProblemSummary {
  @ApiProperty() id: string;
  @ApiProperty({ type: RefDto, nullable: true }) community: RefDto | null;
  @ApiProperty({ type: String, nullable: true }) village: string | null;
  @ApiProperty({ enum: PROBLEM_CATEGORIES }) category: ProblemCategory;
  @ApiProperty({ enum: PROBLEM_URGENCIES }) urgency: ProblemUrgency;
  @ApiProperty({ enum: PROBLEM_STATUSES }) status: ProblemStatus;
  @ApiProperty({ example: '张*明' }) residentName: string;
  @ApiProperty() excerpt: string;
  @ApiProperty({ example: '2026-03-04' }) deadline: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: RefDto }) recorder: RefDto;
  @ApiProperty({ type: RefDto, nullable: true }) handlingUnit: RefDto | null;
  @ApiProperty({ type: RefDto, nullable: true }) handlingCommunity: RefDto | null;
  @ApiProperty({ type: String, nullable: true }) duplicateOf: string | null;
  @ApiProperty() createdAt: string;
}

class ProblemEventViewDto implements ProblemEventView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: [...PROBLEM_ACTIONS, 'register', 'remind'] }) action: ProblemEventKind;
  @ApiProperty({ enum: PROBLEM_STATUSES, nullable: true }) fromStatus: ProblemStatus | null;
  @ApiProperty({ enum: PROBLEM_STATUSES }) toStatus: ProblemStatus;
  @ApiProperty({ type: RefDto }) actor: RefDto;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: Number, nullable: true }) satisfaction: number | null;
  @ApiProperty() at: string;
}

export class ProblemDetailDto extends ProblemSummaryDto implements ProblemDetail {
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true, example: '138****1234' }) residentPhone: string | null;
  @ApiProperty({ type: String, nullable: true, example: '向阳路1号****' }) residentAddress: string | null;
  @ApiProperty({ type: String, nullable: true }) visitId: string | null;
  @ApiProperty() onBehalf: boolean;
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ type: String, nullable: true }) resolution: string | null;
  @ApiProperty({ type: String, nullable: true }) closeReason: string | null;
  @ApiProperty({ type: Number, nullable: true }) satisfaction: number | null;
  @ApiProperty({ type: [ProblemEventViewDto] }) timeline: ProblemEventViewDto[];
  @ApiProperty({ enum: PROBLEM_ACTIONS, isArray: true }) allowedActions: ProblemAction[];
  @ApiProperty() mayReadContact: boolean;
  @ApiProperty({ description: '督办: the caller dispatches it and it is still open' }) mayRemind: boolean;
}

export class ProblemPageDto {
  @ApiProperty({ type: [ProblemSummaryDto] }) items: ProblemSummaryDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class ProblemContactDto implements ProblemContact {
  @ApiProperty() residentName: string;
  @ApiProperty({ type: String, nullable: true }) residentPhone: string | null;
  @ApiProperty({ type: String, nullable: true }) residentAddress: string | null;
}

export class ProblemDeadlineDto implements ProblemDeadline {
  @ApiProperty({ enum: PROBLEM_URGENCIES }) urgency: ProblemUrgency;
  @ApiProperty() from: string;
  @ApiProperty() deadline: string;
}

export class CalendarDayViewDto implements CalendarDayView {
  @ApiProperty({ example: '2027-02-06' }) day: string;
  @ApiProperty() workday: boolean;
  @ApiProperty() label: string;
}


export class ProblemRemindRequestDto implements ProblemRemindRequest {
  @ApiPropertyOptional({ maxLength: 200, description: '督办的话，随提醒发给承办人员' })
  @Transform(trim)
  @IsOptional()
  @MaxLength(200, { message: '督办说明不能超过 200 个字' })
  @IsString({ message: '督办说明应为文字' })
  note?: string;
}

class OversightHandlerDto {
  @ApiProperty({ enum: ['unit', 'community'] }) kind: 'unit' | 'community';
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

class ProblemOversightRowDto implements ProblemOversightRow {
  @ApiProperty({ type: OversightHandlerDto, nullable: true, description: 'null: registered, not dispatched yet' })
  handler: OversightHandlerDto | null;
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
}

class OversightTotalsDto {
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
}

export class ProblemOversightDto implements ProblemOversight {
  @ApiProperty({ example: '2026-12-03' }) today: string;
  @ApiProperty({ type: [ProblemOversightRowDto] }) rows: ProblemOversightRowDto[];
  @ApiProperty({ type: OversightTotalsDto }) totals: OversightTotalsDto;
}
