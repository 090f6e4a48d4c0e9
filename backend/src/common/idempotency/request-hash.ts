import type { Hash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { DomainException } from '../errors/domain.exception.js';

/** Above the largest upload any route takes (the roster's 5 MB file and its few form fields). */
export const MAX_MULTIPART_BYTES = 6 * 1024 * 1024;

/** A piece of the serialization, as opposed to a string value still to be encoded. */
class Literal {
  constructor(readonly text: string) {}
}

/**
 * Feeds a JSON value to the hash in a stable form (object keys sorted), with an explicit stack instead of recursion
 * so no body can exhaust the call stack. The text is the same as the former recursive serializer's, so keys stored
 * before keep matching their retries.
 */
export function hashJsonValue(hash: Hash, root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item instanceof Literal) {
      hash.update(item.text);
    } else if (item === null || typeof item !== 'object') {
      hash.update(JSON.stringify(item) ?? 'undefined');
    } else if (Array.isArray(item)) {
      stack.push(new Literal(']'));
      for (let i = item.length - 1; i >= 0; i--) {
        stack.push(item[i] as unknown);
        if (i > 0) stack.push(new Literal(','));
      }
      stack.push(new Literal('['));
    } else {
      const entries = Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
      stack.push(new Literal('}'));
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i]!;
        stack.push(v);
        stack.push(new Literal(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`));
      }
      stack.push(new Literal('{'));
    }
  }
}

/**
 * Reads a multipart request's whole body (at most MAX_MULTIPART_BYTES, else 413) and hands the route a fresh stream
 * of the same bytes, since @fastify/multipart parses `request.raw` itself. Runs after the guards, so only signed-in
 * callers make the server hold an upload.
 */
export function takeMultipartBody(request: FastifyRequest): Promise<Buffer> {
  const raw = request.raw;
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_MULTIPART_BYTES) {
        stop();
        raw.pause();
        reject(new DomainException('PAYLOAD_TOO_LARGE'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      const body = Buffer.concat(chunks);
      const replay = Readable.from([body], { objectMode: false });
      Object.assign(replay, {
        headers: raw.headers,
        rawHeaders: raw.rawHeaders,
        socket: raw.socket,
        httpVersion: raw.httpVersion,
        method: raw.method,
        url: raw.url,
      });
      (request as { raw: IncomingMessage }).raw = replay as unknown as IncomingMessage;
      resolve(body);
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    raw.on('data', onData);
    raw.on('end', onEnd);
    raw.on('error', onError);
  });
}

/** Hashes a multipart body without its boundary, which the client draws anew for each attempt of the same upload. */
export function hashMultipartBody(hash: Hash, body: Buffer, contentType: string): void {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match ? (match[1] ?? match[2]) : undefined;
  hash.update('multipart:');
  if (!boundary) {
    hash.update(body);
    return;
  }
  const marker = Buffer.from(boundary, 'latin1');
  let from = 0;
  for (let at = body.indexOf(marker, from); at !== -1; at = body.indexOf(marker, from)) {
    hash.update(body.subarray(from, at));
    hash.update('\0');
    from = at + marker.length;
  }
  hash.update(body.subarray(from));
}
