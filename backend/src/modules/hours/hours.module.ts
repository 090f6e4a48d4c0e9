import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityEntity } from '../activities/entities/activity.entity.js';
import { CommunityEntity } from '../org/entities/community.entity.js';
import { MemberEntity } from '../org/entities/member.entity.js';
import { UnitEntity } from '../org/entities/unit.entity.js';
import { ServiceRecordEntity } from '../services/entities/service-record.entity.js';
import { ServicesModule } from '../services/services.module.js';
import { CertificatesService } from './certificates.service.js';
import { CertificateEntity } from './entities/certificate.entity.js';
import { HoursLedgerEntity } from './entities/hours-ledger.entity.js';
import { HoursCorrectionsController, MyHoursController, PublicCertificatesController } from './hours.controller.js';
import { HoursService } from './hours.service.js';

/** 服务时长: the member's ledger, organizers' corrections, and certificates with their public verification. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      HoursLedgerEntity,
      CertificateEntity,
      ActivityEntity,
      ServiceRecordEntity,
      CommunityEntity,
      MemberEntity,
      UnitEntity,
    ]),
    ServicesModule,
  ],
  controllers: [MyHoursController, HoursCorrectionsController, PublicCertificatesController],
  providers: [HoursService, CertificatesService],
})
export class HoursModule {}
