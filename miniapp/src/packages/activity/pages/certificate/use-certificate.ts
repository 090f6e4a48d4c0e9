import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { CertificateRequest, CertificateView } from '@pioneer/shared-types';
import { createCertificate, listMyCertificates } from '@/api/activities';
import { useRefreshOnShow } from '@/hooks/use-api';
import { useFormErrors } from '@/hooks/use-form-errors';
import { usePagedList } from '@/hooks/use-paged-list';
import { useSubmit } from '@/hooks/use-submit';
import { isSignedIn } from '@/services/session';
import { toast } from '@/services/toast';
import { dayKey, isDay } from '../../shared/dates';

export const PAGE_SIZE = 10;
/** The server's limit: a certificate covers at most three years. */
const MAX_YEARS = 3;
const FIELDS = ['from', 'to'] as const;

/** The paged list needs an id; a certificate's is its serial. */
export type IssuedCertificate = CertificateView & { id: string };

function yearsLater(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
}

export function useCertificate() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const now = new Date();
  const [from, setFromValue] = useState(() => `${now.getFullYear()}-01-01`);
  const [to, setToValue] = useState(() => dayKey(now));
  const [shown, setShown] = useState<CertificateView | null>(null);
  const list = usePagedList<IssuedCertificate>(
    async (page) => {
      const result = await listMyCertificates({ page, pageSize: PAGE_SIZE });
      return { ...result, items: result.items.map((item) => ({ ...item, id: item.serial })) };
    },
    { enabled: signedIn },
  );
  const submit = useSubmit((key: string, body: CertificateRequest) => createCertificate(body, key));
  const form = useFormErrors(submit.error, FIELDS);
  const { clear, setLocal } = form;

  const reload = list.reload;
  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await reload();
  }, [reload]);
  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const issue = useCallback(async (): Promise<void> => {
    const start = from.trim();
    const end = to.trim();
    const local: Record<string, string | undefined> = {};
    if (!isDay(start)) local.from = '请按“2026-01-01”的格式写日期';
    if (!isDay(end)) local.to = '请按“2026-12-31”的格式写日期';
    else if (isDay(start) && end < start) local.to = '结束日期不能早于开始日期';
    else if (isDay(start) && end > yearsLater(start, MAX_YEARS)) local.to = '一份证明最多包括 3 年';
    setLocal(local);
    if (Object.values(local).some(Boolean)) return;
    const certificate = await submit.run({ from: start, to: end });
    if (!certificate) return;
    setShown(certificate);
    toast('证明已开具');
    await reload();
  }, [from, to, setLocal, submit, reload]);

  return {
    signedIn,
    from,
    to,
    setFrom: (value: string) => {
      setFromValue(value);
      clear('from');
    },
    setTo: (value: string) => {
      setToValue(value);
      clear('to');
    },
    errors: form.errors,
    message: form.message,
    issuing: submit.pending,
    issue,
    shown,
    show: setShown,
    list,
  };
}
