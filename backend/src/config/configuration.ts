import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { MESSAGE_KINDS, type MessageKind } from '@pioneer/shared-types';
import { ConfigError } from './config-error.js';
import { type Env, readBool, readEnum, readInt, readList, readString } from './env-readers.js';
import { repoRoot } from './repo-root.js';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface AppSection {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Demo mode: seed data, demo login, the fake WeChat server, generated secrets. Only when DEMO_MODE=true; never in production. */
  demo: boolean;
  /** Fastify's trustProxy: false (the socket address is the client), a hop count, or the proxies' addresses/CIDRs. */
  trustProxy: TrustProxy;
  apiDocs: boolean;
  corsOrigins: string[];
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Where the JSON log lines go (appended); standard output when unset. */
  logFile: string | undefined;
  /** The built H5 app served at `/`, when the folder exists. */
  h5Dir: string;
  districtName: string;
}

export type TrustProxy = false | number | string[];

/** When set, the throttler's counters (the global limit and the per-IP sign-in limits) live in Redis, shared by every instance. */
export interface RedisSection {
  url: string;
  keyPrefix: string;
}

export type DatabaseSection =
  | { type: 'sqlite'; path: string }
  | { type: 'mysql'; url: string; host: string; port: number; database: string };

export interface ReviewerAccount {
  memberId: string;
  inviteCode: string;
}

export interface AuthSection {
  /** Undefined only in demo mode, where start-up generates one and keeps it in the database (see startup-secrets.ts). */
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  /** A refresh token unused for longer than this ends the session. */
  sessionIdleTimeoutSeconds: number;
  /** No session outlives this, counted from its sign-in, however often it is refreshed. */
  sessionAbsoluteTtlSeconds: number;
  /** A refresh token presented again this soon after its rotation gets the same new pair (0: never). */
  refreshReuseGraceSeconds: number;
  consoleTicketTtlSeconds: number;
  /** Per client IP and route, on the sign-in, bind, refresh and console routes. */
  rateLimitPerMinute: number;
  /** The console page polls every few seconds, so its route gets its own, larger allowance. */
  pollRateLimitPerMinute: number;
  /** Per WeChat account (openid), counted in the database so every instance shares the count. */
  loginAttemptsPerOpenid: number;
  bindAttemptsPerOpenid: number;
  openidRateWindowSeconds: number;
  /** WeChat's release reviewers sign in as this member with its name and this code, from any WeChat account. */
  reviewer: ReviewerAccount | undefined;
}

export interface SecuritySection {
  /** 32-byte key for AES-256-GCM of personal information; undefined only in demo mode (generated, kept in the database). */
  dataKey: Buffer | undefined;
}

export interface WechatSection {
  appId: string;
  appSecret: string;
  /** Base URL of WeChat's server API; in demo mode, left unset to use the local fake. */
  apiBase: string | undefined;
  timeoutMs: number;
  /** Subscribe-message template id per message kind (WECHAT_SUBSCRIBE_TEMPLATES=kind:templateId,…); none by default. */
  subscribeTemplates?: Partial<Record<MessageKind, string>>;
}

export interface CheckinSection {
  /** Key of the rotating check-in code's HMAC; empty only in demo mode until start-up fills in the generated one. */
  codeSecret: string;
  /** A code is current for one slot; the previous slot is still accepted. */
  slotSeconds: number;
  /** A member's credited plus proposed hours for one calendar day (Asia/Shanghai) never exceed this. */
  maxHoursPerDay: number;
  /** An open record older than this is closed without hours and flagged never_closed. */
  autoCloseHours: number;
  /** Two starts further apart than this speed allows are flagged impossible_travel. */
  impossibleTravelKmh: number;
  /** How old a time claimed by a phone that was offline may be; beyond it a worker records the visit instead. */
  offlineMaxHours: number;
  /** How long the worker who decided a record may undo it (back to pending); afterwards only a correction with a reason. */
  undoMinutes: number;
}

export interface ActivitiesSection {
  /** Share of the planned duration a person must be present for their hours to be credited (0.6 = 60 %). */
  presencePercent: number;
  /** How long before an activity starts the "starts soon" reminder goes out. */
  reminderLeadMinutes: number;
  /** How often each instance's scheduler looks for reminders to send and activities to finish. */
  schedulerSeconds: number;
}

