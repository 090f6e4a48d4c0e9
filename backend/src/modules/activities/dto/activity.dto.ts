import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITY_KINDS,
  ACTIVITY_SCOPE_KINDS,
  ACTIVITY_STATUSES,
  ACTIVITY_TABS,
  NEED_KINDS,
  SIGNUP_STATUSES,
  VOLUNTEER_SUB_KINDS,
  type ActivityCancelRequest,
  type ActivityDetail,
  type ActivityInput,
  type ActivityKind,
  type ActivityListQuery,
  type ActivityManageQuery,
  type ActivityReviewRequest,
  type ActivityScopeKind,
  type ActivityStatus,
  type ActivitySummary,
  type ActivityTab,
  type ActivityThemeInput,
  type ActivityThemeView,
  type ActivityUpdate,
  type MySignupState,
  type NeedKind,
  type SignupStatus,
  type VolunteerSubKind,
} from '@pioneer/shared-types';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
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
import { PageQueryDto, pageDtoOf } from '../../../common/http/page-query.dto.js';
import { stacked } from '../../../common/http/stacked.js';
import { YearQuery } from '../../../common/http/year-query.js';
import { Trim } from '../../org/dto/transforms.js';

export const TITLE_MAX = 60;
export const DESCRIPTION_MAX = 2000;
export const PLACE_MAX = 100;
export const CAPACITY_MAX = 10_000;
export const ELIGIBLE_MAX = 50;
export const THEME_TITLE_MAX = 40;
export const NOTE_MAX = 200;

// class-validator runs the decorator nearest the property first: the most specific check is on top, IsDefined last.
// The rules a field has in both the create and the update body are written once below; `typeMessage` is what a value
// of the wrong type is told (creating: please fill it in; updating: it must be text or a number).

const titleRules = (typeMessage: string) =>
  stacked(
    Trim(),
    MaxLength(TITLE_MAX, { message: `活动名称不能超过 ${TITLE_MAX} 个字` }),
    MinLength(2, { message: '活动名称至少 2 个字' }),
    IsString({ message: typeMessage }),
  );
const descriptionRules = (typeMessage: string) =>
  stacked(
    Trim(),
    MaxLength(DESCRIPTION_MAX, { message: `活动介绍不能超过 ${DESCRIPTION_MAX} 个字` }),
    MinLength(1, { message: '请填写活动介绍' }),
    IsString({ message: typeMessage }),
  );
const placeRules = (typeMessage: string) =>
  stacked(
    Trim(),
    MaxLength(PLACE_MAX, { message: `活动地点不能超过 ${PLACE_MAX} 个字` }),
    MinLength(2, { message: '活动地点至少 2 个字' }),
    IsString({ message: typeMessage }),
  );
/** One of the four times, by its name in the messages (开始时间 …). */
const timeRule = (label: string) => IsISO8601({ strict: true }, { message: `${label}格式无效` });
const capacityRules = () =>
  stacked(
    Max(CAPACITY_MAX, { message: `名额不能超过 ${CAPACITY_MAX}` }),
    Min(1, { message: '名额至少为 1；不限名额请留空' }),
    IsInt({ message: '名额应为整数' }),
  );
const creditedHoursRules = (typeMessage: string) =>
  stacked(Max(24, { message: '记入时长不能超过 24 小时' }), Min(0.5, { message: '记入时长至少 0.5 小时' }), IsNumber({}, { message: typeMessage }));
const optional = (...decorators: PropertyDecorator[]) => stacked(IsOptional(), ...decorators);
const subKindRule = () => optional(IsIn(VOLUNTEER_SUB_KINDS, { message: '志愿服务细类无效' }));
const needKindRule = () => optional(IsIn(NEED_KINDS, { message: '需求类型无效' }));
const themeIdRule = () => optional(IsUUID('all', { message: '主题编号无效' }));
const communityIdRule = () => optional(IsUUID('all', { message: '社区编号无效' }));
const waitlistLimitRules = () =>
  optional(
    Max(CAPACITY_MAX, { message: `候补人数不能超过 ${CAPACITY_MAX}` }),
    Min(0, { message: '候补人数不能小于 0' }),
    IsInt({ message: '候补人数应为整数' }),
  );
/** Only these units or branches (`what`: 单位 / 支部). */
const eligibleRules = (what: string) =>
  optional(
    IsUUID('all', { each: true, message: `${what}编号无效` }),
    ArrayUnique({ message: `${what}不能重复` }),
    ArrayMaxSize(ELIGIBLE_MAX, { message: `最多选择 ${ELIGIBLE_MAX} 个${what}` }),
    IsArray({ message: `面向${what}应为列表` }),
  );

export class CreateActivityDto implements ActivityInput {
  @ApiProperty({ enum: ACTIVITY_KINDS, description: '活动类型' })
  @IsIn(ACTIVITY_KINDS, { message: '请选择活动类型' })
  kind: ActivityKind;

  @ApiPropertyOptional({ enum: VOLUNTEER_SUB_KINDS, nullable: true, description: '志愿服务的细类（仅志愿服务）' })
  @subKindRule()
  subKind?: VolunteerSubKind | null;

