import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ServiceEndRequest, ServiceRecordView, ServiceType } from '@pioneer/shared-types';
import { asApiError, type ApiError } from '@/api/api-error';
import { hasFieldErrors } from '@/api/field-errors';
import { getOverview } from '@/api/public';
import { endService, getCurrentService, getServiceDay } from '@/api/services';
import { durationHours, formatHours, roomText } from '@/format/hours';
import { useFormErrors } from '@/hooks/use-form-errors';
import { ROUTES } from '@/constants/routes';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { useRetryKey } from '@/hooks/use-retry-key';
import { scanRotatingCode } from '@/services/camera-scan';
import {
  isRetryLater,
  keepEnd,
  pendingWrites,
  type PendingEnd,
  type PendingStart,
} from '@/services/offline-queue';
import { isSignedIn } from '@/services/session';
import { toast } from '@/services/toast';
import { replaceWith } from '../../shared/navigation';
import { serviceProblem, type ServiceProblem } from '../../shared/problems';
import { communityOfCode } from '../../shared/scan';
import { usePendingUploads } from '../../shared/use-pending-uploads';

// The server's limits (EndServiceDto), checked here too so a short text is caught before any network.
export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 500;
const SHORT_CODE_PATTERN = /^\d{6}$/;
export const HOURS_REASON_MIN = 2;
export const HOURS_REASON_MAX = 200;
const FORM_FIELDS = ['serviceType', 'description', 'shortCode', 'code', 'proposedHours', 'hoursReason'] as const;
/** The proposed duration follows the clock while the form is open. */
const TICK_MS = 30_000;
type FormField = (typeof FORM_FIELDS)[number];
export type VisitFieldErrors = Partial<Record<FormField, string>>;

/** The visit being served: known to the server, or a check-in still on the phone. */
export type CurrentVisit =
  | { source: 'server'; record: ServiceRecordView }
  | { source: 'phone'; start: PendingStart };

export type EndMode = 'scan' | 'direct';

const LOCAL_PROBLEMS = {
  scanFailed: {
    code: 'SCAN_FAILED',
    message: '没有识别到签到码',
    hint: '请对准社区工作者手机上正在显示的二维码再扫一次，或选择“直接结束”。',
    next: null,
  },
  storageFull: {
    code: 'STORAGE_FULL',
    message: '网络不通，而且手机存储空间不足，这次签退没能保存',
    hint: '请清理手机空间后再试，或请社区工作者为您登记。',
    next: null,
  },
  otherCommunity: {
    code: 'CHECKIN_CODE_WRONG_COMMUNITY',
    message: '这是其他社区的签到码，请扫描您报到社区的签到码',
    hint: '也可以选择“直接结束”，由社区工作者核定时长。',
    next: null,
  },
} satisfies Record<string, ServiceProblem>;

