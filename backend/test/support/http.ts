import { randomUUID } from 'node:crypto';
import supertest from 'supertest';

/**
 * supertest, with a fresh Idempotency-Key on every write, as the mini-program's client sends one.
 * A test about idempotency sets its own key with `.set('Idempotency-Key', …)`, which replaces this one, or uses
 * `rawRequest` to send a write without any key.
 */
function request(baseUrl: string): request.Agent {
  const agent = supertest(baseUrl);
  const withKey =
    (method: 'post' | 'put' | 'patch' | 'delete') =>
    (url: string): request.Test =>
      agent[method](url).set('Idempotency-Key', randomUUID());
  return Object.assign(Object.create(agent) as request.Agent, {
    post: withKey('post'),
    put: withKey('put'),
    patch: withKey('patch'),
    delete: withKey('delete'),
  });
}

// Lets tests write request.Response / request.Test as they would with supertest itself.
declare namespace request {
  type Agent = ReturnType<typeof supertest>;
  type Test = supertest.Test;
  type Response = supertest.Response;
}

export const rawRequest = supertest;
export default request;
