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
} from '@nestjs/swagger';
import type { HouseholdContact, HouseholdDetail, HouseholdView, Page, PairingView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import {
  HouseholdContactDto,
  HouseholdDetailDto,
  HouseholdInputDto,
  HouseholdPageDto,
  HouseholdViewDto,
  PairingEndRequestDto,
  PairingInputDto,
  PairingViewDto,
} from './dto/household.dto.js';
import { HouseholdsService } from './households.service.js';

@ApiTags('households')
@ApiBearerAuth()
@Controller({ version: '1' })
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @ApiOperation({ summary: '登记结对住户' })
  @Post('households')
  @Roles('member')
  @ApiCreatedResponse({ type: HouseholdViewDto, description: 'Paired with the caller, or with memberId and onBehalfReason on a covered member’s behalf' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (consent, communityId / village, contactName, phone, address, onBehalfReason)' })
  @ApiForbiddenResponse({ description: 'On behalf of a member the caller does not cover' })
  create(@CurrentUser() user: AuthUser, @Body() body: HouseholdInputDto): Promise<HouseholdView> {
    return this.households.create(user, body);
  }

  @ApiOperation({ summary: '结对住户' })
  @Get('households')
  @Roles('member')
  @ApiOkResponse({ type: HouseholdPageDto, description: 'Masked: the caller’s paired households, their communities’, or those of the members they cover' })
  list(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<HouseholdView>> {
    return this.households.list(user, query);
  }

  @ApiOperation({ summary: '结对住户详情' })
  @Get('households/:id')
  @Roles('member')
  @ApiOkResponse({ type: HouseholdDetailDto, description: 'Masked, with its pairings' })
  @ApiNotFoundResponse({ description: 'Missing, or out of the caller’s reach' })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<HouseholdDetail> {
    return this.households.get(user, id);
  }

  @ApiOperation({ summary: '查看住户联系方式' })
  @Post('households/:id/contact')
  @HttpCode(200)
  @Roles('member')
  @ApiOkResponse({ type: HouseholdContactDto, description: 'In full, for a paired member or a worker of its community; audited' })
  @ApiNotFoundResponse({ description: 'Missing, or not the caller’s to read' })
  contact(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<HouseholdContact> {
    return this.households.contact(user, id, ip);
  }

  @ApiOperation({ summary: '新增结对' })
  @Post('households/:id/pairings')
  @Roles('member')
  @ApiCreatedResponse({ type: PairingViewDto, description: 'A worker of its community, an organizer covering the member, or the member in their own community' })
  @ApiForbiddenResponse({ description: 'The member is out of the caller’s reach' })
  @ApiNotFoundResponse({ description: 'No such household' })
  @ApiConflictResponse({ description: 'The member is already paired with it' })
  pair(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: PairingInputDto): Promise<PairingView> {
    return this.households.pair(user, id, body);
  }

  @ApiOperation({ summary: '结束结对' })
  @Post('pairings/:id/end')
  @HttpCode(200)
  @Roles('member')
  @ApiOkResponse({ type: PairingViewDto, description: 'The paired member, a worker of the community, or an organizer covering the member' })
  @ApiNotFoundResponse({ description: 'Missing, or not the caller’s to end' })
  @ApiConflictResponse({ description: 'Already ended' })
  end(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: PairingEndRequestDto): Promise<PairingView> {
    return this.households.end(user, id, body);
  }
}
