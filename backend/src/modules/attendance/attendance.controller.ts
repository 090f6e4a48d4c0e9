import { Body, Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AttendanceBoard, AttendanceMarkResponse, CheckinCodeResponse, SignupView } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { CheckinCodeResponseDto } from '../services/dto/service-views.dto.js';
import { AttendanceService } from './attendance.service.js';
import { AttendanceBoardDto, AttendanceMarkDto, AttendanceMarkResponseDto, AttendanceScanDto, AttendanceSignupDto } from './dto/attendance.dto.js';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller({ path: 'activities', version: '1' })
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @ApiOperation({ summary: '活动签到码（轮换）' })
  @Get(':id/code')
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: CheckinCodeResponseDto, description: 'The activity’s rotating code; communityName carries the activity’s title' })
  @ApiForbiddenResponse({ description: 'Not running this activity’s attendance' })
  code(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CheckinCodeResponse> {
    return this.attendance.code(user, id);
  }

  @ApiOperation({ summary: '扫码签到或签退活动' })
  @Post(':id/attendance/scan')
  @HttpCode(200)
  @Roles('member')
  @ApiOkResponse({ type: AttendanceSignupDto, description: 'The first scan records the arrival, a later one the departure' })
  @ApiBadRequestResponse({ description: 'CHECKIN_CODE_INVALID, CHECKIN_CODE_EXPIRED' })
  @ApiNotFoundResponse({ description: 'SIGNUP_NOT_FOUND' })
  @ApiConflictResponse({ description: 'ATTENDANCE_NOT_OPEN, ATTENDANCE_CODE_WRONG_ACTIVITY' })
  scan(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: AttendanceScanDto): Promise<SignupView> {
    return this.attendance.scan(user, id, body);
  }

  @ApiOperation({ summary: '按签到表登记到场' })
  @Post(':id/attendance/mark')
  @HttpCode(200)
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: AttendanceMarkResponseDto, description: 'Each sign-up marked attended or absent; hours go to the ledger' })
  @ApiForbiddenResponse({ description: 'Not running this activity’s attendance' })
  @ApiConflictResponse({ description: 'ATTENDANCE_NOT_OPEN; CONFLICT when a sign-up changed meanwhile' })
  mark(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: AttendanceMarkDto,
    @Ip() ip: string,
  ): Promise<AttendanceMarkResponse> {
    return this.attendance.mark(user, id, body, ip);
  }

  @ApiOperation({ summary: '活动到场情况' })
  @Get(':id/attendance')
  @Roles('organizer', 'worker')
  @ApiOkResponse({ type: AttendanceBoardDto, description: 'Expected, arrived, departed, and who has not arrived yet' })
  @ApiForbiddenResponse({ description: 'Not running this activity’s attendance' })
  board(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<AttendanceBoard> {
    return this.attendance.board(user, id);
  }
}