  @ApiPropertyOptional({ enum: NEED_KINDS, nullable: true, description: '需求类型（仅社区需求）' })
  @needKindRule()
  needKind?: NeedKind | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '所属月度主题' })
  @themeIdRule()
  themeId?: string | null;

  @ApiProperty({ maxLength: TITLE_MAX })
  @titleRules('请填写活动名称')
  title: string;

  @ApiProperty({ maxLength: DESCRIPTION_MAX })
  @descriptionRules('请填写活动介绍')
  description: string;

  @ApiProperty({ maxLength: PLACE_MAX })
  @placeRules('请填写活动地点')
  place: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '活动所在社区（可不填）' })
  @communityIdRule()
  communityId?: string | null;

  @ApiProperty({ format: 'date-time' })
  @timeRule('开始时间')
  @IsDefined({ message: '请填写开始时间' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  @timeRule('结束时间')
  @IsDefined({ message: '请填写结束时间' })
  endsAt: string;

  @ApiProperty({ format: 'date-time' })
  @timeRule('报名截止时间')
  @IsDefined({ message: '请填写报名截止时间' })
  signupDeadline: string;

  @ApiProperty({ format: 'date-time' })
  @timeRule('取消报名截止时间')
  @IsDefined({ message: '请填写取消报名截止时间' })
  cancelDeadline: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: CAPACITY_MAX, description: '名额；不填表示不限' })
  @IsOptional()
  @capacityRules()
  capacity?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: CAPACITY_MAX, description: '候补人数上限；0 表示不设候补' })
  @waitlistLimitRules()
  waitlistLimit?: number;

  @ApiProperty({ description: '参加满足在场要求后记入的时长（0.5 小时为单位）' })
  @creditedHoursRules('请填写记入时长')
  creditedHours: number;

  @ApiProperty({ enum: ACTIVITY_SCOPE_KINDS, description: '发布范围：支部、单位、全区，或社区需求' })
  @IsIn(ACTIVITY_SCOPE_KINDS, { message: '请选择发布范围' })
  scopeKind: ActivityScopeKind;

  @ApiPropertyOptional({ type: String, nullable: true, description: '支部、单位或社区编号；全区不填' })
  @IsOptional()
  @IsUUID('all', { message: '发布范围编号无效' })
  scopeId?: string | null;

  @ApiPropertyOptional({ type: [String], description: '只面向这些单位（可不填）' })
  @eligibleRules('单位')
  eligibleUnitIds?: string[];

  @ApiPropertyOptional({ type: [String], description: '只面向这些支部（可不填）' })
  @eligibleRules('支部')
  eligibleBranchIds?: string[];
}

/** The same fields, each optional, the scope excepted (an activity does not move); capacity null lifts the limit. */
export class UpdateActivityDto implements ActivityUpdate {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS, { message: '活动类型无效' })
  kind?: ActivityKind;

  @ApiPropertyOptional({ enum: VOLUNTEER_SUB_KINDS, nullable: true })
  @subKindRule()
  subKind?: VolunteerSubKind | null;

  @ApiPropertyOptional({ enum: NEED_KINDS, nullable: true })
  @needKindRule()
  needKind?: NeedKind | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @themeIdRule()
  themeId?: string | null;

  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOptional()
  @titleRules('活动名称应为文字')
  title?: string;

  @ApiPropertyOptional({ maxLength: DESCRIPTION_MAX })
  @IsOptional()
  @descriptionRules('活动介绍应为文字')
  description?: string;

  @ApiPropertyOptional({ maxLength: PLACE_MAX })
  @IsOptional()
  @placeRules('活动地点应为文字')
  place?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @communityIdRule()
  communityId?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @timeRule('开始时间')
  startsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @timeRule('结束时间')
  endsAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @timeRule('报名截止时间')
  signupDeadline?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @timeRule('取消报名截止时间')
  cancelDeadline?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: CAPACITY_MAX })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @capacityRules()
  capacity?: number | null;

  @ApiPropertyOptional({ minimum: 0, maximum: CAPACITY_MAX })
  @waitlistLimitRules()
  waitlistLimit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @creditedHoursRules('记入时长应为数字')
  creditedHours?: number;

  @ApiPropertyOptional({ type: [String] })
  @eligibleRules('单位')
  eligibleUnitIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @eligibleRules('支部')
  eligibleBranchIds?: string[];
}

export class ActivityReviewDto implements ActivityReviewRequest {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: '请选择通过或退回' })
  decision: 'approve' | 'reject';

  @ApiPropertyOptional({ maxLength: NOTE_MAX, description: '退回时必填：请作者修改什么' })
  @IsOptional()
  @Trim()
  @MaxLength(NOTE_MAX, { message: `审核意见不能超过 ${NOTE_MAX} 个字` })
  @IsString({ message: '审核意见应为文字' })
  note?: string;
}

