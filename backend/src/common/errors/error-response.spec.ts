import { NotFoundException } from '@nestjs/common';
import { ERROR_CODES } from '@pioneer/shared-types';
import { DomainException } from './domain.exception.js';
import { ERROR_CATALOG } from './error-catalog.js';
import { toErrorResponse } from './error-response.js';

describe('toErrorResponse', () => {
  it('maps every error code to a status and a Chinese message', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_CATALOG[code].status).toBeGreaterThanOrEqual(400);
      expect(ERROR_CATALOG[code].message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keeps a domain exception code, message and details', () => {
    const r = toErrorResponse(new DomainException('CONFLICT', '已经报到过了', { registrationId: 'r1' }), 'req-1');
    expect(r).toEqual({
      status: 409,
      body: { code: 'CONFLICT', message: '已经报到过了', details: { registrationId: 'r1' }, requestId: 'req-1' },
      unexpected: false,
    });
  });

  it('reveals nothing of an unexpected error', () => {
    const r = toErrorResponse(new Error('ER_ACCESS_DENIED for user root at 10.0.0.5 password=hunter2'));
    expect(r.status).toBe(500);
    expect(r.unexpected).toBe(true);
    expect(JSON.stringify(r.body)).not.toMatch(/hunter2|root|10\.0\.0\.5|ER_/);
    expect(r.body.code).toBe('INTERNAL_ERROR');
  });

  it('maps framework errors by status', () => {
    expect(toErrorResponse(new NotFoundException()).body.code).toBe('ROUTE_NOT_FOUND');
    expect(toErrorResponse({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }).body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(toErrorResponse({ statusCode: 415 }).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
