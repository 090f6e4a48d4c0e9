import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  MessageView,
  Page,
  SubscribeAcceptResponse,
  SubscribeTemplatesResponse,
  UnreadCountResponse,
} from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import {
  MessageListQueryDto,
  MessagePageDto,
  MessageViewDto,
  SubscribeAcceptDto,
  SubscribeAcceptResponseDto,
  SubscribeTemplatesDto,
  UnreadCountDto,
} from './dto/message.dto.js';
import { MessagesService } from './messages.service.js';

@ApiTags('messages')
@ApiBearerAuth()
@Controller({ path: 'messages', version: '1' })
export class MessagesController {
  constructor(private readonly service: MessagesService) {}

  @ApiOperation({ summary: '我的消息' })
  @Get()
  @ApiOkResponse({ type: MessagePageDto, description: "The caller's own inbox, newest first" })
  list(@CurrentUser() user: AuthUser, @Query() query: MessageListQueryDto): Promise<Page<MessageView>> {
    return this.service.list(user, query);
  }

  @ApiOperation({ summary: '未读消息数' })
  @Get('unread-count')
  @ApiOkResponse({ type: UnreadCountDto, description: 'Unread messages; for workers also the work waiting for them' })
  unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountResponse> {
    return this.service.unreadCount(user);
  }

  @ApiOperation({ summary: '全部标为已读' })
  @Post('read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: UnreadCountDto, description: 'Marks every own message read; returns the new counts' })
  readAll(@CurrentUser() user: AuthUser): Promise<UnreadCountResponse> {
    return this.service.markAllRead(user);
  }

  @ApiOperation({ summary: '可订阅的微信消息模板' })
  @Get('subscriptions/templates')
  @ApiOkResponse({ type: SubscribeTemplatesDto, description: 'Subscribe-message templates to request (none by default)' })
  templates(): SubscribeTemplatesResponse {
    return this.service.templateIds();
  }

  @ApiOperation({ summary: '记录订阅消息授权' })
  @Post('subscriptions')
  @HttpCode(200)
  @ApiOkResponse({ type: SubscribeAcceptResponseDto, description: 'Records one-time acceptances from requestSubscribeMessage' })
  subscribe(@CurrentUser() user: AuthUser, @Body() body: SubscribeAcceptDto): Promise<SubscribeAcceptResponse> {
    return this.service.recordAcceptances(user, body);
  }

  @ApiOperation({ summary: '标为已读' })
  @Post(':id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: MessageViewDto })
  @ApiNotFoundResponse({ description: 'Missing, or not the caller’s' })
  read(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<MessageView> {
    return this.service.markRead(user, id);
  }
}
