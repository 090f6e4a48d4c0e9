import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommunityView, Page } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { CommunitiesService } from './communities.service.js';
import {
  CommunityListQueryDto,
  CommunityPageDto,
  CommunityViewDto,
  CreateCommunityDto,
  UpdateCommunityDto,
} from './dto/community.dto.js';

@ApiTags('org')
@ApiBearerAuth()
@Controller({ path: 'communities', version: '1' })
export class CommunitiesController {
  constructor(private readonly service: CommunitiesService) {}

  @ApiOperation({ summary: '社区列表' })
  @Get()
  @ApiOkResponse({ type: CommunityPageDto, description: 'Anyone signed in: members choose where to register' })
  list(@Query() query: CommunityListQueryDto): Promise<Page<CommunityView>> {
    return this.service.list(query);
  }

  @ApiOperation({ summary: '社区详情' })
  @Get(':id')
  @ApiOkResponse({ type: CommunityViewDto })
  get(@Param('id') id: string): Promise<CommunityView> {
    return this.service.get(id);
  }

  @ApiOperation({ summary: '新建社区' })
  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CommunityViewDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCommunityDto, @Ip() ip: string): Promise<CommunityView> {
    return this.service.create(user, body, ip);
  }

  @ApiOperation({ summary: '修改社区' })
  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: CommunityViewDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateCommunityDto,
    @Ip() ip: string,
  ): Promise<CommunityView> {
    return this.service.update(user, id, body, ip);
  }

  @ApiOperation({ summary: '删除社区' })
  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'ORG_IN_USE while worker roles or other records reference the community' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<void> {
    return this.service.remove(user, id, ip);
  }
}
