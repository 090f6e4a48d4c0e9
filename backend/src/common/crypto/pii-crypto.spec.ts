import { randomBytes } from 'node:crypto';
import { maskAddress, maskPhone, normalizePhone, PiiCrypto } from './pii-crypto.service.js';

describe('PiiCrypto', () => {
  const crypto = new PiiCrypto(randomBytes(32));

  it('round-trips and never leaves the plaintext in the ciphertext', () => {
    const sealed = crypto.encrypt('13812341234');
    expect(sealed).not.toContain('13812341234');
    expect(crypto.decrypt(sealed)).toBe('13812341234');
  });

  it('uses a fresh IV each time, so equal phones do not produce equal ciphertexts', () => {
    expect(crypto.encrypt('13812341234')).not.toBe(crypto.encrypt('13812341234'));
  });

  it('detects tampering', () => {
    const sealed = crypto.encrypt('13812341234');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3]!, 'base64');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64');
    expect(() => crypto.decrypt(parts.join(':'))).toThrow();
  });

  it('hashes deterministically per key and differently under another key', () => {
    expect(crypto.hash('13812341234')).toBe(crypto.hash('13812341234'));
    expect(new PiiCrypto(randomBytes(32)).hash('13812341234')).not.toBe(crypto.hash('13812341234'));
  });

  it('normalizes and masks mainland mobile numbers', () => {
    expect(normalizePhone('+86 138-1234-1234')).toBe('13812341234');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('23812341234')).toBeNull();
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('masks an address after its first 6 characters', () => {
    expect(maskAddress('向阳路18号3栋2单元501室')).toBe('向阳路18号****');
    expect(maskAddress(' 李家村 ')).toBe('李家****');
  });
});
