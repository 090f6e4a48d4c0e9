import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type {
  FlagSummaryResponse,
  MyHoursResponse,
  Page,
  ServiceDayResponse,
  ServiceDecisionResponse,
  ServiceRecordView,
} from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { CorrectServiceDto } from './dto/correct-service.dto.js';
import { DecideServicesDto, ServiceDecisionResponseDto } from './dto/decide-services.dto.js';
import { EndServiceDto } from './dto/end-service.dto.js';
import { MyServicesQueryDto, ServiceQueueQueryDto } from './dto/list-services.dto.js';
import { ServiceOnBehalfDto } from './dto/on-behalf.dto.js';
import { ResubmitServiceDto } from './dto/resubmit-service.dto.js';
import { MyHoursResponseDto, ServiceDayQueryDto, ServiceDayResponseDto } from './dto/service-day.dto.js';
import { FlagSummaryResponseDto, ServiceRecordPageDto, ServiceRecordViewDto } from './dto/service-views.dto.js';
import { StartServiceDto } from './dto/start-service.dto.js';
import { ServiceCorrectionsService } from './service-corrections.service.js';
import { ServiceReviewService } from './service-review.service.js';
import { ServiceRecordsService } from './services.service.js';

@ApiTags('services')
@ApiBearerAuth()
@Controller({ path: 'services', version: '1' })
export class ServicesController {
  constructor(
    private readonly records: ServiceRecordsService,
    private readonly review: ServiceReviewService,
    private readonly corrections: ServiceCorrectionsService,
  ) {}

  @ApiOperation({ summary: '签到开始服务' })
  @Post('start')
  @Roles('member')
  @ApiCreatedResponse({ type: ServiceRecordViewDto, description: 'Members: start a visit with a scanned code or, if they choose, their location' })
  @ApiBadRequestResponse({ description: 'CHECKIN_METHOD_REQUIRED, CHECKIN_CODE_INVALID, CHECKIN_CODE_EXPIRED, CHECKIN_CODE_WRONG_COMMUNITY' })
  @ApiForbiddenResponse({ description: 'REGISTRATION_REQUIRED' })
  @ApiConflictResponse({ description: 'SERVICE_ALREADY_OPEN, CHECKIN_CODE_REUSED' })
  start(@CurrentUser() user: AuthUser, @Body() body: StartServiceDto): Promise<ServiceRecordView> {
    return this.records.start(user, body);
  }

  @ApiOperation({ summary: '进行中的服务' })
  @Get('current')
  @Roles('member')
  @ApiOkResponse({ type: ServiceRecordViewDto, description: 'The caller’s open visit, or null' })
  current(@CurrentUser() user: AuthUser): Promise<ServiceRecordView | null> {
    return this.records.current(user);
  }

  @ApiOperation({ summary: '我的服务记录' })
  @Get('mine')
  @Roles('member')
  @ApiOkResponse({ type: ServiceRecordPageDto, description: 'The caller’s records, newest first' })
  mine(@CurrentUser() user: AuthUser, @Query() query: MyServicesQueryDto): Promise<Page<ServiceRecordView>> {
    return this.records.mine(user, query);
  }

  @ApiOperation({ summary: '某天的时长与服务时间' })
  @Get('day')
  @Roles('member', 'worker')
  @ApiOkResponse({ type: ServiceDayResponseDto, description: 'Hours counted and left on one day, and the visits then: the member’s own, or for a worker each listed member of their communities' })
  @ApiForbiddenResponse({ description: 'A listed member is not registered with a community the worker serves' })
  day(@CurrentUser() user: AuthUser, @Query() query: ServiceDayQueryDto): Promise<ServiceDayResponse> {
    return this.records.day(user, query);
  }

  @ApiOperation({ summary: '我的服务时长' })
  @Get('mine/hours')
  @Roles('member')
  @ApiOkResponse({ type: MyHoursResponseDto, description: 'The caller’s confirmed and pending hours this month and this year' })
  myHours(@CurrentUser() user: AuthUser): Promise<MyHoursResponse> {
    return this.records.myHours(user);
  }

  @ApiOperation({ summary: '待确认的服务记录' })
  @Get('queue')
  @Roles('worker', 'organizer', 'admin')
  @ApiOkResponse({ type: ServiceRecordPageDto, description: 'Workers: their communities; organizers: members in scope; admins: all' })
  queue(@CurrentUser() user: AuthUser, @Query() query: ServiceQueueQueryDto): Promise<Page<ServiceRecordView>> {
    return this.review.queue(user, query);
  }

