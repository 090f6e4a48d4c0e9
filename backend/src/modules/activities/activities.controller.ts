import { Body, Controller, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { ActivityDetail, ActivitySummary, Page } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { ActivitiesService } from './activities.service.js';
import { ActivityPublishingService } from './activity-publishing.service.js';
import {
  ActivityCancelDto,
  ActivityDetailDto,
  ActivityListQueryDto,
  ActivityManageQueryDto,
  ActivityPageDto,
  ActivityReviewDto,
  CreateActivityDto,
  UpdateActivityDto,
} from './dto/activity.dto.js';

@ApiTags('activities')
@ApiBearerAuth()
@Controller({ path: 'activities', version: '1' })
export class ActivitiesController {
  constructor(
    private readonly queries: ActivitiesService,
    private readonly publishing: ActivityPublishingService,
  ) {}

  @ApiOperation({ summary: '活动与社区需求列表（党员）' })
  @Get()
  @ApiOkResponse({ type: ActivityPageDto, description: 'What the member may sign up for, plus what they signed up for' })
  list(@CurrentUser() user: AuthUser, @Query() query: ActivityListQueryDto): Promise<Page<ActivitySummary>> {
    return this.queries.list(user, query);
  }

  @ApiOperation({ summary: '我发布和待审核的活动' })
  @Get('manage')
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: ActivityPageDto, description: 'Organizers: activities of their scope; workers: needs of their communities' })
  @ApiForbiddenResponse({ description: 'Neither organizer nor worker' })
  manage(@CurrentUser() user: AuthUser, @Query() query: ActivityManageQueryDto): Promise<Page<ActivitySummary>> {
    return this.queries.manage(user, query);
  }

  @ApiOperation({ summary: '活动详情' })
  @Get(':id')
  @ApiOkResponse({ type: ActivityDetailDto, description: 'With the caller’s sign-up and what they may do now' })
  @ApiNotFoundResponse({ description: 'Absent, or neither open to the caller nor theirs to manage' })
  detail(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ActivityDetail> {
    return this.queries.detail(user, id);
  }

  @ApiOperation({ summary: '新建活动或社区需求（草稿）' })
  @Post()
  @Roles('organizer', 'worker')
  @ApiCreatedResponse({ type: ActivityDetailDto, description: 'A draft' })
  @ApiForbiddenResponse({ description: 'The scope is not the caller’s' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateActivityDto, @Ip() ip: string): Promise<ActivityDetail> {
    return this.publishing.create(user, body, ip);
  }

  @ApiOperation({ summary: '修改活动' })
  @Patch(':id')
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: ActivityDetailDto, description: 'Time or place changes of a published activity are told to everyone signed up' })
  @ApiConflictResponse({ description: 'ACTIVITY_STATE_INVALID' })
  @ApiUnprocessableEntityResponse({ description: 'ACTIVITY_CONTENT_RISKY' })
  @ApiNotFoundResponse()
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: UpdateActivityDto, @Ip() ip: string): Promise<ActivityDetail> {
    return this.publishing.update(user, id, body, ip);
  }

  @ApiOperation({ summary: '提交活动（全区活动送审，其他直接发布）' })
  @Post(':id/submit')
  @HttpCode(200)
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: ActivityDetailDto })
  @ApiConflictResponse({ description: 'ACTIVITY_STATE_INVALID' })
  @ApiUnprocessableEntityResponse({ description: 'ACTIVITY_CONTENT_RISKY' })
  @ApiNotFoundResponse()
  submit(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<ActivityDetail> {
    return this.publishing.submit(user, id, ip);
  }

  @ApiOperation({ summary: '审核全区活动' })
  @Post(':id/review')
  @HttpCode(200)
  @Roles('organizer')
  @ApiOkResponse({ type: ActivityDetailDto })
  @ApiForbiddenResponse({ description: 'Not a district organizer, or ACTIVITY_OWN_REVIEW' })
  @ApiConflictResponse({ description: 'ACTIVITY_STATE_INVALID' })
  @ApiNotFoundResponse()
  review(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: ActivityReviewDto, @Ip() ip: string): Promise<ActivityDetail> {
    return this.publishing.review(user, id, body, ip);
  }

  @ApiOperation({ summary: '取消活动' })
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: ActivityDetailDto, description: 'Everyone signed up is told; their sign-ups are cancelled' })
  @ApiConflictResponse({ description: 'ACTIVITY_STATE_INVALID' })
  @ApiNotFoundResponse()
  cancel(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: ActivityCancelDto, @Ip() ip: string): Promise<ActivityDetail> {
    return this.publishing.cancel(user, id, body, ip);
  }

  @ApiOperation({ summary: '结束活动' })
  @Post(':id/finish')
  @HttpCode(200)
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: ActivityDetailDto })
  @ApiConflictResponse({ description: 'ACTIVITY_STATE_INVALID (also before it started)' })
  @ApiNotFoundResponse()
  finish(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<ActivityDetail> {
    return this.publishing.finish(user, id, ip);
  }
}
