import type request from '../../support/http.js';
import type { CheckContext, Expect, Req } from './spec.js';
import type { Caller, World } from './world.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Sends the request a case builder made to exactly the endpoint under test, as the caller (or without a token). */
export async function send(w: World, key: string, caller: Caller, req: Req): Promise<request.Response> {
  const space = key.indexOf(' ');
  const method = key.slice(0, space).toLowerCase() as Method;
  const path = key.slice(space + 1).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = req.params?.[name];
    if (value === undefined) throw new Error(`${key}: the case builder gave no value for {${name}}`);
    return encodeURIComponent(value);
  });
  let test = w.api()[method](path);
  if (req.query) test = test.query(req.query);
  if (caller !== 'anon') test = test.set(await w.auth(w.self(caller)));
  if (req.upload) test = test.attach('file', req.upload.content, req.upload.name);
  else if (req.body !== undefined) test = test.send(req.body);
  return test;
}

export interface Verdict {
  /** What the summary table shows: the status, with "≠" and the expected one when they differ. */
  cell: string;
  problems: string[];
  /** Comparisons made: the status, the error code, the body check. */
  assertions: number;
}

/** Compares an answer with what the table expects; collects every difference instead of stopping at the first. */
export async function verify(label: string, res: request.Response, expected: Expect, ctx: CheckContext): Promise<Verdict> {
  const body = (res.body ?? {}) as { code?: string; message?: string };
  const problems: string[] = [];
  let assertions = 1;
  if (res.status !== expected.status) {
    problems.push(
      `${label}: expected ${expected.status}${expected.code ? ` ${expected.code}` : ''}, got ${res.status}` +
        (res.status >= 400 && body.code ? ` ${body.code} (${body.message ?? ''})` : ''),
    );
    return { cell: `${res.status}≠${expected.status}`, problems, assertions };
  }
  if (expected.code) {
    assertions += 1;
    if (body.code !== expected.code) problems.push(`${label}: expected code ${expected.code}, got ${body.code ?? 'none'}`);
  }
  if (expected.check) {
    assertions += 1;
    try {
      await expected.check(res, ctx);
    } catch (error) {
      problems.push(`${label}: ${(error as Error).message.split('\n').slice(0, 6).join(' ')}`);
    }
  }
  return { cell: problems.length ? `${res.status}!` : String(res.status), problems, assertions };
}
