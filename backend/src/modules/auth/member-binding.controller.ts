import { Controller, HttpCode, Ip, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { InviteCodeResponse } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { InviteCodeDto, MemberIdParamDto } from './dto/invite-code.dto.js';
import { MemberBindingService } from './member-binding.service.js';

/** An organizer's part in WeChat binding: invite codes for those who cannot bind by phone, and unbinding. */
@ApiTags('members')
@ApiBearerAuth()
@Roles('organizer')
@Controller({ path: 'members', version: '1' })
export class MemberBindingController {
  constructor(private readonly service: MemberBindingService) {}

  @ApiOperation({ summary: '为党员生成绑定邀请码' })
  @Post(':id/invite-code')
  @HttpCode(200)
  @ApiOkResponse({ type: InviteCodeDto, description: 'shown once; earlier unused codes of this member stop working' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN (not in your scope), MEMBER_INACTIVE' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'ALREADY_BOUND: unbind first' })
  inviteCode(@CurrentUser() user: AuthUser, @Param() params: MemberIdParamDto, @Ip() ip: string): Promise<InviteCodeResponse> {
    return this.service.issueInviteCode(user, params.id, ip);
  }

  @ApiOperation({ summary: '解除党员的微信绑定' })
  @Post(':id/unbind')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the WeChat binding is cleared and every session of the member ends' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN (not in your scope)' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  unbind(@CurrentUser() user: AuthUser, @Param() params: MemberIdParamDto, @Ip() ip: string): Promise<void> {
    return this.service.unbind(user, params.id, ip);
  }
}
