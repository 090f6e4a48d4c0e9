import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { RoleAssignmentView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { RoleAssignmentViewDto } from './dto/member.dto.js';
import { RoleAssignmentInputDto } from './dto/role.dto.js';
import { RolesService } from './roles.service.js';

@ApiTags('members')
@ApiBearerAuth()
@Roles('admin')
@Controller({ path: 'members/:memberId/roles', version: '1' })
export class MemberRolesController {
  constructor(private readonly service: RolesService) {}

  @ApiOperation({ summary: '党员的职责' })
  @Get()
  @ApiOkResponse({ type: [RoleAssignmentViewDto] })
  list(@Param('memberId') memberId: string): Promise<RoleAssignmentView[]> {
    return this.service.list(memberId);
  }

  @ApiOperation({ summary: '授予职责' })
  @Post()
  @ApiCreatedResponse({ type: RoleAssignmentViewDto })
  @ApiBadRequestResponse({ description: 'ROLE_SCOPE_INVALID when the scope does not fit the role or does not exist' })
  @ApiConflictResponse({ description: 'ADMIN_DUTIES_SEPARATE; CONFLICT for a duplicate or an inactive member' })
  grant(
    @CurrentUser() user: AuthUser,
    @Param('memberId') memberId: string,
    @Body() body: RoleAssignmentInputDto,
    @Ip() ip: string,
  ): Promise<RoleAssignmentView> {
    return this.service.grant(user, memberId, body, ip);
  }

  @ApiOperation({ summary: '撤销职责' })
  @Delete(':assignmentId')
  @HttpCode(204)
  @ApiNoContentResponse()
  revoke(
    @CurrentUser() user: AuthUser,
    @Param('memberId') memberId: string,
    @Param('assignmentId') assignmentId: string,
    @Ip() ip: string,
  ): Promise<void> {
    return this.service.revoke(user, memberId, assignmentId, ip);
  }
}
