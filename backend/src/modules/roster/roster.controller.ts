import { Controller, Get, Header, HttpCode, Ip, Post, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { RosterImportReport } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { RosterImportReportDto } from './dto/roster-import-report.dto.js';
import { RosterExportQueryDto, RosterImportQueryDto } from './dto/roster-query.dto.js';
import { XLSX_TYPE } from './file/roster-export.js';
import { RosterService } from './roster.service.js';
import { RosterUpload, RosterUploadInterceptor, UploadedRoster } from './upload/roster-upload.js';

@ApiTags('roster')
@ApiBearerAuth()
@Roles('organizer')
@ApiForbiddenResponse({ description: 'Not an organizer (FORBIDDEN)' })
@Controller({ path: 'roster', version: '1' })
export class RosterController {
  constructor(private readonly service: RosterService) {}

  @ApiOperation({ summary: '导入党员名册' })
  @Post('import')
  @HttpCode(200)
  @UseInterceptors(RosterUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'xlsx or csv, at most 5 MB and 5000 rows' },
        confirmTransfers: { type: 'string', description: 'commit only: row numbers of confirmed transfers, "3,5" or "[3,5]"' },
      },
    },
  })
  @ApiOkResponse({ type: RosterImportReportDto })
  @ApiBadRequestResponse({ description: 'ROSTER_FILE_INVALID, ROSTER_XLSX_ENCRYPTED, ROSTER_XLSX_CORRUPT or VALIDATION_FAILED' })
  @ApiPayloadTooLargeResponse({ description: 'ROSTER_TOO_LARGE (file or rows) or ROSTER_XLSX_TOO_LARGE (inflates past 50 MB)' })
  import(
    @CurrentUser() user: AuthUser,
    @Query() query: RosterImportQueryDto,
    @UploadedRoster() upload: RosterUpload,
    @Ip() ip: string,
  ): Promise<RosterImportReport> {
    return this.service.import(user, query.mode, upload, ip);
  }

  @ApiOperation({ summary: '导出党员名册' })
  @Get('export')
  @Header('Cache-Control', 'no-store')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'The roster as xlsx, member id first', schema: { type: 'string', format: 'binary' } })
  export(@CurrentUser() user: AuthUser, @Query() query: RosterExportQueryDto, @Ip() ip: string): Promise<StreamableFile> {
    return this.service.export(user, query, ip);
  }
}
