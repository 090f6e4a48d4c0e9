import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import type { ServiceStartRequest } from '@pioneer/shared-types';
import { asApiError } from '@/api/api-error';
import { getOverview } from '@/api/public';
import { listMyRegistrations } from '@/api/registrations';
import { getCurrentService, startService } from '@/api/services';
import { ROUTES } from '@/constants/routes';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { useRetryKey } from '@/hooks/use-retry-key';
import { scanRotatingCode } from '@/services/camera-scan';
import { isRetryLater, keepStart, serviceContext } from '@/services/offline-queue';
import { isSignedIn } from '@/services/session';
import { toast } from '@/services/toast';
import { locateForCheckin } from '../../shared/location';
import { replaceWith } from '../../shared/navigation';
import { serviceProblem, type ServiceProblem } from '../../shared/problems';
import { activeRegistration, approvedRegistration, rememberRegistrations } from '../../shared/registration';
import { communityOfCode } from '../../shared/scan';
import { usePendingUploads } from '../../shared/use-pending-uploads';

export type CheckinMethod = 'scan' | 'location' | 'short-code';

/** Where the member checks in: their approved community, from the server or, offline, from what the phone kept. */
export interface CheckinPlace {
  memberId: string;
  community: { id: string; name: string };
  /** True when the server could not be reached and the phone's last known registration is used. */
  remembered: boolean;
}

const SHORT_CODE_PATTERN = /^\d{6}$/;

const LOCAL_PROBLEMS = {
  scanFailed: {
    code: 'SCAN_FAILED',
    message: '没有识别到签到码',
    hint: '请对准社区工作者手机上正在显示的二维码，再扫一次。',
    next: 'rescan',
  },
  locationDenied: {
    code: 'LOCATION_DENIED',
    message: '没有获得您的位置',
    hint: '定位签到需要您同意获取一次位置。也可以改用扫码签到，或请社区工作者为您登记。',
    next: null,
  },
  locationUnavailable: {
    code: 'LOCATION_UNAVAILABLE',
    message: '暂时无法获取位置',
    hint: '请到开阔处再试，或改用扫码签到，也可以请社区工作者为您登记。',
    next: null,
  },
  storageFull: {
    code: 'STORAGE_FULL',
    message: '网络不通，而且手机存储空间不足，这次签到没能保存',
    hint: '请清理手机空间后再试，或请社区工作者为您登记。',
    next: null,
  },
  notACode: {
    code: 'CHECKIN_CODE_INVALID',
    message: '这不是签到码',
    hint: '请扫描社区工作者手机上“签到码”页面显示的二维码。',
    next: 'rescan',
  },
  otherCommunity: {
    code: 'CHECKIN_CODE_WRONG_COMMUNITY',
    message: '这是其他社区的签到码，请扫描您报到社区的签到码',
    hint: '只能在您报到的社区签到。如果您已经搬家，请先在“报到社区”中更换社区。',
    next: 'register',
  },
} satisfies Record<string, ServiceProblem>;

