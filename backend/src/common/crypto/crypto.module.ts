import { type DynamicModule, Global, Module } from '@nestjs/common';
import { PiiCrypto } from './pii-crypto.service.js';

@Global()
@Module({})
export class CryptoModule {
  static forKey(key: Buffer): DynamicModule {
    return { module: CryptoModule, providers: [{ provide: PiiCrypto, useValue: new PiiCrypto(key) }], exports: [PiiCrypto] };
  }
}
