import { InitialSchema1764000000000 } from './1764000000000-initial-schema.js';
import { IdempotencyKeys1764000090000 } from './1764000090000-idempotency-keys.js';
import { OrgMoves1764000110000 } from './1764000110000-org-moves.js';
import { AuthSessions1764000300000 } from './1764000300000-auth-sessions.js';
import { RosterImports1764000400000 } from './1764000400000-roster-imports.js';
import { Suggestions1764500000000 } from './1764500000000-suggestions.js';
import { Registrations1764610000000 } from './1764610000000-registrations.js';
import { Messages1764620000000 } from './1764620000000-messages.js';
import { DemoPosts1764630000000 } from './1764630000000-demo-posts.js';
import { ServiceRecords1764700000000 } from './1764700000000-service-records.js';
import { CheckinFlatIndexes1764710000000 } from './1764710000000-checkin-flat-indexes.js';
import { StartupSecrets1764800000000 } from './1764800000000-startup-secrets.js';
import { RefreshGrace1764806000000 } from './1764806000000-refresh-grace.js';
import { ModelPosts1764810000000 } from './1764810000000-model-posts.js';
import { MessageTitles1764813700000 } from './1764813700000-message-titles.js';
import { ServiceQueueDayIndex1764815300000 } from './1764815300000-service-queue-day-index.js';
import { HoursResubmission1764823000000 } from './1764823000000-hours-resubmission.js';
import { Activities1764900000000 } from './1764900000000-activities.js';
import { PushLog1764900100000 } from './1764900100000-push-log.js';
import { Problems1765000000000 } from './1765000000000-problems.js';
import { HouseholdsMatters1765000100000 } from './1765000100000-households-matters.js';

/** Listed explicitly (no glob) so the compiled app and the test runner load exactly the same set, in order. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  IdempotencyKeys1764000090000,
  OrgMoves1764000110000,
  AuthSessions1764000300000,
  RosterImports1764000400000,
  Suggestions1764500000000,
  Registrations1764610000000,
  Messages1764620000000,
  DemoPosts1764630000000,
  ServiceRecords1764700000000,
  CheckinFlatIndexes1764710000000,
  StartupSecrets1764800000000,
  RefreshGrace1764806000000,
  ModelPosts1764810000000,
  MessageTitles1764813700000,
  ServiceQueueDayIndex1764815300000,
  HoursResubmission1764823000000,
  Activities1764900000000,
  PushLog1764900100000,
  Problems1765000000000,
  HouseholdsMatters1765000100000,
];
