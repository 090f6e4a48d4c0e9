import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
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
import type { Page, RegistrationMemberLookupResponse, RegistrationView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { ReadOnly } from '../../common/idempotency/read-only.decorator.js';
import {
  ApproveRegistrationDto,
  CreateRegistrationDto,
  MemberLookupDto,
  MemberLookupResponseDto,
  OnBehalfRegistrationDto,
  ReasonRequiredDto,
  RegistrationListQueryDto,
  RegistrationPageDto,
  RegistrationViewDto,
} from './dto/registration.dto.js';
import { RegistrationsService } from './registrations.service.js';

@ApiTags('registrations')
@ApiBearerAuth()
@Controller({ path: 'registrations', version: '1' })
export class RegistrationsController {
  constructor(private readonly service: RegistrationsService) {}

  @ApiOperation({ summary: '申请到社区报到' })
  @Post()
  @Roles('member')
  @ApiCreatedResponse({ type: RegistrationViewDto, description: 'The caller asks to register with a community (pending)' })
  @ApiConflictResponse({ description: 'REGISTRATION_ACTIVE_EXISTS: a pending or approved one exists' })
  request(@CurrentUser() user: AuthUser, @Body() body: CreateRegistrationDto, @Ip() ip: string): Promise<RegistrationView> {
    return this.service.request(user, body, ip);
  }

  @ApiOperation({ summary: '代党员登记报到' })
  @Post('on-behalf')
  @Roles('worker')
  @ApiCreatedResponse({ type: RegistrationViewDto, description: 'Workers of that community: entered from a paper form, approved at once' })
  @ApiForbiddenResponse({ description: 'Not a worker of that community, or the worker themself' })
  @ApiConflictResponse({ description: 'REGISTRATION_ACTIVE_EXISTS' })
  onBehalf(@CurrentUser() user: AuthUser, @Body() body: OnBehalfRegistrationDto, @Ip() ip: string): Promise<RegistrationView> {
    return this.service.onBehalf(user, body, ip);
  }

  @ApiOperation({ summary: '按姓名和手机号查找党员' })
  @Post('member-lookup')
  @HttpCode(200)
  @ReadOnly()
  @Roles('worker')
  @ApiOkResponse({ type: MemberLookupResponseDto, description: 'Workers: the member whose name and phone both match (audited); a read, no Idempotency-Key' })
  @ApiNotFoundResponse({ description: 'No member with both that name and that phone' })
  lookupMember(
    @CurrentUser() user: AuthUser,
    @Body() body: MemberLookupDto,
    @Ip() ip: string,
  ): Promise<RegistrationMemberLookupResponse> {
    return this.service.lookupMember(user, body, ip);
  }

  @ApiOperation({ summary: '我的报到关系' })
  @Get('mine')
  @ApiOkResponse({ type: [RegistrationViewDto], description: "The caller's registrations, newest first, history included" })
  mine(@CurrentUser() user: AuthUser): Promise<RegistrationView[]> {
    return this.service.mine(user);
  }

  @ApiOperation({ summary: '报到申请列表（社区工作者、组织者）' })
  @Get()
  @Roles('worker', 'organizer', 'admin')
  @ApiOkResponse({ type: RegistrationPageDto, description: 'Workers: their communities; organizers: members they cover; admins: all' })
  list(@CurrentUser() user: AuthUser, @Query() query: RegistrationListQueryDto): Promise<Page<RegistrationView>> {
    return this.service.list(user, query);
  }

  @ApiOperation({ summary: '通过报到申请' })
  @Post(':id/approve')
  @HttpCode(200)
  @Roles('worker')
  @ApiOkResponse({ type: RegistrationViewDto, description: 'Workers of that community, not for their own' })
  @ApiForbiddenResponse({ description: 'Not a worker of that community, or their own registration' })
  @ApiConflictResponse({ description: 'ALREADY_DECIDED' })
  @ApiNotFoundResponse()
  approve(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: ApproveRegistrationDto,
    @Ip() ip: string,
  ): Promise<RegistrationView> {
    return this.service.approve(user, id, body, ip);
  }

  @ApiOperation({ summary: '退回报到申请' })
  @Post(':id/reject')
  @HttpCode(200)
  @Roles('worker')
  @ApiOkResponse({ type: RegistrationViewDto, description: 'Workers of that community, with a reason the member reads' })
  @ApiForbiddenResponse({ description: 'Not a worker of that community, or their own registration' })
  @ApiConflictResponse({ description: 'ALREADY_DECIDED' })
  @ApiNotFoundResponse()
  reject(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: ReasonRequiredDto,
    @Ip() ip: string,
  ): Promise<RegistrationView> {
    return this.service.reject(user, id, body, ip);
  }

  @ApiOperation({ summary: '结束报到关系' })
  @Post(':id/end')
  @HttpCode(200)
  @ApiOkResponse({ type: RegistrationViewDto, description: 'The member themself or a worker of that community; the row stays as history' })
  @ApiForbiddenResponse({ description: 'Neither the member nor a worker of that community' })
  @ApiConflictResponse({ description: 'ALREADY_DECIDED: already ended or rejected' })
  @ApiNotFoundResponse()
  end(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: ReasonRequiredDto,
    @Ip() ip: string,
  ): Promise<RegistrationView> {
    return this.service.end(user, id, body, ip);
  }
}
