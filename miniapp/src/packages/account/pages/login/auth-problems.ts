import type { ApiError, ApiErrorCode } from '@/api/api-error';

/** What the person can do next; the page offers the matching button. */
export type NextStep = 'retry' | 'invite' | 'restart' | 'contact';

export interface AuthProblem {
  /** The server's sentence (already Chinese), or a local one when there was no answer. */
  message: string;
  /** The next step, in words. */
  hint: string;
  next: NextStep;
}

const STEPS: Partial<Record<ApiErrorCode, Omit<AuthProblem, 'message'>>> = {
  BIND_PHONE_NOT_IN_ROSTER: {
    hint: '名册中登记的可能是您的其他号码。请向所在单位的组织者索取邀请码，使用邀请码绑定。',
    next: 'invite',
  },
  BIND_INVITE_INVALID: {
    hint: '请核对姓名和邀请码后重试；邀请码只能使用一次，过期或用过后请向组织者重新获取。',
    next: 'retry',
  },
  ALREADY_BOUND: {
    hint: '一个党员身份只能绑定一个微信。如需更换微信，请联系所在单位的组织者。',
    next: 'contact',
  },
  BIND_TICKET_INVALID: { hint: '绑定步骤已超时，请点“重新开始”。', next: 'restart' },
  MEMBER_INACTIVE: {
    hint: '名册显示您已转出、退休或离开，暂不能登录。如有疑问，请联系所在单位的组织者。',
    next: 'contact',
  },
  RATE_LIMITED: { hint: '尝试次数较多，请稍等几分钟再试。', next: 'retry' },
  WECHAT_CODE_INVALID: { hint: '请点“重新开始”再试一次。', next: 'restart' },
  WECHAT_RATE_LIMITED: { hint: '请稍等一分钟后点“重新开始”。', next: 'restart' },
  WECHAT_RISKY_USER: {
    hint: '微信暂时限制了这个账号的登录。请使用常用手机上的微信重试，或联系所在单位的组织者。',
    next: 'contact',
  },
  WECHAT_UPSTREAM_TIMEOUT: { hint: '微信服务响应较慢，请稍后点“重新开始”。', next: 'restart' },
  WECHAT_UPSTREAM_ERROR: { hint: '微信服务暂时不可用，请稍后点“重新开始”。', next: 'restart' },
  NETWORK_ERROR: { hint: '请检查网络后重试。', next: 'retry' },
  VALIDATION_FAILED: { hint: '请检查填写的内容后重试。', next: 'retry' },
};

const FALLBACK: Omit<AuthProblem, 'message'> = {
  hint: '请稍后重试；如果一直不成功，请联系所在单位的组织者。',
  next: 'retry',
};

/** Turns a sign-in or binding error into the sentence to show and the next step to offer. */
export function describeAuthProblem(error: ApiError): AuthProblem {
  return { message: error.message, ...(STEPS[error.code] ?? FALLBACK) };
}