  @ApiOperation({ summary: '需留意记录的统计' })
  @Get('flags/summary')
  @Roles('organizer')
  @ApiOkResponse({ type: FlagSummaryResponseDto, description: 'Organizers: records in scope per flag (never a ranking of people)' })
  flagSummary(@CurrentUser() user: AuthUser): Promise<FlagSummaryResponse> {
    return this.review.flagSummary(user);
  }

  @ApiOperation({ summary: '确认或退回服务记录' })
  @Post('decide')
  @HttpCode(200)
  @Roles('worker')
  @ApiOkResponse({ type: ServiceDecisionResponseDto, description: 'Workers: confirm or reject one or many; what could not be decided is listed with why' })
  decide(@CurrentUser() user: AuthUser, @Body() body: DecideServicesDto, @Ip() ip: string): Promise<ServiceDecisionResponse> {
    return this.review.decide(user, body, ip);
  }

  @ApiOperation({ summary: '代党员补录服务' })
  @Post('on-behalf')
  @Roles('worker')
  @ApiCreatedResponse({ type: [ServiceRecordViewDto], description: 'Workers: 补录 one visit for several members of their community' })
  @ApiForbiddenResponse({ description: 'Not a worker of that community, REGISTRATION_REQUIRED, OWN_RECORD' })
  onBehalf(@CurrentUser() user: AuthUser, @Body() body: ServiceOnBehalfDto, @Ip() ip: string): Promise<ServiceRecordView[]> {
    return this.review.onBehalf(user, body, ip);
  }

  @ApiOperation({ summary: '撤销刚才的确认或退回' })
  @Post(':id/undo')
  @HttpCode(200)
  @Roles('worker')
  @ApiOkResponse({ type: ServiceRecordViewDto, description: 'The worker who decided it, within SERVICE_UNDO_MINUTES: back to pending' })
  @ApiForbiddenResponse({ description: 'Not in the worker’s communities, or decided by someone else' })
  @ApiConflictResponse({ description: 'SERVICE_UNDO_EXPIRED once the window has passed; CONFLICT when not decided or changed meanwhile' })
  undo(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<ServiceRecordView> {
    return this.corrections.undo(user, id, ip);
  }

  @ApiOperation({ summary: '更正已处理的服务记录' })
  @Post(':id/correct')
  @HttpCode(200)
  @Roles('worker')
  @ApiOkResponse({ type: ServiceRecordViewDto, description: 'A worker of the community changes a decided record’s decision or hours, with a reason' })
  @ApiForbiddenResponse({ description: 'Not in the worker’s communities, OWN_RECORD' })
  @ApiConflictResponse({ description: 'CONFLICT when not decided or changed meanwhile' })
  @ApiUnprocessableEntityResponse({ description: 'SERVICE_DAILY_CAP (field hours)' })
  correct(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: CorrectServiceDto,
    @Ip() ip: string,
  ): Promise<ServiceRecordView> {
    return this.corrections.correct(user, id, body, ip);
  }

  @ApiOperation({ summary: '签退并填写服务内容' })
  @Post(':id/end')
  @HttpCode(200)
  @Roles('member')
  @ApiOkResponse({ type: ServiceRecordViewDto, description: 'The member ends their visit; it goes to the worker’s queue' })
  @ApiConflictResponse({ description: 'SERVICE_NOT_OPEN, SERVICE_TIME_OVERLAP' })
  @ApiUnprocessableEntityResponse({ description: 'SERVICE_DAILY_CAP: more than is left of the day (field proposedHours)' })
  end(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: EndServiceDto): Promise<ServiceRecordView> {
    return this.records.end(user, id, body);
  }

  @ApiOperation({ summary: '修改后重新提交' })
  @Post(':id/resubmit')
  @Roles('member')
  @ApiCreatedResponse({ type: ServiceRecordViewDto, description: 'The member corrects a rejected record: a new pending record linked to it' })
  @ApiConflictResponse({ description: 'SERVICE_NOT_RESUBMITTABLE, SERVICE_TIME_OVERLAP' })
  @ApiUnprocessableEntityResponse({ description: 'SERVICE_DAILY_CAP' })
  resubmit(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: ResubmitServiceDto,
    @Ip() ip: string,
  ): Promise<ServiceRecordView> {
    return this.records.resubmit(user, id, body, ip);
  }
}
