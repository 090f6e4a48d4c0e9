import { createHash } from 'node:crypto';
import { hashJsonValue, hashMultipartBody } from './request-hash.js';

const digest = (value: unknown) => {
  const hash = createHash('sha256');
  hashJsonValue(hash, value);
  return hash.digest('hex');
};

describe('request hashing for idempotency keys', () => {
  it('serializes as the stable form (sorted keys) that stored keys were hashed with', () => {
    const value = { b: [1, 'two', null, { d: true, c: 'x' }], a: { z: [], y: {} } };
    const expected = '{"a":{"y":{},"z":[]},"b":[1,"two",null,{"c":"x","d":true}]}';
    expect(digest(value)).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(digest({ a: 1, b: 2 })).toBe(digest({ b: 2, a: 1 }));
  });

  it('hashes values nested far deeper than the call stack allows', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 200_000; i++) deep = i % 2 ? [deep] : { k: deep };
    expect(digest(deep)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores the multipart boundary, which differs on every attempt, but not the content', () => {
    const body = (boundary: string, content: string) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n${content}\r\n--${boundary}--\r\n`);
    const hashOf = (boundary: string, content: string) => {
      const hash = createHash('sha256');
      hashMultipartBody(hash, body(boundary, content), `multipart/form-data; boundary=${boundary}`);
      return hash.digest('hex');
    };
    expect(hashOf('----a1', '姓名,手机号')).toBe(hashOf('----b2', '姓名,手机号'));
    expect(hashOf('----a1', '姓名,手机号')).not.toBe(hashOf('----a1', '姓名,手机码'));
  });
});
