import type { ApiError } from '@/api/api-error';
import { refusalMessage } from '@/services/offline-queue';

/** What the page offers next to a refusal. */
export type NextStep = 'rescan' | 'register' | 'visit' | 'records' | null;

export interface ServiceProblem {
  code: string;
  /** The server's sentence. */
  message: string;
  /** What to do about it, in plain words. */
  hint: string;
  next: NextStep;
}

const SIGNED_OUT_HINT = '请登录后再操作一次；签到码每隔几秒更新，登录后请扫描最新的签到码。';

const HINTS: Partial<Record<string, { hint: string; next: NextStep }>> = {
  CHECKIN_CODE_INVALID: {
    hint: '请对准社区工作者手机上正在显示的签到码重新扫描；截图或转发的签到码不能使用。',
    next: 'rescan',
  },
  CHECKIN_CODE_EXPIRED: { hint: '签到码每隔几秒就会更新，请扫描屏幕上最新的签到码。', next: 'rescan' },
  CHECKIN_CODE_REUSED: { hint: '请等社区工作者手机上的签到码刷新后，再扫描一次。', next: 'rescan' },
  CHECKIN_CODE_WRONG_COMMUNITY: {
    hint: '只能在您报到的社区签到。如果您已经搬家，请先在“报到社区”中更换社区。',
    next: 'register',
  },
  REGISTRATION_REQUIRED: { hint: '先到居住的社区报到，社区工作者同意后就可以签到服务了。', next: 'register' },
  CHECKIN_METHOD_REQUIRED: { hint: '请选择扫码签到，或者定位签到。', next: null },
  SERVICE_ALREADY_OPEN: { hint: '上一次服务还没有结束，请先结束它，再开始新的服务。', next: 'visit' },
  SERVICE_NOT_OPEN: { hint: '这次服务已经结束了，结果可以在服务记录中查看。', next: 'records' },
  FORBIDDEN: { hint: '签到服务只对在册党员开放；如有疑问，请联系所在单位的组织者。', next: null },
};

/** A refusal from the check-in or check-out endpoints, with the next step a member can take. */
export function serviceProblem(error: ApiError): ServiceProblem {
  // Signed out: the API client has opened the sign-in page; nothing was kept, so the member acts again afterwards.
  if (error.status === 401) return { code: error.code, message: error.message, hint: SIGNED_OUT_HINT, next: null };
  const known = HINTS[error.code];
  return {
    code: error.code,
    message: refusalMessage(error),
    hint: known?.hint ?? '',
    next: known?.next ?? null,
  };
}
