import type { WechatSection } from '../config/configuration.js';

/** Injection token for the `wechat` config section: a token, not ConfigService, so tests can build the client alone. */
export const WECHAT_OPTIONS = Symbol('WECHAT_OPTIONS');

export type WechatClientOptions = WechatSection;
