import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ActivityThemeView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { ActivityThemesService } from './activity-themes.service.js';
import { ActivityThemeViewDto, CreateThemeDto, ThemeQueryDto } from './dto/activity.dto.js';

@ApiTags('activities')
@ApiBearerAuth()
@Controller({ path: 'activity-themes', version: '1' })
export class ActivityThemesController {
  constructor(private readonly service: ActivityThemesService) {}

  @ApiOperation({ summary: '一年的月度主题' })
  @Get()
  @ApiOkResponse({ type: [ActivityThemeViewDto], description: 'Themes of the year (this year by default), by month' })
  list(@Query() query: ThemeQueryDto): Promise<ActivityThemeView[]> {
    return this.service.list(query);
  }

  @ApiOperation({ summary: '添加月度主题' })
  @Post()
  @Roles('organizer')
  @ApiCreatedResponse({ type: ActivityThemeViewDto, description: 'Any organizer; a duplicate title of the month is a field error' })
  @ApiForbiddenResponse({ description: 'Not an organizer (admin duties are separate)' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateThemeDto, @Ip() ip: string): Promise<ActivityThemeView> {
    return this.service.create(user, body, ip);
  }

  @ApiOperation({ summary: '删除月度主题' })
  @Delete(':id')
  @HttpCode(204)
  @Roles('organizer')
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'An activity belongs to the theme' })
  @ApiNotFoundResponse()
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<void> {
    return this.service.remove(user, id, ip);
  }
}
