/**
 * What a log line must never carry: phone numbers, tokens and openids. The request and error serializers keep such
 * values out by construction (no query strings, no SQL parameters); redactLogLine is the net under every line
 * written, so a careless log call elsewhere is caught too.
 */

// A mainland mobile number, also after +86; not inside a longer run of letters or digits (request ids, hashes, times).
const PHONE = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*)?/g;
// WeChat's openids: 28 characters of the base64url alphabet starting with "o".
const OPENID = /(?<![A-Za-z0-9_-])o[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])/g;

/** Masks personal data and credentials in one serialized log line (pino's streamWrite hook). */
export function redactLogLine(line: string): string {
  return line
    .replace(BEARER, '$1 [token]')
    .replace(JWT, '[token]')
    .replace(OPENID, '[openid]')
    .replace(PHONE, '[phone]');
}

/** The path of a request URL: query strings carry names, phone numbers and search words. */
export function pathOnly(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** An error as pino's standard serializer gives it: its own enumerable fields come along (SQL, parameters, …). */
export interface SerializedError {
  type?: string;
  message?: string;
  stack?: string;
  code?: unknown;
  [field: string]: unknown;
}

export interface SafeError {
  type?: string;
  code?: string | number;
  message?: string;
  stack?: string;
}

// Database drivers quote the offending value in their messages ("Duplicate entry '…' for key …").
const QUOTED = /'[^']*'|"[^"]*"|`[^`]*`/g;

function isDatabaseError(err: SerializedError): boolean {
  return err.type === 'QueryFailedError' || 'driverError' in err || 'sqlMessage' in err || 'parameters' in err;
}

/**
 * Type, code, message and stack only: a TypeORM QueryFailedError also carries the query, its parameters and the
 * driver's error, which hold phone hashes, names and openids. A database message loses its quoted values.
 */
export function safeError(err: SerializedError): SafeError {
  const scrub = isDatabaseError(err) ? (text: string) => text.replace(QUOTED, (q) => `${q[0]}…${q[0]}`) : (text: string) => text;
  const out: SafeError = {};
  if (err.type !== undefined) out.type = err.type;
  if (typeof err.code === 'string' || typeof err.code === 'number') out.code = err.code;
  if (err.message !== undefined) out.message = scrub(err.message);
  if (err.stack !== undefined) out.stack = scrub(err.stack);
  return out;
}
