import type { ErrorCode } from '@pioneer/shared-types';
import type request from '../../support/http.js';
import { type Caller, type Persona, PERSONAS, type World } from './world.js';

export type Scope = 'in' | 'out';

/** What a case builder hands the runner: the values for the path's {placeholders}, the query and the body. */
export interface Req {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: object;
  /** A multipart upload (the roster import) instead of a JSON body. */
  upload?: { name: string; content: Buffer };
}

export interface CheckContext {
  w: World;
  who: Caller;
  req: Req;
}

export interface Expect {
  status: number;
  /** The error code of a 4xx answer. */
  code?: ErrorCode;
  /** More about the answer: what a scoped list contains, that a refused item stayed as it was, … */
  check?: (res: request.Response, ctx: CheckContext) => void | Promise<void>;
}

export interface EndpointSpec {
  /** Reachable without a token: only health, docs, sign-in and the visitor pages may be (see PUBLIC_ENDPOINTS). */
  public?: true;
  /**
   * Who may call it: the @Roles gate together with the duty the service insists on (a district organizer only, the
   * console for staff only, …). Everyone else gets `denied`.
   */
  allowed: readonly Persona[];
  /** What a caller outside `allowed` gets: 403 FORBIDDEN unless the design hides existence (404). */
  denied?: Expect;
  /** What an allowed caller gets for a record in their scope (for a public endpoint: what anyone gets). */
  ok: Expect | ((who: Caller) => Expect);
  /** The allowed callers who also get an out-of-scope case, and what they get: 403 or 404, never a 2xx… */
  outOfScope?: Partial<Record<Persona, Expect>>;
  /**
   * …unless the endpoint refuses item by item inside a 2xx answer (a batch decision, an import report): then this says
   * so, and the out-of-scope expectation's check must prove the item was refused and nothing changed.
   */
  perItemRefusal?: string;
  /**
   * Builds the request for a caller, just before the call: a destructive call gets a record of its own. For a caller
   * outside `allowed`, `in` builds what an allowed caller could do, so a 403 can only come from the role check.
   */
  build(w: World, who: Caller, scope: Scope): Promise<Req> | Req;
}

export const ALL = PERSONAS;
/** Holders of the member role: everyone but the admin, whose duties are separate. */
export const MEMBERS: readonly Persona[] = ['member', 'worker', 'orgUnit', 'orgDistrict'];
/** Workers, organizers and admins: the console and the staff lists. */
export const STAFF: readonly Persona[] = ['worker', 'orgUnit', 'orgDistrict', 'admin'];
export const ORGANIZERS: readonly Persona[] = ['orgUnit', 'orgDistrict'];
export const MANAGERS: readonly Persona[] = ['orgUnit', 'orgDistrict', 'admin'];
export const ADMIN: readonly Persona[] = ['admin'];
export const WORKER: readonly Persona[] = ['worker'];
export const DISTRICT: readonly Persona[] = ['orgDistrict'];

export const OK: Expect = { status: 200 };
export const CREATED: Expect = { status: 201 };
export const NO_CONTENT: Expect = { status: 204 };
export const FORBIDDEN: Expect = { status: 403, code: 'FORBIDDEN' };
export const NOT_FOUND: Expect = { status: 404, code: 'NOT_FOUND' };
export const UNAUTHENTICATED: Expect = { status: 401, code: 'UNAUTHENTICATED' };

/** The same expectation for each of these callers. */
export function each(personas: readonly Persona[], expect: Expect): Partial<Record<Persona, Expect>> {
  return Object.fromEntries(personas.map((p) => [p, expect]));
}

export function expectationFor(spec: EndpointSpec, who: Caller): Expect {
  if (who === 'anon' && !spec.public) return UNAUTHENTICATED;
  if (who !== 'anon' && !spec.public && !spec.allowed.includes(who)) return spec.denied ?? FORBIDDEN;
  return typeof spec.ok === 'function' ? spec.ok(who) : spec.ok;
}
