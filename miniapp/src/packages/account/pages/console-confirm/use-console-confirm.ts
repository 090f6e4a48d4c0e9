import { useCallback, useRef, useState } from 'react';
import { useLoad } from '@tarojs/taro';
import { asApiError, type ApiError } from '@/api/api-error';
import { confirmConsoleTicket, scanConsoleTicket } from '@/api/auth';
import { useRetryKey } from '@/hooks/use-retry-key';
import { scanConsoleCode, takePendingConsoleScan } from '@/services/console-scan';
import { goBackOrHome } from '@/services/navigation';
import { toast } from '@/services/toast';

export type ConfirmStep = 'idle' | 'checking' | 'ready' | 'confirming' | 'done' | 'failed';

export interface ConfirmProblem {
  message: string;
  hint: string;
  /** Whether scanning again can help (a fresh code from the computer). */
  rescan: boolean;
}

function describe(error: ApiError): ConfirmProblem {
  switch (error.code) {
    case 'FORBIDDEN':
      return { message: error.message, hint: '只有社区工作者、组织者和管理员可以登录电脑端。', rescan: false };
    case 'CONSOLE_TICKET_EXPIRED':
      return { message: error.message, hint: '请在电脑上点“刷新二维码”，再重新扫码。', rescan: true };
    case 'CONSOLE_TICKET_INVALID':
      return { message: error.message, hint: '请扫描电脑登录页上显示的二维码。', rescan: true };
    default:
      return { message: error.message, hint: '请稍后重试，或在电脑上刷新二维码后重新扫码。', rescan: true };
  }
}

/**
 * Confirming a desktop console sign-in from the phone: tell the server the code was scanned (the computer shows
 * 已扫码), then sign the computer in only on an explicit 确认登录 — scanning alone never does.
 */
export function useConsoleConfirm() {
  const [step, setStep] = useState<ConfirmStep>('idle');
  const [problem, setProblem] = useState<ConfirmProblem | null>(null);
  const payload = useRef<string | null>(null);
  const { keyFor } = useRetryKey();

  const check = useCallback(async (scanned: string): Promise<void> => {
    payload.current = scanned;
    setProblem(null);
    setStep('checking');
    try {
      await scanConsoleTicket({ scanPayload: scanned });
      setStep('ready');
    } catch (caught) {
      setProblem(describe(asApiError(caught)));
      setStep('failed');
    }
  }, []);

  useLoad(() => {
    const scanned = takePendingConsoleScan();
    if (scanned !== null) void check(scanned);
  });

  const rescan = useCallback(async (): Promise<void> => {
    const outcome = await scanConsoleCode();
    if (outcome.kind === 'scanned') {
      await check(outcome.payload);
    } else if (outcome.kind === 'failed') {
      toast('没有识别到二维码，请重试', 'none');
    }
  }, [check]);

  const confirm = useCallback(async (): Promise<void> => {
    const scanned = payload.current;
    if (scanned === null || step !== 'ready') return;
    setStep('confirming');
    try {
      await confirmConsoleTicket({ scanPayload: scanned }, keyFor(scanned));
      setStep('done');
      toast('已确认登录');
    } catch (caught) {
      setProblem(describe(asApiError(caught)));
      setStep('failed');
    }
  }, [step, keyFor]);

  // Nothing to tell the server: an unconfirmed code simply expires on the computer.
  const cancel = useCallback((): void => goBackOrHome(), []);

  return { step, problem, confirm, cancel, rescan };
}
