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
import type { ModelPostView, Page } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import {
  CreateModelPostDto,
  ModelPostListQueryDto,
  ModelPostPageDto,
  ModelPostViewDto,
  UpdateModelPostDto,
} from './dto/model-post.dto.js';
import { PostsService } from './posts.service.js';

@ApiTags('posts')
@ApiBearerAuth()
@Controller({ path: 'posts', version: '1' })
export class PostsController {
  constructor(private readonly service: PostsService) {}

  @ApiOperation({ summary: '党员示范岗列表' })
  @Get()
  @ApiOkResponse({
    type: ModelPostPageDto,
    description: 'Organizers: their units; workers: their communities; everyone: the posts they hold; admins: all',
  })
  list(@CurrentUser() user: AuthUser, @Query() query: ModelPostListQueryDto): Promise<Page<ModelPostView>> {
    return this.service.list(user, query);
  }

  @ApiOperation({ summary: '设立党员示范岗' })
  @Post()
  @Roles('organizer', 'admin')
  @ApiCreatedResponse({ type: ModelPostViewDto, description: 'An organizer of the unit (or district), or an admin' })
  @ApiForbiddenResponse({ description: 'Not covering the unit' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateModelPostDto, @Ip() ip: string): Promise<ModelPostView> {
    return this.service.create(user, body, ip);
  }

  @ApiOperation({ summary: '修改党员示范岗' })
  @Patch(':id')
  @Roles('organizer', 'admin')
  @ApiOkResponse({ type: ModelPostViewDto })
  @ApiForbiddenResponse({ description: 'Not covering the unit' })
  @ApiConflictResponse({ description: 'The post has ended' })
  @ApiNotFoundResponse()
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: UpdateModelPostDto,
    @Ip() ip: string,
  ): Promise<ModelPostView> {
    return this.service.update(user, id, body, ip);
  }

  @ApiOperation({ summary: '撤销党员示范岗' })
  @Post(':id/end')
  @HttpCode(200)
  @Roles('organizer', 'admin')
  @ApiOkResponse({ type: ModelPostViewDto, description: 'Ends the post; it stays, with endedAt' })
  @ApiForbiddenResponse({ description: 'Not covering the unit' })
  @ApiConflictResponse({ description: 'Already ended' })
  @ApiNotFoundResponse()
  end(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<ModelPostView> {
    return this.service.end(user, id, ip);
  }
}

/** A person's posts as their profile shows them. */
@ApiTags('posts')
@ApiBearerAuth()
@Controller({ version: '1' })
export class MemberPostsController {
  constructor(private readonly service: PostsService) {}

  @ApiOperation({ summary: '我所在的党员示范岗' })
  @Get('me/posts')
  @ApiOkResponse({ type: [ModelPostViewDto], description: 'Posts the caller holds, ended ones included' })
  mine(@CurrentUser() user: AuthUser): Promise<ModelPostView[]> {
    return this.service.mine(user);
  }

  @ApiOperation({ summary: '党员所在的示范岗' })
  @Get('members/:id/posts')
  @ApiOkResponse({ type: [ModelPostViewDto], description: 'The member themself, an admin, or an organizer covering them' })
  @ApiNotFoundResponse()
  ofMember(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ModelPostView[]> {
    return this.service.ofMember(user, id);
  }
}
