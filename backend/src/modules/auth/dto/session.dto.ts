import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LogoutRequest, RefreshRequest, TokenResponse } from '@pioneer/shared-types';
import { IsOptional, IsString, Length } from 'class-validator';

export class TokenDto implements TokenResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'seconds until the access token expires' }) expiresIn: number;
  @ApiPropertyOptional({ description: 'rotating: each refresh returns a new one and retires this one' })
  refreshToken?: string;
  @ApiPropertyOptional({ description: 'seconds until the refresh token expires if unused' })
  refreshExpiresIn?: number;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString({ message: 'refreshToken 应为文字' })
  @Length(20, 200, { message: 'refreshToken 格式不正确' })
  refreshToken: string;
}

export class LogoutDto implements LogoutRequest {
  @ApiPropertyOptional({ description: 'the session to end; without it, every session of the signed-in person ends' })
  @IsOptional()
  @IsString({ message: 'refreshToken 应为文字' })
  @Length(1, 200, { message: 'refreshToken 格式不正确' })
  refreshToken?: string;
}
