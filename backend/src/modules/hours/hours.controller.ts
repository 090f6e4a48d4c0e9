import { Body, Controller, Get, Ip, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CertificateVerification, CertificateView, HoursLedgerEntryView, HoursLedgerPage, Page } from '@pioneer/shared-types';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/current-user.decorator.js';
import { Public } from '../../common/auth/public.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { PageQueryDto } from '../../common/http/page-query.dto.js';
import { CertificatesService } from './certificates.service.js';
import {
  CertificatePageDto,
  CertificateRequestDto,
  CertificateVerificationDto,
  CertificateViewDto,
  HoursCorrectionDto,
  HoursLedgerEntryDto,
  HoursLedgerPageDto,
  LedgerQueryDto,
} from './dto/hours.dto.js';
import { HoursService } from './hours.service.js';

@ApiTags('hours')
@ApiBearerAuth()
@Controller({ path: 'me', version: '1' })
export class MyHoursController {
  constructor(
    private readonly hours: HoursService,
    private readonly certificates: CertificatesService,
  ) {}

  @ApiOperation({ summary: '我的服务时长台账' })
  @Get('hours/ledger')
  @Roles('member')
  @ApiOkResponse({ type: HoursLedgerPageDto, description: 'Ledger lines of a year, the year’s total and every year’s total' })
  ledger(@CurrentUser() user: AuthUser, @Query() query: LedgerQueryDto): Promise<HoursLedgerPage> {
    return this.hours.myLedger(user, query);
  }

  @ApiOperation({ summary: '开具报到服务证明' })
  @Post('certificates')
  @Roles('member')
  @ApiCreatedResponse({ type: CertificateViewDto, description: 'The ledger of the period, frozen under a serial anyone can verify' })
  issue(@CurrentUser() user: AuthUser, @Body() body: CertificateRequestDto): Promise<CertificateView> {
    return this.certificates.issue(user, body);
  }

  @ApiOperation({ summary: '我开具的服务证明' })
  @Get('certificates')
  @Roles('member')
  @ApiOkResponse({ type: CertificatePageDto, description: 'The caller’s certificates, newest first' })
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<Page<CertificateView>> {
    return this.certificates.mine(user, query);
  }
}

@ApiTags('hours')
@ApiBearerAuth()
@Controller({ path: 'hours', version: '1' })
export class HoursCorrectionsController {
  constructor(private readonly hours: HoursService) {}

  @ApiOperation({ summary: '更正党员服务时长' })
  @Post('corrections')
  @Roles('organizer')
  @ApiCreatedResponse({ type: HoursLedgerEntryDto, description: 'A correction line (signed hours, reason), audited' })
  @ApiForbiddenResponse({ description: 'The member is not in the organizer’s scope' })
  correct(@CurrentUser() user: AuthUser, @Body() body: HoursCorrectionDto, @Ip() ip: string): Promise<HoursLedgerEntryView> {
    return this.hours.correct(user, body, ip);
  }
}

@ApiTags('public')
@Controller({ path: 'public', version: '1' })
export class PublicCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Public()
  @ApiOperation({ summary: '核验服务证明（访客可用）' })
  @Get('certificates/:serial')
  @ApiOkResponse({ type: CertificateVerificationDto, description: 'What the certificate states, the name masked' })
  @ApiNotFoundResponse({ description: 'No certificate has this serial' })
  verify(@Param('serial') serial: string): Promise<CertificateVerification> {
    return this.certificates.verify(serial);
  }
}