export interface AppConfig {
  app: AppSection;
  database: DatabaseSection;
  auth: AuthSection;
  security: SecuritySection;
  wechat: WechatSection;
  checkin: CheckinSection;
  activities: ActivitiesSection;
  redis: RedisSection | undefined;
}

export const DEFAULT_SQLITE = 'sqlite:data/pioneer.sqlite';
const NO_DEMO_SECRET = 'is required unless DEMO_MODE=true (only demo mode generates secrets)';

export function parseDatabaseUrl(raw: string, root: string): DatabaseSection {
  const expectation =
    'must be sqlite:<path> (for example sqlite:data/pioneer.sqlite) or mysql://user:password@host:port/database';
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length);
    if (!path) throw new ConfigError('DATABASE_URL', `${expectation} (the sqlite path is empty)`);
    if (path === ':memory:') return { type: 'sqlite', path };
    return { type: 'sqlite', path: isAbsolute(path) ? path : resolve(root, path) };
  }
  if (raw.startsWith('mysql://') || raw.startsWith('mariadb://')) {
    let url: URL;
    try {
      url = new URL(raw.replace(/^mariadb:/, 'mysql:'));
    } catch {
      throw new ConfigError('DATABASE_URL', `${expectation} (could not parse "${redactUrl(raw)}")`);
    }
    const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (!url.hostname) throw new ConfigError('DATABASE_URL', `${expectation} (the host is missing)`);
    if (!/^[A-Za-z0-9_$-]{1,64}$/.test(database)) {
      throw new ConfigError('DATABASE_URL', `${expectation} (the database name is missing or invalid)`);
    }
    return {
      type: 'mysql',
      url: url.toString(),
      host: url.hostname,
      port: url.port ? Number(url.port) : 3306,
      database,
    };
  }
  throw new ConfigError('DATABASE_URL', `${expectation} (got "${redactUrl(raw)}")`);
}

/** Passwords never reach a log line, even in an error about the URL that holds them. */
export function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

function parseSubscribeTemplates(entries: string[]): Partial<Record<MessageKind, string>> {
  const map: Partial<Record<MessageKind, string>> = {};
  for (const entry of entries) {
    const [kind, templateId] = entry.split(':').map((s) => s.trim());
    if (!kind || !templateId || !(MESSAGE_KINDS as readonly string[]).includes(kind) || !/^[\w-]{1,64}$/.test(templateId)) {
      throw new ConfigError('WECHAT_SUBSCRIBE_TEMPLATES', `must be kind:templateId pairs separated by commas (got "${entry}")`);
    }
    map[kind as MessageKind] = templateId;
  }
  return map;
}

/** Only proxies the operator names are believed about the client's address; a spoofed X-Forwarded-For is ignored. */
function parseTrustProxy(raw: string | undefined): TrustProxy {
  const expectation = 'must be false, a hop count (1–10) or a comma-separated list of proxy IPs/CIDRs';
  if (raw === undefined || /^(false|0|no)$/i.test(raw)) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > 10) throw new ConfigError('TRUST_PROXY', `${expectation} (got ${hops})`);
    return hops;
  }
  const entries = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxPrefix = family === 6 ? 128 : 32;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !prefixOk || extra !== undefined) throw new ConfigError('TRUST_PROXY', `${expectation} (got "${entry}")`);
  }
  return entries;
}

function parseRedis(env: Env): RedisSection | undefined {
  const url = readString(env, 'REDIS_URL');
  if (url === undefined) return undefined;
  if (!/^rediss?:\/\/[^\s]+$/.test(url)) {
    throw new ConfigError('REDIS_URL', `must be a redis:// or rediss:// URL (got "${redactUrl(url)}")`);
  }
  const keyPrefix = readString(env, 'REDIS_KEY_PREFIX', 'pioneer:')!;
  if (!/^[\w:.-]{1,64}$/.test(keyPrefix)) {
    throw new ConfigError('REDIS_KEY_PREFIX', 'must be 1–64 letters, digits or : . _ -');
  }
  return { url, keyPrefix };
}

