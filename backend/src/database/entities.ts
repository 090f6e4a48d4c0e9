import { StartupSecretEntity } from './startup-secret.entity.js';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity.js';
import { SharedCacheEntity } from '../common/shared-cache/shared-cache.entity.js';
import { AuditLogEntity } from '../modules/audit/audit-log.entity.js';
import { AuthRateCounterEntity } from '../modules/auth/entities/auth-rate-counter.entity.js';
import { ConsoleTicketEntity } from '../modules/auth/entities/console-ticket.entity.js';
import { InviteCodeEntity } from '../modules/auth/entities/invite-code.entity.js';
import { RefreshTokenEntity } from '../modules/auth/entities/refresh-token.entity.js';
import { BranchEntity } from '../modules/org/entities/branch.entity.js';
import { CommunityEntity } from '../modules/org/entities/community.entity.js';
import { MessageEntity } from '../modules/messages/entities/message.entity.js';
import { SubscribeAcceptanceEntity } from '../modules/messages/entities/subscribe-acceptance.entity.js';
import { MemberEntity } from '../modules/org/entities/member.entity.js';
import { MemberStatusChangeEntity } from '../modules/org/entities/member-status-change.entity.js';
import { MemberTransferEntity } from '../modules/org/entities/member-transfer.entity.js';
import { RoleAssignmentEntity } from '../modules/org/entities/role-assignment.entity.js';
import { ModelPostHolderEntity } from '../modules/posts/entities/model-post-holder.entity.js';
import { ModelPostEntity } from '../modules/posts/entities/model-post.entity.js';
import { RegistrationEntity } from '../modules/registrations/entities/registration.entity.js';
import { StreetEntity } from '../modules/org/entities/street.entity.js';
import { UnitEntity } from '../modules/org/entities/unit.entity.js';
import { RosterImportEntity } from '../modules/roster/entities/roster-import.entity.js';
import { CheckinCodeUseEntity } from '../modules/services/entities/checkin-code-use.entity.js';
import { ServiceRecordFlagEntity } from '../modules/services/entities/service-record-flag.entity.js';
import { ServiceRecordEntity } from '../modules/services/entities/service-record.entity.js';
import { SuggestionEntity } from '../modules/suggestions/entities/suggestion.entity.js';
import { ActivityEligibilityEntity } from '../modules/activities/entities/activity-eligibility.entity.js';
import { ActivityEntity } from '../modules/activities/entities/activity.entity.js';
import { ActivityThemeEntity } from '../modules/activities/entities/activity-theme.entity.js';
import { ReminderDeliveryEntity } from '../modules/activities/entities/reminder-delivery.entity.js';
import { SignupEntity } from '../modules/activities/entities/signup.entity.js';
import { CertificateEntity } from '../modules/hours/entities/certificate.entity.js';
import { HoursLedgerEntity } from '../modules/hours/entities/hours-ledger.entity.js';
import { VisitEntity } from '../modules/visits/entities/visit.entity.js';
import { CalendarDayEntity } from '../modules/problems/entities/calendar-day.entity.js';
import { ProblemEventEntity } from '../modules/problems/entities/problem-event.entity.js';
import { ProblemEntity } from '../modules/problems/entities/problem.entity.js';
import { HouseholdEntity } from '../modules/households/entities/household.entity.js';
import { PairingEntity } from '../modules/households/entities/pairing.entity.js';
import { MatterLinkEntity } from '../modules/matters/entities/matter-link.entity.js';
import { MatterEntity } from '../modules/matters/entities/matter.entity.js';

export const ENTITIES = [
  StartupSecretEntity,
  StreetEntity,
  CommunityEntity,
  UnitEntity,
  BranchEntity,
  MemberEntity,
  RoleAssignmentEntity,
  MemberTransferEntity,
  MemberStatusChangeEntity,
  AuditLogEntity,
  SharedCacheEntity,
  IdempotencyKeyEntity,
  RefreshTokenEntity,
  InviteCodeEntity,
  ConsoleTicketEntity,
  AuthRateCounterEntity,
  SuggestionEntity,
  RosterImportEntity,
  RegistrationEntity,
  MessageEntity,
  SubscribeAcceptanceEntity,
  ModelPostEntity,
  ModelPostHolderEntity,
  ServiceRecordEntity,
  ActivityThemeEntity,
  ActivityEntity,
  ActivityEligibilityEntity,
  SignupEntity,
  ReminderDeliveryEntity,
  HoursLedgerEntity,
  CertificateEntity,
  VisitEntity,
  ProblemEntity,
  ProblemEventEntity,
  CalendarDayEntity,
  HouseholdEntity,
  PairingEntity,
  MatterEntity,
  MatterLinkEntity,
  ServiceRecordFlagEntity,
  CheckinCodeUseEntity,
];
