import { pathOnly, redactLogLine, safeError } from './redact.js';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtMSIsInNpZCI6InMxIn0.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu';
const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

describe('redactLogLine', () => {
  it('masks mainland mobile numbers, with or without +86, wherever they stand', () => {
    const line = JSON.stringify({ msg: '手机号13800138000 已绑定', phone: '+86 13912345678', other: '+8613700000001' });
    const out = redactLogLine(line);
    expect(out).not.toMatch(/1[3-9]\d{9}/);
    expect(JSON.parse(out)).toEqual({ msg: '手机号[phone] 已绑定', phone: '[phone]', other: '[phone]' });
  });

  it('leaves ids, timestamps and hashes that merely contain digits alone', () => {
    const line = JSON.stringify({
      time: 1796242725420,
      reqId: 'f8078be3-49c4-45ff-82b4-138000001234',
      hash: 'a13800138000b',
      count: 138001380001,
    });
    expect(redactLogLine(line)).toBe(line);
  });

  it('masks JWTs and bearer tokens', () => {
    const out = redactLogLine(JSON.stringify({ header: `Bearer ${JWT}`, token: JWT, other: 'Bearer abcdefgh12345678' }));
    expect(out).not.toContain('eyJ');
    expect(out).not.toContain('abcdefgh12345678');
    expect(JSON.parse(out)).toEqual({ header: 'Bearer [token]', token: '[token]', other: 'Bearer [token]' });
  });

  it('masks WeChat openids (28 characters starting with o) but not ordinary words', () => {
    const out = redactLogLine(JSON.stringify({ msg: `bound ${OPENID} to m1`, context: 'organizations' }));
    expect(JSON.parse(out)).toEqual({ msg: 'bound [openid] to m1', context: 'organizations' });
  });
});

describe('pathOnly', () => {
  it('drops the query string, which carries names, phones and search words', () => {
    expect(pathOnly('/api/v1/members?q=13800138000&page=1')).toBe('/api/v1/members');
    expect(pathOnly('/api/v1/registrations/member-lookup?name=%E5%BC%A0&phone=1')).toBe('/api/v1/registrations/member-lookup');
    expect(pathOnly('/api/v1/me')).toBe('/api/v1/me');
  });
});

describe('safeError', () => {
  it('keeps the type, code and message of a database error but not its SQL, parameters or quoted values', () => {
    const serialized = {
      type: 'QueryFailedError',
      message: "Duplicate entry 'o-alice' for key 'IDX_members_openid'",
      stack: "QueryFailedError: Duplicate entry 'o-alice' for key 'IDX_members_openid'\n    at Query.<anonymous> (mysql.js:1:1)",
      query: 'UPDATE `members` SET `openid` = ?, `name` = ? WHERE `id` = ?',
      parameters: ['o-alice', '张建国', 'm1'],
      driverError: { code: 'ER_DUP_ENTRY', sqlMessage: "Duplicate entry 'o-alice'", sql: "UPDATE … 'o-alice'" },
      code: 'ER_DUP_ENTRY',
    };
    const safe = safeError(serialized);
    expect(safe).toEqual({
      type: 'QueryFailedError',
      code: 'ER_DUP_ENTRY',
      message: "Duplicate entry '…' for key '…'",
      stack: "QueryFailedError: Duplicate entry '…' for key '…'\n    at Query.<anonymous> (mysql.js:1:1)",
    });
    expect(JSON.stringify(safe)).not.toMatch(/o-alice|张建国/);
  });

  it('leaves an ordinary error readable', () => {
    const safe = safeError({ type: 'TypeError', message: "Cannot read properties of undefined (reading 'id')", stack: 'TypeError: …' });
    expect(safe).toEqual({ type: 'TypeError', message: "Cannot read properties of undefined (reading 'id')", stack: 'TypeError: …' });
  });
});
