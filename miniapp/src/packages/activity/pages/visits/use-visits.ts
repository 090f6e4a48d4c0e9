import { useCallback, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import type { VisitInput, VisitView } from '@pioneer/shared-types';
import { getActivity, listVisits, recordVisit } from '@/api/activities';
import { useApi, useRefreshOnShow } from '@/hooks/use-api';
import { useFormErrors } from '@/hooks/use-form-errors';
import { usePagedList } from '@/hooks/use-paged-list';
import { useSubmit } from '@/hooks/use-submit';
import { isSignedIn } from '@/services/session';
import { toast } from '@/services/toast';
import { dayKey, isDay } from '../../shared/dates';
import { queryValue } from '../../shared/scan';

export const PAGE_SIZE = 10;
export const PLACE_MAX = 100;
export const NOTE_MAX = 500;
const FIELDS = ['place', 'visitedOn', 'note'] as const;

export function useVisits() {
  const [signedIn, setSignedIn] = useState<boolean>(() => isSignedIn());
  const [activityId, setActivityId] = useState<string | null>(null);
  useLoad((options: Record<string, string | undefined>) => setActivityId(queryValue(options, 'activityId')));
  const fetchActivity = useCallback(() => getActivity(activityId as string), [activityId]);
  const activity = useApi(fetchActivity, { enabled: signedIn && activityId !== null });
  const list = usePagedList<VisitView>((page) => listVisits({ page, pageSize: PAGE_SIZE }), { enabled: signedIn });

  const [place, setPlaceValue] = useState('');
  const [visitedOn, setVisitedOnValue] = useState(() => dayKey(new Date()));
  const [note, setNoteValue] = useState('');
  const submit = useSubmit((key: string, body: VisitInput) => recordVisit(body, key));
  const form = useFormErrors(submit.error, FIELDS);
  const { clear, setLocal } = form;

  const reload = list.reload;
  const reloadActivity = activity.reload;
  const refresh = useCallback(async (): Promise<void> => {
    const nowSignedIn = isSignedIn();
    setSignedIn(nowSignedIn);
    if (nowSignedIn) await Promise.all([reload(), reloadActivity()]);
  }, [reload, reloadActivity]);
  useRefreshOnShow(refresh);
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  const save = useCallback(async (): Promise<void> => {
    const trimmedPlace = place.trim();
    const day = visitedOn.trim();
    const local: Record<string, string | undefined> = {};
    if (trimmedPlace === '') local.place = '请填写走访的住户或村组';
    if (!isDay(day)) local.visitedOn = '请按“2026-03-05”的格式写日期';
    else if (day > dayKey(new Date())) local.visitedOn = '走访日期不能晚于今天';
    setLocal(local);
    if (Object.values(local).some(Boolean)) return;
    const body: VisitInput = {
      activityId: activityId ?? undefined,
      place: trimmedPlace,
      visitedOn: day,
      note: note.trim() || undefined,
    };
    const saved = await submit.run(body);
    if (!saved) return;
    toast('已记录走访');
    setPlaceValue('');
    setNoteValue('');
    await reload();
  }, [place, visitedOn, note, activityId, setLocal, submit, reload]);

  return {
    signedIn,
    activityId,
    activity,
    list,
    place,
    setPlace: (value: string) => {
      setPlaceValue(value);
      clear('place');
    },
    visitedOn,
    setVisitedOn: (value: string) => {
      setVisitedOnValue(value);
      clear('visitedOn');
    },
    note,
    setNote: (value: string) => {
      setNoteValue(value);
      clear('note');
    },
    errors: form.errors,
    message: form.message,
    saving: submit.pending,
    save,
  };
}
