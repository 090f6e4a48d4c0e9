import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { TokenResponse } from '@pioneer/shared-types';
import { ApiError, asApiError } from '@/api/api-error';
import { bindByInvite, bindByPhone, wechatLogin } from '@/api/auth';
import { useFormErrors } from '@/hooks/use-form-errors';
import { useRetryKey } from '@/hooks/use-retry-key';
import { completeSignIn } from '@/services/account';
import { describeAuthProblem, type AuthProblem } from './auth-problems';

export type WechatStep = 'signing-in' | 'failed' | 'bind';

export interface InviteForm {
  name: string;
  inviteCode: string;
}

export type InviteFieldErrors = Partial<Record<keyof InviteForm, string>>;
const INVITE_FIELDS = ['name', 'inviteCode'] as const satisfies readonly (keyof InviteForm)[];

interface BindTicket {
  value: string;
  expiresAt: number;
}

const LOGIN_FAILED_MESSAGE = '微信登录没有成功';
const TICKET_EXPIRED_MESSAGE = '绑定步骤已超时';

/** The minimal shape of the getPhoneNumber button's event detail that matters here. */
export interface PhoneNumberDetail {
  code?: string;
  errMsg?: string;
}

/**
 * WeChat sign-in: `Taro.login` → the server. A bound WeChat is signed in at once; an unbound one gets a ticket and the
 * binding step — the phone number WeChat vouches for (never one typed in), or the roster name plus an invite code.
 */
export function useWechatLogin() {
  const [step, setStep] = useState<WechatStep>('signing-in');
  const [problem, setProblem] = useState<AuthProblem | null>(null);
  const [binding, setBinding] = useState<'phone' | 'invite' | null>(null);
  const [inviteOpen, setInviteOpen] = useState(false);
  // The binding's refusal: its field errors show beside the invite form's fields, the rest as the problem above it.
  const [bindError, setBindError] = useState<ApiError | undefined>(undefined);
  const invite = useFormErrors(bindError, INVITE_FIELDS);
  const { setLocal: setInviteLocal } = invite;
  const ticket = useRef<BindTicket | null>(null);
  const mounted = useRef(true);
  const { keyFor, reset } = useRetryKey();

  const start = useCallback(async (): Promise<void> => {
    setStep('signing-in');
    setProblem(null);
    setBindError(undefined);
    setInviteLocal({});
    ticket.current = null;
    reset();
    try {
      let code: string;
      try {
        ({ code } = await Taro.login());
      } catch {
        throw new ApiError('WECHAT_CODE_INVALID', LOGIN_FAILED_MESSAGE, 0);
      }
      const answer = await wechatLogin({ code });
      if (!mounted.current) return;
      if (answer.status === 'signed_in') {
        completeSignIn(answer.session);
        return;
      }
      ticket.current = { value: answer.bindTicket, expiresAt: Date.now() + answer.bindTicketExpiresIn * 1000 };
      setStep('bind');
    } catch (caught) {
      if (!mounted.current) return;
      setProblem(describeAuthProblem(asApiError(caught)));
      setStep('failed');
    }
  }, [reset, setInviteLocal]);

  useEffect(() => {
    mounted.current = true;
    void start();
    return () => {
      mounted.current = false;
    };
  }, [start]);

  /** The ticket if still valid; otherwise explains that the person must start again. */
  const liveTicket = useCallback((): string | null => {
    const current = ticket.current;
    if (current !== null && Date.now() < current.expiresAt) return current.value;
    setProblem(describeAuthProblem(new ApiError('BIND_TICKET_INVALID', TICKET_EXPIRED_MESSAGE, 0)));
    return null;
  }, []);

  const finishBinding = useCallback(
    async (kind: 'phone' | 'invite', request: () => Promise<TokenResponse>): Promise<void> => {
      setBinding(kind);
      setProblem(null);
      setBindError(undefined);
      try {
        const tokens = await request();
        reset();
        completeSignIn(tokens);
      } catch (caught) {
        if (!mounted.current) return;
        const error = asApiError(caught);
        setBindError(error);
        if (error.code === 'BIND_PHONE_NOT_IN_ROSTER') setInviteOpen(true);
      } finally {
        if (mounted.current) setBinding(null);
      }
    },
    [reset],
  );

  const bindWithPhone = useCallback(
    async (detail: PhoneNumberDetail): Promise<void> => {
      if (binding) return;
      if (!detail.code) {
        // Refused in WeChat's sheet, or a base library too old to give a code.
        setProblem({
          message: '没有获取到微信绑定的手机号',
          hint: '可以再点一次并选择“允许”，也可以向组织者索取邀请码，使用邀请码绑定。',
          next: 'invite',
        });
        return;
      }
      const bindTicket = liveTicket();
      if (bindTicket === null) return;
      const phoneCode = detail.code;
      await finishBinding('phone', () => bindByPhone({ bindTicket, phoneCode }, keyFor(`phone:${phoneCode}`)));
    },
    [binding, liveTicket, finishBinding, keyFor],
  );

  const bindWithInvite = useCallback(
    async (form: InviteForm): Promise<void> => {
      if (binding) return;
      const name = form.name.trim();
      const inviteCode = form.inviteCode.trim();
      const errors: InviteFieldErrors = {};
      if (name === '') errors.name = '请填写名册中的姓名';
      if (inviteCode === '') errors.inviteCode = '请填写组织者提供的邀请码';
      setInviteLocal(errors);
      if (errors.name || errors.inviteCode) return;
      const bindTicket = liveTicket();
      if (bindTicket === null) return;
      await finishBinding('invite', () =>
        bindByInvite({ bindTicket, name, inviteCode }, keyFor(`invite:${name}:${inviteCode}`)),
      );
    },
    [binding, liveTicket, finishBinding, keyFor, setInviteLocal],
  );

  // A refusal that shows wholly beside the fields needs no notice; otherwise the notice says what to do next.
  const bindProblem = bindError && invite.message ? { ...describeAuthProblem(bindError), message: invite.message } : null;

  return {
    step,
    problem: problem ?? bindProblem,
    binding,
    inviteOpen,
    fieldErrors: invite.errors as InviteFieldErrors,
    clearField: invite.clear,
    openInvite: () => setInviteOpen(true),
    restart: start,
    bindWithPhone,
    bindWithInvite,
  };
}
