import { useCallback, useState } from 'react';
import { useLoad } from '@tarojs/taro';
import type { AttendanceScanRequest, SignupView } from '@pioneer/shared-types';
import { getActivity, scanAttendance } from '@/api/activities';
import { getOverview } from '@/api/public';
import { useApi } from '@/hooks/use-api';
import { useSubmit } from '@/hooks/use-submit';
import { scanRotatingCode } from '@/services/camera-scan';
import { isSignedIn } from '@/services/session';
import { toast } from '@/services/toast';
import { queryValue } from '../../shared/scan';

const SHORT_CODE_PATTERN = /^\d{6}$/;

export function useScan() {
  const [signedIn] = useState<boolean>(() => isSignedIn());
  const [id, setId] = useState<string | null | undefined>(undefined);
  useLoad((options: Record<string, string | undefined>) => setId(queryValue(options, 'id')));
  const fetcher = useCallback(() => getActivity(id as string), [id]);
  const activity = useApi(fetcher, { enabled: signedIn && typeof id === 'string' });
  // Typing the six digits is a demo-only convenience of the desktop browser, which has no camera scan.
  const overview = useApi(getOverview, { enabled: process.env.TARO_ENV === 'h5' });
  const demoShortCode = process.env.TARO_ENV === 'h5' && overview.data?.demoMode === true;

  const [result, setResult] = useState<SignupView | null>(null);
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  const [shortCode, setShortCodeValue] = useState('');
  const [shortCodeError, setShortCodeError] = useState<string | undefined>(undefined);
  const submit = useSubmit((key: string, activityId: string, body: AttendanceScanRequest) => scanAttendance(activityId, body, key));

  const send = useCallback(
    async (body: AttendanceScanRequest): Promise<void> => {
      if (typeof id !== 'string') return;
      const saved = await submit.run(id, body);
      if (!saved) return;
      setResult(saved);
      setShortCodeValue('');
      toast(saved.checkedOutAt ? '已记录离开' : '已记录到达');
    },
    [id, submit],
  );

  const scan = useCallback(async (): Promise<void> => {
    setScanProblem(null);
    submit.clearError();
    const outcome = await scanRotatingCode();
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'failed') {
      setScanProblem('没有识别到签到码，请对准组织者手机上正在显示的二维码再扫一次');
      return;
    }
    await send({ code: outcome.code });
  }, [send, submit]);

  const submitShortCode = useCallback(async (): Promise<void> => {
    const code = shortCode.trim();
    if (!SHORT_CODE_PATTERN.test(code)) {
      setShortCodeError('请输入 6 位数字签到码');
      return;
    }
    await send({ shortCode: code });
  }, [send, shortCode]);

  return {
    signedIn,
    missingId: id === null,
    activity,
    demoShortCode,
    result,
    busy: submit.pending,
    error: submit.error,
    scanProblem,
    scan,
    shortCode,
    setShortCode: (value: string) => {
      setShortCodeValue(value);
      setShortCodeError(undefined);
    },
    shortCodeError,
    submitShortCode,
  };
}
