import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { MatterPage, MatterView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { MatterInputDto, MatterListQueryDto, MatterPageDto, MatterUpdateDto, MatterViewDto } from './dto/matter.dto.js';
import { MattersService } from './matters.service.js';

@ApiTags('matters')
@ApiBearerAuth()
@Controller({ path: 'matters', version: '1' })
export class MattersController {
  constructor(private readonly matters: MattersService) {}

  @ApiOperation({ summary: '记录一件实事' })
  @Post()
  @Roles('member')
  @ApiCreatedResponse({ type: MatterViewDto, description: 'An organizer for a unit in scope, or a worker for a community they serve' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (title, doneOn, beneficiaries, description, village)' })
  @ApiForbiddenResponse({ description: 'The unit or community is out of the caller’s scope' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND (unit, community, a linked problem or visit)' })
  create(@CurrentUser() user: AuthUser, @Body() body: MatterInputDto): Promise<MatterView> {
    return this.matters.create(user, body);
  }

  @ApiOperation({ summary: '实事清单' })
  @Get()
  @Roles('member')
  @ApiOkResponse({ type: MatterPageDto, description: 'Newest day first, with the residents helped over every matching matter' })
  list(@CurrentUser() user: AuthUser, @Query() query: MatterListQueryDto): Promise<MatterPage> {
    return this.matters.list(user, query);
  }

  @ApiOperation({ summary: '修改实事' })
  @Patch(':id')
  @Roles('member')
  @ApiOkResponse({ type: MatterViewDto, description: 'Its author or an organizer covering its unit; links replaced when given' })
  @ApiForbiddenResponse({ description: 'Visible but not the caller’s to change' })
  @ApiNotFoundResponse({ description: 'Missing or out of reach' })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: MatterUpdateDto): Promise<MatterView> {
    return this.matters.update(user, id, body);
  }

  @ApiOperation({ summary: '删除实事' })
  @Delete(':id')
  @HttpCode(204)
  @Roles('member')
  @ApiNoContentResponse({ description: 'Its author or an organizer covering its unit; audited' })
  @ApiForbiddenResponse({ description: 'Visible but not the caller’s to remove' })
  @ApiNotFoundResponse({ description: 'Missing or out of reach' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.matters.remove(user, id);
  }
}
