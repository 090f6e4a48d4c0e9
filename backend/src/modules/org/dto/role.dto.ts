import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role, type RoleAssignmentInput, SCOPE_KINDS, type ScopeKind } from '@pioneer/shared-types';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class RoleAssignmentInputDto implements RoleAssignmentInput {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: '角色须为 党员、社区工作者、组织者 或 管理员' })
  role: Role;

  @ApiProperty({
    enum: SCOPE_KINDS,
    description: 'member → self; worker → community | street; organizer → branch | unit | district; admin → system',
  })
  @IsIn(SCOPE_KINDS, { message: '角色范围不在允许的取值内' })
  scopeKind: ScopeKind;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The community, street, branch or unit id' })
  @IsOptional()
  @MaxLength(36, { message: '所选范围不存在' })
  @IsString({ message: '范围编号应为文字' })
  scopeId?: string | null;
}
