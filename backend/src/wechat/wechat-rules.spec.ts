import { charCount, isValidQrPage, isValidQrScene, msgSecCheckRuleErrors, qrCodeRuleErrors } from './wechat-rules.js';

describe('wechat rules', () => {
  it('accepts a QR scene of up to 32 characters from WeChat’s set', () => {
    expect(isValidQrScene('a')).toBe(true);
    expect(isValidQrScene('x'.repeat(32))).toBe(true);
    expect(isValidQrScene("id=42&t=a!#$'()*+,/:;?@-._~")).toBe(true);
  });

  it('refuses an empty, too long, non-ASCII or spaced QR scene', () => {
    expect(isValidQrScene('')).toBe(false);
    expect(isValidQrScene('x'.repeat(33))).toBe(false);
    expect(isValidQrScene('活动42')).toBe(false);
    expect(isValidQrScene('a b')).toBe(false);
    expect(isValidQrScene('a%20b')).toBe(false);
  });

  it('wants a page path without a leading slash or a query', () => {
    expect(isValidQrPage('pages/index/index')).toBe(true);
    expect(isValidQrPage('/pages/index/index')).toBe(false);
    expect(isValidQrPage('pages/index/index?id=1')).toBe(false);
    expect(isValidQrPage('')).toBe(false);
  });

  it('reports every QR problem by field, in Chinese', () => {
    const errors = qrCodeRuleErrors({ scene: '', page: '/x', width: 100 });
    expect(errors.map((e) => e.field)).toEqual(['scene', 'page', 'width']);
    for (const e of errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(qrCodeRuleErrors({ scene: 'ok', page: 'pages/a/b', width: 280 })).toEqual([]);
    expect(qrCodeRuleErrors({ scene: 'ok', width: 1281 })).toHaveLength(1);
    expect(qrCodeRuleErrors({ scene: 'ok', width: 300.5 })).toHaveLength(1);
  });

  it('counts characters, not UTF-16 units, against the 2500 limit', () => {
    expect(charCount('👍👍')).toBe(2);
    expect(msgSecCheckRuleErrors('👍'.repeat(2500))).toEqual([]);
    const [error] = msgSecCheckRuleErrors('字'.repeat(2501));
    expect(error).toMatchObject({ field: 'content' });
    expect(error!.message).toContain('2500');
    expect(msgSecCheckRuleErrors('   ')).toHaveLength(1);
  });
});
