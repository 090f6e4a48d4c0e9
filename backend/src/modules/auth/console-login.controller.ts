import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { ConsolePollResponse, ConsoleTicketResponse } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Public } from '../../common/auth/public.decorator.js';
import { AuthIpThrottle, PollIpThrottle } from './auth-throttle.js';
import { ConsoleLoginService } from './console-login.service.js';
import { ConsolePollDto, ConsolePollResponseDto, ConsoleScanDto, ConsoleTicketDto } from './dto/console-login.dto.js';

/** Web console (H5 on a desktop) sign-in by scanning a QR with the mini-program. */
@ApiTags('auth')
@Controller({ path: 'auth/console', version: '1' })
export class ConsoleLoginController {
  constructor(private readonly service: ConsoleLoginService) {}

  @Public()
  @AuthIpThrottle()
  @ApiOperation({ summary: '电脑端登录：生成二维码' })
  @Post('ticket')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsoleTicketDto })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED' })
  ticket(): Promise<ConsoleTicketResponse> {
    return this.service.createTicket();
  }

  @ApiBearerAuth()
  @AuthIpThrottle()
  @ApiOperation({ summary: '电脑端登录：手机扫码' })
  @Post('scan')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the browser now shows "scanned"' })
  @ApiBadRequestResponse({ description: 'CONSOLE_TICKET_INVALID' })
  @ApiGoneResponse({ description: 'CONSOLE_TICKET_EXPIRED' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: only workers, organizers and admins use the console' })
  scan(@CurrentUser() user: AuthUser, @Body() body: ConsoleScanDto): Promise<void> {
    return this.service.scan(user, body);
  }

  @ApiBearerAuth()
  @AuthIpThrottle()
  @ApiOperation({ summary: '电脑端登录：手机确认' })
  @Post('confirm')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the browser collects the session at its next poll' })
  @ApiBadRequestResponse({ description: 'CONSOLE_TICKET_INVALID' })
  @ApiGoneResponse({ description: 'CONSOLE_TICKET_EXPIRED' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: only workers, organizers and admins use the console' })
  confirm(@CurrentUser() user: AuthUser, @Body() body: ConsoleScanDto, @Ip() ip: string): Promise<void> {
    return this.service.confirm(user, body, ip);
  }

  @Public()
  @PollIpThrottle()
  @ApiOperation({ summary: '电脑端登录：查询是否已确认' })
  @Post('poll')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsolePollResponseDto, description: 'the session comes once, in the first answer after confirmation' })
  @ApiBadRequestResponse({ description: 'CONSOLE_TICKET_INVALID' })
  @ApiGoneResponse({ description: 'CONSOLE_TICKET_EXPIRED' })
  poll(@Body() body: ConsolePollDto): Promise<ConsolePollResponse> {
    return this.service.poll(body);
  }
}
