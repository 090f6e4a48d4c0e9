import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Page, VisitView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { VisitInputDto, VisitListQueryDto, VisitPageDto, VisitViewDto } from './dto/visit.dto.js';
import { VisitsService } from './visits.service.js';

@ApiTags('visits')
@ApiBearerAuth()
@Controller({ path: 'visits', version: '1' })
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @ApiOperation({ summary: '记录一次走访' })
  @Post()
  @Roles('member')
  @ApiCreatedResponse({ type: VisitViewDto, description: 'One visit: the caller’s own, or with memberId and onBehalfReason on a covered member’s behalf' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (place, visitedOn, note, onBehalfReason)' })
  @ApiForbiddenResponse({ description: 'On behalf of a member the caller does not cover' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (activity), SIGNUP_NOT_FOUND (no confirmed or attended sign-up)' })
  @ApiUnprocessableEntityResponse({ description: 'VISIT_KIND_INVALID' })
  create(@CurrentUser() user: AuthUser, @Body() body: VisitInputDto): Promise<VisitView> {
    return this.visits.create(user, body);
  }

  @ApiOperation({ summary: '走访记录' })
  @Get()
  @Roles('member')
  @ApiOkResponse({ type: VisitPageDto, description: 'The caller’s visits, plus those of the members they cover; newest day first' })
  list(@CurrentUser() user: AuthUser, @Query() query: VisitListQueryDto): Promise<Page<VisitView>> {
    return this.visits.list(user, query);
  }
}
