import { ConfigError } from '../../config/config-error.js';
import { loadConfiguration as load } from '../../config/configuration.js';
import type { Env } from '../../config/env-readers.js';

/** Demo mode, so the secrets are generated and only the variables under test matter. */
const loadConfiguration = (env: Env) => load({ DEMO_MODE: 'true', ...env });
import { generateInviteCode, INVITE_CODE_ALPHABET, normalizeInviteCode, secretsEqual } from './auth-secrets.js';

function variableOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.variable;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('auth configuration', () => {
  it('defaults to a 7-day idle timeout, a 30-day session, 120-s console tickets and no reviewer account', () => {
    const { auth } = loadConfiguration({});
    expect(auth).toMatchObject({
      sessionIdleTimeoutSeconds: 7 * 24 * 3600,
      sessionAbsoluteTtlSeconds: 30 * 24 * 3600,
      consoleTicketTtlSeconds: 120,
      rateLimitPerMinute: 20,
      bindAttemptsPerOpenid: 10,
      openidRateWindowSeconds: 600,
      reviewer: undefined,
    });
  });

  it('takes the reviewer account only as a pair', () => {
    const id = 'a0000000-0000-4000-8000-000000000001';
    expect(loadConfiguration({ REVIEWER_MEMBER_ID: id, REVIEWER_INVITE_CODE: 'Review2026' }).auth.reviewer).toEqual({
      memberId: id,
      inviteCode: 'Review2026',
    });
    expect(variableOf(() => loadConfiguration({ REVIEWER_MEMBER_ID: id }))).toBe('REVIEWER_INVITE_CODE');
    expect(variableOf(() => loadConfiguration({ REVIEWER_INVITE_CODE: 'Review2026' }))).toBe('REVIEWER_MEMBER_ID');
    expect(variableOf(() => loadConfiguration({ REVIEWER_MEMBER_ID: id, REVIEWER_INVITE_CODE: 'short' }))).toBe('REVIEWER_INVITE_CODE');
  });

  it('lets a lost refresh response be retried for 30 s by default, at most 5 minutes, or not at all', () => {
    expect(loadConfiguration({}).auth.refreshReuseGraceSeconds).toBe(30);
    expect(loadConfiguration({ REFRESH_REUSE_GRACE_SECONDS: '0' }).auth.refreshReuseGraceSeconds).toBe(0);
    for (const bad of ['-1', '301', 'soon']) {
      expect(variableOf(() => loadConfiguration({ REFRESH_REUSE_GRACE_SECONDS: bad }))).toBe('REFRESH_REUSE_GRACE_SECONDS');
    }
  });

  it.each(['SESSION_IDLE_TIMEOUT_SECONDS', 'SESSION_ABSOLUTE_TTL_SECONDS', 'CONSOLE_TICKET_TTL_SECONDS', 'BIND_ATTEMPTS_PER_OPENID'])(
    'names %s when it is not a positive whole number',
    (name) => {
      expect(variableOf(() => loadConfiguration({ [name]: '0' }))).toBe(name);
      expect(variableOf(() => loadConfiguration({ [name]: 'soon' }))).toBe(name);
    },
  );
});

describe('invite codes', () => {
  it('are 8 characters of an alphabet without look-alikes', () => {
    expect(INVITE_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const codes = Array.from({ length: 200 }, generateInviteCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${INVITE_CODE_ALPHABET}]{8}$`));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are compared as typed by people: any case, spaces and dashes ignored', () => {
    expect(normalizeInviteCode(' ab3d-ef7h ')).toBe('AB3DEF7H');
    expect(secretsEqual(normalizeInviteCode('ab3d ef7h'), 'AB3DEF7H')).toBe(true);
    expect(secretsEqual('AB3DEF7H', 'AB3DEF7J')).toBe(false);
    expect(secretsEqual('AB3DEF7H', 'AB3DEF7HX')).toBe(false);
  });
});
