import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { testDrivers } from '../support/test-database.js';
import { APP_START_TIMEOUT_MS } from './org-test-helpers.js';
import { DOCS_PATHS, ENDPOINTS, PUBLIC_ENDPOINTS } from './matrix/endpoints.js';
import { documentedEndpoints, routerEndpoints } from './matrix/routes.js';
import { send, verify } from './matrix/run.js';
import { expectationFor, type Scope } from './matrix/spec.js';
import { type Caller, PERSONA_NAMES, PERSONAS, type Persona, World } from './matrix/world.js';

/**
 * The authorization matrix (issue 3, item 7): every endpoint of the app × no token and each role (member 张建国, worker
 * 刘芳, unit organizer 陈明, district organizer 孙伟, admin 周平) × in and out of scope, against the table in
 * matrix/endpoints.ts. The endpoints come from the running app's OpenAPI document and, as a second source, from the
 * controllers the router registered, so a new endpoint fails the suite until the table says who may call it.
 *
 * Runs in full on both drivers (one app each; a few seconds on SQLite, longer on MariaDB). Each endpoint is one test;
 * every difference from the table is listed in its failure, and a summary table (endpoint × caller → status) is printed
 * at the end of each driver's run.
 */

const KEYS = Object.keys(ENDPOINTS).sort();
const COLUMNS: Array<{ caller: Caller; scope: Scope; title: string }> = [
  { caller: 'anon', scope: 'in', title: 'no token' },
  ...PERSONAS.flatMap((p) => [
    { caller: p, scope: 'in' as const, title: PERSONA_NAMES[p] },
    { caller: p, scope: 'out' as const, title: `${PERSONA_NAMES[p]}✗` },
  ]),
];

