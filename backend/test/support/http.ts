import { randomUUID } from 'node:crypto';
import supertest from 'supertest';

type Agent = ReturnType<typeof supertest>;

/**
 * supertest, with a fresh Idempotency-Key on every write, as the mini-program's client sends one.
 * A test that is about idempotency sets its own key with `.set('Idempotency-Key', …)`, which replaces this one;
 * `.unset('Idempotency-Key')` is not needed — use `rawRequest` to send a write without any key.
 */
export function request(baseUrl: string): Agent {
  const agent = supertest(baseUrl);
  const withKey =
    (method: 'post' | 'put' | 'patch' | 'delete') =>
    (url: string) =>
      agent[method](url).set('Idempotency-Key', randomUUID());
  return Object.assign(Object.create(agent) as Agent, {
    post: withKey('post'),
    put: withKey('put'),
    patch: withKey('patch'),
    delete: withKey('delete'),
  });
}

export const rawRequest = supertest;
export default request;
