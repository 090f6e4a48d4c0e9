import { ApiProperty } from '@nestjs/swagger';
import { type DemoLoginRequest, type Role, ROLES } from '@pioneer/shared-types';
import { IsIn } from 'class-validator';

export class DemoLoginDto implements DemoLoginRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: 'role 必须是 member、worker、organizer 或 admin 之一' })
  role: Role;
}
