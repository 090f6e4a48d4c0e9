import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CalendarDayView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { CalendarDaysService } from './calendar-days.service.js';
import { CalendarDayInputDto, CalendarDayViewDto, CalendarYearQueryDto } from './dto/problem.dto.js';

@ApiTags('calendar-days')
@ApiBearerAuth()
@Controller({ path: 'calendar-days', version: '1' })
export class CalendarDaysController {
  constructor(private readonly days: CalendarDaysService) {}

  @ApiOperation({ summary: '本区单独设置的放假与调休日' })
  @Get()
  @ApiOkResponse({ type: [CalendarDayViewDto], description: 'The district’s own days of the year, over the national calendar' })
  list(@Query() query: CalendarYearQueryDto): Promise<CalendarDayView[]> {
    return this.days.list(query.year);
  }

  @ApiOperation({ summary: '设置某一天上班或放假' })
  @Put(':day')
  @Roles('organizer')
  @ApiOkResponse({ type: CalendarDayViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (day, workday, label)' })
  @ApiForbiddenResponse({ description: 'Not the district organizer' })
  set(@CurrentUser() user: AuthUser, @Param('day') day: string, @Body() body: CalendarDayInputDto): Promise<CalendarDayView> {
    return this.days.set(user, day, body);
  }

  @ApiOperation({ summary: '取消某一天的单独设置' })
  @Delete(':day')
  @HttpCode(204)
  @Roles('organizer')
  @ApiNoContentResponse({ description: 'Removed; the national calendar applies again' })
  @ApiForbiddenResponse({ description: 'Not the district organizer' })
  @ApiNotFoundResponse({ description: 'The day had no setting of its own' })
  async remove(@CurrentUser() user: AuthUser, @Param('day') day: string): Promise<void> {
    await this.days.remove(user, day);
  }
}
