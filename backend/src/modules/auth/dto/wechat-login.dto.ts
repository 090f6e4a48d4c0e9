import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BindByInviteRequest, BindByPhoneRequest, WechatLoginRequest } from '@pioneer/shared-types';
import { IsNotEmpty, IsString, Length, MaxLength } from 'class-validator';
import { TokenDto } from './session.dto.js';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'the code from Taro.login / wx.login (valid once, 5 minutes)' })
  @IsString({ message: 'code 应为文字' })
  @IsNotEmpty({ message: '缺少微信登录凭证 code' })
  @MaxLength(256, { message: 'code 格式不正确' })
  code: string;
}

/** Swagger's view of WechatLoginResponse (a union, which a class cannot implement). */
export class WechatLoginResponseDto {
  @ApiProperty({ enum: ['signed_in', 'unbound'] }) status: 'signed_in' | 'unbound';
  @ApiPropertyOptional({ type: TokenDto }) session?: TokenDto;
  @ApiPropertyOptional({ description: 'proves this WeChat account to the bind step; the openid never leaves the server' })
  bindTicket?: string;
  @ApiPropertyOptional() bindTicketExpiresIn?: number;
}

export class BindByPhoneDto implements BindByPhoneRequest {
  @ApiProperty()
  @IsString({ message: 'bindTicket 应为文字' })
  @Length(20, 200, { message: '绑定凭证格式不正确，请重新进入小程序' })
  bindTicket: string;

  @ApiProperty({ description: 'the one-time code from the getPhoneNumber button' })
  @IsString({ message: 'phoneCode 应为文字' })
  @IsNotEmpty({ message: '缺少手机号授权凭证 phoneCode' })
  @MaxLength(256, { message: 'phoneCode 格式不正确' })
  phoneCode: string;
}

export class BindByInviteDto implements BindByInviteRequest {
  @ApiProperty()
  @IsString({ message: 'bindTicket 应为文字' })
  @Length(20, 200, { message: '绑定凭证格式不正确，请重新进入小程序' })
  bindTicket: string;

  @ApiProperty({ description: 'the name as written in the roster' })
  @IsString({ message: '姓名应为文字' })
  @Length(1, 50, { message: '请填写花名册中的姓名（不超过 50 个字）' })
  name: string;

  @ApiProperty({ description: 'the code the organizer gave (case and spaces do not matter)' })
  @IsString({ message: '邀请码应为文字' })
  @Length(4, 80, { message: '邀请码格式不正确' })
  inviteCode: string;
}
