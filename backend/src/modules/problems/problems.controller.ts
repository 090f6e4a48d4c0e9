import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import type { Page, ProblemContact, ProblemDeadline, ProblemDetail, ProblemOversight, ProblemSummary } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { ReadOnly } from '../../common/idempotency/read-only.decorator.js';
import {
  ProblemActionRequestDto,
  ProblemContactDto,
  ProblemDeadlineDto,
  ProblemDeadlineQueryDto,
  ProblemDetailDto,
  ProblemInputDto,
  ProblemListQueryDto,
  ProblemOversightDto,
  ProblemPageDto,
  ProblemRemindRequestDto,
  ProblemSimilarQueryDto,
  ProblemSummaryDto,
} from './dto/problem.dto.js';
import { ProblemsService } from './problems.service.js';

@ApiTags('problems')
@ApiBearerAuth()
@Controller({ path: 'problems', version: '1' })
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @ApiOperation({ summary: '登记一件群众急难愁盼问题' })
  @Post()
  @Roles('member')
  @ApiCreatedResponse({ type: ProblemDetailDto, description: 'The problem, masked; with memberId and onBehalfReason on a covered member’s behalf' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (resident, place, description, onBehalfReason)' })
  @ApiForbiddenResponse({ description: 'On behalf of a member the caller does not cover' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (member, community, visit)' })
  @ApiUnprocessableEntityResponse({ description: 'PROBLEM_CONSENT_REQUIRED, PROBLEM_DUPLICATE_INVALID' })
  create(@CurrentUser() user: AuthUser, @Body() body: ProblemInputDto): Promise<ProblemDetail> {
    return this.problems.create(user, body);
  }

  @ApiOperation({ summary: '群众问题列表' })
  @Get()
  @Roles('member')
  @ApiOkResponse({ type: ProblemPageDto, description: 'mine: recorded by the caller; handling: what the caller may dispatch or handle; newest first, masked' })
  list(@CurrentUser() user: AuthUser, @Query() query: ProblemListQueryDto): Promise<Page<ProblemSummary>> {
    return this.problems.list(user, query);
  }

  @ApiOperation({ summary: '按紧急程度计算答复期限' })
  @Get('deadline')
  @Roles('member')
  @ApiOkResponse({ type: ProblemDeadlineDto, description: 'The working-day deadline from a registration day (default today)' })
  deadline(@Query() query: ProblemDeadlineQueryDto): Promise<ProblemDeadline> {
    return this.problems.deadline(query.urgency, query.from);
  }

  @ApiOperation({ summary: '督办：各承办单位、社区的在办和超期问题' })
  @Get('oversight')
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: ProblemOversightDto, description: 'Open and overdue problems per handling unit or community, in the caller’s reach' })
  oversight(@CurrentUser() user: AuthUser): Promise<ProblemOversight> {
    return this.problems.oversight(user);
  }

  @ApiOperation({ summary: '查找相似的在办问题' })
  @Post('similar')
  @HttpCode(200)
  @Roles('member')
  @ReadOnly()
  @ApiOkResponse({ type: [ProblemSummaryDto], description: 'Up to 5 open problems of the same place and category with a similar description' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  similar(@CurrentUser() user: AuthUser, @Body() body: ProblemSimilarQueryDto): Promise<ProblemSummary[]> {
    return this.problems.similar(user, body);
  }

  @ApiOperation({ summary: '群众问题详情' })
  @Get(':id')
  @Roles('member')
  @ApiOkResponse({ type: ProblemDetailDto, description: 'Masked, with the timeline and what the caller may do' })
  @ApiNotFoundResponse({ description: 'Missing, or not the caller’s to see' })
  detail(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ProblemDetail> {
    return this.problems.detail(user, id);
  }

  @ApiOperation({ summary: '查看群众完整联系方式（留痕）' })
  @Post(':id/contact')
  @HttpCode(200)
  @Roles('member')
  @ReadOnly()
  @ApiOkResponse({ type: ProblemContactDto, description: 'The resident’s name, phone and address in full; the read is audited' })
  @ApiForbiddenResponse({ description: 'The recorder, who neither dispatches nor handles it' })
  @ApiNotFoundResponse({ description: 'Missing, or not the caller’s to see' })
  contact(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<ProblemContact> {
    return this.problems.contact(user, id, ip);
  }

  @ApiOperation({ summary: '督办：提醒承办人员尽快办理' })
  @Post(':id/remind')
  @HttpCode(200)
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: ProblemDetailDto, description: 'The problem, with the reminder on its timeline; the handlers are told' })
  @ApiForbiddenResponse({ description: 'The caller may see it but does not dispatch it' })
  @ApiNotFoundResponse({ description: 'Missing, or not the caller’s to see' })
  @ApiConflictResponse({ description: 'PROBLEM_STATE_INVALID (no longer open), PROBLEM_ALREADY_REMINDED (once a day)' })
  remind(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: ProblemRemindRequestDto): Promise<ProblemDetail> {
    return this.problems.remind(user, id, body);
  }

  @ApiOperation({ summary: '办理群众问题（答复、交办、办完、回访等）' })
  @Post(':id/actions')
  @HttpCode(200)
  @Roles('member')
  @ApiOkResponse({ type: ProblemDetailDto, description: 'The problem after the step' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (note, satisfaction, handling unit or community, duplicateOf)' })
  @ApiForbiddenResponse({ description: 'The caller may see it but not take this step' })
  @ApiNotFoundResponse({ description: 'Missing, not the caller’s to see, or the handling unit / community does not exist' })
  @ApiConflictResponse({ description: 'PROBLEM_STATE_INVALID' })
  @ApiUnprocessableEntityResponse({ description: 'PROBLEM_DUPLICATE_INVALID' })
  act(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: ProblemActionRequestDto): Promise<ProblemDetail> {
    return this.problems.act(user, id, body);
  }
}