export function useCheckin() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  // Opened from a community need the member signed up for (`?needId=`): the visit is linked to that need.
  const [needId, setNeedId] = useState<string | undefined>(undefined);
  useLoad((options: Record<string, string | undefined>) => {
    setNeedId(options.needId ? decodeURIComponent(options.needId) : undefined);
  });
  const registrations = useApi(listMyRegistrations, { enabled: signedIn });
  const current = useApi(getCurrentService, { enabled: signedIn });
  // Typing the short code is a demo-only convenience of the desktop browser (no camera scan there).
  const overview = useApi(getOverview, { enabled: process.env.TARO_ENV === 'h5' });
  const demoShortCode = process.env.TARO_ENV === 'h5' && overview.data?.demoMode === true;

  const approved = approvedRegistration(registrations.data);
  const pendingRegistration = activeRegistration(registrations.data)?.status === 'pending';
  const memberId = registrations.data?.[0]?.member.id ?? current.data?.member.id ?? null;
  const [remembered] = useState(() => serviceContext());
  const unreachable = !registrations.data && registrations.error !== undefined && isRetryLater(registrations.error);

  let place: CheckinPlace | null = null;
  if (approved) {
    place = { memberId: approved.member.id, community: approved.community, remembered: false };
  } else if (unreachable && remembered?.community) {
    place = { memberId: remembered.memberId, community: remembered.community, remembered: true };
  }

  useEffect(() => {
    if (registrations.data) rememberRegistrations(registrations.data);
  }, [registrations.data]);

  const reloadRegistrations = registrations.reload;
  const reloadCurrent = current.reload;
  const uploads = usePendingUploads(memberId, () => {
    void reloadCurrent();
  });
  const pendingStart = uploads.items.find((item) => item.kind === 'start') ?? null;

  const [problem, setProblem] = useState<ServiceProblem | null>(null);
  const [busy, setBusy] = useState<CheckinMethod | null>(null);
  const busyRef = useRef(false);
  const [shortCode, setShortCodeValue] = useState('');
  const [shortCodeError, setShortCodeError] = useState<string | undefined>(undefined);
  const { keyFor, reset: resetKey } = useRetryKey();

  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await Promise.all([reloadRegistrations(), reloadCurrent()]);
  }, [reloadRegistrations, reloadCurrent]);

  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const start = useCallback(
    async (request: ServiceStartRequest): Promise<void> => {
      if (!place) return;
      const body: ServiceStartRequest = needId ? { ...request, needId } : request;
      // The moment the person acted: what the record claims if it has to wait on the phone.
      const claimedAt = new Date().toISOString();
      const key = keyFor(body);
      try {
        await startService(body, key);
        resetKey();
        toast('签到成功');
        replaceWith(ROUTES.serviceVisit);
      } catch (caught) {
        const error = asApiError(caught);
        if (!isRetryLater(error)) {
          setProblem(serviceProblem(error));
          if (error.code === 'SERVICE_ALREADY_OPEN') void reloadCurrent();
          if (error.code === 'REGISTRATION_REQUIRED' || error.code === 'CHECKIN_CODE_WRONG_COMMUNITY') {
            void reloadRegistrations();
          }
          return;
        }
        // No answer: keep it on the phone rather than lose it — unless it could never be accepted.
        const codeCommunity = body.code !== undefined ? communityOfCode(body.code) : undefined;
        if (codeCommunity === null) {
          setProblem(LOCAL_PROBLEMS.notACode);
          return;
        }
        if (codeCommunity !== undefined && codeCommunity !== place.community.id) {
          setProblem(LOCAL_PROBLEMS.otherCommunity);
          return;
        }
        try {
          keepStart({ key, ownerId: place.memberId, communityName: place.community.name, claimedAt, body });
        } catch {
          setProblem(LOCAL_PROBLEMS.storageFull);
          return;
        }
        resetKey();
        uploads.refresh();
        toast('已保存，待上传', 'none');
      }
    },
    [place, needId, keyFor, resetKey, reloadCurrent, reloadRegistrations, uploads],
  );

  /** One action at a time: a second tap while the first runs does nothing. */
  const guarded = useCallback(async (method: CheckinMethod, run: () => Promise<void>): Promise<void> => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(method);
    setProblem(null);
    try {
      await run();
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  }, []);

  const scan = useCallback(
    () =>
      guarded('scan', async () => {
        const outcome = await scanRotatingCode();
        if (outcome.kind === 'cancelled') return;
        if (outcome.kind === 'failed') {
          setProblem(LOCAL_PROBLEMS.scanFailed);
          return;
        }
        await start({ code: outcome.code });
      }),
    [guarded, start],
  );

  const locate = useCallback(
    () =>
      guarded('location', async () => {
        if (!place) return;
        const outcome = await locateForCheckin();
        if (outcome.kind === 'denied') {
          setProblem(LOCAL_PROBLEMS.locationDenied);
          return;
        }
        if (outcome.kind === 'unavailable') {
          setProblem(LOCAL_PROBLEMS.locationUnavailable);
          return;
        }
        await start({ location: outcome.point, communityId: place.community.id });
      }),
    [guarded, start, place],
  );

  const submitShortCode = useCallback(
    () =>
      guarded('short-code', async () => {
        if (!place) return;
        const code = shortCode.trim();
        if (!SHORT_CODE_PATTERN.test(code)) {
          setShortCodeError('请输入 6 位数字签到码');
          return;
        }
        await start({ shortCode: code, communityId: place.community.id });
      }),
    [guarded, start, place, shortCode],
  );

  return {
    signedIn,
    forNeed: needId !== undefined,
    registrations,
    current,
    place,
    pendingRegistration,
    pendingStart,
    uploads,
    demoShortCode,
    problem,
    busy,
    scan,
    locate,
    shortCode,
    setShortCode: (value: string) => {
      setShortCodeValue(value);
      setShortCodeError(undefined);
    },
    shortCodeError,
    submitShortCode,
    refresh,
  };
}