export function useVisit() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const current = useApi(getCurrentService, { enabled: signedIn });
  const overview = useApi(getOverview, { enabled: process.env.TARO_ENV === 'h5' });
  const demoShortCode = process.env.TARO_ENV === 'h5' && overview.data?.demoMode === true;

  const reloadCurrent = current.reload;
  const uploads = usePendingUploads(current.data?.member.id ?? null, () => {
    void reloadCurrent();
  });

  const pendingStart = uploads.items.find((item): item is PendingStart => item.kind === 'start' && item.state === 'waiting');
  const visit: CurrentVisit | null = current.data
    ? { source: 'server', record: current.data }
    : pendingStart
      ? { source: 'phone', start: pendingStart }
      : null;
  // A check-out of this visit already kept on the phone: the form is done, only the upload is left.
  const keptEnd =
    visit === null
      ? null
      : (uploads.items.find(
          (item): item is PendingEnd =>
            item.kind === 'end' &&
            (visit.source === 'server' ? item.recordId === visit.record.id : item.startKey === visit.start.key),
        ) ?? null);

  const [serviceType, setServiceTypeValue] = useState<ServiceType | ''>('');
  const [description, setDescriptionValue] = useState('');
  const [shortCode, setShortCodeValue] = useState('');
  // null: the member has not touched the hours, which then follow the visit's real duration.
  const [chosenHours, setChosenHours] = useState<number | null>(null);
  const [hoursReason, setHoursReasonValue] = useState('');
  const [serverError, setServerError] = useState<ApiError | undefined>(undefined);
  const form = useFormErrors(serverError, FORM_FIELDS);
  const fieldErrors = form.errors as VisitFieldErrors;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(tick);
  }, []);
  // What is left of today's cap, shown before sending so a proposal above it never has to be refused.
  const day = useApi(() => getServiceDay(), { enabled: signedIn });
  const remaining = day.data?.members[0]?.remaining;
  const maxHours = day.data?.maxHoursPerDay ?? 8;
  const startedAt = visit ? (visit.source === 'server' ? visit.record.startedAt : visit.start.claimedAt) : null;
  const actualHours = startedAt ? durationHours(startedAt, now) : 0.5;
  // A visit longer than a day's cap proposes the cap; the server then says how much of it is left.
  const hours = chosenHours ?? Math.min(actualHours, maxHours);
  const aboveActual = hours > actualHours;
  const [problem, setProblem] = useState<ServiceProblem | null>(null);
  const [busy, setBusy] = useState<EndMode | null>(null);
  const busyRef = useRef(false);
  const { keyFor, reset: resetKey } = useRetryKey();

  const reloadDay = day.reload;
  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    setNow(Date.now());
    if (nowSignedIn) await Promise.all([reloadCurrent(), reloadDay()]);
  }, [reloadCurrent, reloadDay]);

  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const clearField = (field: FormField): void => form.clear(field);

  /** What the form holds, or the first problem with it (shown beside the field). */
  const validate = (): { serviceType: ServiceType; description: string } | null => {
    const errors: VisitFieldErrors = {};
    const text = description.trim();
    if (serviceType === '') errors.serviceType = '请选择服务类型';
    if (text.length < DESCRIPTION_MIN) errors.description = `服务内容至少 ${DESCRIPTION_MIN} 个字，请写得具体一些`;
    if (text.length > DESCRIPTION_MAX) errors.description = `服务内容不能超过 ${DESCRIPTION_MAX} 个字`;
    const typed = shortCode.trim();
    if (demoShortCode && typed !== '' && !SHORT_CODE_PATTERN.test(typed)) errors.shortCode = '请输入 6 位数字签到码';
    if (remaining !== undefined && hours > remaining) errors.proposedHours = roomText(remaining);
    const reason = hoursReason.trim();
    if (aboveActual && (reason.length < HOURS_REASON_MIN || reason.length > HOURS_REASON_MAX)) {
      errors.hoursReason = `申报时长超过实际时长（约 ${formatHours(actualHours)}），请用 ${HOURS_REASON_MIN}–${HOURS_REASON_MAX} 个字说明原因`;
    }
    setServerError(undefined);
    form.setLocal(errors);
    if (Object.keys(errors).length > 0 || serviceType === '') return null;
    return { serviceType, description: text };
  };

  const keep = (
    body: ServiceEndRequest,
    key: string,
    claimedAt: string,
    target: { recordId: string | null; startKey: string | null; startedAt: string; communityName: string; ownerId: string },
  ): void => {
    try {
      keepEnd({ key, claimedAt, body, ...target });
    } catch {
      setProblem(LOCAL_PROBLEMS.storageFull);
      return;
    }
    resetKey();
    uploads.refresh();
    toast('已保存，待上传', 'none');
  };

  const sendEnd = async (record: ServiceRecordView, body: ServiceEndRequest, claimedAt: string): Promise<void> => {
    const key = keyFor({ recordId: record.id, body });
    try {
      await endService(record.id, body, key);
      resetKey();
      toast('已结束服务');
      replaceWith(ROUTES.serviceRecords);
    } catch (caught) {
      const error = asApiError(caught);
      if (isRetryLater(error)) {
        if (body.code !== undefined && communityOfCode(body.code) !== record.community.id) {
          setProblem(LOCAL_PROBLEMS.otherCommunity);
          return;
        }
        keep(body, key, claimedAt, {
          recordId: record.id,
          startKey: null,
          startedAt: record.startedAt,
          communityName: record.community.name,
          ownerId: record.member.id,
        });
        return;
      }
      setServerError(error);
      // Beside its field when it has one (the hours over today's room, the reason); a code problem also explains itself.
      if (hasFieldErrors(error, FORM_FIELDS) && !hasFieldErrors(error, ['code', 'shortCode'])) {
        if (error.code === 'SERVICE_DAILY_CAP') void reloadDay();
        return;
      }
      setProblem(serviceProblem(error));
      if (error.code === 'SERVICE_NOT_OPEN') void reloadCurrent();
    }
  };

  // A plain function: it reads this render's form, and a double tap is stopped by busyRef.
  const submit = async (mode: EndMode): Promise<void> => {
    if (busyRef.current || visit === null || keptEnd !== null) return;
    setProblem(null);
    const filled = validate();
    if (!filled) return;
    busyRef.current = true;
    setBusy(mode);
    try {
      const body: ServiceEndRequest = { serviceType: filled.serviceType, description: filled.description };
      // Untouched hours are left to the server, whose clock ends the visit; a chosen figure (and its reason) is sent.
      if (chosenHours !== null) body.proposedHours = chosenHours;
      if (chosenHours !== null && hoursReason.trim() !== '') body.hoursReason = hoursReason.trim();
      if (mode === 'scan') {
        const outcome = await scanRotatingCode();
        if (outcome.kind === 'cancelled') return;
        if (outcome.kind === 'failed') {
          setProblem(LOCAL_PROBLEMS.scanFailed);
          return;
        }
        body.code = outcome.code;
      } else if (demoShortCode && shortCode.trim() !== '') {
        body.shortCode = shortCode.trim();
      }
      const claimedAt = new Date().toISOString();

      if (visit.source === 'server') {
        await sendEnd(visit.record, body, claimedAt);
        return;
      }
      // The check-in itself is still on the phone: send it first, then the check-out can follow.
      const start = visit.start;
      const outcome = await uploads.flush();
      const started = outcome.uploaded.find((record) => record.endedAt === null);
      if (started) {
        await sendEnd(started, body, claimedAt);
        return;
      }
      const startNow = pendingWrites(start.ownerId).find((item) => item.key === start.key);
      if (startNow?.state === 'waiting') {
        keep(body, keyFor({ startKey: start.key, body }), claimedAt, {
          recordId: null,
          startKey: start.key,
          startedAt: start.claimedAt,
          communityName: start.communityName,
          ownerId: start.ownerId,
        });
      } else {
        setProblem({
          code: 'START_REFUSED',
          message: startNow?.message ?? '这次签到没有上传成功',
          hint: '签到没有被接受，签退也无法上传。可以放弃这条记录，请社区工作者为您补录。',
          next: null,
        });
      }
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  };

  return {
    signedIn,
    current,
    visit,
    keptEnd,
    uploads,
    demoShortCode,
    serviceType,
    setServiceType: (value: ServiceType) => {
      setServiceTypeValue(value);
      clearField('serviceType');
    },
    description,
    setDescription: (value: string) => {
      setDescriptionValue(value);
      clearField('description');
    },
    shortCode,
    setShortCode: (value: string) => {
      setShortCodeValue(value);
      clearField('shortCode');
    },
    hours,
    actualHours,
    aboveActual,
    remaining,
    maxHours,
    setHours: (value: number) => {
      setChosenHours(value);
      clearField('proposedHours');
    },
    hoursReason,
    setHoursReason: (value: string) => {
      setHoursReasonValue(value);
      clearField('hoursReason');
    },
    fieldErrors,
    problem,
    busy,
    submit,
    refresh,
  };
}
