import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
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

  @Get()
  @Roles('admin', 'organizer', 'worker')
  @ApiOkResponse({ type: StreetPageDto })
  list(@Query() query: StreetListQueryDto): Promise<Page<StreetView>> {
    return this.service.list(query);
  }

  @Get(':id')
  @Roles('admin', 'organizer', 'worker')
  @ApiOkResponse({ type: StreetViewDto })
  get(@Param('id') id: string): Promise<StreetView> {
    return this.service.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: StreetViewDto })
  @ApiConflictResponse({ description: 'CONFLICT when the name is taken' })
  create(@CurrentUser() user: AuthUser, @Body() body: StreetInputDto, @Ip() ip: string): Promise<StreetView> {
    return this.service.create(user, body, ip);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: StreetViewDto })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: StreetInputDto, @Ip() ip: string): Promise<StreetView> {
    return this.service.update(user, id, body, ip);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'ORG_IN_USE while communities or worker roles reference the street' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string, @Ip() ip: string): Promise<void> {
    return this.service.remove(user, id, ip);
  }
}
