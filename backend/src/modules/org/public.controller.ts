import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DistrictOverviewResponse } from '@pioneer/shared-types';
import { Public } from '../../common/auth/public.decorator.js';
import { DistrictOverviewDto } from './dto/district-overview.dto.js';
import { PublicService } from './public.service.js';

@ApiTags('public')
@Controller({ path: 'public', version: '1' })
export class PublicController {
  constructor(private readonly service: PublicService) {}

  @Public()
  @ApiOperation({ summary: '全区概况（访客可看）' })
  @Get('overview')
  @ApiOkResponse({ type: DistrictOverviewDto })
  overview(): Promise<DistrictOverviewResponse> {
    return this.service.overview();
  }
}
