import { ConfigError } from './config-error.js';
import { loadConfiguration, parseDatabaseUrl, redactUrl } from './configuration.js';

const PROD_OK = {
  NODE_ENV: 'production',
  DATABASE_URL: 'mysql://pioneer:secret@db.internal:3306/pioneer',
  JWT_SECRET: 'x'.repeat(40),
  DATA_ENCRYPTION_KEY: 'a'.repeat(64),
  WECHAT_APP_ID: 'wx123',
  WECHAT_APP_SECRET: 's3cret',
  CHECKIN_CODE_SECRET: 'c'.repeat(40),
};

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('is not in demo mode unless asked, and then refuses to start without its secrets', () => {
    expect(errorOf(() => loadConfiguration({})).variable).toBe('JWT_SECRET');
    const secrets = { JWT_SECRET: 'j'.repeat(40), CHECKIN_CODE_SECRET: 'c'.repeat(40) };
    expect(errorOf(() => loadConfiguration(secrets)).variable).toBe('DATA_ENCRYPTION_KEY');
    expect(errorOf(() => loadConfiguration({ JWT_SECRET: 'j'.repeat(40) })).variable).toBe('CHECKIN_CODE_SECRET');
    const c = loadConfiguration({ ...secrets, DATA_ENCRYPTION_KEY: 'a'.repeat(64) });
    expect(c.app.demo).toBe(false);
    expect(c.auth.jwtSecret).toBe('j'.repeat(40));
  });

  it('generates secrets only in demo mode, on the embedded SQLite file under the repo root by default', () => {
    const c = loadConfiguration({ DEMO_MODE: 'true' });
    expect(c.app.demo).toBe(true);
    expect(c.auth.jwtSecret).toBeUndefined();
    expect(c.security.dataKey).toBeUndefined();
    expect(loadConfiguration({ NODE_ENV: 'test', DEMO_MODE: 'true' }).app.demo).toBe(true);
    expect(c.app.port).toBe(3000);
    expect(c.database).toMatchObject({ type: 'sqlite' });
    expect(c.database.type === 'sqlite' && c.database.path.endsWith('data/pioneer.sqlite')).toBe(true);
  });

  it('names DATABASE_URL when it is nonsense', () => {
    const e = errorOf(() => loadConfiguration({ DATABASE_URL: 'nonsense' }));
    expect(e.variable).toBe('DATABASE_URL');
    expect(e.message).toContain('DATABASE_URL');
  });

  it('parses mysql URLs and hides their passwords in messages', () => {
    expect(parseDatabaseUrl('mysql://root@127.0.0.1:3306/pioneer', '/')).toMatchObject({
      type: 'mysql',
      host: '127.0.0.1',
      port: 3306,
      database: 'pioneer',
    });
    expect(errorOf(() => parseDatabaseUrl('mysql://root@host/', '/')).variable).toBe('DATABASE_URL');
    expect(redactUrl('mysql://u:pa55@h/db')).toBe('mysql://u:***@h/db');
  });

  it('accepts a complete production environment and never enables demo features there', () => {
    const c = loadConfiguration(PROD_OK);
    expect(c.app.demo).toBe(false);
    expect(c.app.apiDocs).toBe(false);
    expect(loadConfiguration({ ...PROD_OK, API_DOCS: 'true' }).app.apiDocs).toBe(true);
  });

  it('keeps a visit recorded offline uploadable for 4 hours unless CHECKIN_OFFLINE_MAX_HOURS says otherwise', () => {
    expect(loadConfiguration({ DEMO_MODE: 'true' }).checkin.offlineMaxHours).toBe(4);
    expect(loadConfiguration({ DEMO_MODE: 'true', CHECKIN_OFFLINE_MAX_HOURS: '2' }).checkin.offlineMaxHours).toBe(2);
  });

  it('lets a decision be undone for 10 minutes unless SERVICE_UNDO_MINUTES says otherwise', () => {
    expect(loadConfiguration({ DEMO_MODE: 'true' }).checkin.undoMinutes).toBe(10);
    expect(loadConfiguration({ DEMO_MODE: 'true', SERVICE_UNDO_MINUTES: '3' }).checkin.undoMinutes).toBe(3);
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'sqlite:data/x.sqlite' }],
    ['JWT_SECRET', { JWT_SECRET: undefined }],
    ['DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: undefined }],
    ['WECHAT_APP_ID', { WECHAT_APP_ID: undefined }],
    ['WECHAT_APP_SECRET', { WECHAT_APP_SECRET: undefined }],
    ['CHECKIN_CODE_SECRET', { CHECKIN_CODE_SECRET: undefined }],
    ['DEMO_MODE', { DEMO_MODE: 'true' }],
  ])('refuses production without a proper %s', (variable, override) => {
    expect(errorOf(() => loadConfiguration({ ...PROD_OK, ...override })).variable).toBe(variable);
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['DEMO_MODE', { DEMO_MODE: 'maybe' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: 'abcd' }],
    ['WECHAT_API_BASE', { WECHAT_API_BASE: 'ftp://x' }],
    ['CHECKIN_CODE_SECRET', { CHECKIN_CODE_SECRET: 'short' }],
    ['CHECKIN_SLOT_SECONDS', { CHECKIN_SLOT_SECONDS: '1' }],
    ['CHECKIN_OFFLINE_MAX_HOURS', { CHECKIN_OFFLINE_MAX_HOURS: '0' }],
    ['CHECKIN_OFFLINE_MAX_HOURS', { CHECKIN_OFFLINE_MAX_HOURS: '25' }],
    ['SERVICE_UNDO_MINUTES', { SERVICE_UNDO_MINUTES: '0' }],
    ['SERVICE_UNDO_MINUTES', { SERVICE_UNDO_MINUTES: 'ten' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'everyone' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/99' }],
    ['TRUST_PROXY', { TRUST_PROXY: '127.0.0.1, not-an-ip' }],
    ['REDIS_URL', { REDIS_URL: 'http://127.0.0.1:6379' }],
    ['REDIS_KEY_PREFIX', { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: 'has space' }],
  ])('names %s when its value is bad', (variable, env) => {
    expect(errorOf(() => loadConfiguration({ DEMO_MODE: 'true', ...env })).variable).toBe(variable);
  });

  it('trusts no proxy unless TRUST_PROXY names a hop count or addresses', () => {
    expect(loadConfiguration(PROD_OK).app.trustProxy).toBe(false);
    expect(loadConfiguration({ ...PROD_OK, TRUST_PROXY: 'false' }).app.trustProxy).toBe(false);
    expect(loadConfiguration({ ...PROD_OK, TRUST_PROXY: '2' }).app.trustProxy).toBe(2);
    expect(loadConfiguration({ ...PROD_OK, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).app.trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
  });

  it('keeps limits in memory unless REDIS_URL is set', () => {
    expect(loadConfiguration(PROD_OK).redis).toBeUndefined();
    expect(loadConfiguration({ ...PROD_OK, REDIS_URL: 'redis://127.0.0.1:6379/2' }).redis).toEqual({
      url: 'redis://127.0.0.1:6379/2',
      keyPrefix: 'pioneer:',
    });
  });
});
