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
import type { Page, SuggestionView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { CreateSuggestionDto } from './dto/create-suggestion.dto.js';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import { SuggestionListQueryDto } from './dto/list-suggestions.dto.js';
import { ReplySuggestionDto } from './dto/reply-suggestion.dto.js';
import { SuggestionPageDto, SuggestionViewDto } from './dto/suggestion-view.dto.js';
import { SuggestionsService } from './suggestions.service.js';

@ApiTags('suggestions')
@ApiBearerAuth()
@Controller({ path: 'suggestions', version: '1' })
export class SuggestionsController {
  constructor(private readonly service: SuggestionsService) {}

  @ApiOperation({ summary: '提交意见建议' })
  @Post()
  @ApiCreatedResponse({ type: SuggestionViewDto, description: 'Anyone signed in' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSuggestionDto): Promise<SuggestionView> {
    return this.service.create(user, body);
  }

  @ApiOperation({ summary: '我提交的意见建议' })
  @Get('mine')
  @ApiOkResponse({ type: SuggestionPageDto, description: "The caller's own, newest first" })
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<SuggestionView>> {
    return this.service.mine(user, query);
  }

  @ApiOperation({ summary: '意见建议列表（处理人）' })
  @Get()
  @Roles('organizer')
  @ApiOkResponse({ type: SuggestionPageDto, description: 'District organizers: everyone’s, newest first' })
  @ApiForbiddenResponse({ description: 'Not a district organizer' })
  list(@CurrentUser() user: AuthUser, @Query() query: SuggestionListQueryDto): Promise<Page<SuggestionView>> {
    return this.service.list(user, query);
  }

  @ApiOperation({ summary: '意见建议详情' })
  @Get(':id')
  @ApiOkResponse({ type: SuggestionViewDto, description: 'The sender, or a district organizer' })
  @ApiNotFoundResponse({ description: 'Missing, or not the caller’s to see' })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<SuggestionView> {
    return this.service.get(user, id, ip);
  }

  @ApiOperation({ summary: '答复意见建议' })
  @Post(':id/reply')
  @HttpCode(200)
  @Roles('organizer')
  @ApiOkResponse({ type: SuggestionViewDto, description: 'District organizers' })
  @ApiForbiddenResponse({ description: 'Not a district organizer' })
  @ApiConflictResponse({ description: 'Already closed (已办完)' })
  reply(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: ReplySuggestionDto,
    @Ip() ip: string,
  ): Promise<SuggestionView> {
    return this.service.reply(user, id, body, ip);
  }
}
