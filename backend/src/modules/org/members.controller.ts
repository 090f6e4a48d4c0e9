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
} from '@nestjs/swagger';
import type { MemberView, Page, PhoneRevealResponse } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { ReadOnly } from '../../common/idempotency/read-only.decorator.js';
import {
  CreateMemberDto,
  MemberListQueryDto,
  MemberPageDto,
  MemberSearchDto,
  MemberViewDto,
  PhoneRevealDto,
  UpdateMemberDto,
} from './dto/member.dto.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller({ path: 'members', version: '1' })
export class MembersController {
  constructor(private readonly service: MembersService) {}

  @ApiOperation({ summary: '党员列表（手机号脱敏）' })
  @Get()
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: MemberPageDto, description: 'Scoped to the organizer’s branch/unit/district; phones masked' })
  list(@CurrentUser() user: AuthUser, @Query() query: MemberListQueryDto): Promise<Page<MemberView>> {
    return this.service.list(user, query);
  }

  @ApiOperation({ summary: '搜索党员（姓名或手机号放在请求体中）' })
  @Post('search')
  @HttpCode(200)
  @ReadOnly()
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: MemberPageDto, description: 'The list, searched by part of a name or a whole phone number sent in the body; a read, no Idempotency-Key' })
  search(@CurrentUser() user: AuthUser, @Body() body: MemberSearchDto): Promise<Page<MemberView>> {
    return this.service.list(user, body);
  }

  @ApiOperation({ summary: '党员详情' })
  @Get(':id')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: MemberViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND, also for a member outside the caller’s scope' })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<MemberView> {
    return this.service.get(user, id);
  }

  @ApiOperation({ summary: '新增党员' })
  @Post()
  @Roles('admin', 'organizer')
  @ApiCreatedResponse({ type: MemberViewDto })
  @ApiConflictResponse({ description: 'CONFLICT when the phone number belongs to another member' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateMemberDto, @Ip() ip: string): Promise<MemberView> {
    return this.service.create(user, body, ip);
  }

  @ApiOperation({ summary: '修改党员信息' })
  @Patch(':id')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: MemberViewDto })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: UpdateMemberDto, @Ip() ip: string): Promise<MemberView> {
    return this.service.update(user, id, body, ip);
  }

  @ApiOperation({ summary: '查看完整手机号（记入审计）' })
  @Get(':id/phone')
  @ApiOkResponse({ type: PhoneRevealDto, description: 'The member themself, a covering organizer or the admin; audited' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN for anyone else (the refusal is audited too)' })
  revealPhone(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<PhoneRevealResponse> {
    return this.service.revealPhone(user, id, ip);
  }
}
