import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
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
import type { MySignupView, OnBehalfSignupResponse, Page, SignupResult, SignupView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import {
  CancelSignupDto,
  MySignupPageDto,
  MySignupsQueryDto,
  OnBehalfSignupDto,
  OnBehalfSignupResponseDto,
  SignupListQueryDto,
  SignupPageDto,
  SignupResultDto,
  SignupViewDto,
} from './dto/signups.dto.js';
import { SignupsService } from './signups.service.js';

// Every route here has at least two segments after /activities, so none shadows /activities/manage or /activities/:id.
@ApiTags('signups')
@ApiBearerAuth()
@Controller({ path: 'activities', version: '1' })
export class SignupsController {
  constructor(private readonly signups: SignupsService) {}

  @ApiOperation({ summary: '报名参加活动' })
  @Post(':id/signups')
  @Roles('member')
  @ApiCreatedResponse({ type: SignupResultDto, description: 'A place, or a place in the waitlist' })
  @ApiForbiddenResponse({ description: 'SIGNUP_NOT_ELIGIBLE, MEMBER_INACTIVE' })
  @ApiConflictResponse({ description: 'ACTIVITY_NOT_OPEN, SIGNUP_DEADLINE_PASSED, SIGNUP_EXISTS, SIGNUP_FULL' })
  signUp(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<SignupResult> {
    return this.signups.signUp(user, id, ip);
  }

  @ApiOperation({ summary: '代党员报名' })
  @Post(':id/signups/on-behalf')
  @Roles('organizer', 'worker')
  @ApiCreatedResponse({ type: OnBehalfSignupResponseDto, description: 'One line per member: signed up, or refused with why' })
  @ApiForbiddenResponse({ description: 'A worker for an activity that is not a need of their community' })
  onBehalf(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: OnBehalfSignupDto, @Ip() ip: string): Promise<OnBehalfSignupResponse> {
    return this.signups.onBehalf(user, id, body, ip);
  }

  @ApiOperation({ summary: '取消我的报名' })
  @Delete(':id/signups/mine')
  @Roles('member')
  @ApiOkResponse({ type: SignupViewDto, description: 'Cancelled; a place freed goes to the first on the waitlist' })
  @ApiNotFoundResponse({ description: 'SIGNUP_NOT_FOUND' })
  @ApiConflictResponse({ description: 'CANCEL_DEADLINE_PASSED, ACTIVITY_STATE_INVALID' })
  cancelMine(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<SignupView> {
    return this.signups.cancelMine(user, id, ip);
  }

  @ApiOperation({ summary: '取消某人的报名' })
  @Post(':id/signups/:signupId/cancel')
  @HttpCode(200)
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: SignupViewDto, description: 'Organizers of the activity, workers of the need: with a reason, before the end' })
  @ApiForbiddenResponse({ description: 'The activity is not theirs to manage' })
  @ApiNotFoundResponse({ description: 'SIGNUP_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ACTIVITY_STATE_INVALID, CONFLICT' })
  cancelFor(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('signupId') signupId: string,
    @Body() body: CancelSignupDto,
    @Ip() ip: string,
  ): Promise<SignupView> {
    return this.signups.cancelFor(user, id, signupId, body, ip);
  }

  @ApiOperation({ summary: '活动报名名单' })
  @Get(':id/signups')
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: SignupPageDto, description: 'Places first, then the waitlist in order with positions' })
  @ApiForbiddenResponse({ description: 'The activity is not theirs to manage' })
  list(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() query: SignupListQueryDto): Promise<Page<SignupView>> {
    return this.signups.list(user, id, query);
  }
}

@ApiTags('signups')
@ApiBearerAuth()
@Controller({ path: 'me', version: '1' })
export class MySignupsController {
  constructor(private readonly signups: SignupsService) {}

  @ApiOperation({ summary: '我的活动报名' })
  @Get('signups')
  @Roles('member')
  @ApiOkResponse({ type: MySignupPageDto, description: 'The caller’s sign-ups, newest activity first' })
  mine(@CurrentUser() user: AuthUser, @Query() query: MySignupsQueryDto): Promise<Page<MySignupView>> {
    return this.signups.mine(user, query);
  }
}