function parseDataKey(raw: string | undefined): Buffer | undefined {
  if (raw === undefined) return undefined;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    throw new ConfigError('DATA_ENCRYPTION_KEY', 'must be 32 bytes, written as 64 hex characters or base64');
  }
  return key;
}

/**
 * Reads and validates the whole environment at once. A bad value throws a ConfigError naming the variable;
 * production refuses demo shortcuts and insists on real secrets and MySQL.
 */
export function loadConfiguration(env: Env = process.env): AppConfig {
  const root = repoRoot();
  const nodeEnv = readEnum(env, 'NODE_ENV', NODE_ENVS, 'development');
  const production = nodeEnv === 'production';

  // Off unless asked for: an unconfigured process must never hand out the demo's sessions (npm start asks for it).
  const demo = readBool(env, 'DEMO_MODE', false);
  if (production && demo) throw new ConfigError('DEMO_MODE', 'cannot be true when NODE_ENV=production');

  const database = parseDatabaseUrl(readString(env, 'DATABASE_URL', DEFAULT_SQLITE)!, root);
  if (production && database.type !== 'mysql') {
    throw new ConfigError(
      'DATABASE_URL',
      'must be a mysql:// URL when NODE_ENV=production (the embedded SQLite file is for demo and tests only)',
    );
  }

  const jwtSecret = readString(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  if (production && !jwtSecret) throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  if (!demo && !jwtSecret) throw new ConfigError('JWT_SECRET', NO_DEMO_SECRET);

  const dataKey = parseDataKey(readString(env, 'DATA_ENCRYPTION_KEY'));
  if (production && !dataKey) {
    throw new ConfigError('DATA_ENCRYPTION_KEY', 'is required when NODE_ENV=production (32 bytes, hex or base64)');
  }

  const appId = readString(env, 'WECHAT_APP_ID');
  const appSecret = readString(env, 'WECHAT_APP_SECRET');
  if (production && !appId) throw new ConfigError('WECHAT_APP_ID', 'is required when NODE_ENV=production');
  if (production && !appSecret) throw new ConfigError('WECHAT_APP_SECRET', 'is required when NODE_ENV=production');
  const apiBase = readString(env, 'WECHAT_API_BASE', production ? 'https://api.weixin.qq.com' : undefined);
  if (apiBase !== undefined && !/^https?:\/\/[^\s]+$/.test(apiBase)) {
    throw new ConfigError('WECHAT_API_BASE', `must be an http(s) URL (got "${apiBase}")`);
  }

  const reviewerMemberId = readString(env, 'REVIEWER_MEMBER_ID');
  const reviewerInviteCode = readString(env, 'REVIEWER_INVITE_CODE');
  if ((reviewerMemberId === undefined) !== (reviewerInviteCode === undefined)) {
    const missing = reviewerMemberId === undefined ? 'REVIEWER_MEMBER_ID' : 'REVIEWER_INVITE_CODE';
    throw new ConfigError(missing, 'must be set together with the other REVIEWER_* variable (or neither)');
  }
  if (reviewerInviteCode !== undefined && !/^[A-Za-z0-9]{8,64}$/.test(reviewerInviteCode)) {
    throw new ConfigError('REVIEWER_INVITE_CODE', 'must be 8–64 letters or digits');
  }

  const checkinSecret = readString(env, 'CHECKIN_CODE_SECRET');
  if (checkinSecret !== undefined && checkinSecret.length < 32) {
    throw new ConfigError('CHECKIN_CODE_SECRET', 'must be at least 32 characters long');
  }
  if (production && !checkinSecret) throw new ConfigError('CHECKIN_CODE_SECRET', 'is required when NODE_ENV=production');
  if (!demo && !checkinSecret) throw new ConfigError('CHECKIN_CODE_SECRET', NO_DEMO_SECRET);
  if (!demo && !dataKey) throw new ConfigError('DATA_ENCRYPTION_KEY', `${NO_DEMO_SECRET} (32 bytes, hex or base64)`);

  const port = readInt(env, 'PORT', 3000, 0, 65535);
  const h5Raw = readString(env, 'H5_DIR', 'miniapp/dist/h5')!;
  const logFile = readString(env, 'LOG_FILE');
  return {
    app: {
      nodeEnv,
      host: readString(env, 'HOST', production ? '0.0.0.0' : '127.0.0.1')!,
      port,
      demo,
      trustProxy: parseTrustProxy(readString(env, 'TRUST_PROXY')),
      apiDocs: readBool(env, 'API_DOCS', !production),
      corsOrigins: readList(env, 'CORS_ORIGINS', production ? [] : [`http://127.0.0.1:${port}`, `http://localhost:${port}`]),
      bodyLimitBytes: readInt(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 50 * 1024 * 1024),
      rateLimitPerMinute: readInt(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
      logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
      logFile: logFile === undefined ? undefined : isAbsolute(logFile) ? logFile : resolve(root, logFile),
      h5Dir: isAbsolute(h5Raw) ? h5Raw : resolve(root, h5Raw),
      districtName: readString(env, 'DISTRICT_NAME', '示范区')!,
    },
    database,
    auth: {
      jwtSecret,
      accessTokenTtlSeconds: readInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 60, 24 * 3600),
      sessionIdleTimeoutSeconds: readInt(env, 'SESSION_IDLE_TIMEOUT_SECONDS', 7 * 24 * 3600, 1, 365 * 24 * 3600),
      sessionAbsoluteTtlSeconds: readInt(env, 'SESSION_ABSOLUTE_TTL_SECONDS', 30 * 24 * 3600, 1, 365 * 24 * 3600),
      refreshReuseGraceSeconds: readInt(env, 'REFRESH_REUSE_GRACE_SECONDS', 30, 0, 300),
      consoleTicketTtlSeconds: readInt(env, 'CONSOLE_TICKET_TTL_SECONDS', 120, 1, 600),
      rateLimitPerMinute: readInt(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 20, 1, 1_000_000),
      pollRateLimitPerMinute: readInt(env, 'AUTH_POLL_RATE_LIMIT_PER_MINUTE', 90, 1, 1_000_000),
      loginAttemptsPerOpenid: readInt(env, 'LOGIN_ATTEMPTS_PER_OPENID', 30, 1, 1_000_000),
      bindAttemptsPerOpenid: readInt(env, 'BIND_ATTEMPTS_PER_OPENID', 10, 1, 1_000_000),
      openidRateWindowSeconds: readInt(env, 'OPENID_RATE_WINDOW_SECONDS', 600, 1, 24 * 3600),
      reviewer:
        reviewerMemberId !== undefined && reviewerInviteCode !== undefined
          ? { memberId: reviewerMemberId, inviteCode: reviewerInviteCode }
          : undefined,
    },
    security: { dataKey },
    wechat: {
      appId: appId ?? 'wx-demo-appid',
      appSecret: appSecret ?? 'demo-secret',
      apiBase,
      timeoutMs: readInt(env, 'WECHAT_TIMEOUT_MS', 5000, 100, 60_000),
      subscribeTemplates: parseSubscribeTemplates(readList(env, 'WECHAT_SUBSCRIBE_TEMPLATES', [])),
    },
    checkin: {
      codeSecret: checkinSecret ?? '',
      slotSeconds: readInt(env, 'CHECKIN_SLOT_SECONDS', 15, 5, 300),
      maxHoursPerDay: readInt(env, 'CHECKIN_MAX_HOURS_PER_DAY', 8, 1, 24),
      autoCloseHours: readInt(env, 'CHECKIN_AUTO_CLOSE_HOURS', 12, 1, 72),
      impossibleTravelKmh: readInt(env, 'CHECKIN_IMPOSSIBLE_TRAVEL_KMH', 120, 5, 1000),
      offlineMaxHours: readInt(env, 'CHECKIN_OFFLINE_MAX_HOURS', 4, 1, 24),
      undoMinutes: readInt(env, 'SERVICE_UNDO_MINUTES', 10, 1, 120),
    },
    activities: {
      presencePercent: readInt(env, 'ACTIVITY_PRESENCE_PERCENT', 60, 1, 100),
      reminderLeadMinutes: readInt(env, 'ACTIVITY_REMINDER_LEAD_MINUTES', 120, 5, 7 * 24 * 60),
      schedulerSeconds: readInt(env, 'ACTIVITY_SCHEDULER_SECONDS', 60, 1, 3600),
    },
    redis: parseRedis(env),
  };
}