export class ActivityCancelDto implements ActivityCancelRequest {
  @ApiProperty({ maxLength: NOTE_MAX })
  @Trim()
  @MaxLength(NOTE_MAX, { message: `取消原因不能超过 ${NOTE_MAX} 个字` })
  @MinLength(2, { message: '请填写取消原因（至少 2 个字）' })
  @IsString({ message: '请填写取消原因' })
  reason: string;
}

const toBool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class ActivityListQueryDto extends PageQueryDto implements ActivityListQuery {
  @ApiPropertyOptional({ enum: ACTIVITY_TABS, default: 'upcoming' })
  @IsOptional()
  @IsIn(ACTIVITY_TABS, { message: 'tab 只能是 upcoming、mine 或 past' })
  tab?: ActivityTab;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS, { message: '活动类型无效' })
  kind?: ActivityKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '主题编号无效' })
  themeId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true：只看社区需求；false：只看活动' })
  @IsOptional()
  @Transform(toBool)
  @IsIn([true, false], { message: 'needs 只能是 true 或 false' })
  needs?: boolean;
}

export class ActivityManageQueryDto extends PageQueryDto implements ActivityManageQuery {
  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES })
  @IsOptional()
  @IsIn(ACTIVITY_STATUSES, { message: '活动状态无效' })
  status?: ActivityStatus;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS, { message: '活动类型无效' })
  kind?: ActivityKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '主题编号无效' })
  themeId?: string;
}

export class ThemeQueryDto {
  @YearQuery()
  year?: number;
}

export class CreateThemeDto implements ActivityThemeInput {
  @ApiProperty({ example: '2026-03', description: 'YYYY-MM' })
  @Matches(/^(20\d\d)-(0[1-9]|1[0-2])$/, { message: '月份格式应为 2026-03 这样' })
  @IsString({ message: '请选择月份' })
  month: string;

  @ApiProperty({ maxLength: THEME_TITLE_MAX })
  @Trim()
  @MaxLength(THEME_TITLE_MAX, { message: `主题不能超过 ${THEME_TITLE_MAX} 个字` })
  @MinLength(2, { message: '主题至少 2 个字' })
  @IsString({ message: '请填写主题' })
  title: string;
}

// ---- response shapes (OpenAPI only)

export class ActivityThemeViewDto implements ActivityThemeView {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty() title: string;
}

export class MySignupStateDto implements MySignupState {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SIGNUP_STATUSES }) status: SignupStatus;
  @ApiProperty({ type: Number, nullable: true }) waitlistPosition: number | null;
}

class IdNameDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class ActivitySummaryDto implements ActivitySummary {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: ActivityKind;
  @ApiProperty({ enum: VOLUNTEER_SUB_KINDS, nullable: true }) subKind: VolunteerSubKind | null;
  @ApiProperty({ enum: NEED_KINDS, nullable: true }) needKind: NeedKind | null;
  @ApiProperty({ enum: ACTIVITY_SCOPE_KINDS }) scopeKind: ActivityScopeKind;
  @ApiProperty({ type: ActivityThemeViewDto, nullable: true }) theme: ActivityThemeView | null;
  @ApiProperty() title: string;
  @ApiProperty() place: string;
  @ApiProperty({ type: IdNameDto, nullable: true }) community: { id: string; name: string } | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ format: 'date-time' }) signupDeadline: string;
  @ApiProperty({ format: 'date-time' }) cancelDeadline: string;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status: ActivityStatus;
  @ApiProperty({ type: Number, nullable: true }) capacity: number | null;
  @ApiProperty() waitlistLimit: number;
  @ApiProperty() confirmedCount: number;
  @ApiProperty() waitlistCount: number;
  @ApiProperty() creditedHours: number;
  @ApiProperty({ type: MySignupStateDto, nullable: true }) mySignup: MySignupState | null;
}

class PublisherDto {
  @ApiProperty({ type: String, nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty() authorName: string;
}

class ReviewStateDto {
  @ApiProperty({ type: String, nullable: true }) reviewerName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) reviewedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

class ActivityCanDto {
  @ApiProperty() signUp: boolean;
  @ApiProperty() cancelSignup: boolean;
  @ApiProperty() edit: boolean;
  @ApiProperty() submit: boolean;
  @ApiProperty() review: boolean;
  @ApiProperty() cancel: boolean;
  @ApiProperty() manageAttendance: boolean;
  @ApiProperty() recordVisit: boolean;
}

export class ActivityDetailDto extends ActivitySummaryDto implements ActivityDetail {
  @ApiProperty() description: string;
  @ApiProperty({ type: PublisherDto }) publisher: ActivityDetail['publisher'];
  @ApiProperty({ type: [IdNameDto] }) eligibleUnits: Array<{ id: string; name: string }>;
  @ApiProperty({ type: [IdNameDto] }) eligibleBranches: Array<{ id: string; name: string }>;
  @ApiProperty({ type: ReviewStateDto, nullable: true }) review: ActivityDetail['review'];
  @ApiProperty({ type: String, nullable: true }) cancelReason: string | null;
  @ApiProperty({ type: ActivityCanDto }) can: ActivityDetail['can'];
}

export const ActivityPageDto = pageDtoOf(ActivitySummaryDto, 'ActivitySummaryPage');
