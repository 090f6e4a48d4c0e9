import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HandoverResponse } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { HandoverDto, HandoverResponseDto } from './dto/moves.dto.js';
import { HandoverService } from './handover.service.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller({ path: 'workers', version: '1' })
export class WorkersController {
  constructor(private readonly service: HandoverService) {}

  @ApiOperation({ summary: '社区工作者工作交接' })
  @Post('handover')
  @Roles('admin', 'organizer')
  @HttpCode(200)
  @ApiOkResponse({ type: HandoverResponseDto, description: 'Admin or district organizer; the successor must be active' })
  handover(@CurrentUser() user: AuthUser, @Body() body: HandoverDto, @Ip() ip: string): Promise<HandoverResponse> {
    return this.service.handover(user, body, ip);
  }
}
