import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TokenResponse } from '@pioneer/shared-types';
import { Public } from '../../common/auth/public.decorator.js';
import { AuthService } from './auth.service.js';
import { DemoLoginDto, TokenDto } from './dto/demo-login.dto.js';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly service: AuthService) {}

  @Public()
  @Post('demo')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenDto })
  @ApiNotFoundResponse({ description: 'Not in demo mode (DEMO_DISABLED)' })
  demo(@Body() body: DemoLoginDto, @Ip() ip: string): Promise<TokenResponse> {
    return this.service.demoLogin(body.role, ip);
  }
}