describe.each(testDrivers())('authorization matrix (%s)', (driver) => {
  let w: World;
  const summary: Record<string, Record<string, string>> = {};
  const totals = { calls: 0, assertions: 0, startedAt: 0 };

  beforeAll(async () => {
    totals.startedAt = Date.now();
    w = await World.start(driver);
  }, APP_START_TIMEOUT_MS);

  afterAll(async () => {
    const seconds = ((Date.now() - totals.startedAt) / 1000).toFixed(1);
    console.log(
      `authorization matrix on ${driver}: ${KEYS.length} endpoints, ${totals.calls} calls, ` +
        `${totals.assertions} assertions, ${seconds} s (app start included)\n` +
        `columns: no token, then each caller in scope and (✗) out of scope; "≠" marks a status that differs from the table`,
    );
    console.table(summary);
    await w?.close();
  });

  it('covers exactly the endpoints of the OpenAPI document', async () => {
    const documented = (await documentedEndpoints(w.t.baseUrl)).map((d) => d.key).sort();
    expect({ missingFromTable: documented.filter((k) => !(k in ENDPOINTS)), notInDocument: KEYS.filter((k) => !documented.includes(k)) }).toEqual({
      missingFromTable: [],
      notInDocument: [],
    });
  });

  it('covers exactly the routes the router registered (an endpoint hidden from the document still counts)', () => {
    const routes = routerEndpoints(w.t.app);
    expect(routes.length).toBeGreaterThan(0);
    expect({ missingFromTable: routes.filter((k) => !(k in ENDPOINTS)), notARoute: KEYS.filter((k) => !routes.includes(k)) }).toEqual({
      missingFromTable: [],
      notARoute: [],
    });
  });

  it('lets only health, docs, sign-in and the visitor pages be called without a token', async () => {
    expect(KEYS.filter((k) => ENDPOINTS[k]!.public).sort()).toEqual([...PUBLIC_ENDPOINTS].sort());
    // The document agrees: every other operation declares the bearer token.
    const unsecured = (await documentedEndpoints(w.t.baseUrl)).filter((d) => !d.bearer).map((d) => d.key);
    expect(unsecured.sort()).toEqual([...PUBLIC_ENDPOINTS].sort());
    for (const path of DOCS_PATHS) {
      const res = await w.api().get(path);
      expect(res.status).toBe(200);
    }
  });

  it('keeps its own rules: denials are 403/404, allowed callers are never refused, out of scope is never a 2xx', () => {
    const broken: string[] = [];
    for (const key of KEYS) {
      const spec = ENDPOINTS[key]!;
      if (spec.public) continue;
      const denied = spec.denied?.status ?? 403;
      if (denied !== 403 && denied !== 404) broken.push(`${key}: denied must be 403 or 404`);
      for (const who of spec.allowed) {
        const ok = expectationFor(spec, who).status;
        if (ok === 401 || ok === 403) broken.push(`${key}: ${who} is allowed, so in scope cannot be ${ok}`);
      }
      for (const [who, out] of Object.entries(spec.outOfScope ?? {}) as Array<[Persona, { status: number; check?: unknown }]>) {
        if (!spec.allowed.includes(who)) broken.push(`${key}: ${who} has an out-of-scope case but is not allowed at all`);
        const refusal = out.status === 403 || out.status === 404;
        const perItem = spec.perItemRefusal !== undefined && out.status < 300 && out.check !== undefined;
        if (!refusal && !perItem) broken.push(`${key}: out of scope ${who} must get 403/404 (or a checked per-item refusal)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it.each(KEYS)('%s', async (key) => {
    const spec = ENDPOINTS[key]!;
    const row: Record<string, string> = {};
    const problems: string[] = [];
    for (const { caller, scope, title } of COLUMNS) {
      let expected;
      if (scope === 'in') expected = expectationFor(spec, caller);
      else expected = caller !== 'anon' && spec.allowed.includes(caller) ? spec.outOfScope?.[caller] : undefined;
      if (!expected) {
        row[title] = '';
        continue;
      }
      const req = await spec.build(w, caller, scope);
      const res = await send(w, key, caller, req);
      const verdict = await verify(`${title}${scope === 'out' ? ' (out of scope)' : ''}`, res, expected, { w, who: caller, req });
      row[title] = verdict.cell;
      problems.push(...verdict.problems);
      totals.calls += 1;
      totals.assertions += verdict.assertions;
    }
    summary[key] = row;
    expect(problems).toEqual([]);
  });

  /**
   * Scope by unit is not enough for account actions: the admin and the district organizer are members of a unit too
   * (周平 and 孙伟 of 区委组织部). An invite code for an unbound person is a way to sign in as them, and unbinding or a
   * status change locks them out, so an organizer may do these only to people whose duties lie within their own.
   * Fresh people of 区委组织部 stand in for them, so the seeded admin and district organizer stay as they are.
   */
  it.each([
    ['unit organizer', 'admin', 'orgUnit'],
    ['unit organizer', 'district organizer', 'orgUnit'],
    ['district organizer', 'admin', 'orgDistrict'],
  ] as const)('keeps a %s from taking over or locking out the account of a(n) %s', async (_label, targetRole, caller) => {
    const actions = [
      { key: 'POST /api/v1/members/{id}/invite-code', body: {} },
      { key: 'POST /api/v1/members/{id}/unbind', body: {} },
      { key: 'POST /api/v1/members/{id}/status', body: { status: 'left', reason: '矩阵测试' } },
    ];
    const problems: string[] = [];
    for (const { key, body } of actions) {
      const target = await w.member('zzb');
      if (targetRole === 'admin') await w.grant(target.id, 'admin', 'system');
      else await w.grant(target.id, 'organizer', 'district');
      const req = { params: { id: target.id }, body };
      const res = await send(w, key, caller, req);
      const verdict = await verify(`${PERSONA_NAMES[caller]} → ${targetRole}`, res, { status: 403, code: 'FORBIDDEN' }, { w, who: caller, req });
      const row = (summary[`${key} · target: ${targetRole}`] ??= {});
      row[PERSONA_NAMES[caller]] = verdict.cell;
      problems.push(...verdict.problems.map((p) => `${key}: ${p}`));
      totals.calls += 1;
      totals.assertions += verdict.assertions;
    }
    expect(problems).toEqual([]);
  });

  it('cannot be used to become the admin: an invite code for an unbound admin of one’s unit, then binding with it', async () => {
    const admin = await w.member('zzb');
    await w.grant(admin.id, 'admin', 'system');
    const steps: Record<string, number | string> = {};
    const issued = await send(w, 'POST /api/v1/members/{id}/invite-code', 'orgUnit', { params: { id: admin.id }, body: {} });
    steps.inviteCodeBy陈明 = issued.status;
    if (issued.status === 200) {
      // What 陈明 could do next from a second WeChat account: bind it to the admin with the code, and act as admin.
      const bound = await w
        .api()
        .post('/api/v1/auth/bind/invite')
        .send({ bindTicket: await w.bindTicket(), name: admin.name, inviteCode: (issued.body as { inviteCode: string }).inviteCode });
      steps.bindAsAdmin = bound.status;
      const session = (bound.body as { accessToken?: string }).accessToken;
      if (session) {
        steps.auditLogAsAdmin = (await w.api().get('/api/v1/admin/audit-logs').set('Authorization', `Bearer ${session}`)).status;
      }
    }
    totals.calls += Object.keys(steps).length;
    totals.assertions += 1;
    expect(steps).toEqual({ inviteCodeBy陈明: 403 });
  });

  it('refuses tokens that are missing, malformed, forged, of the wrong kind, expired, or of someone who left', async () => {
    const me = (authorization?: string) => {
      const test = w.api().get('/api/v1/me');
      return authorization === undefined ? test : test.set('Authorization', authorization);
    };
    const app = w.t.app.get(JwtService);
    const member = w.self('member');
    const forged = await new JwtService({ secret: 'not-the-server-secret' }).signAsync({ sub: member, typ: 'access' });
    const cases: Array<[string, string | undefined, number, string]> = [
      ['no header', undefined, 401, 'UNAUTHENTICATED'],
      ['not a bearer', `Basic ${Buffer.from('a:b').toString('base64')}`, 401, 'UNAUTHENTICATED'],
      ['not a JWT', 'Bearer not-a-token', 401, 'UNAUTHENTICATED'],
      ['forged signature', `Bearer ${forged}`, 401, 'UNAUTHENTICATED'],
      ['a refresh-typed token', `Bearer ${await app.signAsync({ sub: member, typ: 'refresh' })}`, 401, 'UNAUTHENTICATED'],
      ['nobody', `Bearer ${await app.signAsync({ sub: randomUUID(), typ: 'access' })}`, 401, 'UNAUTHENTICATED'],
      ['expired', `Bearer ${await app.signAsync({ sub: member, typ: 'access', exp: Math.floor(Date.now() / 1000) - 60 })}`, 401, 'TOKEN_EXPIRED'],
    ];
    // A member who has left keeps their records but can no longer sign in; their unexpired token stops working at once.
    const gone = await w.member('zzb', { active: true });
    const token = `Bearer ${await w.token(gone.id)}`;
    expect((await me(token)).status).toBe(200);
    await w.api().post(`/api/v1/members/${gone.id}/status`).set(await w.auth(w.self('admin'))).send({ status: 'left', reason: '矩阵测试离开' }).expect(200);
    cases.push(['someone who left', token, 403, 'MEMBER_INACTIVE']);
    const results = [];
    for (const [label, authorization, status, code] of cases) {
      const res = await me(authorization);
      results.push({ label, status: res.status, code: (res.body as { code?: string }).code, expected: { status, code } });
      totals.assertions += 2;
    }
    expect(results.filter((r) => r.status !== r.expected.status || r.code !== r.expected.code)).toEqual([]);
  });
});
