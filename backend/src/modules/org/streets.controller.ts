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
import type { Page, StreetView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { StreetInputDto, StreetListQueryDto, StreetPageDto, StreetViewDto } from './dto/street.dto.js';
import { StreetsService } from './streets.service.js';

@ApiTags('org')
@ApiBearerAuth()
@Controller({ path: 'streets', version: '1' })
export class StreetsController {
  constructor(private readonly service: StreetsService) {}

  @ApiOperation({ summary: '街道列表' })
  @Get()
  @Roles('admin', 'organizer', 'worker')
  @ApiOkResponse({ type: StreetPageDto })
  list(@Query() query: StreetListQueryDto): Promise<Page<StreetView>> {
    return this.service.list(query);
  }

  @ApiOperation({ summary: '街道详情' })
  @Get(':id')
  @Roles('admin', 'organizer', 'worker')
  @ApiOkResponse({ type: StreetViewDto })
  get(@Param('id') id: string): Promise<StreetView> {
    return this.service.get(id);
  }

  @ApiOperation({ summary: '新建街道' })
  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: StreetViewDto })
  @ApiConflictResponse({ description: 'CONFLICT when the name is taken' })
  create(@CurrentUser() user: AuthUser, @Body() body: StreetInputDto, @Ip() ip: string): Promise<StreetView> {
    return this.service.create(user, body, ip);
  }

  @ApiOperation({ summary: '修改街道' })
  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: StreetViewDto })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: StreetInputDto, @Ip() ip: string): Promise<StreetView> {
    return this.service.update(user, id, body, ip);
  }

  @ApiOperation({ summary: '删除街道' })
  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'ORG_IN_USE while communities or worker roles reference the street' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<void> {
    return this.service.remove(user, id, ip);
  }
}
