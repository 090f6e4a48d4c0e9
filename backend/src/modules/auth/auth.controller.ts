import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiGatewayTimeoutResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { TokenResponse, WechatLoginResponse } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Public } from '../../common/auth/public.decorator.js';
import { AuthIpThrottle } from './auth-throttle.js';
import { AuthService } from './auth.service.js';
import { DemoLoginDto } from './dto/demo-login.dto.js';
import { LogoutDto, RefreshDto, TokenDto } from './dto/session.dto.js';
import { BindByInviteDto, BindByPhoneDto, WechatLoginDto, WechatLoginResponseDto } from './dto/wechat-login.dto.js';
import { SessionService } from './session.service.js';
import { WechatAuthService } from './wechat-auth.service.js';

const TOO_MANY = 'RATE_LIMITED: too many attempts from this IP or this WeChat account';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly service: AuthService,
    private readonly wechat: WechatAuthService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @ApiOperation({ summary: '演示模式登录（仅演示模式）' })
  @Post('demo')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenDto })
  @ApiNotFoundResponse({ description: 'Not in demo mode (DEMO_DISABLED)' })
  demo(@Body() body: DemoLoginDto, @Ip() ip: string): Promise<TokenResponse> {
    return this.service.demoLogin(body.role, ip);
  }

  @Public()
  @AuthIpThrottle()
  @ApiOperation({ summary: '微信登录' })
  @Post('wechat')
  @HttpCode(200)
  @ApiOkResponse({ type: WechatLoginResponseDto, description: 'signed_in with a session, or unbound with a bind ticket' })
  @ApiBadRequestResponse({ description: 'WECHAT_CODE_INVALID (invalid, expired or used code)' })
  @ApiForbiddenResponse({ description: 'MEMBER_INACTIVE, WECHAT_RISKY_USER' })
  @ApiTooManyRequestsResponse({ description: `${TOO_MANY}; WECHAT_RATE_LIMITED` })
  @ApiGatewayTimeoutResponse({ description: 'WECHAT_UPSTREAM_TIMEOUT' })
  wechatLogin(@Body() body: WechatLoginDto, @Ip() ip: string): Promise<WechatLoginResponse> {
    return this.wechat.login(body, ip);
  }

  @Public()
  @AuthIpThrottle()
  @ApiOperation({ summary: '用手机号授权绑定党员身份' })
  @Post('bind/phone')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenDto })
  @ApiBadRequestResponse({ description: 'BIND_TICKET_INVALID, WECHAT_CODE_INVALID' })
  @ApiNotFoundResponse({ description: 'BIND_PHONE_NOT_IN_ROSTER' })
  @ApiConflictResponse({ description: 'ALREADY_BOUND' })
  @ApiTooManyRequestsResponse({ description: TOO_MANY })
  bindByPhone(@Body() body: BindByPhoneDto, @Ip() ip: string): Promise<TokenResponse> {
    return this.wechat.bindByPhone(body, ip);
  }

  @Public()
  @AuthIpThrottle()
  @ApiOperation({ summary: '用邀请码绑定党员身份' })
  @Post('bind/invite')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenDto })
  @ApiBadRequestResponse({ description: 'BIND_TICKET_INVALID, BIND_INVITE_INVALID' })
  @ApiConflictResponse({ description: 'ALREADY_BOUND' })
  @ApiTooManyRequestsResponse({ description: TOO_MANY })
  bindByInvite(@Body() body: BindByInviteDto, @Ip() ip: string): Promise<TokenResponse> {
    return this.wechat.bindByInvite(body, ip);
  }

  @Public()
  @AuthIpThrottle()
  @ApiOperation({ summary: '刷新登录凭证' })
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenDto, description: 'a new pair; the presented refresh token is retired (presented again within the grace window, the same pair)' })
  @ApiUnauthorizedResponse({ description: 'REFRESH_TOKEN_INVALID, REFRESH_TOKEN_REUSED, SESSION_EXPIRED' })
  @ApiTooManyRequestsResponse({ description: TOO_MANY })
  refresh(@Body() body: RefreshDto, @Ip() ip: string): Promise<TokenResponse> {
    return this.sessions.refresh(body, ip);
  }

  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录' })
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the session of the given refresh token ended (every session, if none given)' })
  logout(@CurrentUser() user: AuthUser, @Body() body: LogoutDto, @Ip() ip: string): Promise<void> {
    return this.sessions.logout(user, body, ip);
  }
}
