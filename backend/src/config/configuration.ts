import { isAbsolute, resolve } from 'node:path';
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
  /** Demo mode: seed data, demo login, the fake WeChat server. Never in production. */
  demo: boolean;
  apiDocs: boolean;
  corsOrigins: string[];
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  logLevel: (typeof LOG_LEVELS)[number];
  /** The built H5 app served at `/`, when the folder exists. */
  h5Dir: string;
  districtName: string;
}

export type DatabaseSection =
  | { type: 'sqlite'; path: string }
  | { type: 'mysql'; url: string; host: string; port: number; database: string };

export interface AuthSection {
  /** Undefined only in demo/test, where a random per-process secret is generated. */
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
}

export interface SecuritySection {
  /** 32-byte key for AES-256-GCM of personal information; undefined only in demo/test (a local key file is used). */
  dataKey: Buffer | undefined;
}

export interface WechatSection {
  appId: string;
  appSecret: string;
  /** Base URL of WeChat's server API; in demo mode, left unset to use the local fake. */
  apiBase: string | undefined;
  timeoutMs: number;
}

export interface AppConfig {
  app: AppSection;
  database: DatabaseSection;
  auth: AuthSection;
  security: SecuritySection;
  wechat: WechatSection;
}

const DEFAULT_SQLITE = 'sqlite:data/pioneer.sqlite';

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

  const demo = readBool(env, 'DEMO_MODE', !production);
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

  const port = readInt(env, 'PORT', 3000, 0, 65535);
  const h5Raw = readString(env, 'H5_DIR', 'miniapp/dist/h5')!;
  return {
    app: {
      nodeEnv,
      host: readString(env, 'HOST', production ? '0.0.0.0' : '127.0.0.1')!,
      port,
      demo,
      apiDocs: readBool(env, 'API_DOCS', !production),
      corsOrigins: readList(env, 'CORS_ORIGINS', production ? [] : [`http://127.0.0.1:${port}`, `http://localhost:${port}`]),
      bodyLimitBytes: readInt(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 50 * 1024 * 1024),
      rateLimitPerMinute: readInt(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000),
      logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
      h5Dir: isAbsolute(h5Raw) ? h5Raw : resolve(root, h5Raw),
      districtName: readString(env, 'DISTRICT_NAME', '示范区')!,
    },
    database,
    auth: {
      jwtSecret,
      accessTokenTtlSeconds: readInt(env, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 60, 24 * 3600),
    },
    security: { dataKey },
    wechat: {
      appId: appId ?? 'wx-demo-appid',
      appSecret: appSecret ?? 'demo-secret',
      apiBase,
      timeoutMs: readInt(env, 'WECHAT_TIMEOUT_MS', 5000, 100, 60_000),
    },
  };
}
