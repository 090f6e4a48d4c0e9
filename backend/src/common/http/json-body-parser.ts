import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainException } from '../errors/domain.exception.js';

/** Deeper than any request the API takes (its deepest DTO is a few levels); a JSON bomb is far deeper. */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The deepest nesting of objects and arrays, in one pass without recursion. Brackets inside strings do not count.
 * Works on the UTF-8 bytes: every byte of a multi-byte character is ≥ 0x80, so none looks like a bracket or a quote.
 */
export function jsonDepthExceeds(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

type Done = (error: Error | null, body?: unknown) => void;

/**
 * The application/json parser: refuses malformed UTF-8 and over-deep nesting at the door, before the idempotency
 * layer, validation or anything else walks the body; then Fastify's own parser (prototype-poisoning checks included).
 * The body limit (413) is Fastify's, applied before this runs.
 */
export function jsonBodyParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      done(new DomainException('BODY_ENCODING_INVALID'));
      return;
    }
    if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
      done(new DomainException('BODY_TOO_DEEP'));
      return;
    }
    parse(request, text, done);
  };
}
