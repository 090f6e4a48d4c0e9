import { Body, Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { MemberHistoryEntry, MemberView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { MemberViewDto } from './dto/member.dto.js';
import { MemberHistoryEntryDto, MemberStatusDto, MemberTransferDto } from './dto/moves.dto.js';
import { MemberMovesService } from './member-moves.service.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller({ path: 'members/:id', version: '1' })
export class MemberMovesController {
  constructor(private readonly service: MemberMovesService) {}

  @ApiOperation({ summary: '党员转移单位或支部' })
  @Post('transfer')
  @Roles('admin', 'organizer')
  @HttpCode(200)
  @ApiOkResponse({ type: MemberViewDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN unless the caller covers the member’s current unit/branch' })
  transfer(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: MemberTransferDto, @Ip() ip: string): Promise<MemberView> {
    return this.service.transfer(user, id, body, ip);
  }

  @ApiOperation({ summary: '变更党员状态（退休、离开等）' })
  @Post('status')
  @Roles('admin', 'organizer')
  @HttpCode(200)
  @ApiOkResponse({ type: MemberViewDto })
  @ApiConflictResponse({ description: 'CONFLICT when the status is unchanged or the caller is the member' })
  status(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: MemberStatusDto, @Ip() ip: string): Promise<MemberView> {
    return this.service.changeStatus(user, id, body, ip);
  }

  @ApiOperation({ summary: '党员的转移与状态变更记录' })
  @Get('history')
  @ApiOkResponse({ type: [MemberHistoryEntryDto], description: 'The member themself, a covering organizer or the admin' })
  history(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<MemberHistoryEntry[]> {
    return this.service.history(user, id);
  }
}
