import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { JwtAuthGuard } from './modules/auth/jwt-auth.guard.js';
import { RolesGuard } from './common/auth/roles.guard.js';
import { ScopeModule } from './modules/org/scope.service.js';
import { CryptoModule } from './common/crypto/crypto.module.js';
import { markIdempotencyKeyCommitted } from './common/idempotency/idempotency-context.js';
import { IdempotencyModule } from './common/idempotency/idempotency.module.js';
import { loggerParams } from './common/logging/logger-params.js';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter.js';
import { createValidationPipe } from './common/errors/validation.pipe.js';
import { SharedCacheModule } from './common/shared-cache/shared-cache.module.js';
import type { AppConfig } from './config/configuration.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { STARTUP_MIGRATIONS } from './database/startup-migrations.js';
import { serializeSqliteConnection } from './database/serial-sqlite-transactions.js';
import { installTransactionRunner } from './database/transaction-runner.js';
import { ActivitiesModule } from './modules/activities/activities.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { RefreshTokenEntity } from './modules/auth/entities/refresh-token.entity.js';
import { MeModule } from './modules/me/me.module.js';
import { MessagesModule } from './modules/messages/messages.module.js';
import { MemberEntity } from './modules/org/entities/member.entity.js';
import { RoleAssignmentEntity } from './modules/org/entities/role-assignment.entity.js';
import { OrgModule } from './modules/org/org.module.js';
import { PostsModule } from './modules/posts/posts.module.js';
import { RegistrationsModule } from './modules/registrations/registrations.module.js';
import { RosterModule } from './modules/roster/roster.module.js';
import { ServicesModule } from './modules/services/services.module.js';
import { AttendanceModule } from './modules/attendance/attendance.module.js';
import { HoursModule } from './modules/hours/hours.module.js';
import { SignupsModule } from './modules/signups/signups.module.js';
import { SuggestionsModule } from './modules/suggestions/suggestions.module.js';
import { RemindersModule } from './modules/reminders/reminders.module.js';
import { HouseholdsModule } from './modules/households/households.module.js';
import { MattersModule } from './modules/matters/matters.module.js';
import { VisitsModule } from './modules/visits/visits.module.js';
import { ProblemsModule } from './modules/problems/problems.module.js';
import { WechatModule } from './wechat/wechat.module.js';

export interface AppModuleOptions {
  /** With its secrets settled (see startup-secrets.ts): jwtSecret, the check-in secret and the data key are all set. */
  config: AppConfig;
  /** Migrations applied while settling the secrets, for the start-up log. */
  migrated: string[];
  /** Shared counters when REDIS_URL is set; the throttler's in-memory storage otherwise. */
  throttlerStorage?: ThrottlerStorage;
  /** More modules beside the product's: the e2e tests mount probes of their own through this. */
  imports?: ModuleMetadata['imports'];
}

@Module({})
export class AppModule {
  static register({ config, migrated, throttlerStorage, imports = [] }: AppModuleOptions): DynamicModule {
    const { jwtSecret } = config.auth;
    const { dataKey } = config.security;
    if (!jwtSecret || !dataKey || !config.checkin.codeSecret) throw new Error('start-up secrets were not settled');
    const jwtKey = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        LoggerModule.forRoot(loggerParams(config.app)),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'global', ttl: 60_000, limit: config.app.rateLimitPerMinute }],
          storage: throttlerStorage,
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config.database),
          dataSourceFactory: async (options) =>
            installTransactionRunner(serializeSqliteConnection(await new DataSource(options!).initialize()), {
              beforeCommit: markIdempotencyKeyCommitted,
            }),
        }),
        TypeOrmModule.forFeature([MemberEntity, RoleAssignmentEntity, RefreshTokenEntity]),
        // Demo mode without a configured secret shares a generated one through the database (startup-secrets.ts).
        // A prepared secret key object: given a string, jsonwebtoken first tries to parse it as a public key on every
        // sign and verify, and that failed attempt cost about 8 % of CPU in the check-in benchmark.
        JwtModule.register({ global: true, secretOrKeyProvider: () => jwtKey }),
        CryptoModule.forKey(dataKey),
        SharedCacheModule,
        IdempotencyModule,
        AuditModule,
        ScopeModule,
        WechatModule,
        HealthModule,
        OrgModule,
        AuthModule,
        MeModule,
        SuggestionsModule,
        RosterModule,
        MessagesModule,
        RegistrationsModule,
        PostsModule,
        ServicesModule,
        AttendanceModule,
        HoursModule,
        ActivitiesModule,
        RemindersModule,
        VisitsModule,
        ProblemsModule,
        HouseholdsModule,
        MattersModule,
        SignupsModule,
        ...imports,
      ],
      providers: [
        { provide: STARTUP_MIGRATIONS, useValue: migrated },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
