import { isTokenRejected, ridOf, wechatErrcodeException } from './wechat-errors.js';

describe('wechat error mapping', () => {
  it.each([
    [40029, 'WECHAT_CODE_INVALID'],
    [40163, 'WECHAT_CODE_INVALID'],
    [45011, 'WECHAT_RATE_LIMITED'],
    [40226, 'WECHAT_RISKY_USER'],
    [-1, 'WECHAT_UPSTREAM_ERROR'],
    [40001, 'WECHAT_UPSTREAM_ERROR'],
    [61010, 'WECHAT_UPSTREAM_ERROR'],
  ])('maps errcode %i to %s, keeping the errcode in details', (errcode, code) => {
    const err = wechatErrcodeException('jscode2session', errcode, 'abc-123');
    expect(err.code).toBe(code);
    expect(err.details).toEqual({ api: 'jscode2session', errcode, rid: 'abc-123' });
  });

  it('words a phone-code failure and a non-login rate limit for what they are', () => {
    expect(wechatErrcodeException('getuserphonenumber', 40029).message).toContain('手机号');
    expect(wechatErrcodeException('jscode2session', 45011).message).toContain('登录');
    expect(wechatErrcodeException('msg_sec_check', 45011).message).not.toContain('登录');
  });

  it('treats 40001, 42001 and 40014 as a rejected access token, nothing else', () => {
    expect([40001, 42001, 40014].every(isTokenRejected)).toBe(true);
    expect([0, -1, 40029, 41001, 45009].some(isTokenRejected)).toBe(false);
  });

  it('extracts the request id from both errmsg styles', () => {
    expect(ridOf('invalid code, rid: 6565c9f7-0b1c2d3e-4f5a6b7c')).toBe('6565c9f7-0b1c2d3e-4f5a6b7c');
    expect(ridOf('invalid code, hints: [ req_id: N37KMa0605th21 ]')).toBe('N37KMa0605th21');
    expect(ridOf('ok')).toBeUndefined();
    expect(ridOf(undefined)).toBeUndefined();
  });
});
