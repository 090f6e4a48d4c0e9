import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditLogView, Page } from '@pioneer/shared-types';
import { Roles } from '../../common/auth/roles.decorator.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditLogPageDto, AuditLogQueryDto } from './dto/audit-log.dto.js';

/** Read-only by design: the audit log has no update or delete route. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller({ path: 'admin/audit-logs', version: '1' })
export class AuditController {
  constructor(private readonly service: AuditQueryService) {}

  @ApiOperation({ summary: '审计日志（管理员）' })
  @Get()
  @ApiOkResponse({ type: AuditLogPageDto, description: 'Newest first; filter by action, actor or target' })
  list(@Query() query: AuditLogQueryDto): Promise<Page<AuditLogView>> {
    return this.service.list(query);
  }
}
