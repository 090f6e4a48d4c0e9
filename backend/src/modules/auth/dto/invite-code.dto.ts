import { ApiProperty } from '@nestjs/swagger';
import type { InviteCodeResponse } from '@pioneer/shared-types';
import { IsUUID } from 'class-validator';

export class MemberIdParamDto {
  @ApiProperty({ format: 'uuid', description: '党员编号' })
  @IsUUID('all', { message: '党员编号格式不正确' })
  id: string;
}

export class InviteCodeDto implements InviteCodeResponse {
  @ApiProperty({ description: 'shown once; single use' }) inviteCode: string;
  @ApiProperty({ description: 'seconds until it expires' }) expiresIn: number;
}
