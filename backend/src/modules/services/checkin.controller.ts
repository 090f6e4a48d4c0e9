import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CheckinCodeResponse } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { CheckinCodeService } from './checkin-code.service.js';
import { CheckinCodeQueryDto } from './dto/list-services.dto.js';
import { CheckinCodeResponseDto } from './dto/service-views.dto.js';

@ApiTags('checkin')
@ApiBearerAuth()
@Controller({ path: 'checkin', version: '1' })
export class CheckinController {
  constructor(private readonly codes: CheckinCodeService) {}

  @ApiOperation({ summary: '社区签到码（轮换）' })
  @Get('code')
  @Roles('worker', 'organizer', 'admin')
  @ApiOkResponse({ type: CheckinCodeResponseDto, description: 'The rotating code to show as a QR; poll again before expiresAt' })
  @ApiForbiddenResponse({ description: 'A worker asking for a community they do not serve' })
  code(@CurrentUser() user: AuthUser, @Query() query: CheckinCodeQueryDto): Promise<CheckinCodeResponse> {
    return this.codes.issue(user, query.communityId);
  }
}
