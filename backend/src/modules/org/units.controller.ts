import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Page, UnitView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { CreateUnitDto, UnitListQueryDto, UnitPageDto, UnitViewDto, UpdateUnitDto } from './dto/unit.dto.js';
import { UnitsService } from './units.service.js';

@ApiTags('org')
@ApiBearerAuth()
@Controller({ path: 'units', version: '1' })
export class UnitsController {
  constructor(private readonly service: UnitsService) {}

  @ApiOperation({ summary: '单位党组织列表' })
  @Get()
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: UnitPageDto, description: 'Admin and district organizers: all units; other organizers: theirs' })
  list(@CurrentUser() user: AuthUser, @Query() query: UnitListQueryDto): Promise<Page<UnitView>> {
    return this.service.list(user, query);
  }

  @ApiOperation({ summary: '单位党组织详情' })
  @Get(':id')
  @Roles('admin', 'organizer')
  @ApiOkResponse({ type: UnitViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (also for a unit outside the organizer’s scope)' })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<UnitView> {
    return this.service.get(user, id);
  }

  @ApiOperation({ summary: '新建单位党组织' })
  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UnitViewDto })
  @ApiConflictResponse({ description: 'UNIT_CODE_TAKEN' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUnitDto, @Ip() ip: string): Promise<UnitView> {
    return this.service.create(user, body, ip);
  }

  @ApiOperation({ summary: '修改单位党组织' })
  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UnitViewDto })
  @ApiConflictResponse({ description: 'UNIT_CODE_TAKEN; ORG_IN_USE when a removed branch still has members' })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: UpdateUnitDto, @Ip() ip: string): Promise<UnitView> {
    return this.service.update(user, id, body, ip);
  }

  @ApiOperation({ summary: '删除单位党组织' })
  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'ORG_IN_USE when members, transfers or organizer roles reference the unit' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<void> {
    return this.service.remove(user, id, ip);
  }
}
